# checks: a missing ':' after a def header and after an if header are
# syntax errors reported at the right line.


def f(x: int) -> int
    return x + 1


def g(x: int) -> int:
    if x > 0
        return x
    return -x
