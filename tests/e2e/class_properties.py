# A lone @property over `def name(self)` is a native getter: compiled code
# calls it directly (through the vtable when a subclass overrides it) with
# its declared type, and the interpreter reads it through the type's getset
# entry.  A property with a setter or deleter is left to the interpreter.
# Writing a read-only property raises AttributeError in both (the message
# differs across versions, so only the type is printed).
from typing import Any, Callable, Optional

from _harness import check


class Shape:
    def __init__(self, w: float, h: float) -> None:
        self.w = w
        self.h = h
        self._name: Optional[str] = None

    @property
    def area(self) -> float:
        """The area."""
        return self.w * self.h

    @property
    def sides(self) -> int:
        return 4

    @property
    def double_area(self) -> float:
        return self.area * 2

    @property
    def name(self) -> Optional[str]:
        return self._name

    @property
    def broken(self) -> int:
        raise ValueError("no value for " + str(self.w))

    @property
    def adder(self) -> Any:
        return lambda k: self.w + k

    @property
    def label(self) -> str:
        return "shape %s" % self.area

    @label.setter
    def label(self, v: str) -> None:
        self._name = v


class Square(Shape):
    def __init__(self, s: float) -> None:
        super().__init__(s, s)

    @property
    def area(self) -> float:
        return self.w ** 2 + 0.5


def total(shapes: list[Shape]) -> float:
    t = 0.0
    for s in shapes:
        t += s.area + s.sides
    return t


def use() -> None:
    a = Shape(2.0, 3.0)
    b = Square(4.0)
    print(total([a, b]), a.double_area, b.double_area, a.name, a.adder(10.0))
    a.label = "renamed"
    print(a.name, a.label, b.label)
    check(lambda: a.broken)


use()
s = Shape(1.5, 2.0)
print(s.area, Square(3.0).area, s.sides, getattr(s, "double_area"))
print(Shape.area.__doc__)
try:
    setattr(s, "area", 1.0)
except AttributeError:
    print("AttributeError")
check(lambda: s.broken)
