# Native functions declared to return float or a fixed-width int hand back
# the value and a failure flag apart (SpyRetFloat / SpyRetI64): -1.0 and
# -113 are ordinary results, and an exception raised inside still reaches
# the caller, through direct calls, vtable calls and the Python wrappers.
from staticpy import i64


def minus_one(x: float) -> float:
    return x - 1.0


def inverse(x: float) -> float:
    return 1.0 / x


def chain(x: float) -> float:
    return inverse(minus_one(x)) * 2.0


def sentinel(n: i64) -> i64:
    return n - 113


def doubled(n: i64) -> i64:
    return n * 2


def fixed_chain(n: i64) -> i64:
    return doubled(sentinel(n)) + 1


class Shape:
    def area(self) -> float:
        return -1.0

    def code(self) -> i64:
        return -113


class Broken(Shape):
    def area(self) -> float:
        return 1.0 / 0.0

    def code(self) -> i64:
        z: i64 = 0
        return 5 // z


def total(shapes: list[Shape]) -> float:
    t = 0.0
    for s in shapes:
        t += s.area()
    return t


def codes(shapes: list[Shape]) -> i64:
    t: i64 = 0
    for s in shapes:
        t += s.code()
    return t


def show(label: str, f, *args) -> None:
    try:
        print(label, f(*args))
    except Exception as e:
        print(label, type(e).__name__, e)


show("minus_one", minus_one, 0.0)
show("inverse", inverse, -1.0)
show("chain 0", chain, 0.0)
show("chain 1", chain, 1.0)
show("chain 3", chain, 3.0)
show("sentinel", sentinel, 0)
show("fixed_chain", fixed_chain, 0)
show("fixed_chain neg", fixed_chain, -4611686018427387000)
show("total", total, [Shape(), Shape()])
show("total broken", total, [Shape(), Broken()])
show("codes", codes, [Shape(), Shape()])
show("codes broken", codes, [Shape(), Broken()])
show("area", Shape().area)
show("code", Shape().code)
show("broken area", Broken().area)
show("broken code", Broken().code)
