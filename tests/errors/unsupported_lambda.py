# staticpyc-args: --strict
# checks: a lambda reading a local of the enclosing method (a closure in
# a method) and a lambda with defaults are reported as not supported yet; a
# lambda using only its parameters and globals, and one reading locals of
# a plain function, compile.


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
