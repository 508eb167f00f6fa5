# checks: calling a field of a native instance calls the value stored there;
# a field whose type is not callable is an error (as mypy says), and a
# name that is neither a method nor a field is still unknown.
class Box:
    def __init__(self, n: int, label: str) -> None:
        self.n = n
        self.label = label


def use(b: Box) -> None:
    b.n(1)
    b.label()
    b.nosuch()
