# Calling compiled functions from Python with bad argument lists: the
# TypeError messages must be the interpreter's.
from _harness import check


def none() -> int:
    return 0


def one(x: int) -> int:
    return x


def two(x: int, y: int) -> int:
    return x * 10 + y


def three(a: int, b: int, c: int) -> int:
    return a + b + c


def dflt(x: int, y: int = 2) -> int:
    return x * 10 + y


def kwo(x: int, *, k: int, m: int = 1) -> int:
    return x + k + m


def named(s: str, n: int = 1) -> str:
    return s * n


check(none)
check(none, 1)
check(none, 1, 2)
check(none, x=1)
check(one)
check(one, 1)
check(one, 1, 2)
check(one, x=1)
check(one, y=1)
check(one, 1, x=2)
check(one, 1, y=2)
check(two)
check(two, 1)
check(two, y=1)
check(two, 1, 2, 3)
check(two, 1, 2, x=3)
check(two, 1, x=3)
check(two, x=1, y=2, z=3)
check(three)
check(three, 1)
check(three, c=1)
check(dflt)
check(dflt, 1)
check(dflt, 1, 2, 3)
check(dflt, 1, 2, 3, 4)
check(dflt, y=5)
check(dflt, 1, y=5, x=2)
check(kwo)
check(kwo, 1)
check(kwo, 1, 2)
check(kwo, 1, k=2, q=3)
check(kwo, 1, 2, k=3)
check(kwo, k=1, x=2)
check(named, "ab")
check(named, "ab", 3)
check(named, n=2)
check(named, "a", 2, 3)
check(named, s="x", n=3, extra=1)
