# Native classes: attributes, methods, inheritance with overrides called
# through the vtable, super().__init__, __repr__, keyword calls of methods.
from typing import Optional

class Point:
    """A point."""
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y
        self.tag: Optional[str] = None

    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y

    def moved(self, dx: float, dy: float = 0.0) -> "Point":
        return Point(self.x + dx, self.y + dy)

    def __repr__(self) -> str:
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"

class Shape:
    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        self.count += 1
        return self.name + ":" + str(self.area())

class Square(Shape):
    def __init__(self, side: float) -> None:
        super().__init__("square")
        self.side = side

    def area(self) -> float:
        return self.side * self.side

def total_area(shapes: list[Shape]) -> float:
    t = 0.0
    for s in shapes:
        t += s.area()
    return t

p = Point(3.0, 4.0)
print(p.norm2(), p.moved(1.0), p.moved(dy=2.0, dx=1.0), p.tag)
p.tag = "hello"
print(p.tag, repr(p))
shapes = [Shape("blob"), Square(2.0), Square(3.0)]
print(total_area(shapes), [s.describe() for s in shapes], shapes[1].count)
print(isinstance(p, Point), type(p).__name__, Point.__doc__)
