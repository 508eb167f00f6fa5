# Classes deriving from abc.ABC (or with metaclass=ABCMeta) and methods
# decorated @abstractmethod compile natively (they were left to the
# interpreter, with every subclass): instantiating a class with abstract
# methods left raises the interpreter's TypeError (its 3.12 wording on
# 3.12+), the abstract bodies may be `...`, and subclasses dispatch through
# the vtable.  Documented: ABC is not in the MRO, the metaclass is type.
import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    def __init__(self, name: str) -> None:
        self.name = name

    @abstractmethod
    def area(self) -> float: ...

    @abstractmethod
    def scale(self, k: float) -> None:
        """Scale in place."""

    def describe(self) -> str:
        return "%s %.2f" % (self.name, self.area())


class Square(Shape):
    def __init__(self, side: float) -> None:
        super().__init__("square")
        self.side = side

    def area(self) -> float:
        return self.side * self.side

    def scale(self, k: float) -> None:
        super().scale(k)  # the abstract body: returns None
        self.side *= k


class Half(Shape):
    def area(self) -> float:
        return 0.5


class Visitor(metaclass=ABCMeta):
    @abc.abstractmethod
    def visit(self, x: int) -> int:
        raise NotImplementedError


class Doubler(Visitor):
    def visit(self, x: int) -> int:
        return 2 * x


class Base2(abc.ABC):
    @abc.abstractmethod
    def a(self) -> int: ...

    @abc.abstractmethod
    def b(self) -> int: ...


def total(shapes: list[Shape]) -> float:
    t = 0.0
    for s in shapes:
        t += s.area()
    return t


sq = Square(3.0)
sq.scale(2.0)
shapes: list[Shape] = [sq, Square(1.0)]
print(sq.describe(), total(shapes), isinstance(sq, Shape), Doubler().visit(21))
for make in (lambda: Shape("x"), lambda: Half("h"), lambda: Visitor(), lambda: Base2()):
    try:
        make()
    except TypeError as e:
        print("TypeError", e)
