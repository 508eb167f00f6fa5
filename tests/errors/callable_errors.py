from typing import Callable


def apply(fn: Callable[[int], int], x: int) -> int:
    return fn(x, x)


def named(fn: Callable[[int], int]) -> int:
    return fn(x=1)


def typed(fn: Callable[[str], int]) -> int:
    return fn(1)


def result(fn: Callable[[int], str]) -> int:
    return fn(1)


def shout(s: str) -> str:
    return s.upper()


def passes() -> int:
    return apply(shout, 1)


def bad_form(fn: Callable[int, int]) -> None:
    pass
