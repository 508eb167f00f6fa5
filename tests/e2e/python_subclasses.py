"""Python subclasses of native classes: compiled callers see their
overrides (methods, properties, __repr__), construction runs the right
__init__, and copy, pickle, isinstance, GC and ABCs behave as interpreted.
The subclasses are defined by interpreted code (_python_subclass_kit)."""
from abc import ABC, abstractmethod
from typing import Optional
import copy
import gc
import pickle
import weakref

import _python_subclass_kit as kit


class Shape:
    def __init__(self, name: str, scale: float = 1.0) -> None:
        self.name = name
        self.scale = scale
        self.count = 0
        self.tags: list[str] = []

    def area(self) -> float:
        return 0.0

    def sides(self) -> int:
        return 0

    def grow(self, by: int, twice: bool = False) -> int:
        self.count += by * (2 if twice else 1)
        return self.count

    def partner(self, other: Optional["Shape"]) -> Optional["Shape"]:
        return other

    def is_round(self) -> bool:
        return False

    def describe(self) -> str:
        return f"{self.name}: {self.area() * self.scale:.2f} ({self.sides()} sides)"

    @property
    def label(self) -> str:
        return self.name.upper()

    def __repr__(self) -> str:
        return f"Shape({self.name!r})"


class Circle(Shape):
    def __init__(self, r: float) -> None:
        super().__init__("circle")
        self.r = r

    def area(self) -> float:
        return 3.0 * self.r * self.r

    def is_round(self) -> bool:
        return True


class Plugin(ABC):
    def __init__(self, tag: str) -> None:
        self.tag = tag

    @abstractmethod
    def run(self, x: int) -> int: ...

    @abstractmethod
    def stop(self) -> str: ...

    def twice(self, x: int) -> int:
        return self.run(self.run(x))


def total_area(shapes: list[Shape]) -> float:
    t = 0.0
    for s in shapes:
        t += s.area()
    return t


def summary(shapes: list[Shape]) -> list[str]:
    out = [s.describe() for s in shapes]
    out.append(",".join(s.label for s in shapes))
    out.append(str([s.is_round() for s in shapes]))
    out.append(str([s.grow(2, twice=True) for s in shapes]))
    out.append(str([s.partner(s) is s for s in shapes]))
    return out


def run_plugins(ps: list[Plugin]) -> list[str]:
    return [f"{p.tag}: {p.twice(3)} {p.stop()}" for p in ps]


def make_shapes() -> list[Shape]:
    k = kit.make(Shape, Circle, Plugin)
    return [Shape("blob"), Circle(2.0), k.Square(3.0), k.Tri(), k.NoInit("plain", 2.0),
            k.Cube(2.0), k.Mixed("mixed")]


def main() -> None:
    shapes = make_shapes()
    print(total_area(shapes))
    for line in summary(shapes):
        print(line)
    print([repr(s) for s in shapes])
    print([type(s).__name__ for s in shapes])
    print([isinstance(s, Circle) for s in shapes], [isinstance(s, Shape) for s in shapes])

    sq = kit.Square(1.5)
    print(sq.count, sq.side, sq.extra, sq.name, sq.scale, sq.tags)
    sq.name = "renamed"
    print(sq.describe(), sq.label, type(sq)(2.5).describe())
    cp = copy.copy(sq)
    print(type(cp).__name__, cp.side, cp.name, cp.extra is sq.extra, cp.count)
    dc = copy.deepcopy(sq)
    print(type(dc).__name__, dc.side, dc.name, dc.extra == sq.extra, dc.extra is sq.extra)
    pk = pickle.loads(pickle.dumps(sq))
    print(type(pk).__name__, pk.side, pk.name, pk.extra, pk.describe())

    try:
        kit.NoInit()
    except TypeError as e:
        print("TypeError:", e)
    try:
        kit.Square()
    except TypeError as e:
        print("TypeError:", e)
    try:
        kit.Boom(1.0).describe()
    except ValueError as e:
        print("ValueError:", e)
    half = kit.HalfInit()
    try:
        print(half.describe())
    except AttributeError as e:
        print("AttributeError:", e)

    k = kit.make(Shape, Circle, Plugin)
    print(run_plugins([k.Doubler("d"), k.Adder("a", 10)]))
    try:
        k.HalfPlugin("h")
    except TypeError as e:
        print("TypeError:", e)
    try:
        Plugin("p")  # type: ignore
    except TypeError as e:
        print("TypeError:", e)

    # a cycle through a subclass instance is collected
    a = kit.Square(1.0)
    a.extra.append(a)
    r = weakref.ref(a)
    del a
    gc.collect()
    print("collected:", r() is None)


main()
