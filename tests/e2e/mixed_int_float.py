# int and float mixed in one expression; conversions of huge ints to float;
# true division of ints (including huge ones).
from _harness import check

BIG = 2 ** 2000


def mix(a: int, b: float) -> None:
    print(a, b, a + b, b + a, a - b, a * b, a / b, b / 2, a // b, a % b, a < b, a == b)


def tdiv(a: int, b: int) -> float:
    return a / b


def add_f(a: int, b: float) -> float:
    return a + b


def tofloat(a: int) -> float:
    return float(a)


def avg(a: int, b: int) -> float:
    return (a + b) / 2


mix(3, 0.5)
mix(-3, 0.5)
mix(7, -2.0)
mix(0, 1.5)
mix(2 ** 53 + 1, 1.0)
mix(2 ** 64, 2.0)
print(tdiv(7, 2), tdiv(-7, 2), tdiv(1, 3), tdiv(6, 3), tdiv(0, 5), tdiv(-1, 2))
print(tdiv(2 ** 63, 2), tdiv(2 ** 64 + 1, 1), tdiv(10 ** 400, 10 ** 399), tdiv(BIG, BIG // 2))
print(tdiv(1, 10 ** 400), tdiv(-(10 ** 30), 7), tdiv(2 ** 1100, 2 ** 1000))
print(avg(1, 2), avg(-1, -2), avg(2 ** 62, 2 ** 62))
print(tofloat(2 ** 63), tofloat(-(2 ** 64)), tofloat(2 ** 53 + 1), tofloat(10 ** 300))
check(tdiv, BIG, 3)
check(tdiv, 1, 0)
check(tdiv, BIG, 0)
check(add_f, BIG, 1.0)
check(tofloat, BIG)
check(add_f, 2 ** 1023, 1.0)
print(1 + 2.5, 10 / 4, 10 // 4.0, 2 * 0.5, 3 - 0.25, 2 ** 0.5)
