# Comparisons, chained comparisons (middle operand evaluated once,
# short-circuit), on ints of all sizes, floats and strs.


def noisy(x: int) -> int:
    print("eval", x)
    return x


def between(lo: int, x: int, hi: int) -> bool:
    return lo <= x < hi


def all_eq(a: int, b: int, c: int) -> bool:
    return a == b == c


def zigzag(a: int, b: int, c: int) -> bool:
    return a < b > c


def cmp_all(a: int, b: int) -> None:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)


def cmp_str(a: str, b: str) -> None:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)


def chain_noisy() -> None:
    print(noisy(1) < noisy(2) < noisy(3))
    print(noisy(3) < noisy(2) < noisy(5))
    print(noisy(1) < noisy(5) > noisy(2) == noisy(2))
    print(noisy(1) == noisy(1) != noisy(2) <= noisy(0))


cmp_all(1, 2)
cmp_all(2, 2)
cmp_all(-1, -2)
cmp_all(2 ** 63, 2 ** 63 - 1)
cmp_all(-(2 ** 63), 2 ** 63)
cmp_all(2 ** 200, 2 ** 200)
cmp_all(-(2 ** 200), 1)
cmp_str("abc", "abd")
cmp_str("", "a")
cmp_str("Z", "a")
cmp_str("é", "z")
cmp_str("same", "same")
print(between(0, 5, 10), between(0, 10, 10), between(0, -1, 10), between(-(2 ** 70), 0, 2 ** 70))
print(all_eq(1, 1, 1), all_eq(1, 1, 2), all_eq(2 ** 64, 2 ** 64, 2 ** 64))
print(zigzag(1, 3, 2), zigzag(1, 3, 3), zigzag(5, 3, 1))
chain_noisy()
print(1 < 2.5 < 3, 1.0 == 1 == True, 0.1 + 0.2 > 0.3 > 0.2)
