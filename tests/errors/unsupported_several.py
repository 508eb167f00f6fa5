# checks: every unsupported construct in a module is reported, not just
# the first: a lambda, a generator expression and a with statement in one
# file.


def f(x: int) -> int:
    g = lambda: x
    total = sum(i for i in range(x))
    with open("f") as fh:
        x = x - 1
    return x + total
