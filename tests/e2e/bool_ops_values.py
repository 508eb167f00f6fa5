# and / or / not: value semantics (not just truth), short-circuiting, on
# ints, strs, floats and bools.


def noisy(x: int) -> int:
    print("eval", x)
    return x


def or_default(x: int) -> int:
    return x or 5


def and_value(x: int) -> int:
    return x and 7


def str_or(s: str) -> str:
    return s or "default"


def str_and(s: str) -> str:
    return s and "yes"


def float_or(x: float) -> float:
    return x or 2.5


def both_pos(x: int, y: int) -> bool:
    return x > 0 and y > 0


def either_pos(x: int, y: int) -> bool:
    return x > 0 or y > 0


def negate(x: int) -> bool:
    return not x


def not_str(s: str) -> bool:
    return not s


def mixed(a: int, b: int, c: int) -> int:
    return a and b or c


def short_circuit() -> None:
    print(noisy(0) and noisy(1))
    print(noisy(2) and noisy(3))
    print(noisy(0) or noisy(4))
    print(noisy(5) or noisy(6))
    print(noisy(0) or noisy(0) or noisy(7))
    print(noisy(1) and noisy(0) and noisy(8))
    print(not noisy(0), not noisy(9))


print(or_default(0), or_default(3), or_default(-1), or_default(2 ** 100))
print(and_value(0), and_value(3), and_value(2 ** 100))
print(repr(str_or("")), repr(str_or("x")), repr(str_and("")), repr(str_and("abc")))
print(float_or(0.0), float_or(-0.0), float_or(1.5))
print(both_pos(1, 2), both_pos(1, -2), either_pos(-1, 2), either_pos(-1, -2))
print(negate(0), negate(5), negate(2 ** 64), not_str(""), not_str("a"))
print(mixed(1, 2, 3), mixed(0, 2, 3), mixed(1, 0, 3), mixed(0, 0, 0))
short_circuit()
print(True and False, True or False, not True, True and 3, False or 0)
