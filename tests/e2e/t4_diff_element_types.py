# Documented difference 1, for elements: a correctly-typed container whose
# elements have the wrong type. Compiled code checks each element as it is
# read out of a list[int]/dict[str, int]/set[str]/Iterable[int]
# (TypeError: expected int, got str); the interpreter fails later with its
# own error, or not at all. Never a crash.
# Expected compiled output: t4_diff_element_types.compiled.out
from typing import Iterable
from _harness import check


def total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t


def first(xs: list[int]) -> int:
    return xs[0]


def last_word(ws: list[str]) -> str:
    return ws[-1]


def bumped(xs: list[int]) -> list[int]:
    return [x + 1 for x in xs]


def dsum(d: dict[str, int]) -> int:
    t = 0
    for v in d.values():
        t += v
    return t


def dget(d: dict[str, int], k: str) -> int:
    return d[k]


def dkeys(d: dict[str, int]) -> str:
    out = ""
    for k in d:
        out = out + k
    return out


def ditems(d: dict[str, int]) -> int:
    t = 0
    for k, v in d.items():
        t += v
    return t


def isum(xs: Iterable[int]) -> int:
    s = 0
    for x in xs:
        s += x
    return s


def sset(s: set[str]) -> int:
    n = 0
    for w in s:
        n += len(w)
    return n


def nested(g: list[list[int]]) -> int:
    t = 0
    for row in g:
        for x in row:
            t += x
    return t


print("start")
check(total, [1, 2])
check(total, [1, "a"])
check(total, [1, 2.5])
check(total, [True, 2])
check(first, ["a"])
check(first, [None])
check(last_word, ["a", 3])
check(bumped, [1, 2.5])
check(dsum, {"a": 1, "b": "x"})
check(dget, {"a": 1.5}, "a")
check(dkeys, {"a": 1, 2: 2})
check(ditems, {"a": 1, "b": None})
check(isum, ["1"])
check(isum, range(3))
check(sset, {"ab", 5})
check(nested, [[1], [2, "3"]])
check(nested, [[1], "ab"])
print("end")
