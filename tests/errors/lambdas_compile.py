# staticpyc-args: --strict
# checks: under --strict, lambdas compile (no diagnostics, exit 0): one
# using only its parameters and globals, closures reading locals of a
# function or a method, and lambdas with defaults.


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
