# checks: a block with no body (def followed by a dedent) and an
# assignment with no right-hand side are syntax errors.


def f(x: int) -> int:

def g(x: int) -> int:
    y =
    return x
