# @dataclass classes compile natively: the fields are native fields and
# the generated __init__ a native method (keywords resolved at compile
# time, a default_factory called per instance, __post_init__ called),
# while __repr__, __eq__, the order methods, __hash__, __match_args__,
# __dataclass_fields__ and __doc__ come from the real decorator, so
# dataclasses.fields/asdict/replace and sorting behave as interpreted.
# Dataclasses deriving from native dataclasses are native too, and so are
# frozen ones (the decorator's __setattr__ raises FrozenInstanceError for
# Python code; compiled code may not assign their fields, a compile error;
# copy and pickle restore them through __setstate__).
import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import ClassVar, Optional

DEFAULT_QTY = 1


@dataclass
class Point:
    x: int
    y: int = 0

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


@dataclass(order=True)
class Item:
    """An inventory item."""
    name: str
    price: float
    qty: int = field(default=DEFAULT_QTY, repr=False)
    tags: tuple[str, ...] = ()
    kind: ClassVar[str] = "item"

    def total(self) -> float:
        return self.price * self.qty


@dataclass
class Node:
    value: int
    next: Optional["Node"] = None
    seen: bool = False

    def __post_init__(self) -> None:
        self.seen = True

    def length(self) -> int:
        n = 0
        cur: Optional[Node] = self
        while cur is not None:
            n += 1
            cur = cur.next
        return n


@dataclass
class Bag:
    name: str
    items: list[int] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    pair: tuple[int, int] = field(default_factory=lambda: (1, 2))

    def add(self, x: int) -> None:
        self.items.append(x)
        self.index[str(x)] = len(self.items)


@dataclass
class Custom:
    a: int
    b: str = "x"

    def __repr__(self) -> str:
        return f"Custom<{self.a}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Custom) and other.a == self.a


@dataclass(eq=False)
class Ident:
    a: int


@dataclass(unsafe_hash=True)
class Hashy:
    a: int
    b: int


@dataclasses.dataclass()
class Counter:
    n: int

    def bump(self) -> None:
        self.n += 1


class SubCounter(Counter):
    def twice(self) -> int:
        return self.n * 2


@dataclass
class Animal:
    name: str
    legs: int = 4

    def describe(self) -> str:
        return f"{self.name} has {self.legs} legs"

    def __post_init__(self) -> None:
        self.name = self.name.title()


@dataclass
class Dog(Animal):
    tricks: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return super().describe() + f" and knows {len(self.tricks)} tricks"


@dataclass(order=True)
class Puppy(Dog):
    age: int = 0


@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"

    def add(self, other: "Money") -> "Money":
        return Money(self.amount + other.amount, self.currency)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "minor", max(self.minor, 0))


class Loose:
    """Equal to anything, answering with a string."""

    def __eq__(self, other):  # type: ignore
        return "yes"

    def __hash__(self) -> int:
        return 7


@dataclass(frozen=True)
class Pair:
    a: object
    b: float = 0.0


@dataclass(order=True)
class Ranked:
    rank: int
    label: str = field(default="", compare=False)
    weight: float = field(default=0.0, hash=False)


@dataclass
class Tree:
    label: str
    kids: list["Tree"] = field(default_factory=list)


def reprs() -> None:
    t = Tree("root", [Tree("a"), Tree("b", [Tree("c")])])
    t.kids[1].kids.append(t)  # a cycle: the decorator's repr prints ...
    print(t)
    print(repr(Ranked(3, "hidden", 2.5)), [Point(1, 2), Node(1)], f"{Money(3)!r}")


def comparisons() -> None:
    nan: object = float("nan")  # an object, not an unboxed float
    p = Pair(nan)
    # the decorator's __eq__ compares tuples before 3.13 (identity first),
    # fields one by one from 3.13: both compiled as interpreted (a float
    # field's NaN is diff_dataclass.py's)
    print(p == p, p == Pair(nan), Pair(nan) == Pair(float("nan")))
    print(Pair(Loose()) == Pair(1), Pair(1, 2.0) == Pair(1, 2.0), Pair(1) != Pair(2))
    print(hash(Pair(1, 2.0)) == hash((1, 2.0)), Pair(1) == (1, 0.0), Pair(1).__eq__(3))
    r = [Ranked(2, "b"), Ranked(1, "z"), Ranked(2, "a", 1.5)]
    print(sorted(r), Ranked(1, "x") == Ranked(1, "y"), Ranked(1) <= Ranked(1, "q"))
    try:
        print(Ranked(1) < Pair(1))  # type: ignore
    except TypeError as e:
        print("TypeError:", e)
    try:
        hash(Ranked(1))
    except TypeError as e:
        print("TypeError:", e)


def points() -> None:
    p = Point(1, 2)
    q = Point(x=1, y=2)
    print(p, q, p == q, p != q, p is q, p.norm1(), Point(3))
    try:
        hash(p)
    except TypeError as e:
        print("TypeError:", e)
    print([f.name for f in dataclasses.fields(Point)], dataclasses.asdict(p))
    print(dataclasses.replace(p, y=5), dataclasses.is_dataclass(p), Point.__doc__)
    print(Point.__match_args__ if hasattr(Point, "__match_args__") else "no __match_args__")
    print(Point.y, type(p).__name__, type(p).__qualname__)


def items() -> None:
    a = Item("a", 2.5)
    print(repr(a), Item("b", 1.0, 3).total(), Item.kind, Item.__doc__)
    print(a < Item("b", 0.5), a >= Item("a", 2.5), sorted([Item("z", 1.0), Item("a", 2.0)]))
    print([(f.name, f.repr) for f in dataclasses.fields(Item)])


def nodes_and_bags() -> None:
    n = Node(1, Node(2, Node(3)))
    print(n, n.seen, n.length())
    a = Bag("a")
    b = Bag("b")
    a.add(1)
    a.add(2)
    print(a, b, a.items is b.items)
    print(Bag("e", [9], {"k": 1}, (0, 0)), Bag(name="f", pair=(5, 6)))
    print(Bag.__dataclass_fields__["items"].default_factory)


def options() -> None:
    c = Custom(1)
    print(c, c == Custom(1, "y"), Custom.__hash__ is None)
    i = Ident(1)
    print(i == Ident(1), i == i, hash(i) == hash(i))
    print(hash(Hashy(1, 2)) == hash(Hashy(1, 2)), Hashy(1, 2) == Hashy(1, 2))
    k = Counter(3)
    k.bump()
    s = SubCounter(4)
    s.bump()
    print(k, s, s.twice(), isinstance(s, Counter), s == SubCounter(5), s == Counter(5))


def inheritance() -> None:
    zoo: list[Animal] = [Animal("cat"), Dog("rex", 3, ["sit"]), Puppy("bo", age=1)]
    for z in zoo:
        print(z, z.describe())
    print(Puppy("bo", age=1) < Puppy("bo", age=2), Dog("rex") == Dog("Rex"))
    print(Puppy.__doc__, [f.name for f in dataclasses.fields(Puppy)])


def frozen() -> None:
    m = Money(5).add(Money(7))
    print(m, hash(m) == hash(Money(12)), {m: 1}[Money(12)])
    try:
        setattr(m, "amount", 3)
    except dataclasses.FrozenInstanceError as e:
        print("FrozenInstanceError:", e)
    v = Version(1, -3)
    print(v, sorted([Version(2), Version(1, 5), v]))
    try:
        delattr(v, "major")
    except dataclasses.FrozenInstanceError as e:
        print("FrozenInstanceError:", e)
    print(copy.copy(v), copy.deepcopy(m), pickle.loads(pickle.dumps(v)) == v)
    print(dataclasses.replace(m, amount=1), m.amount, v.minor)


def from_the_interpreter() -> None:
    make: object = Bag
    print(eval("make('x', items=[3])", {"make": make}))
    try:
        eval("make()", {"make": make})
    except TypeError as e:
        print("TypeError:", e)


points()
items()
nodes_and_bags()
options()
inheritance()
frozen()
reprs()
comparisons()
from_the_interpreter()
