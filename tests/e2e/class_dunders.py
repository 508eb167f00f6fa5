# Special methods of native classes work as in a class statement: the
# operators, len(), truth, hashing, subscripts, `in`, iteration and calls
# reach them, from compiled code and from the interpreter (the type's
# slots are filled from them), reflected and in-place forms included; a
# class defining __eq__ without __hash__ is unhashable.  Decorated methods
# (@staticmethod, @classmethod, @property) are left to the interpreter and
# must not stop the class from compiling.
from typing import Iterator, Optional

from _harness import check


class Vec:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"Vec({self.x}, {self.y})"

    def __add__(self, o: "Vec") -> "Vec":
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o: "Vec") -> "Vec":
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k: float) -> "Vec":
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k: float) -> "Vec":
        return Vec(self.x * k * 10, self.y * k * 10)

    def __neg__(self) -> "Vec":
        return Vec(-self.x, -self.y)

    def __eq__(self, o: object) -> bool:
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y

    def __lt__(self, o: "Vec") -> bool:
        return (self.x, self.y) < (o.x, o.y)

    def __len__(self) -> int:
        return 2

    def __getitem__(self, i: int) -> float:
        if i == 0:
            return self.x
        if i == 1:
            return self.y
        raise IndexError("Vec index out of range")

    def __contains__(self, v: float) -> bool:
        return v == self.x or v == self.y

    def __call__(self, k: float) -> float:
        return self.x * k + self.y

    @staticmethod
    def zero() -> "Vec":
        return Vec(0.0, 0.0)

    @property
    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y


class Acc:
    def __init__(self) -> None:
        self.items: list[int] = []

    def __iadd__(self, v: int) -> "Acc":
        self.items.append(v)
        return self

    def __bool__(self) -> bool:
        return len(self.items) > 0

    def __hash__(self) -> int:
        return 42

    def __iter__(self) -> Iterator[int]:
        return iter(self.items)

    def __setitem__(self, i: int, v: int) -> None:
        self.items[i] = v


class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __add__(self, o: object) -> "Money":
        if not isinstance(o, Money):
            return NotImplemented
        return Money(self.cents + o.cents)

    def __radd__(self, o: int) -> "Money":
        return Money(self.cents + o)

    def __repr__(self) -> str:
        return f"Money({self.cents})"


class Base:
    def __init__(self, v: int) -> None:
        self.v = v

    def __add__(self, o: "Base") -> "Base":
        return Base(self.v + o.v)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.v})"


class Derived(Base):
    def __add__(self, o: "Base") -> "Base":
        return Derived(self.v * 100 + o.v)


def compiled_ops() -> None:
    a = Vec(1.0, 2.0)
    b = Vec(3.0, 5.0)
    print(a + b, b - a, a * 3.0, 2.0 * a, -a)
    print(a == Vec(1.0, 2.0), a != b, a == 3, a < b, b < a)
    print(len(a), a[0], a[1], 2.0 in a, 7.0 in a, a(10.0))
    print(sorted([b, a]), Vec.zero(), a.norm2)
    c = a
    c += b
    print(c, a)
    acc = Acc()
    print(bool(acc), "yes" if acc else "no", hash(acc))
    acc += 5
    acc += 7
    acc[0] = 6
    print(bool(acc), [x for x in acc], sum(acc))
    t = 0
    for x in acc:
        t += x
    print(t)
    m = Money(150) + Money(25)
    print(m, 5 + Money(1))
    print(Base(1) + Base(2), Derived(1) + Base(2), Base(1) + Derived(2))


def truthy(a: Optional[Acc]) -> str:
    if a:
        return "true"
    return "false"


compiled_ops()
print(truthy(None), truthy(Acc()))
v = Vec(1.0, 2.0)
check(lambda: v + v)
check(lambda: 3 * v)
check(lambda: v * 3)
check(lambda: v == Vec(1.0, 2.0))
check(lambda: v != Vec(1.0, 2.0))
check(lambda: hash(v))
check(lambda: {v})
check(lambda: v[5])
check(lambda: list(v))
check(lambda: Money(1) + "x")
check(lambda: Money(1).__add__(2))
check(lambda: [m.cents for m in [Money(2) + Money(3)]])
check(lambda: hash(Acc()))
check(lambda: not Acc())
check(lambda: Vec.zero().norm2)
