# Documented difference (guide, difference 3): a native @property is a
# getset descriptor on the class, not a property object.  Reading it on an
# instance, its docstring, and the AttributeError for writing it (the
# interpreter's message, which changed in 3.10 and 3.11) are the same as
# in the interpreter.
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
    print("AttributeError", "area" in str(e) or str(e) == "can't set attribute")
try:
    delattr(s, "area")
except AttributeError as e:
    print("AttributeError", "area" in str(e) or str(e) == "can't delete attribute")
