"""Interpreted subclasses for instance_checks: single, deep, mixed-in and
multiple inheritance over native classes."""


class Mixin:
    def hello(self):
        return "mixin"


def make(Base, Left, Right, Deep):
    class PyLeft(Left):
        pass

    class PyDeep(Deep):
        pass

    class Mixed(Mixin, Left):
        pass

    class Both(Left, Right):      # two native subclasses with Base's layout
        pass

    class BothPy(PyLeft, Right):
        pass

    class Stranger:
        pass

    return [PyLeft, PyDeep, Mixed, Both, BothPy, Stranger]
