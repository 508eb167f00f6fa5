"""Keyword arguments and defaults in the hot loop: measures compile-time keyword resolution."""

BENCH_N = 1600000
BENCH_N_QUICK = 50000

MASK = 0xFFFFF


def scale(x: int, factor: int = 3, offset: int = 7, modulus: int = 1000003) -> int:
    return (x * factor + offset) % modulus


def mix(a: int, b: int, *, rot: int = 5, mask: int = 0xFFFF) -> int:
    return ((a << rot) ^ b) & mask


def clamp(x: int, lo: int = 0, hi: int = 1000) -> int:
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def blend(a: float, b: float, weight: float = 0.5, bias: float = 0.0) -> float:
    return a * weight + b * (1.0 - weight) + bias


class Accumulator:
    def __init__(self, start: int = 0, step: int = 1) -> None:
        self.total = start
        self.step = step

    def add(self, value: int, weight: int = 1, *, cap: int = 1 << 30) -> int:
        self.total = (self.total + value * weight * self.step) % cap
        return self.total


def main(n: int) -> int:
    acc = Accumulator(step=3)
    x = 1
    f = 0.0
    for i in range(n):
        x = scale(x, offset=i & 15)
        x = mix(x, i, mask=MASK)
        x = scale(x=x, factor=5)
        x = clamp(x, hi=999999) + clamp(i, lo=3, hi=100)
        x = mix(b=x, a=i & 255, rot=3)
        acc.add(x)
        acc.add(value=i, weight=2, cap=1 << 20)
        f = blend(f, float(i & 7), weight=0.25)
    return acc.total * 1000 + x + int(f * 1000.0)
