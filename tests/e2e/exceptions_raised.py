# Exceptions raised inside compiled functions propagate to the (plain
# Python) caller with the interpreter's type and message, through several
# levels of compiled calls, after any output already printed.
import math
from _harness import check


def idiv(a: int, b: int) -> int:
    return a // b


def imod(a: int, b: int) -> int:
    return a % b


def itrue(a: int, b: int) -> float:
    return a / b


def fdiv(a: float, b: float) -> float:
    return a / b


def parse(s: str) -> int:
    return int(s)


def overflow_pow(x: float) -> float:
    return x ** 1000.0


def overflow_exp(x: float) -> float:
    return math.exp(x)


def too_big(n: int) -> float:
    return float(n)


def chatty(n: int) -> int:
    print("before", n)
    r = 100 // n
    print("after", n)
    return r


def level3(n: int) -> int:
    return parse("x" + str(n))


def level2(n: int) -> int:
    return level3(n) + 1


def level1(n: int) -> int:
    return level2(n) * 2


def loop_until_zero(start: int) -> int:
    total = 0
    for i in range(start, -1, -1):
        total = total + 60 // i
    return total


def works_after() -> str:
    return "still works"


check(idiv, 7, 0)
check(imod, 7, 0)
check(itrue, 7, 0)
check(idiv, 2 ** 100, 0)
check(fdiv, 7.0, 0.0)
check(parse, "12x")
check(parse, "٣")
check(overflow_pow, 10.0)
check(overflow_exp, 1e5)
check(too_big, 10 ** 400)
check(chatty, 5)
check(chatty, 0)
check(level1, 7)
check(loop_until_zero, 4)
check(works_after)
