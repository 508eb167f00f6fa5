# Compiled generators in typical code: typed locals across yields, methods
# of native classes, recursion with yield from, with-blocks, tracebacks,
# generators consumed by compiled loops and comprehensions, cycles.
import gc
import traceback
from typing import Iterable, Iterator


def frange(start: float, stop: float, step: float) -> Iterator[float]:
    x = start
    while x < stop:
        yield x
        x += step


def big_steps(n: int) -> Iterator[int]:
    v = 2 ** 62
    for i in range(n):
        yield v * i          # tagged ints that overflow into big ones


def place(n: int, row: int, cols: set[int], acc: list[int]) -> Iterator[list[int]]:
    if row == n:
        yield list(acc)
        return
    for c in range(n):
        if c in cols:
            continue
        cols.add(c)
        acc.append(c)
        yield from place(n, row + 1, cols, acc)
        acc.pop()
        cols.remove(c)


class Tree:
    def __init__(self, value: int, children: list["Tree"]) -> None:
        self.value = value
        self.children = children

    def walk(self) -> Iterator[int]:
        yield self.value
        for c in self.children:
            yield from c.walk()

    def depth_first(self, depth: int = 0) -> Iterator[str]:
        yield "  " * depth + str(self.value)
        for c in self.children:
            yield from c.depth_first(depth + 1)


class Resource:
    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> "Resource":
        print("enter", self.name)
        return self

    def __exit__(self, *exc: object) -> None:
        print("exit", self.name)


def with_gen(names: list[str]) -> Iterator[str]:
    for n in names:
        with Resource(n) as r:
            yield r.name.upper()


def failing(xs: list[int]) -> Iterator[int]:
    for x in xs:
        yield 100 // x


def evens(xs: Iterable[int]) -> Iterator[int]:
    for x in xs:
        if x % 2 == 0:
            yield x


def consume(n: int) -> int:
    total = 0
    for v in evens(range(n)):
        total += v
    return total + sum([w for w in evens([1, 2, 3, 4])])


def forever() -> Iterator[int]:
    yield from forever()


def selfref() -> Iterator[int]:
    box: list[object] = []
    box.append(box)
    yield len(box)


print([round(v, 2) for v in frange(0.0, 1.0, 0.25)], list(big_steps(3)))
sols = list(place(5, 0, set(), []))
print(len(sols), sols[0], sols[-1])
t = Tree(1, [Tree(2, [Tree(4, [])]), Tree(3, [])])
print(list(t.walk()))
print("\n".join(t.depth_first()))
print(list(with_gen(["a", "b"])))
w = with_gen(["c", "d"])
print(next(w))
w.close()
try:
    print(list(failing([5, 0, 1])))
except ZeroDivisionError:
    lines = traceback.format_exc().splitlines()
    print([ln.strip() for ln in lines if ln.strip().startswith("File")][-1].split(", ", 1)[1])
print(consume(10))
try:
    next(forever())
except RecursionError:
    print("RecursionError")
s = selfref()
print(next(s))
del s
print(gc.collect() >= 0)
