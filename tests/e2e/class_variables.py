# `NAME = value` in a native class body is a class variable: set on the type
# when the class statement runs, read through the type by instances (so a
# change made through the class is seen by every instance), shadowed by a
# subclass's own, shared when mutable; a Python function stored there (a
# lambda) binds as a method when read through an instance, as in the
# interpreter.  (A compiled module function is a builtin function, which
# does not bind: a documented difference.)
from _harness import check

SCALE = 3


class Shape:
    count = 0
    SIDES = 0
    REGISTRY = []
    factor = SCALE * 2
    describe = lambda self, x: ("lambda", type(self).__name__, x)
    measure = len
    label = "shape"

    def __init__(self, name: str) -> None:
        self.name = name
        Shape.count += 1
        self.REGISTRY.append(name)

    def info(self) -> str:
        return f"{self.name}:{self.SIDES}:{self.label}:{self.factor * 2}"

    def doubled(self) -> int:
        return self.SIDES * 2 + type(self).count


class Square(Shape):
    SIDES = 4
    label = "square"


class Tri(Shape):
    SIDES = 3


def run() -> tuple:
    a = Square("a")
    b = Tri("b")
    c = Shape("c")
    out = [a.info(), b.info(), c.info(), a.doubled(), Shape.count, Square.count]
    Shape.label = "relabelled"
    out.append(b.info())
    out.append(a.info())
    Square.SIDES = 5
    out.append(a.doubled())
    out.append(Shape.REGISTRY)
    out.append(a.describe(7))
    out.append(a.measure("four"))
    return tuple(out)


check(run)
print(Shape.count, Square.SIDES, Tri.SIDES, Shape.factor, sorted(k for k in vars(Shape) if k.isupper()))
s = Square("x")
print(s.count, s.label, "count" in dir(s))
