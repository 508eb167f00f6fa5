# Lambdas with default values: defaults evaluated natively when the lambda
# expression runs (the k=k idiom binds the current value).
from typing import Callable

SCALE = lambda x, by=3: x * by


def binders() -> list[int]:
    fs: list[Callable[[], int]] = []
    for k in range(3):
        fs.append(lambda k=k: k * 10)
    return [f() for f in fs]


def kwonly(n: int) -> int:
    f = lambda a, *, b=n + 1: a + b
    return f(1) + f(1, b=100)


def mixed(base: int) -> int:
    g = lambda x, y=2: x * y + base
    return g(1) + g(1, 5)


print(SCALE(2), SCALE(2, 4), binders(), kwonly(5), mixed(10), SCALE.__defaults__)
