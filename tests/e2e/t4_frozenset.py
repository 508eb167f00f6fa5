# Typed frozensets: frozenset[T] and FrozenSet[T] parameters and returns,
# frozenset() from an iterable, membership, len, iteration (printed
# sorted), the non-mutating methods, and the operators, whose result
# takes the kind of the left operand as in the interpreter.
from typing import FrozenSet
from _harness import check


def freeze(xs: list[int]) -> frozenset[int]:
    return frozenset(xs)


def has(s: frozenset[str], w: str) -> tuple[bool, bool]:
    return w in s, w not in s


def size(s: FrozenSet[int]) -> int:
    return len(s)


def total(s: frozenset[int]) -> int:
    t = 0
    for x in s:
        t += x
    return t


def methods(a: frozenset[int], b: frozenset[int]) -> tuple[bool, bool, bool, int]:
    u = a.union(b)
    return a.issubset(u), u.issuperset(b), a.isdisjoint(b), len(a.intersection(b))


def ops(a: frozenset[int], b: set[int]) -> list[int]:
    both = a & b
    either = a | b
    return [len(both), len(either), len(a - b), len(a ^ b)]


def kinds(a: frozenset[int], b: set[int]) -> tuple[str, str]:
    return type(a | b).__name__, type(b | a).__name__


def from_str(s: str) -> frozenset[str]:
    return frozenset(s)


def keyed(d: dict[frozenset[int], str], k: frozenset[int]) -> str:
    return d[k]


print(sorted(freeze([3, 1, 3, 2])))
print(has(frozenset(["a", "b"]), "a"), has(frozenset(), "z"))
print(size(frozenset(range(10))), size(frozenset()))
print(total(frozenset([5, 6, 7])))
print(methods(frozenset([1, 2]), frozenset([2, 3])))
print(methods(frozenset([1]), frozenset([4])))
print(ops(frozenset([1, 2, 3]), {2, 3, 4}))
print(kinds(frozenset([1]), {2}))
print(sorted(from_str("hello")))
print(keyed({frozenset([1, 2]): "one-two"}, frozenset([2, 1])))
check(keyed, {frozenset([1]): "x"}, frozenset([9]))
print(type(freeze([])).__name__, freeze([]) == frozenset())
