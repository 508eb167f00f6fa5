# Documented difference (docs/guide.md, Narrowing): a narrowed attribute
# or chain of attributes stays narrowed across calls, as in mypy. A call
# that sets it to None behind the test's back makes the compiled read
# raise TypeError where it is used; the interpreter raises AttributeError
# one step later. Neither crashes.
from typing import Optional


class Node:
    def __init__(self, v: int, nxt: "Optional[Node]" = None) -> None:
        self.v = v
        self.nxt = nxt


class Chain:
    def __init__(self) -> None:
        self.head: Optional[Node] = Node(1, Node(2))

    def cut(self) -> None:
        if self.head is not None:
            self.head.nxt = None

    def clear(self) -> None:
        self.head = None

    def second(self) -> int:
        if self.head is not None and self.head.nxt is not None:
            self.cut()
            return self.head.nxt.v
        return -1

    def first(self) -> int:
        if self.head is not None:
            self.clear()
            return self.head.v
        return -1


def attempt(f) -> str:  # type: ignore[no-untyped-def]
    try:
        return str(f())
    except (TypeError, AttributeError) as e:
        return "%s: %s" % (type(e).__name__, e)


print(attempt(Chain().second))
print(attempt(Chain().first))
