"""isinstance() and typed slots over a native class hierarchy, with
instances of native classes, of Python subclasses (single, deep, mixed-in
and multiple inheritance: tests/e2e/_instance_kit.py) and of unrelated
classes. The compiled test looks at the type and its tp_base, then the MRO."""
from typing import Optional

import _instance_kit as kit


class Base:
    def __init__(self, n: int) -> None:
        self.n = n

    def kind(self) -> str:
        return "base"


class Left(Base):
    def kind(self) -> str:
        return "left"


class Right(Base):
    def kind(self) -> str:
        return "right"


class Deep(Left):
    def __init__(self, n: int) -> None:
        super().__init__(n)
        self.extra = n * 2

    def kind(self) -> str:
        return "deep"


def checks(x: object) -> str:
    return "".join("1" if f else "0" for f in (
        isinstance(x, Base), isinstance(x, Left), isinstance(x, Right),
        isinstance(x, Deep), isinstance(x, (Right, Deep))))


def want_left(x: Left) -> str:
    return x.kind()


def want_right(x: Right) -> str:
    return x.kind()


def want_deep(x: Deep) -> int:
    return x.extra


def pick(xs: list[Optional[Left]]) -> list[str]:
    out = []
    for x in xs:
        out.append("none" if x is None else x.kind())
    return out


def narrow(x: Base) -> str:
    if isinstance(x, Deep):
        return "deep %d" % x.extra
    if isinstance(x, Left):
        return "left " + x.kind()
    return "other " + x.kind()


def main() -> None:
    py_classes = kit.make(Base, Left, Right, Deep)
    objs: list[object] = [Base(1), Left(2), Right(3), Deep(4)]
    for c in py_classes:
        objs.append(c() if c.__name__ == "Stranger" else c(5))
    objs += [None, 7, "s"]
    for o in objs:
        name = type(o).__name__
        print(name, checks(o),
              want_left(o) if isinstance(o, Left) else "-",
              want_right(o) if isinstance(o, Right) else "-",
              want_deep(o) if isinstance(o, Deep) else "-")
        if isinstance(o, Base):
            print("  narrow:", narrow(o))
    lefts = [o for o in objs if isinstance(o, Left)]
    print(pick(lefts + [None]))


main()
