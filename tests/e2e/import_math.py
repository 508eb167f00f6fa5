# Calling into an imported module: import math, from math import ...
import math
from math import pi, sqrt, floor
from _harness import check


def hyp(a: float, b: float) -> float:
    return math.sqrt(a * a + b * b)


def circle_area(r: float) -> float:
    return pi * r * r


def floors(x: float) -> None:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), floor(x))


def root(x: float) -> float:
    return sqrt(x)


def expo(x: float) -> float:
    return math.exp(x)


def logb(x: float, b: float) -> float:
    return math.log(x, b)


print(pi, math.e, math.tau, math.inf)
print(hyp(3.0, 4.0), hyp(1.0, 1.0), circle_area(1.0), circle_area(2.0))
floors(2.5)
floors(-2.5)
floors(7.0)
floors(-0.5)
print(math.gcd(12, 18), math.factorial(25), math.isqrt(10 ** 20), math.isqrt(2 ** 130))
print(math.floor(1e20), math.comb(50, 25), math.fabs(-3.0), math.hypot(5.0, 12.0))
print(root(2.0), root(0.0), expo(0.0), expo(1.0), logb(8.0, 2.0), math.log10(1000.0))
print(math.sin(0.0), math.cos(0.0), math.atan2(1.0, 1.0) * 4.0)
check(root, -1.0)
check(expo, 1000.0)
check(logb, 0.0, 10.0)
check(math.factorial, -1)
