# Keyword-only parameters (after *) and positional-only ones (before /),
# with and without defaults, called from compiled code and from Python.
from _harness import check


def kw(a: int, *, b: int, c: int = 3) -> int:
    return a * 100 + b * 10 + c


def pos(a: int, b: int, /, c: int = 9) -> int:
    return a * 100 + b * 10 + c


def mixed(a: int, /, b: int, *, c: int, d: int = 4) -> int:
    return a * 1000 + b * 100 + c * 10 + d


def only_kw(*, x: str, y: str = "y") -> str:
    return x + y


print(kw(1, b=2), kw(1, b=2, c=5), kw(c=0, b=1, a=2))
print(pos(1, 2), pos(1, 2, 3), pos(1, 2, c=4))
print(mixed(1, 2, c=3), mixed(1, b=2, c=3), mixed(1, 2, d=0, c=5))
print(only_kw(x="a"), only_kw(y="b", x="c"))
check(kw, 1, b=2)
check(kw, 1)
check(kw, 1, 2)
check(kw, 1, 2, b=3)
check(pos, 1, 2)
check(pos, 1, b=2)
check(pos, a=1, b=2)
check(mixed, 1, 2, 3)
check(mixed, 1, 2)
check(mixed, a=1, b=2, c=3)
check(only_kw)
check(only_kw, "a")
check(only_kw, x="a", z="b")
