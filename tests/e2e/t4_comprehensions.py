# List, dict and set comprehensions: filters, nested `for` clauses, several
# `if`s, comprehension variables that do not leak into the function, and
# comprehensions over typed containers, strings and ranges.
from typing import Dict, List, Set


def evens(n: int) -> list[int]:
    return [i for i in range(n) if i % 2 == 0]


def pairs(n: int) -> list[tuple[int, int]]:
    return [(i, j) for i in range(n) for j in range(i) if (i + j) % 2 == 1]


def flatten(grid: list[list[int]]) -> list[int]:
    return [x for row in grid for x in row]


def two_ifs(xs: list[int]) -> list[int]:
    return [x * 10 for x in xs if x > 0 if x % 3 != 0]


def squares_map(xs: List[int]) -> Dict[int, int]:
    return {x: x * x for x in xs}


def lengths(words: list[str]) -> dict[str, int]:
    return {w: len(w) for w in words if w}


def invert(d: dict[str, int]) -> dict[int, str]:
    return {v: k for k, v in d.items()}


def residues(xs: list[int], m: int) -> Set[int]:
    return {x % m for x in xs}


def chars(s: str) -> set[str]:
    return {c for c in s if c != " "}


def outer_ref(xs: list[int], k: int) -> list[int]:
    base = 100
    return [base + k * x for x in xs]


def nested_comp(n: int) -> list[list[int]]:
    return [[i * j for j in range(n)] for i in range(n)]


def sum_comp(n: int) -> int:
    return sum([i for i in range(n)])


def strs(xs: list[int]) -> list[str]:
    return [str(x) + "!" for x in xs]


def tuple_target(ps: list[tuple[int, str]]) -> list[str]:
    return [s * n for n, s in ps]


def empty() -> list[int]:
    return [x for x in range(0)]


print(evens(10), evens(0))
print(pairs(4))
print(flatten([[1, 2], [], [3]]))
print(two_ifs([-3, 1, 2, 3, 4, 5, 6, 7]))
print(squares_map([1, 2, 3, 2]))
print(lengths(["a", "", "abc"]))
print(invert({"a": 1, "b": 2, "c": 1}))
print(sorted(residues([1, 5, 9, 2, 6], 4)), sorted(chars("a b a c")))
print(outer_ref([1, 2], 3))
print(nested_comp(3))
print(sum_comp(101))
print(strs([1, -2]))
print(tuple_target([(2, "ab"), (0, "x"), (3, "-")]))
print(empty())
# Comprehension variables do not leak (module level; see the report for the
# function-level case).
x = "module x"
k = 7
xs = [x * 2 for x in range(3)]
ks = {k: str(k) for k in "ab"}
print(x, k, xs, ks)
