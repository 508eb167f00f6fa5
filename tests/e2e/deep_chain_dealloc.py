# Dropping a long chain of native instances at once (a linked list) frees
# them one inside another; past a nesting bound the interpreter's trashcan
# takes over (emit/cgen_class.c), so the C stack does not overflow.  Once
# a segfault at about 100k links.
from typing import Optional


class Cell:
    def __init__(self, value: int, tail: Optional["Cell"]) -> None:
        self.value = value
        self.tail = tail


class Node:
    def __init__(self, items: list[object]) -> None:
        self.items = items


def build(n: int) -> Cell:
    head = Cell(0, None)
    for i in range(n):
        head = Cell(i, head)
    return head


def build_mixed(n: int) -> Node:
    # native objects and lists alternate along the chain
    node = Node([])
    for i in range(n):
        node = Node([i, node])
    return node


def length(c: Optional[Cell]) -> int:
    n = 0
    while c is not None:
        n += 1
        c = c.tail
    return n


def main() -> None:
    c = build(500000)
    print(c.value, length(c))
    c = build(1)
    print("dropped", length(c))
    m = build_mixed(300000)
    print(len(m.items))
    m = Node([])
    print("dropped mixed")


main()
