"""Compiled calls of methods that a native class inherits from its native
bases, on instances of Python subclasses at different depths: the call
must find a Python override wherever it is, and the native method where
there is none (one trampoline per method serves the whole hierarchy);
and construction through an __init__ that a native class inherits from
its native base (the type inherits the base's tp_init)."""
import _trampoline_kit as kit


class A:
    def first(self) -> str:
        return "A.first"

    def third(self, n: int) -> int:
        return n + 1

    def all(self) -> str:
        return "%s %s %d" % (self.first(), self.second(), self.third(2))

    def second(self) -> str:
        return "A.second"


class B(A):
    def second(self) -> str:
        return "B.second"


class C(B):
    def first(self) -> str:
        return "C.first"


class D(A):
    def __init__(self, n: int, tag: str = "d") -> None:
        self.n = n
        self.tag = tag


class E(D):
    def third(self, n: int) -> int:
        return n * self.n


def make_e(n: int) -> E:
    return E(n, tag="e")


def via_a(x: A) -> str:
    return "%s|%s|%d|%s" % (x.first(), x.second(), x.third(5), x.all())


def via_b(x: B) -> str:
    return x.first() + "," + x.second()


def main() -> None:
    objs: list[A] = [A(), B(), C()]
    for cls in kit.make(A, B, C):
        objs.append(cls())
    for o in objs:
        print(type(o).__name__, via_a(o))
        if isinstance(o, B):
            print("  as B:", via_b(o))
    # a method assigned to a Python subclass after it was made is seen too
    PBKeep = type(objs[4])
    PBKeep.third = lambda self, n: -n
    print(via_a(objs[4]))
    PE, PE2 = kit.make_e(E)
    for e in (make_e(3), E(4), PE(5), PE2(6)):
        print(type(e).__name__, e.n, e.tag, via_a(e))
    for bad in (lambda: kit.build(E), lambda: PE(1, 2, 3), lambda: kit.build(PE2)):
        try:
            bad()
        except TypeError as ex:
            print("TypeError:", ex)


main()
