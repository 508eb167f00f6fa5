# Native instances pickle and copy as the interpreter's do: their
# __reduce__ makes a blank instance (no __init__) and sets the assigned
# attributes through their descriptors; a class's own __getstate__ /
# __setstate__ / __reduce__ are used instead.  Properties are not state.
import copy
import pickle
from typing import Optional


class Point:
    tag: str = "pt"

    def __init__(self, x: int, y: float, name: str = "p") -> None:
        print("init", x)
        self.x = x
        self.y = y
        self.name = name
        self.flag = x > 0
        self.items: list[int] = [x, x + 1]

    def show(self) -> str:
        return "%s %r %r %s %s %s" % (self.name, self.x, self.y, self.flag, self.items, self.tag)


class Point3(Point):
    def __init__(self, x: int, y: float, z: float) -> None:
        super().__init__(x, y, "p3")
        self.z = z

    def show(self) -> str:
        return Point.show(self) + " z=%r" % self.z + " norm=%r" % self.norm

    # a property is not state: copying used to try to set it
    @property
    def norm(self) -> float:
        return self.z * 2


class Node:
    def __init__(self, value: int, nxt: Optional["Node"]) -> None:
        self.value = value
        self.nxt = nxt
        self.note: Optional[str] = None


class Maybe:
    def __init__(self, full: bool) -> None:
        if full:
            self.extra = 7

    def has(self) -> bool:
        return hasattr(self, "extra")


class Custom:
    def __init__(self, a: int) -> None:
        self.a = a
        self.cache = a * 2

    def __getstate__(self) -> dict[str, int]:
        print("getstate", self.a)
        return {"a": self.a}

    def __setstate__(self, state: dict[str, int]) -> None:
        print("setstate", state)
        self.a = state["a"]
        self.cache = -1


class Reduced:
    def __init__(self, a: int, b: int) -> None:
        self.a = a
        self.b = b

    def __reduce__(self):
        return (Reduced, (self.a * 10, self.b))


def roundtrips() -> None:
    p = Point(3, -0.0)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        q = pickle.loads(pickle.dumps(p, proto))
        print(proto, type(q).__name__, q.show(), q is p, q.items is p.items)
    big = Point(2 ** 100, float("inf"), "big")
    print(pickle.loads(pickle.dumps(big)).show())
    p3 = Point3(-4, 1.5, 2.25)
    for q in (copy.copy(p3), copy.deepcopy(p3), pickle.loads(pickle.dumps(p3))):
        print(type(q).__name__, q.show(), isinstance(q, Point))


def shallow_and_deep() -> None:
    p = Point(1, 2.0)
    s = copy.copy(p)
    d = copy.deepcopy(p)
    p.items.append(99)
    print(s.items, d.items, s.items is p.items, d.items is p.items)
    s.x = 10
    print(p.x, s.x, d.x)


def cycles() -> None:
    a = Node(1, Node(2, None))
    assert a.nxt is not None
    a.nxt.nxt = a
    a.note = "head"
    for b in (copy.deepcopy(a), pickle.loads(pickle.dumps(a))):
        assert b.nxt is not None
        print(b.value, b.nxt.value, b.nxt.nxt is b, b is a, b.note, b.nxt.note)
    pair = [a, a]
    c = copy.deepcopy(pair)
    print(c[0] is c[1], c[0] is a)


def unassigned() -> None:
    for full in (True, False):
        m = Maybe(full)
        for q in (copy.copy(m), pickle.loads(pickle.dumps(m))):
            print(full, q.has())


def own_protocols() -> None:
    c = Custom(5)
    d = pickle.loads(pickle.dumps(c))
    print(d.a, d.cache)
    e = copy.copy(c)
    print(e.a, e.cache)
    r = pickle.loads(pickle.dumps(Reduced(1, 2)))
    print(r.a, r.b)
    print(copy.deepcopy(Reduced(3, 4)).a)


def in_containers() -> None:
    data = {"pts": [Point(i, i / 2) for i in range(3)], "node": Node(9, None)}
    back = pickle.loads(pickle.dumps(data))
    print([q.show() for q in back["pts"]], back["node"].value, back["node"].nxt)


roundtrips()
shallow_and_deep()
cycles()
unassigned()
own_protocols()
in_containers()
