# Floor division and modulo: Python's floor semantics for every sign
# combination, small and big operands, and division by zero.
from _harness import check

BIG = 2 ** 100 + 12345
I64_MIN = -9223372036854775808


def fdiv(a: int, b: int) -> int:
    return a // b


def fmod(a: int, b: int) -> int:
    return a % b


def both(a: int, b: int) -> None:
    print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)


def table() -> None:
    for a in range(-7, 8):
        for b in range(-3, 4):
            if b == 0:
                continue
            print(a, b, a // b, a % b, fdiv(a, b), fmod(a, b))


table()
both(BIG, 7)
both(-BIG, 7)
both(BIG, -7)
both(-BIG, -7)
both(7, BIG)
both(-7, BIG)
both(7, -BIG)
both(-7, -BIG)
both(BIG, BIG)
both(-BIG, BIG)
both(I64_MIN, -1)
both(I64_MIN, 1)
both(I64_MIN, 2)
both(I64_MIN, -3)
both(2 ** 62, -1)
both(-(2 ** 62), -1)
both(0, 5)
both(0, -5)
check(fdiv, 1, 0)
check(fmod, 1, 0)
check(fdiv, 0, 0)
check(fdiv, BIG, 0)
check(fmod, -BIG, 0)
check(fdiv, -7, 2)
check(fmod, -7, 2)
