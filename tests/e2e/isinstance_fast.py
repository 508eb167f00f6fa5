# isinstance with builtin types and native classes compiles to a C type
# test; the answers (subclasses, bool as int, tuples of classes) must be the
# interpreter's.


class Base:
    def __init__(self, v: int) -> None:
        self.v = v


class Child(Base):
    pass


class Other:
    pass


class MyInt(int):
    pass


class MyList(list):
    pass


def kinds(x: object) -> list[str]:
    out: list[str] = []
    if isinstance(x, int):
        out.append("int")
    if isinstance(x, bool):
        out.append("bool")
    if isinstance(x, float):
        out.append("float")
    if isinstance(x, (str, bytes)):
        out.append("text")
    if isinstance(x, (list, tuple, dict, set, frozenset)):
        out.append("container")
    if isinstance(x, Base):
        out.append("Base")
    if isinstance(x, Child):
        out.append("Child")
    if isinstance(x, (Other, Child)):
        out.append("Other|Child")
    return out


def count_bases(xs: list[object]) -> int:
    n = 0
    for x in xs:
        if isinstance(x, Base):
            n += x.v
    return n


values: list[object] = [1, True, 2.5, "s", "b".encode(), [1], (1,), {1: 2}, {1}, frozenset(),
                        Base(1), Child(2), Other(), MyInt(3), MyList(), None]
for v in values:
    print(type(v).__name__, kinds(v))
print(count_bases([Base(1), Child(10), Other(), 5]))
