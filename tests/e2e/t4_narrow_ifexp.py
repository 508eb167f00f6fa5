# Conditional expressions narrow like if statements: each branch sees what
# the test implies.  Also the dotted spellings collections.abc.X and
# typing.X in annotations, and annotations written as strings.
import collections.abc
import typing
from typing import Optional, Union


class Node:
    def __init__(self, v: int, nxt: "Optional[Node]") -> None:
        self.v = v
        self.nxt = nxt


def value(d: Optional[Node]) -> int:
    return 0 if d is None else d.v


def value2(d: Optional[Node]) -> int:
    return d.v if d is not None else -1


def second(d: Optional[Node]) -> int:
    return d.nxt.v if d is not None and d.nxt is not None else -2


def size(x: Union[int, str]) -> int:
    return len(x) if isinstance(x, str) else x


def truthy(s: Optional[str]) -> str:
    return s.upper() if s else "<empty>"


def total(xs: collections.abc.Iterable[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t


def count(xs: typing.List[int], ys: collections.abc.Sequence[int]) -> int:
    return len(xs) + len(ys)


print(value(None), value(Node(4, None)), value2(None), value2(Node(5, None)))
print(second(None), second(Node(1, None)), second(Node(1, Node(9, None))))
print(size("abc"), size(7), truthy(None), truthy(""), truthy("hi"))
print(total([1, 2, 3]), total(range(5)), count([1], (2, 3)))


def chain(d: "dict[str, 'Node']", k: str) -> "list[int]":
    n: "Optional[Node]" = d.get(k)
    out: "list[int]" = []
    while n is not None:
        out.append(n.v)
        n = n.nxt
    return out


print(chain({"a": Node(1, Node(2, None))}, "a"), chain({}, "b"))
