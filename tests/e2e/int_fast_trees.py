# Int operator trees over locals and literals (emit/lower_intfast.c): the
# compiled code computes them on int64_t when every value is small and
# falls back to the general operations otherwise.  Every case here crosses
# one of the fallback conditions: a big operand, an intermediate or a
# result beyond int64 or beyond the tagged range, a division by zero, a
# negative shift, MIN // -1, and the evaluation order of opaque leaves.

M62 = 2 ** 62
M63 = 2 ** 63


def poly(i: int, j: int) -> int:
    return (i + j) * (i + j + 1) // 2 + i + 1


def mixed(a: int, b: int, c: int) -> int:
    return (a * b - c) % 7 + (a ^ b) - (c & 255) + (~a | b)


def shifts(a: int, n: int) -> int:
    return (a << n) + (a >> n) - 1


def rshifts(a: int, n: int) -> int:
    return (a >> n) * 2 + (a >> 3)


def divs(a: int, b: int) -> int:
    return a // b + a % b * 2


def pow2_divs(a: int, b: int) -> int:
    # floor division and remainder by a power of two: a shift and a mask
    return (a + b) // 4 - (a - b) % 8 + a // 1 + (a * b) % 1 + (a - 3) // 2 ** 1


LOG: list[int] = []


def logged(x: int) -> int:
    LOG.append(x)
    return x


def pow2_after_calls(a: int) -> list[int]:
    # // and % by a non-zero literal cannot raise: leaves may be calls
    LOG.clear()
    LOG.append((logged(-7) * logged(a) + logged(5)) // 4 + logged(9) % 8 - logged(a) // 3)
    return LOG


def lit_shifts(a: int) -> int:
    # literal counts with no int64_t form (once a C compiler error)
    return (a << 80) + (a >> 70) - (1 << 63) + ((a << 62) >> 64) + -(1 << 80)


def neg_count(a: int) -> int:
    return (a + 1) >> -1


def negs(a: int, b: int) -> int:
    return -(a - b) * 3 + -a


def with_pow(a: int, b: int) -> int:
    return a ** 2 + b * 3 - (a ** b if 0 <= b < 70 else 1)


def cmp_tree(i: int, limit: int) -> bool:
    return i * i + 1 <= limit


def cmp_both(a: int, b: int) -> bool:
    return a * 2 - 1 == b * b - b


def calls() -> list[int]:
    log: list[int] = []

    def f(x: int) -> int:
        log.append(x)
        return x

    r = f(1) * f(2) + f(3) * (f(4) - f(5))
    log.append(r)
    return log


def walrus_order(i: int) -> int:
    return i + (i := i * 10) + i * 2


def machine_leaves(n: int) -> int:
    total = 0
    for i in range(n):
        for j in range(n):
            total += (i * n + j) * (j - i) // 3
    return total


class Acc:
    def __init__(self, total: int, step: int) -> None:
        self.total = total
        self.step = step

    def bump(self) -> int:
        self.total += 1000
        return 1

    def fold(self, value: int, cap: int) -> int:
        self.total = (self.total + value * self.step) % cap
        return self.total

    def ordered(self) -> int:
        # the field is read before bump() changes it, as the interpreter does
        return self.total * 2 + self.bump() + self.total


def fields(total: int, step: int, value: int, cap: int) -> str:
    a = Acc(total, step)
    first = a.fold(value, cap)
    return "%d %d %d" % (first, a.fold(value, cap), a.ordered())


def show(label: str, f, *args) -> None:
    try:
        print(label, args, f(*args))
    except Exception as e:  # the same exception, whichever path raised it
        print(label, args, type(e).__name__, e)


def main() -> None:
    edges = [0, 1, -1, 2, 7, -7, 1000, M62 - 1, M62, -M62, -M62 - 1, M63 - 1, M63, -M63,
             3 ** 40, -(3 ** 41)]
    for i in edges:
        for j in (0, 1, -3, 5, M62 - 1, -M63):
            show("poly", poly, i, j)
            show("mixed", mixed, i, j, 300)
            show("divs", divs, i, j)
            show("pow2_divs", pow2_divs, i, j)
            show("negs", negs, i, j)
            show("with_pow", with_pow, i, j)
            show("cmp_tree", cmp_tree, i, j)
            show("cmp_both", cmp_both, i, j)
    for a in (0, 1, -1, 5, -5, M62 - 1, -M62, 12345678901234567):
        for n in (0, 1, 2, 61, 62, 63, 64, 100, -1):
            show("shifts", shifts, a, n)
            show("rshifts", rshifts, a, n)
    show("divs", divs, -M63, -1)
    show("divs", divs, -(2 ** 63), -1)
    show("poly", poly, 3037000499, 3037000499)
    show("poly", poly, 2147483647, 2147483647)
    for t, st, v, cap in ((1, 3, 5, 7), (M62, 3, 5, 1000003), (5, M62, M62, 97),
                          (2, 3, 4, 0), (-7, -3, 11, -5), (M63, -1, M63, M62 + 1)):
        show("fields", fields, t, st, v, cap)
    for a in (0, 1, -1, M62, -M63, 3 ** 50):
        show("lit_shifts", lit_shifts, a)
        show("neg_count", neg_count, a)
    print(calls())
    print(pow2_after_calls(3), pow2_after_calls(M62), pow2_after_calls(-M63))
    print(walrus_order(3), walrus_order(M62))
    print(machine_leaves(30))


main()
