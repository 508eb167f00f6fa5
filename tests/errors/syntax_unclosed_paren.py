# checks: an unclosed '(' in an expression is a syntax error (reported,
# not a crash), even though the next lines look valid.


def f(x: int) -> int:
    y = (x + 1 * (x - 2)
    return y


def g() -> int:
    return 1
