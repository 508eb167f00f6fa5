# `NAME: ClassVar[T] = value` in a native class body is a class variable
# (an error before: "type ClassVar[int] is not supported yet"); a ClassVar
# without a value only declares.  A module-level alias of a Literal type
# (`Mode = Literal["r", "w"]`) works in annotations.
from typing import ClassVar, List, Literal
import typing
from _harness import check

Mode = Literal["r", "w"]
Level = typing.Literal[1, 2, 3]


class Registry:
    instances: ClassVar[int] = 0
    names: ClassVar[List[str]] = []
    prefix: typing.ClassVar[str] = "reg-"
    later: ClassVar[int]

    def __init__(self, name: str) -> None:
        Registry.instances += 1
        self.names.append(self.prefix + name)
        self.name = name


def open_mode(m: Mode, level: Level) -> str:
    return "mode=" + m + str(level * 2)


def run() -> tuple:
    Registry("a")
    Registry("b")
    return Registry.instances, Registry.names, hasattr(Registry, "later")


check(run)
check(open_mode, "w", 3)
