# inspect.signature() works on compiled functions, methods and classes:
# their parameters' names, kinds and defaults are the interpreter's (read
# from a text signature; annotations are not part of it, so this test
# compares everything else; diff_signatures.py shows what differs).  A
# class's comes from its type's doc (its __init__ is the tp_init slot's
# wrapper, which inspect passes over).
import inspect
from dataclasses import dataclass, field

LIMIT = 10


def f(a: int, b: int = 2, *args: int, c: str = "x", d: float = -1.5, **kw: object) -> int:
    """Adds."""
    return a + b


def g(a, /, b=None, *, c=LIMIT, d=(1, 2), e={"k": [1, 2.5]}):
    return a


def h(x: list[int] = [], y: bytes = b"\x00", z: complex = 2j) -> int:
    return len(x)


def computed(n: int = len("abc")) -> int:
    return n


class K:
    def m(self, x: int, y: bool = True) -> int:
        return x

    @staticmethod
    def s(q: int = 3) -> int:
        return q

    @classmethod
    def k(cls, z: str = "z") -> str:
        return z


class Sized:
    """Has a size."""

    def __init__(self, size: int, unit: str = "m") -> None:
        self.size = size
        self.unit = unit


@dataclass
class P:
    x: int
    y: float = 0.5


@dataclass
class Q:
    zs: list[int] = field(default_factory=list)


def describe(obj: object) -> str:
    try:
        sig = inspect.signature(obj)  # type: ignore
    except ValueError:
        return "no signature"
    return ", ".join("%s %s %r" % (p.name, p.kind.name, p.default) for p in sig.parameters.values())


for obj in [f, g, h, K().m, K.s, K.k, K, Sized, P]:
    print(getattr(obj, "__name__", obj), "->", describe(obj))
print(f.__doc__, g.__doc__, K.__doc__, Sized.__doc__)
print(f(1), g(5), h(), computed(), K.s(), P(1).y)
