# An int operator tree whose value becomes a float at once (beside a float
# operand, or where a float is declared) is computed on int64_t and
# converted straight to double when every value is small
# (emit/lower_intfast.c); otherwise the general int operations compute it
# and convert with int.__float__'s rounding and OverflowError.  Each case
# crosses a condition: int64 overflow inside the tree, a result beyond
# 2 ** 53 (rounding half-even) or beyond the tagged range, a big operand,
# a result too big for a float, a division by zero, the operand order.
from _harness import check

M62 = 2 ** 62
M63 = 2 ** 63


def eval_a(i: int, j: int) -> float:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def scaled(a: int, b: int, x: float) -> float:
    return (a * b + 1) * x


def right(a: int, b: int, x: float) -> float:
    return x - (a * b - 3)


def divided(a: int, b: int, x: float) -> float:
    return (a // b + a % b) / x


def takes(x: float) -> float:
    return x * 2.0


def passed(a: int, b: int) -> float:
    return takes(a << b | 1)


def mod_float(a: int, b: int, x: float) -> float:
    return (a * b - 1) % x


def pow_float(a: int, b: int) -> float:
    return (a * b + 1) ** 2.0


for i, j in [(0, 0), (1, 2), (7, 3), (1000, 999), (2 ** 31, 2 ** 31), (M62 - 1, 0),
             (M62, 1), (2 ** 40, 2 ** 40), (-5, 2), (-3, 2)]:
    check(eval_a, i, j)

for a, b in [(3, 4), (-3, 4), (2 ** 26 + 1, 2 ** 27 + 3), (2 ** 53, 1), (2 ** 53 + 1, 1),
             (3 ** 39, 3), (M62, 2), (M63, M63), (10 ** 200, 10 ** 200), (-M63, 1), (0, 5)]:
    check(scaled, a, b, 1.5)
    check(right, a, b, 0.25)
    check(mod_float, a, b, 7.5)
    check(pow_float, a, b)

for a, b in [(7, 2), (-7, 2), (7, 0), (M63, 3), (2 ** 64 + 5, -3)]:
    check(divided, a, b, 2.0)
    check(divided, a, b, 0.0)

for a, b in [(1, 3), (5, 61), (5, 62), (-1, 70), (1, -1), (2 ** 40, 1000)]:
    check(passed, a, b)

check(mod_float, 3, 4, 0.0)
