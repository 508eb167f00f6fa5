# Documented difference: an attribute that __init__ always sets cannot be
# deleted from a compiled instance (compiled reads rely on it being set).
# Attributes set only sometimes, and attributes the module itself deletes
# with `del x.attr`, can still be deleted.


class Box:
    def __init__(self, v: float, u: float) -> None:
        self.v = v
        self.u = u
        if v > 0.0:
            self.w = v


b = Box(1.0, 2.0)
try:
    delattr(b, "v")
    print("deleted v")
except AttributeError as exc:
    print("AttributeError:", exc)
del b.w
del b.u
print(hasattr(b, "w"), hasattr(b, "u"))
