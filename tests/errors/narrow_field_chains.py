# checks: a chain of fields (`self.head.nxt`) narrowed by a test stays
# narrowed only until the variable is assigned or any of the chain's
# attributes is stored, through any variable; a chain narrowed to None
# has no attributes at all. isinstance() narrows chains the same way.
from typing import Optional, Union


class Node:
    def __init__(self, v: int, nxt: "Optional[Node]" = None) -> None:
        self.v = v
        self.nxt = nxt


class Chain:
    def __init__(self) -> None:
        self.head: Optional[Node] = None

    def store_through_alias(self, other: Node) -> int:
        if self.head is not None and self.head.nxt is not None:
            other.nxt = None
            return self.head.nxt.v
        return 0

    def store_prefix(self, n: Node) -> int:
        if self.head is not None and self.head.nxt is not None:
            self.head = n
            return self.head.nxt.v
        return 0

    def rebind_root(self, c: "Chain") -> int:
        s = self
        if s.head is not None and s.head.nxt is not None:
            s = c
            return s.head.nxt.v
        return 0

    def set_to_none(self) -> int:
        if self.head is not None and self.head.nxt is not None:
            self.head.nxt = None
            return self.head.nxt.v
        return 0

    def in_loop(self) -> int:
        total = 0
        if self.head is not None and self.head.nxt is not None:
            while total < 3:
                total += self.head.nxt.v
                self.head.nxt = self.head.nxt.nxt
        return total

    def other_branch(self) -> int:
        if self.head is not None and self.head.nxt is not None:
            return 1
        return self.head.nxt.v


class Shape:
    pass


class Circle(Shape):
    def __init__(self, r: float) -> None:
        self.r = r


class Holder:
    def __init__(self, s: Shape, v: Union[int, str]) -> None:
        self.s = s
        self.v = v

    def isinstance_then_store(self, t: Shape) -> float:
        if isinstance(self.s, Circle):
            self.s = t
            return self.s.r
        return 0.0

    def isinstance_other_branch(self) -> int:
        if isinstance(self.v, int):
            return self.v + 1
        return self.v + 1
