# Documented conversion at typed boundaries: an int passed where float is
# declared becomes a float (1 -> 1.0) in compiled code; the interpreter
# keeps the int.
# Expected compiled output: diff_int_to_float.compiled.out
from _harness import check


def ident(x: float) -> float:
    return x


def scale(x: float) -> float:
    return x * 3


def half(x: float) -> float:
    return x / 2


check(ident, 2.5)
check(ident, 1)
check(ident, -7)
check(ident, 2 ** 70)
check(scale, 2)
check(half, 3)
print(ident(1))
print(scale(4))
