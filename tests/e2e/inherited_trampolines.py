"""Compiled calls of methods that a native class inherits from its native
bases, on instances of Python subclasses at different depths: the call
must find a Python override wherever it is, and the native method where
there is none (one trampoline per method serves the whole hierarchy)."""
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


main()
