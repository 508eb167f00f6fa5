# Calling a field of a native instance calls the value stored in it (a
# callback, a lambda, a bound method, a builtin), as the interpreter does;
# the checker used to report '"C" has no attribute' for such a call.
from typing import Callable
from _harness import check


class Handlers:
    def __init__(self, scale: int) -> None:
        self.on_item = lambda x: ("item", x * scale)
        self.measure = len
        self.typed: Callable[[int], int] = self.double

    def double(self, x: int) -> int:
        return 2 * x


def run(h: Handlers) -> list:
    return [h.on_item(3), h.measure("abcd"), h.typed(21)]


def rebind(h: Handlers) -> object:
    h.on_item = print
    h.on_item("printed through the field")
    return h.on_item


h = Handlers(10)
check(run, h)
check(rebind, h)
