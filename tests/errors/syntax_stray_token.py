# checks: stray tokens in statements and expressions are syntax errors.


def f(x: int) -> int:
    y = x + * 2
    return y )


def g(x: int) -> int:
    return x $ 1
