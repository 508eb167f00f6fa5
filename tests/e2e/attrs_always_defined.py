# Attributes __init__ always sets are read without an "assigned?" test;
# the others keep it. Each case below must behave as the interpreter does.


class Point:
    def __init__(self, x: float, y: float) -> None:
        """The docstring does not stop the analysis."""
        self.x = x
        self.y = y * 2.0
        self.ok = x > 0.0


class Late:
    def __init__(self, x: float, early: bool) -> None:
        if early:
            self.z = 1.0          # a branch: z is not always set
        self.x = x                # after the branch: not counted either

    def get_z(self) -> float:
        return self.z


class Base:
    def __init__(self, a: float) -> None:
        self.a = a


class Child(Base):
    def __init__(self, a: float, b: float) -> None:
        super().__init__(a)
        self.b = b


class Skipper(Base):
    def __init__(self) -> None:   # never calls Base.__init__: no `a`
        self.c = 3.0


def read_a(o: Base) -> float:
    return o.a


class Escapes:
    def __init__(self, v: float) -> None:
        self.first = v
        show(self)                # self escapes before `second` is set
        self.second = v

    def peek(self) -> float:
        return self.second


def show(e: Escapes) -> None:
    try:
        print("peek", e.peek())
    except AttributeError as exc:
        print("AttributeError:", exc)


class Counter:
    total: float = 0.0            # class-body default: set by the allocator

    def bump(self) -> None:
        self.total += 1.5


def main() -> None:
    p = Point(1.5, 2.0)
    print(p.x, p.y, p.ok)
    p.x += 1.0
    p.ok = not p.ok
    print(p.x, p.ok)
    l1 = Late(1.0, True)
    print(l1.get_z(), l1.x)
    l2 = Late(2.0, False)
    try:
        print(l2.get_z())
    except AttributeError as exc:
        print("AttributeError:", exc)
    print(read_a(Child(1.0, 2.0)), Child(3.0, 4.0).b)
    try:
        print(read_a(Skipper()))
    except AttributeError as exc:
        print("AttributeError:", exc)
    e = Escapes(4.0)
    print(e.first, e.second)
    c = Counter()
    c.bump()
    c.bump()
    print(c.total)


main()
