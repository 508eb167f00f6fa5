# Tracebacks of container errors raised in compiled code: IndexError,
# KeyError, a failed assert and errors inside loops name the right function
# and line. (Comprehensions: t4_comp_tracebacks.py, 3.12+ only.)
# (tb() prints (function, line) for every entry after its own frame.)
from typing import Optional
from _harness import tb


def get(xs: list[int], i: int) -> int:
    y = i + 0
    return xs[y]


def via(xs: list[int]) -> int:
    a = 1
    b = get(xs,
            5)
    return a + b


def lookup(d: dict[str, int]) -> int:
    total = 0
    for k in ["a", "b"]:
        total += d[k]
    return total


def asserted(x: Optional[int]) -> int:
    assert x is not None, "need a value"
    return x


def pops(xs: list[int]) -> int:
    t = 0
    while True:
        t += xs.pop()
    return t


tb(via, [1, 2])
tb(lookup, {"a": 1})
tb(asserted, None)
tb(pops, [1, 2])
