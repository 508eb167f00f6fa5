# Loop copies on plain C values (emit/lower_version.c) may call module
# functions of int, float and bool parameters that have a copy of their own
# (emit/lower_spec.c), and read typed list parameters without changing
# them.  A copy that gives up (an int leaving the small range, a division
# by zero, a NaN or INT64_MIN result, an element that is not an exact small
# int / exact float / bool, a list subclass) hands over to the general
# code at that statement: results, exceptions and tracebacks must be the
# interpreter's.
import traceback
from typing import Final

K: Final = 7
F: Final = 0.5


def report(f, *args) -> None:
    try:
        print(f.__name__, f(*args))
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(f.__name__, type(e).__name__, e, [(t.name, t.lineno) for t in tb[1:]])


def eval_a(i: int, j: int) -> float:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def scale(x: int, factor: int = 3, offset: int = -7) -> int:
    return x * factor + offset


def ratio(a: int, b: int) -> float:
    return a / b


def pick(flag: bool, a: float, b: float) -> float:
    if flag:
        return a
    return b


def identity(x: float) -> float:
    return x


def mul_av(v: list[float], n: int) -> float:
    s = 0.0
    for j in range(n):
        s += eval_a(3, j) * v[j]
    return s


def scaled_sum(xs: list[int], k: int) -> int:
    t = 0
    i = 0
    while i < len(xs):
        t += scale(xs[i], offset=k) + scale(x=i, factor=k)
        i += 1
    return t


def ratios(n: int, d: int) -> float:
    s = 0.0
    for i in range(n):
        s += ratio(i, d - i)     # ZeroDivisionError inside ratio at i == d
    return s


def big_ratios(a: int, b: int) -> list[float]:
    # int / int beyond 2**53 is not the quotient of the converted doubles:
    # 1219802999609667877 / 863 is 1413444958991504.0, the doubles give
    # 1413444958991503.8
    out = [0.0] * 3
    for i in range(3):
        out[i] = ratio(a, b + i) * 1.0
    res = []
    for x in out:
        res.append(x)
    return res


def picks(flags: list[bool], a: float) -> float:
    s = 0.0
    for i in range(len(flags)):
        s += pick(flags[i], a, -a) + pick(not flags[i], 1.0, 2.0)
    return s


def nans(n: int) -> float:
    s = 0.0
    c = 0
    for i in range(n):
        x = identity(float("nan") if i == 2 else 1.5)
        if x != x:
            c += 1
        else:
            s += x
    return s + c


def min_result(n: int) -> int:
    t = 0
    for i in range(n):
        t += scale(-(2**62), 2, 2**62 - 1) // 3   # a copy result of INT64_MIN
    return t


def list_reads(xs: list[int], ys: list[float]) -> tuple[int, float]:
    t = 0
    f = 0.0
    for i in range(len(xs)):
        t += xs[i] * 3
        f += ys[i % len(ys)] * 0.5
    return t, f


class MyList(list):
    def __getitem__(self, i):
        return 100


def fact_f(n: int) -> float:
    if n <= 1:
        return 1.0
    return n * fact_f(n - 1)


def is_even(n: int) -> int:
    if n == 0:
        return 1
    return is_odd(n - 1)


def is_odd(n: int) -> int:
    if n == 0:
        return 0
    return is_even(n - 1)


def parity_sum(n: int) -> int:
    t = 0
    for i in range(n):
        t += is_even(i)
    return t


def each_total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x * 2
    return t


def each_fsum(xs: list[float]) -> float:
    s = 0.0
    for x in xs:
        if x < 0.0:
            continue
        s += x
    return s


def each_flag(n: int) -> int:
    fl = [False] * n
    i = 0
    while i < n:
        fl[i] = i % 3 == 0
        i += 1
    c = 0
    for b in fl:
        if b:
            c += 1
    return c


def each_array(n: int) -> int:
    xs = list(range(n))
    xs[2] = 2**70
    t = 0
    for x in xs:
        t += x
    return t


def each_last(xs: list[int]) -> int:
    for x in xs:
        if x > 10:
            break
    return x


def list_equal(xs: list[int], ys: list[int], n: int) -> int:
    # a list as a value (==, aliasing) is not the copy's: it only reads items
    c = 0
    for i in range(n):
        if xs == ys:
            c += 1
        c += K
    return c


def list_alias(xs: list[int], n: int) -> int:
    t = 0
    for i in range(n):
        ys = xs
        t += ys[0]
    return t


def finals(xs: list[float]) -> float:
    s = 0.0
    for x in xs:
        s += x * F + K
    return s


def abs_min_max(xs: list[int], lo: int, hi: int) -> tuple[int, int, int]:
    a = 0
    m = hi
    big = lo
    for x in xs:
        a += abs(x)
        m = min(m, x)
        big = max(big, x - lo)
    return a, m, big


def fabs_min_max(xs: list[float]) -> str:
    a = 0.0
    m = xs[0]
    big = xs[0]
    for x in xs:
        a += abs(x)
        m = min(m, x)
        big = max(x, big)
    return f"{a} {m} {big}"


report(abs_min_max, [3, -7, 2, -1], 0, 100)
report(abs_min_max, [-(2**62), 5], -(2**62), 2**62 - 1)   # abs leaves the small range
report(abs_min_max, [2**61, -(2**61)], -(2**61), 0)
report(fabs_min_max, [1.5, -2.5, 0.0, -0.0])
report(fabs_min_max, [-0.0, 0.0, float("nan"), -3.0])
report(fabs_min_max, [float("nan"), 1.0, -1.0])
report(list_equal, [1, 2], [1, 2], 3)
report(list_equal, [1], [2], 2)
report(list_alias, [5, 6], 3)
report(finals, [1.0, 2.0])
report(each_total, [1, 2, 3])
report(each_total, [1, 2**70, 3])
report(each_total, [1, True, 3])
report(each_total, MyList([4, 5]))
report(each_total, [])
report(each_fsum, [1.5, -2.0, 3.25, 1])
report(each_fsum, [1.5, -2.0, 3.25, 1.0])
report(each_flag, 10)
report(each_array, 6)
report(each_last, [1, 20, 3])
report(each_last, [])
report(each_last, [1, 2])
report(mul_av, [1.0, 2.0, 0.5, -3.0], 4)
report(mul_av, [1.0, 2.0, 3, -3.0], 4)          # an int in a list[float]
report(mul_av, [1.0, 2.0], 4)                    # IndexError from the loop
report(scaled_sum, [1, 2, 3, 4], 5)
report(scaled_sum, [1, 2**70, 3], 5)             # a big element
report(scaled_sum, [1, True, 3], 5)              # a bool in a list[int]
report(scaled_sum, [2**61, 2**61, 3], 2**61)     # results past the small range
report(scaled_sum, MyList([1, 2, 3]), 1)         # a subclass indexes otherwise
report(ratios, 5, 9)
report(ratios, 5, 3)
report(big_ratios, 1219802999609667877, 863)
# (a literal of compiled code is a small int; through report() the value
# arrives as a 3-digit int object, which the copy leaves to the general code)
print(big_ratios(1219802999609667877, 863))
report(big_ratios, 1000, 7)
report(picks, [True, False, True], 2.5)
report(nans, 5)
report(min_result, 3)
report(list_reads, [1, 2, 3, -4], [0.5, 1.5])
report(list_reads, [1, 2, 3, -4], [])
report(fact_f, 10)
report(fact_f, 25)
report(fact_f, 200)
report(parity_sum, 30)
report(is_even, 7)
