# A class whose base is not a native class, with a body of NAME = value,
# is made as the interpreter's __build_class__ makes it: the metaclass's
# __prepare__ gives the namespace and sees every name set, in order (an
# Enum records its members there: an AttributeError before), bases that
# are not classes are resolved by __mro_entries__ and kept in
# __orig_bases__, and unrelated metaclasses are the interpreter's
# TypeError.  (typing.Generic bases make native classes: generic_classes.)
import enum
from typing import TypeVar
from _harness import check
from _metaclasses import ENTRIES, Recording, OtherBase

T = TypeVar("T")


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1
    BLUE = 3


class Auto(enum.Enum):
    ONE = enum.auto()
    TWO = enum.auto()


class Level(enum.IntEnum):
    LOW = 10
    HIGH = 20


class Flags(enum.Flag):
    A = 1
    B = 2


class Box(ENTRIES):
    kind = "box"


class Recorded(metaclass=Recording):
    pass


class Child(Recorded):
    first = 1
    second = 2
    first_value = 3
    third = 3


def colors() -> tuple:
    return (Color.RED, Color(2).name, [c.name for c in Color], Color.CRIMSON is Color.RED,
            Color.BLUE.value, Color["GREEN"], Level.HIGH + 1, Level(10).name, Flags.A | Flags.B,
            [a.value for a in Auto])


def generic() -> tuple:
    return Box.kind, Box.__orig_bases__, Box.__mro__[1:], type(Box).__name__


check(colors)
check(generic)
print(Child.order)
try:
    class Mixed(Recorded, OtherBase):
        x = 1
except TypeError as e:
    print("TypeError", e)
