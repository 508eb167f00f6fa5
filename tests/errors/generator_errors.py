# checks: generator functions are type-checked: the declared return type
# must be an iterator type, each yield must fit its element type, `yield
# from` needs an iterable of fitting elements; all reported in one run.
from typing import Generator, Iterator


def count(n: int) -> int:
    i = 0
    while i < n:
        yield i
        i = i + 1


def words(n: int) -> Iterator[str]:
    yield "a"
    yield n


def pairs() -> Generator[tuple[int, int], None, None]:
    yield (1, 2)
    yield (1, "x")


def delegate(xs: list[float]) -> Iterator[int]:
    yield from xs
    yield from 5
