# Special float values: inf, nan, -0.0, and exact int/float comparisons.
import math
from _harness import check

INF = math.inf
NAN = math.nan


def cmp(a: float, b: float) -> None:
    print(a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)


def neg(x: float) -> float:
    return -x


def mul(a: float, b: float) -> float:
    return a * b


def sub(a: float, b: float) -> float:
    return a - b


def to_int(x: float) -> int:
    return int(x)


def is_nan(x: float) -> bool:
    return x != x


cmp(INF, INF)
cmp(INF, -INF)
cmp(NAN, NAN)
cmp(NAN, 1.0)
cmp(1.0, NAN)
cmp(NAN, INF)
cmp(0.0, -0.0)
cmp(1e308, INF)
print(neg(0.0), neg(-0.0), mul(0.0, -1.0), mul(-0.0, -0.0), sub(-0.0, 0.0), sub(0.0, 0.0))
print(str(-0.0), repr(-0.0), abs(-0.0), math.copysign(1.0, neg(0.0)), math.copysign(1.0, 0.0))
print(sub(INF, INF), mul(INF, 0.0), mul(INF, -1.0), INF + 1.0, -INF - 1e308)
print(is_nan(NAN), is_nan(INF), is_nan(sub(INF, INF)), math.isnan(NAN), math.isinf(-INF))
print(float("inf"), float("-inf"), float("nan"), float("-0.0"), 1e309, -1e309)
print(NAN == NAN, INF > 10 ** 400, -INF < -(10 ** 400))
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 10 ** 400 > 1e308)
print(bool(NAN), bool(0.0), bool(-0.0), bool(INF))
check(to_int, INF)
check(to_int, -INF)
check(to_int, NAN)
check(to_int, -0.0)
check(to_int, 1e300)
