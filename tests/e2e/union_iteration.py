# Iterating a value whose type is a union of iterables (the checker said
# "object is not iterable" before), and `d.get(k, [])` on a dict of lists
# typed as the dict's value type (mypy infers the empty display from
# context); a default of another kind (an int for a float value) keeps
# its own type and value.
from typing import Union
from _harness import check


def neighbours(graph: dict[int, list[tuple[int, float]]], u: int) -> list[float]:
    out = []
    for v, w in graph.get(u, []):
        out.append(v + w)
    return out


def flatten(x: Union[list[int], tuple[int, ...], set[int]]) -> list[int]:
    return sorted(i * 2 for i in x)


def chars(x: Union[str, list[str]]) -> list[str]:
    return [c.upper() for c in x]


def lookup(d: dict[str, float], k: str) -> object:
    return d.get(k, 0)


check(neighbours, {0: [(1, 1.5), (2, 4.0)]}, 0)
check(neighbours, {0: [(1, 1.5)]}, 7)
check(flatten, [3, 1])
check(flatten, (2, 5))
check(flatten, {4})
check(chars, "ab")
check(chars, ["x", "yz"])
check(lookup, {"a": 1.5}, "a")
check(lookup, {"a": 1.5}, "b")
