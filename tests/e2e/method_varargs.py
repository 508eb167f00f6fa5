# Methods with *args and **kwargs: compiled natively, their extras bound by
# the method's Python-visible wrapper; calls to them go through attribute
# lookup (so overrides are found), their results checked against the
# declared type.  Zero-argument super() used other than as super().m(...),
# and super() of such methods.
from typing import Any


class Log:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.lines: list[str] = []

    def log(self, *args: object, sep: str = " ") -> int:
        self.lines.append(self.prefix + sep.join(str(a) for a in args))
        return len(args)

    def opts(self, base: int, **kw: int) -> int:
        return base + sum(kw.values()) + len(kw)

    def both(self, a: int, *rest: int, scale: int = 1, **named: str) -> str:
        return "%d %r %d %r" % (a, rest, scale, sorted(named.items()))


class Sub(Log):
    def log(self, *args: object, sep: str = "-") -> int:
        return 100 + len(args)


class Loud(Log):
    def log(self, *args: object, sep: str = " ") -> int:
        # super() of a *args method: super(Loud, self), bound by Log.log's wrapper
        return super().log(*[str(a).upper() for a in args], sep=sep) * 10

    def gen(self, *parts: str) -> list[str]:
        return [p * 2 for p in parts]


def use(l: Log) -> list[object]:
    out: list[object] = []
    out.append(l.log(1, "a", 2.5))
    out.append(l.log(*[1, 2], sep="+"))
    n: int = l.log()
    out.append(n + 1)
    out.append(l.opts(1, x=2, y=3))
    out.append(l.opts(5, **{"z": 7}))
    out.append(l.both(1, 2, 3, scale=4, k="v"))
    out.append(l.both(9))
    return out


l = Log("> ")
print(use(l), l.lines)
print(use(Sub("s")))
loud = Loud("L")
print(use(loud), loud.lines, loud.gen("a", "b"))

try:
    l.opts()
except TypeError as e:
    print("TypeError", e)
try:
    l.opts(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    l.both(1, a=2)
except TypeError as e:
    print("TypeError", e)
print(Log.log(l, 7, 8), Log.both(l, 1, 2))
bound: Any = l.both
print(bound(3, 4, k="w"))


class Base:
    def __init__(self, *parts: str, **opts: int) -> None:
        self.parts = parts
        self.opts = opts

    def show(self) -> str:
        return "%s %s" % (self.parts, sorted(self.opts.items()))


class Derived(Base):
    def __init__(self, *parts: str, **opts: int) -> None:
        super().__init__(*parts, extra=len(parts), **opts)
        sup = super()
        self.via = sup.show()

    def show(self) -> str:
        s = super()
        return "derived " + s.show() + " | " + type(s).__name__


d = Derived("a", "b", k=1)
print(d.show(), d.via)


# __init__ is in the type's dict, as a Python class's is: the explicit
# Base.__init__(self, ...) call of older code runs it
class Point:
    def __init__(self, x: int, y: int = 0) -> None:
        self.x = x
        self.y = y


class Point3(Point):
    def __init__(self, x: int, y: int, z: int) -> None:
        Point.__init__(self, x, y=y)
        self.z = z


p3 = Point3(1, 2, 3)
print(p3.x, p3.y, p3.z, Point.__init__.__name__)
p3.__init__(7, 8, 9)
print(p3.x, p3.y, p3.z)
try:
    Point.__init__(p3)
except TypeError as e:
    print("TypeError", e)


# a method left to the interpreter (:= in a comprehension) that uses
# super() and __class__: its def runs inside a stand-in class statement
# for the __class__ cell
class Tagged(Base):
    def tag(self, kind: int) -> str:
        seen = [y for x in range(kind) if (y := x * 2)]
        if not seen:
            return "zero " + super().show()
        return "other %s %s %s" % (seen, type(super()).__name__, __class__.__name__)


t = Tagged("p", q=5)
print(t.tag(0), "|", t.tag(1), "|", Tagged.tag.__qualname__, Tagged.tag.__name__)
