"""Compiled by staticpy.build; imports its package's modules relatively
(a compiled one, a plain one, and one inside a function)."""
from . import units
from .fastmath import Acc, dot as dot_product


def summary(xs: list[float]) -> str:
    from .units import label
    acc = Acc(0.0)
    for x in xs:
        acc.add(x)
    return label(dot_product(xs, xs)) + " / " + label(acc.total) + " in " + units.UNIT
