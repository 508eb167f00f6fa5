# checks: an error on a line with mypy's `# type: ignore` (with or
# without error codes) leaves the function or method it is in to the
# interpreter, with a note, as an unsupported construct does (exit 0);
# functions without one are still compiled, and an error elsewhere in
# the same function is still an error.
from dataclasses import dataclass


@dataclass(frozen=True)
class Pos:
    r: int
    c: int


def poke(p: Pos) -> int:
    p.r = 5  # type: ignore[misc]
    return p.r


def loose(x: int) -> str:
    return x  # type: ignore


class Box:
    def __init__(self, v: int) -> None:
        self.v = v

    def label(self) -> str:
        return self.v + "!"  #type:ignore[operator]

    def fine(self) -> int:
        return self.v + 1


def still_wrong(x: int) -> str:
    y: str = "# type: ignore"
    return x
