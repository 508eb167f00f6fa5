# staticpyc-args: --strict
# checks: a lambda with defaults is reported as not supported yet; a
# lambda using only its parameters and globals, and closures reading locals
# of a function or a method, compile.


class C:
    def f(self, x: int) -> int:
        g = lambda y: y + x
        return g(x)


def closure(x: int) -> int:
    g = lambda y: y + x
    return g(x)


def h(x: int) -> int:
    g = lambda y=1: y
    return g(x)


def ok(xs: list[int]) -> list[int]:
    return sorted(xs, key=lambda v: -v)
