# nonlocal: a nested def that rebinds a local of the compiled function; the
# function reads the variable from its cell afterwards.
from typing import Callable


def counter() -> int:
    count = 0

    def bump() -> None:
        nonlocal count
        count += 1
    bump()
    bump()
    count += 10
    bump()
    return count


def make_acc() -> Callable[[int], int]:
    total = 0

    def add(v: int) -> int:
        nonlocal total
        total += v
        return total
    return add


def swap_types() -> str:
    x = 1

    def change() -> None:
        nonlocal x
        x = "now a str"
    change()
    return str(x)


def unbound() -> str:
    def setter() -> None:
        nonlocal y
        y = 5
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__)
    setter()
    return str(y)
    y = 0


acc = make_acc()
print(counter(), acc(2), acc(3), swap_types(), unbound())
