# checks: return values must match the declared return type: a str from
# '-> int', a value from '-> None', a bare return from '-> int', and a
# float from '-> int'.


def f(x: int) -> int:
    return "x"


def g(x: int) -> None:
    return x


def h(x: int) -> int:
    if x > 0:
        return
    return x


def k(x: float) -> int:
    return x * 2.0
