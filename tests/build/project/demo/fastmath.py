"""Compiled by staticpy.build in setup.py; the same file runs interpreted."""


class Acc:
    def __init__(self, start: float) -> None:
        self.total = start

    def add(self, x: float) -> None:
        self.total += x


def dot(xs: list[float], ys: list[float]) -> float:
    acc = Acc(0.0)
    for i in range(len(xs)):
        acc.add(xs[i] * ys[i])
    return acc.total


def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def describe() -> str:
    return f"{__name__}: dot={dot([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])} " \
           f"collatz={collatz_steps(27)} big={collatz_steps(2**70 + 1)}"
