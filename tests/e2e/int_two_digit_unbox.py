# Ints of two 30-bit digits (up to 2**60) are unboxed inline
# (runtime/spy_int.h: spy_int_from_long_object); one digit more takes the
# general path. Values cross into compiled code as arguments, list
# elements, globals and attributes.

EDGES = [2 ** 30 - 1, 2 ** 30, 2 ** 30 + 1, 2 ** 31, 10 ** 9, 0xFFFFF, 2 ** 59, 2 ** 60 - 1,
         2 ** 60, 2 ** 60 + 1, 2 ** 61, 2 ** 62 - 1, 2 ** 62, 2 ** 90]


class IntSub(int):
    pass


def twice(x: int) -> int:
    return x * 2 - x + x


def total(xs: list[int]) -> int:
    s = 0
    for i in range(len(xs)):
        s += xs[i] % 1000003
    return s


def main() -> None:
    vals = EDGES + [-v for v in EDGES]
    for v in vals:
        print(v, twice(v), twice(IntSub(v)), v == twice(v))
    print(total(vals), total([IntSub(v) for v in vals]))


main()
