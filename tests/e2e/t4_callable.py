# Callable[[A, B], R] and Callable[..., R] parameters: compiled module
# functions, builtins, bound methods and classes passed as values, called
# through the parameter; the result is checked against R when it arrives.
from typing import Callable
from _harness import check


def twice(x: int) -> int:
    return 2 * x


def add(a: int, b: int) -> int:
    return a + b


def apply(fn: Callable[[int], int], x: int) -> int:
    return fn(x)


def fold(fn: Callable[[int, int], int], xs: list[int], start: int) -> int:
    acc = start
    for x in xs:
        acc = fn(acc, x)
    return acc


def call_any(fn: Callable[..., str], x: int) -> str:
    return fn(x)


def compose(f: Callable[[int], int], g: Callable[[int], int], x: int) -> int:
    return f(g(x))


def pick(flag: bool) -> Callable[[int], int]:
    if flag:
        return twice
    return abs


def scale(fn: Callable[[float], float], x: float) -> float:
    return fn(x) * 2.0


def bare(fn: Callable, x: int) -> str:
    return str(fn(x))


print(apply(twice, 21), apply(abs, -5))
print(fold(add, [1, 2, 3, 4], 0), fold(max, [3, 9, 2], 0))
print(call_any(str, 7), call_any(hex, 255))
print(compose(twice, twice, 3), compose(abs, twice, -4))
print(pick(True)(10), pick(False)(-10))
print(scale(float, 2))
print(bare(str, 5), bare(bin, 5))
print(apply([1, 2, 3].index, 2))
print(apply(int, 8))
check(apply, twice, 2**70)
check(apply, max, 3)


def table() -> list[int]:
    fs = [twice, abs]
    gs: list[Callable[[int], int]] = [twice, twice]
    ops = {"add": add}
    return [fs[0](3), fs[1](-3), gs[1](5), ops["add"](1, 2)]


def local_alias(x: int) -> int:
    f = twice
    g: Callable[[int], int] = abs
    return f(g(x))


print(table(), local_alias(-7))
