"""Lines mypy is told to ignore (`# type: ignore`) that the compiler
cannot type: the functions holding them run interpreted, with the
interpreter's behaviour (the frozen dataclass's error, a str returned
where an int is declared), and the rest of the module stays compiled."""
from dataclasses import FrozenInstanceError, dataclass


@dataclass(frozen=True)
class Pos:
    r: int
    c: int


def poke(p: Pos) -> str:
    try:
        p.r = 5  # type: ignore[misc]
    except FrozenInstanceError as e:
        return "frozen: %s" % e
    return "changed"


def loose(x: int) -> int:
    if x > 2:
        return "big"  # type: ignore
    return x * 2


class Box:
    def __init__(self, v: int) -> None:
        self.v = v

    def label(self) -> str:
        return self.v + "!"  # type: ignore[operator]

    def fine(self) -> int:
        return self.v + 1


def compiled(n: int) -> int:
    return n * 3


print(poke(Pos(1, 2)), loose(1), loose(3), Box(4).fine(), compiled(5))
try:
    print(Box(4).label())
except TypeError as e:
    print("TypeError:", e)
