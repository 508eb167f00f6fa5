# staticpyc-args: --strict
# checks: a lambda expression is reported as not supported yet.


def f(x: int) -> int:
    g = lambda y: y + 1
    return g(x)
