"""Interpreted subclasses with __slots__ for subclass_slots_copy."""


def make(Point):
    class Slotted(Point):
        __slots__ = ("label", "weight")

        def __init__(self, x, y, label):
            super().__init__(x, y)
            self.label = label

    class Deeper(Slotted):
        __slots__ = ("extra",)

    class WithDict(Point):
        __slots__ = ("tag",)

    class Plain(Slotted):
        pass

    return Slotted, Deeper, WithDict, Plain
