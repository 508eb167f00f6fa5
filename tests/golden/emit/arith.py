"""Golden: typed arithmetic, a counting loop and a native call with keywords."""


def scale(x: int, factor: float = 2.0) -> float:
    return x * factor + 1


def total(n: int) -> int:
    t = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        t += i * i
    return t


def run(n: int) -> float:
    return scale(factor=0.5, x=total(n))
