# Classes the interpreter makes, and what that means for the classes
# around them: a class body with a nested class, an `if` or a loop; a
# decorated subclass of a plain class (made by the interpreter, deriving
# from the native base as a Python subclass: compiled callers see its
# overrides).  Compiled functions use all of them.
import sys
from dataclasses import dataclass


class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return "%s with area %.2f" % (self.name, self.area())


@dataclass
class Square(Shape):
    side: float = 1.0

    def __post_init__(self) -> None:
        Shape.__init__(self, "square")

    def area(self) -> float:
        return self.side * self.side


class Circle(Shape):
    def __init__(self, r: float) -> None:
        super().__init__("circle")
        self.r = r

    def area(self) -> float:
        return 3.14159 * self.r * self.r


class Config:
    class Defaults:
        retries = 3
        name = "cfg"

    if sys.version_info >= (3, 0):
        mode = "py3"
    else:
        mode = "py2"
    levels = {}
    for i, lv in enumerate(["low", "mid", "high"]):
        levels[lv] = i
    del i, lv

    def __init__(self, retries: int = 0) -> None:
        self.retries = retries or self.Defaults.retries

    def level(self, name: str) -> int:
        return self.levels[name]


def total_area(shapes: list[Shape]) -> float:
    return sum(s.area() for s in shapes)


def use_config(c: Config) -> str:
    return "%s %s %d %d" % (c.mode, c.Defaults.name, c.retries, c.level("mid"))


shapes: list[Shape] = [Square(side=2.0), Circle(1.0), Shape("blob")]
print([s.describe() for s in shapes])
print(round(total_area(shapes), 3))
print(use_config(Config()), use_config(Config(7)))
print(Square(3.0), isinstance(Square(), Shape), Config.Defaults.retries)
