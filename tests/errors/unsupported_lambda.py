# staticpyc-args: --strict
# checks: a lambda reading a local of the enclosing function (a closure)
# and a lambda with defaults are reported as not supported yet; a lambda
# using only its parameters and globals compiles.


def f(x: int) -> int:
    g = lambda y: y + x
    return g(x)


def h(x: int) -> int:
    g = lambda y=1: y
    return g(x)


def ok(xs: list[int]) -> list[int]:
    return sorted(xs, key=lambda v: -v)
