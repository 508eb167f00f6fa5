# @final (typing's) classes are native: their methods and properties are
# called directly (no Python subclass can override them), @final with
# @dataclass works, and the class gets __final__ as typing.final gives it
# (3.11+).  Subclassing one from Python: tests/e2e/diff_python_subclass.py.
from dataclasses import dataclass
from typing import final


@final
class Vec:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def dot(self, o: "Vec") -> float:
        return self.x * o.x + self.y * o.y

    @property
    def norm2(self) -> float:
        return self.dot(self)

    def __repr__(self) -> str:
        return "Vec(%r, %r)" % (self.x, self.y)


@final
@dataclass(order=True)
class P:
    x: int
    y: int = 0

    def moved(self, d: int) -> "P":
        return P(self.x + d, self.y - d)


class Base:
    def f(self) -> int:
        return 1


@final
class Leaf(Base):
    def f(self) -> int:
        return 2 + super().f()


def main() -> None:
    vs = [Vec(float(i), 2.0 * i) for i in range(5)]
    print(sum(v.norm2 for v in vs), vs[3].dot(vs[4]), vs[2])
    ps = sorted([P(3, 1), P(1, 2), P(1, 1).moved(4)])
    print(ps, ps[0] == P(1, 2), P(2) < P(3))
    items: list[Base] = [Base(), Leaf()]
    print([b.f() for b in items], Leaf().f())
    print(getattr(Vec, "__final__", "no __final__"), getattr(P, "__final__", "no __final__"))
    print(getattr(Base, "__final__", "no __final__"))


main()
