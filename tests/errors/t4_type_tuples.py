# checks: fixed-size tuples know their length and element types: constant
# indices out of range, unpacking into the wrong number of names, element
# types at use sites, and tuple arguments/returns of the wrong shape.
def pair() -> tuple[int, str]:
    return 1, "a"


def bad() -> int:
    t = pair()
    x = t[2]
    y = t[-3]
    a, b, c = pair()
    d, = t
    n: int = t[1]
    return a + b


def wrong_shape() -> tuple[int, str]:
    return "a", 1


def too_long() -> tuple[int, int]:
    return 1, 2, 3


def take(t: tuple[int, int]) -> int:
    return t[0]


def use() -> int:
    return take((1, "x")) + take((1, 2, 3))
