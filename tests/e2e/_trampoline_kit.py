"""Interpreted subclasses for inherited_trampolines."""


def make(A, B, C):
    class PB(B):                 # overrides a method B inherits from A
        def first(self):
            return "PB.first"

    class PBKeep(B):             # overrides nothing
        pass

    class PC(C):                 # overrides what C inherits from B and from A
        def second(self):
            return "PC.second/" + super().second()

        def third(self, n):
            return n * 100

    class PC2(PC):               # a Python subclass of a Python subclass
        def first(self):
            return "PC2.first/" + super().first()

    return [PB, PBKeep, PC, PC2]


def make_e(E):
    class PE(E):                 # E's __init__, which E inherits from D
        pass

    class PE2(E):
        def __init__(self, n):
            super().__init__(n + 1, tag="pe2")

    return PE, PE2


def build(cls, *args):
    return cls(*args)
