"""Calls on self inside methods.  A method reached with an instance of no
Python subclass runs its exact-receiver copy, where calls on self are
direct; an instance of a Python subclass still sees its overrides however
the method is reached: from compiled code, from Python, through super(),
through a property, a native override, or a rebound `self`."""


class Base:
    def __init__(self, k: int) -> None:
        self.k = k

    def leaf(self) -> int:
        return self.k

    def mid(self) -> int:
        return self.leaf() * 10 + 1

    @property
    def doubled(self) -> int:
        return self.leaf() * 2

    def top(self) -> int:
        return self.mid() + self.leaf() + self.doubled

    def virt(self) -> int:
        return 1

    def uses_virt(self) -> int:
        return self.virt() * 1000 + self.mid()

    def rebinds(self, other: "Base") -> int:
        s = self.leaf()
        self = other
        return s * 100 + self.leaf()

    def countdown(self, n: int) -> int:
        if n == 0:
            return self.leaf()
        return 1 + self.countdown(n - 1)

    def in_loop(self, n: int) -> int:
        t = 0
        for i in range(n):
            t += self.leaf() + i
        return t


class Native(Base):
    def virt(self) -> int:
        return 2 + self.leaf()


class NativeMid(Native):
    def mid(self) -> int:
        return -self.leaf()


SOURCE = '''
class PyLeaf(Base):
    def leaf(self):
        return 100 + self.k

class PyMid(Native):
    def mid(self):
        return -5

class PyProp(Base):
    @property
    def doubled(self):
        return 7

class PySuper(NativeMid):
    def mid(self):
        return super().mid() + 1000
    def leaf(self):
        return self.k + 3

class PyKeeps(Base):
    pass

def from_python(o):
    return (o.top(), o.mid(), o.uses_virt(), o.doubled, o.countdown(5), o.in_loop(4))
'''
kit: dict = {"Base": Base, "Native": Native, "NativeMid": NativeMid}
exec(SOURCE, kit)


def show(o: Base) -> str:
    return "%s top=%d mid=%d virt=%d doubled=%d rebinds=%d countdown=%d loop=%d" % (
        type(o).__name__, o.top(), o.mid(), o.uses_virt(), o.doubled,
        o.rebinds(Base(3)), o.countdown(200), o.in_loop(5))


def main() -> None:
    objs: list[Base] = [Base(1), Native(2), NativeMid(3),
                        kit["PyLeaf"](4), kit["PyMid"](5), kit["PyProp"](6),
                        kit["PySuper"](7), kit["PyKeeps"](8)]
    for o in objs:
        print(show(o))
        print("  from Python:", kit["from_python"](o))
        print("  other way:", Base(9).rebinds(o))
    # the same object reached through a base-typed list and directly
    total = 0
    for _ in range(3):
        for o in objs:
            total += o.top() + o.uses_virt()
    print("total", total)


main()
