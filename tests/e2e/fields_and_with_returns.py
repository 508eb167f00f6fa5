# Two patterns of ordinary code the checker rejected before:
#  - attributes declared by tuple assignment (`self.x, self.y = x, y`), or
#    inside try/with blocks of a method ("has no attribute" before);
#  - a function whose every path returns from inside a `with` ("missing
#    return statement" before).  Its end is reached only when the context
#    manager swallows an exception; the interpreter then returns None,
#    which a typed result checks (TypeError unless it admits None).
import contextlib
from typing import Optional
from _harness import check


class Particle:
    def __init__(self, x: float, y: float) -> None:
        self.x, self.y = x, y
        self.vx, (self.vy, self.tag) = 0.5, (1.5, "p")
        try:
            self.ok = True
        finally:
            self.closed = False
        with contextlib.nullcontext():
            self.inside = x * 2

    def step(self) -> tuple:
        self.x += self.vx
        self.y += self.vy
        return self.x, self.y, self.tag, self.ok, self.closed, self.inside


def read(swallow: bool) -> list[str]:
    with contextlib.suppress(KeyError) if swallow else contextlib.nullcontext():
        if swallow:
            raise KeyError("k")
        return ["read"]


def maybe(swallow: bool) -> Optional[int]:
    with contextlib.suppress(ValueError):
        if swallow:
            raise ValueError("v")
        return 7


def nested(flag: bool) -> int:
    with contextlib.nullcontext():
        with contextlib.suppress(ZeroDivisionError):
            if flag:
                return 1 // 0
            else:
                return 2


check(lambda: Particle(1.0, 2.0).step())
check(read, False)
check(maybe, False)
check(maybe, True)
check(nested, False)
