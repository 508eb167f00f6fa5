# checks: an Optional[T] value must be narrowed (is None / is not None,
# truthiness, isinstance, assert) before it is used as a T: arithmetic,
# method calls, indexing, passing it to a T parameter and returning it.
from typing import Optional


def find(xs: list[int], v: int) -> Optional[int]:
    for i in range(len(xs)):
        if xs[i] == v:
            return i
    return None


def need_int(n: int) -> int:
    return n


def bad(xs: list[int], name: Optional[str]) -> int:
    i = find(xs, 3)
    j = i + 1
    k = xs[i]
    s = name.upper()
    return need_int(i)


def bad_return(xs: list[int]) -> int:
    return find(xs, 1)


def good(xs: list[int], name: Optional[str]) -> int:
    i = find(xs, 3)
    if i is None:
        return -1
    if name:
        return i + len(name.upper())
    return i
