# Complex literals and `...` (Ellipsis), errors before (the function was
# left to the interpreter): a complex literal is a module constant made
# once, `...` the interpreter's Ellipsis; both are dynamic values.
from _harness import check


def stub() -> None: ...


def complex_math(x):
    z = 2j + x
    return z, z.imag, z.real, abs(3 + 4j), (1.5j) ** 2, -2j, 1e300j * 1e10, 0j, z == 2j


def ellipsis(x):
    return x is ..., ..., type(...).__name__, [..., 1][0] is Ellipsis


check(stub)
check(complex_math, 1)
check(complex_math, 0.5j)
check(complex_math, "s")
check(ellipsis, ...)
check(ellipsis, None)
