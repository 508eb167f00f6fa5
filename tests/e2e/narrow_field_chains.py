"""Chains of fields narrowed by tests (`self.head.nxt is not None`,
truthiness, `and`, early return, isinstance, walrus) as mypy narrows them,
through self, a parameter and a local; then assignments that end the
narrowing."""
from typing import Optional, Union


class Node:
    def __init__(self, v: int, nxt: "Optional[Node]" = None) -> None:
        self.v = v
        self.nxt = nxt


class Chain:
    def __init__(self, *vals: int) -> None:
        self.head: Optional[Node] = None
        for v in reversed(vals):
            self.head = Node(v, self.head)

    def second(self) -> int:
        if self.head is not None and self.head.nxt is not None:
            return self.head.nxt.v
        return -1

    def third(self) -> int:
        if self.head and self.head.nxt and self.head.nxt.nxt:
            return self.head.nxt.nxt.v
        return -1

    def drop_second(self) -> int:
        if self.head is None or self.head.nxt is None:
            return -1
        v = self.head.nxt.v
        self.head.nxt = self.head.nxt.nxt
        return v

    def set_third(self, v: int) -> str:
        if self.head is not None and self.head.nxt is not None:
            self.head.nxt.nxt = Node(v)
            return "third %d" % self.head.nxt.nxt.v
        return "short"


class Shape:
    def area(self) -> float:
        return 0.0


class Circle(Shape):
    def __init__(self, r: float) -> None:
        self.r = r

    def area(self) -> float:
        return 3.0 * self.r * self.r


class Holder:
    def __init__(self, s: Shape, v: Union[int, str]) -> None:
        self.s = s
        self.v = v
        self.o: Optional[Shape] = s
        self.inner: Optional[Holder] = None

    def radius(self) -> float:
        if isinstance(self.s, Circle):
            return self.s.r
        return -1.0

    def vsize(self) -> int:
        if isinstance(self.v, str):
            return len(self.v) * 100
        return self.v + 1

    def inner_radius(self) -> float:
        if self.inner is not None and isinstance(self.inner.o, Circle):
            return self.inner.o.r + self.inner.o.area()
        return -2.0


def holders() -> None:
    h = Holder(Circle(2.0), "abc")
    g = Holder(Shape(), 41)
    h.inner = g
    g.inner = h
    for x in (h, g):
        print(x.radius(), x.vsize(), x.inner_radius())


def walrus(c: Chain) -> int:
    if (h := c.head) is not None and (n := h.nxt):
        return h.v + n.v * 10
    return -3


def second_of(c: Chain) -> int:
    h = c.head
    if h is not None and h.nxt is not None and h.nxt.nxt is None:
        return h.nxt.v * 10
    return c.second()


def main() -> None:
    for vals in [(), (1,), (1, 2), (1, 2, 3), (4, 5, 6, 7)]:
        c = Chain(*vals)
        print(vals, c.second(), c.third(), second_of(c), walrus(c), c.set_third(9), c.third())
        print("  dropped", c.drop_second(), c.drop_second(), c.second())
    holders()


main()
