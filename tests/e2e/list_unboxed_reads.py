# xs[i] of list[float] / list[int] / list[bool] is unboxed straight from the
# list, with an int64 or a tagged index; the edge cases must match the
# interpreter: negative and huge indexes, list subclasses overriding
# __getitem__, range stops that are expressions or beyond 64 bits. (Wrong
# element types are a documented difference: t4_diff_element_types.)
from typing import Any


class Doubling(list):
    def __getitem__(self, i: Any) -> Any:
        return 2 * super().__getitem__(i)


def fsum(xs: list[float], idx: list[int]) -> float:
    t = 0.0
    for i in idx:            # tagged index
        t += xs[i]
    for j in range(len(xs)):  # int64 index
        t += xs[j]
    return t


def isum(xs: list[int], n: int) -> int:
    t = 0
    for k in range(n - 1):   # an expression as stop
        t += xs[k] * xs[-1 - k]
    return t


def bcount(flags: list[bool], limit: int) -> int:
    c = 0
    i = 0
    while i * i <= limit:
        if flags[i]:
            c += 1
        i += 1
    return c


def fsum_back(xs: list[float], n: int) -> float:
    t = 0.0
    for j in range(-1, -n - 1, -1):  # negative int64 index
        t += xs[j]
        print(j, t)
    return t


def probe(f: Any, *args: Any) -> None:
    try:
        print(f(*args))
    except (IndexError, TypeError) as exc:
        print(type(exc).__name__, exc)


probe(fsum, [1.5, 2.0, 4], [0, -1, 2])
probe(fsum, [1.5, 2.0], [5])
probe(fsum, [1.5, 2.0], [2 ** 70])
probe(fsum, Doubling([1.0, 2.0]), [0, 1])
probe(isum, [3, 4, 2 ** 80, 5], 4)
probe(isum, [3, 4], 2 ** 65)
probe(bcount, [True, False, True, True, False], 9)
probe(fsum_back, [1.0, 2.0, 3.0], 3)
probe(fsum_back, [1.0, 2, 3.0], 5)     # an int element read at -2, then -4 is out of range
probe(fsum_back, Doubling([1.0, 2.0]), 3)
