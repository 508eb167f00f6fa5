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
