# staticpyc-args: --strict
# checks: every unsupported construct in a module is reported, not just
# the first: a lambda, a generator expression and a nested function in one
# file.


def f(x: int) -> int:
    g = lambda: x
    total = next(i for i in range(x))
    def inner() -> int:
        return 1
    return x
