# @staticmethod and @classmethod of native classes compile natively: they
# are module-level functions set on the type, wrapped as the decorators
# wrap them.  C.f(...) and self.f(...) call them directly (a classmethod
# gets C, or the instance's type); where a subclass may define another f,
# the call looks it up at run time.  From Python they behave as the
# interpreter's (bound, unbound, through instances and subclasses).
from typing import Optional


class Vec:
    count = 0

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    @staticmethod
    def dot(a: "Vec", b: "Vec") -> float:
        return a.x * b.x + a.y * b.y

    @staticmethod
    def clamp(v: float, lo: float = 0.0, hi: float = 1.0) -> float:
        return lo if v < lo else hi if v > hi else v

    @classmethod
    def zero(cls) -> "Vec":
        return cls(0.0, 0.0)

    @classmethod
    def parse(cls, text: str, scale: int = 1) -> "Vec":
        a, b = text.split(",")
        cls.count += 1
        return cls(float(a) * scale, float(b) * scale)

    def norm2(self) -> float:
        return Vec.dot(self, self)

    def clamped(self) -> "Vec":
        return Vec(self.clamp(self.x), self.clamp(self.y, hi=0.5))

    def kind(self) -> str:
        return self.label()

    @classmethod
    def label(cls) -> str:
        return cls.__name__.lower()

    def __repr__(self) -> str:
        return "Vec(%g, %g)" % (self.x, self.y)


class Vec3(Vec):
    @classmethod
    def label(cls) -> str:
        return "three:" + cls.__name__


def total(vs: list[Vec]) -> float:
    acc = 0.0
    for v in vs:
        acc += Vec.dot(v, v) + v.norm2()
    return acc


def kinds(vs: list[Vec]) -> list[str]:
    return [v.kind() + "/" + v.label() for v in vs]


vs = [Vec(1.0, 2.0), Vec.parse("3,4"), Vec.parse("1,1", scale=2), Vec.zero()]
print(vs, total(vs), Vec.count)
print(Vec(2.0, -1.0).clamped(), Vec.clamp(7.0, hi=3.0), Vec.clamp(-1.0))
print(kinds([Vec(1.0, 1.0), Vec3(1.0, 1.0)]))
# from Python: through the type, an instance, a subclass; bound objects
print(Vec.dot(vs[0], vs[1]), vs[0].dot(vs[0], vs[0]), Vec3.zero(), type(Vec3.parse("1,2")).__name__)
z = Vec.zero
print(z(), Vec3(0.0, 0.0).label(), Vec3.label())
print(isinstance(Vec.__dict__["dot"], staticmethod), isinstance(Vec.__dict__["zero"], classmethod))
try:
    getattr(Vec, "clamp")()
except TypeError as e:
    print("TypeError", type(e).__name__)
try:
    Vec.parse("1")
except ValueError as e:
    print("ValueError", e)
opt: Optional[Vec] = Vec.zero()
print(opt is not None and opt.norm2())
