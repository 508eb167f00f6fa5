# Classes deriving from typing.Generic compile natively: the type
# parameters are erased (Any), Stack[int] in an annotation is a Stack, and
# at run time Stack[int] is a types.GenericAlias through __class_getitem__
# (documented: typing.Generic is not in the MRO and __orig_bases__ and
# __parameters__ are missing).
import typing
from typing import Dict, Generic, Iterator, List, Optional, TypeVar

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, x: T) -> None:
        self.items.append(x)

    def pop(self) -> T:
        return self.items.pop()

    def peek(self) -> Optional[T]:
        return self.items[-1] if self.items else None

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)


class Cache(typing.Generic[K, V]):
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.data: Dict[K, V] = {}
        self.order: List[K] = []

    def put(self, k: K, v: V) -> None:
        if k not in self.data:
            self.order.append(k)
        self.data[k] = v
        while len(self.order) > self.limit:
            del self.data[self.order.pop(0)]

    def get(self, k: K, default: Optional[V] = None) -> Optional[V]:
        return self.data.get(k, default)


class IntStack(Stack[int]):
    def total(self) -> int:
        t = 0
        for x in self.items:
            t += x
        return t


class Named(Stack[T]):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def describe(self) -> str:
        return "%s%r" % (self.name, self.items)


def fill(s: Stack[int], n: int) -> int:
    for i in range(n):
        s.push(i * i)
    top = s.peek()
    return len(s) + (top if top is not None else -1)


def drain(s: Stack[str]) -> str:
    out = ""
    while len(s):
        out += s.pop()
    return out


s: Stack[int] = Stack()
print(fill(s, 5), list(s))
w = Stack[str]()
for ch in "abc":
    w.push(ch)
print(drain(w), w.peek())
c: Cache[str, int] = Cache(2)
for i, k in enumerate(["a", "b", "a", "c", "d"]):
    c.put(k, i)
print(c.data, c.get("a"), c.get("d", -1), c.get("zz"))
i_s = IntStack()
print(fill(i_s, 4), i_s.total(), isinstance(i_s, Stack), Stack[int]().peek())
n = Named[float]("n")
n.push(1.5)
print(n.describe(), Stack[int], Cache[str, int], IntStack.__name__)
