# Documented difference (guide, difference 3): a native @property is a
# getset descriptor on the class, not a property object, and writing it
# raises AttributeError with the getset descriptor's message.  Reading it
# on an instance and its docstring are the same as in the interpreter.
# Expected compiled output: diff_native_property.compiled.out


class Shape:
    def __init__(self, w: float) -> None:
        self.w = w

    @property
    def area(self) -> float:
        """The area."""
        return self.w * self.w


s = Shape(3.0)
print(s.area, Shape.area.__doc__)
print(type(Shape.area).__name__, hasattr(Shape.area, "fget"))
try:
    setattr(s, "area", 1.0)
except AttributeError as e:
    print("AttributeError", e)
