# Conversions between int, float, str and bool inside compiled code.
from _harness import check


def f2i(x: float) -> int:
    return int(x)


def i2f(n: int) -> float:
    return float(n)


def i2s(n: int) -> str:
    return str(n)


def s2i(s: str) -> int:
    return int(s)


def roundtrip(n: int) -> bool:
    return int(str(n)) == n


def truth(n: int) -> bool:
    return bool(n)


def as_int(b: bool) -> int:
    return int(b) + 0


print(f2i(3.99), f2i(-3.99), f2i(0.5), f2i(-0.5), f2i(1e18), f2i(9.3e18), f2i(1e30))
print(i2f(0), i2f(-5), i2f(2 ** 53 + 1), i2f(2 ** 63 - 1), i2f(-(2 ** 63)))
print(i2s(0), i2s(-42), i2s(2 ** 64), len(i2s(2 ** 1000)))
print(s2i("0"), s2i("-0"), s2i("+17"), s2i("00012"), s2i("9" * 30))
print(roundtrip(0), roundtrip(-(2 ** 100)), roundtrip(12345))
print(truth(0), truth(-1), truth(2 ** 80), as_int(True), as_int(False))
check(f2i, float("inf"))
check(f2i, float("nan"))
check(s2i, "12 34")
check(i2f, 2 ** 1024)
