# any()/all() over a generator expression compile to a loop that stops at
# the first deciding element: elements after it are never computed (the
# printed visits show it), the iterable is not exhausted, errors come from
# the element that raised.  Nested clauses and filters, machine-int ranges,
# truthiness of non-bool elements, and empty inputs.
from typing import Optional
from _harness import check


def noisy(x: int) -> int:
    print("visit", x)
    return x


def has_big(xs: list[int]) -> bool:
    return any(noisy(x) > 3 for x in xs)


def all_small(xs: list[int]) -> bool:
    return all(noisy(x) < 3 for x in xs)


def any_pair(m: list[list[int]], target: int) -> bool:
    return any(a + b == target for row in m for a in row for b in row if a < b)


def all_words(ws: list[str]) -> bool:
    return all(w for w in ws)


def any_range(n: int) -> bool:
    return any(i * i == 49 for i in range(n))


def divides(xs: list[int], d: int) -> bool:
    return all(x % d == 0 for x in xs)


def optional(xs: list[Optional[int]]) -> bool:
    return any(x is not None and x > 1 for x in xs)


def rest_of(xs: list[int]) -> list[int]:
    it = iter(xs)
    found = any(x == 3 for x in it)
    out = [x for x in it]
    print("found", found)
    return out


def inverse(xs: list[int]) -> bool:
    return all(10 // x > 0 for x in xs)


print(has_big([1, 5, 2, 9]), has_big([1, 2]), has_big([]))
print(all_small([1, 2, 7, 0]), all_small([0, 1]), all_small([]))
print(any_pair([[1, 2, 3], [4, 5]], 9), any_pair([[1, 2]], 9))
print(all_words(["a", "b"]), all_words(["a", "", "c"]))
print(any_range(10), any_range(5), divides([4, 8, 12], 4), divides([4, 6], 4))
print(optional([None, 1, None]), optional([None, 2]))
print(rest_of([1, 2, 3, 4, 5]))
check(inverse, [1, 2, 0, 3])
print(inverse([1, 2, 20]), type(any(x for x in [1])).__name__)
