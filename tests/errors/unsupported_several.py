# checks: every unsupported construct in a module is reported, not just
# the first: a class, a lambda and a while/else in one file.


class A:
    pass


def f(x: int) -> int:
    g = lambda: x
    while x > 0:
        x = x - 1
    else:
        x = 5
    return x
