# typing names the checker has no representation for yet (Mapping, Literal,
# TypeVar, Protocol, NamedTuple, abstract collections...) compile: their
# values are dynamic; Literal takes its values' type; NewType is its base.
from typing import Mapping, MutableMapping, Literal, TypeVar, Protocol, NamedTuple, Sequence, AbstractSet, Deque
from collections import deque

T = TypeVar("T")


class HasLen(Protocol):
    def __len__(self) -> int: ...


class Pt(NamedTuple):
    x: int
    y: int


def total(m: Mapping[str, int]) -> int:
    return sum(m.values())


def put(m: MutableMapping[str, int], k: str) -> None:
    m[k] = 1


def mode(x: Literal["a", "b"]) -> str:
    return x * 2


def first(xs: Sequence[T]) -> T:
    return xs[0]


def size(x: HasLen) -> int:
    return len(x)


def norm(p: Pt) -> int:
    return p.x + p.y


def keys(s: AbstractSet[str]) -> int:
    return len(s)


from typing import DefaultDict, Counter, NewType
from collections import defaultdict
import collections

UserId = NewType("UserId", int)


def next_id(u: UserId) -> UserId:
    return UserId(u + 1)


def count(words: list[str]) -> DefaultDict[str, int]:
    d: DefaultDict[str, int] = defaultdict(int)
    for w in words:
        d[w] += 1
    return d


def common(words: list[str]) -> Counter[str]:
    return collections.Counter(words)


def lit(n: Literal[1, 2, 3]) -> int:
    return n * 10


print(total({"a": 1, "b": 2}), mode("a"), first([3, 4]), size([1]), norm(Pt(1, 2)), keys({"x"}))
print(next_id(UserId(41)), dict(count(["a", "b", "a"])), common(["x", "y", "x"]).most_common(1), lit(2))
