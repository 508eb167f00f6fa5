# float arithmetic: rounding, floor division and modulo signs, **,
# division by zero, and overflow to inf vs OverflowError.
from _harness import check


def arith(a: float, b: float) -> None:
    print(a, b, a + b, a - b, a * b, a / b, a // b, a % b)


def fdiv(a: float, b: float) -> float:
    return a // b


def fmod(a: float, b: float) -> float:
    return a % b


def tdiv(a: float, b: float) -> float:
    return a / b


def fpow(a: float, b: float) -> float:
    return a ** b


def mean3(a: float, b: float, c: float) -> float:
    return (a + b + c) / 3.0


def harmonic(n: int) -> float:
    s = 0.0
    for i in range(1, n + 1):
        s = s + 1.0 / i
    return s


arith(7.5, 2.0)
arith(-7.5, 2.0)
arith(7.5, -2.0)
arith(-7.5, -2.0)
arith(0.1, 0.2)
arith(1.0, 3.0)
arith(1e300, 1e-300)
arith(5.0, 0.5)
print(0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75, 1.0 / 3.0)
print(fpow(2.0, 0.5), fpow(2.0, -1.0), fpow(9.0, 0.5), fpow(0.0, 0.0), fpow(-2.0, 3.0), fpow(1.5, 2.0))
print(mean3(1.0, 2.0, 4.0), harmonic(10), harmonic(1000))
print(1e308 * 10.0, -1e308 * 10.0, 1e-320 / 1e10, 5e-324 / 2.0)
check(tdiv, 1.0, 0.0)
check(fdiv, 1.0, 0.0)
check(fmod, 1.0, 0.0)
check(tdiv, 0.0, 0.0)
check(fpow, 10.0, 400.0)
check(fpow, 0.0, -1.0)
check(fmod, -0.5, 1e300)
check(fdiv, -1e-300, 1e300)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2))
print(int(3.9), int(-3.9), int(1e20), float(7))
