# checks: without --strict, a function that uses a construct the compiler
# cannot compile yet is left to the interpreter with a note (exit 0), and
# every other function is still compiled; a class statement it cannot make
# natively (here: decorated) is run by the interpreter, also with a note.
from typing import Iterator


def squares(n: int) -> Iterator[int]:
    for i in range(n):
        try:
            pass
        except ValueError:
            yield i * i


def by_key(xs: list[str], n: int) -> list[str]:
    class Key:
        pass
    return sorted(xs, key=lambda s: s[n:])


def native(n: int) -> int:
    return sum(squares(n))


import dataclasses


@dataclasses.dataclass
class Point:      # a whole class statement is left to the interpreter too
    x: int = 0
    scale: int = int("1")


from typing import NamedTuple, Protocol


class Pair(NamedTuple):   # the note names the special base
    a: int
    b: int


class Sized(Protocol):
    def size(self) -> int: ...
