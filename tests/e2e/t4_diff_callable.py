# Documented difference 1 (annotations are enforced at the boundary) for
# Callable: a non-callable passed where a Callable is declared is the
# wrapper's TypeError, and a result of the wrong type coming back through
# Callable[..., int] is a TypeError where it arrives; the interpreter fails
# later ("object is not callable") or not at all.
# Expected compiled output: t4_diff_callable.compiled.out
from typing import Callable
from _harness import check


def apply(fn: Callable[[int], int], x: int) -> int:
    return fn(x)


def length(fn: Callable[..., int]) -> int:
    return fn("abc")


check(apply, abs, -3)
check(apply, 5, 1)
check(apply, None, 1)
check(apply, str, 1)
check(length, len)
check(length, str.upper)
