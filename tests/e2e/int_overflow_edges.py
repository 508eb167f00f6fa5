# Ints crossing machine-word boundaries: 2**62 (tag limit), 2**63, 2**64.
# Arbitrary precision must never be lost, and values shrinking back must
# behave like small ints again.

M62 = 2 ** 62
M63 = 2 ** 63
M64 = 2 ** 64
I64_MAX = 9223372036854775807
I64_MIN = -9223372036854775808


def around(base: int) -> None:
    for d in range(-2, 3):
        x = base + d
        print(x, x + x, x - 1, x * 2, x * x, -x, x // 3, x % 7, x > base, x == base)


def add(a: int, b: int) -> int:
    return a + b


def sub(a: int, b: int) -> int:
    return a - b


def mul(a: int, b: int) -> int:
    return a * b


def neg(a: int) -> int:
    return -a


def count_up(start: int, n: int) -> int:
    x = start
    for i in range(n):
        x = x + 1
    return x


def count_down(start: int, n: int) -> int:
    x = start
    for i in range(n):
        x = x - 1
    return x


def powers_of_three(n: int) -> int:
    r = 1
    for i in range(n):
        r = r * 3
    return r


def fact(n: int) -> int:
    r = 1
    for i in range(2, n + 1):
        r = r * i
    return r


def shrink(x: int) -> int:
    # big -> small again
    y = x * x
    return y - x * x + 5


around(M62)
around(-M62)
around(M63)
around(-M63)
around(M64)
around(-M64)
print(add(I64_MAX, 1), sub(I64_MIN, 1), neg(I64_MIN), mul(I64_MIN, -1))
print(add(M62 - 1, 1), sub(-M62, 1), mul(M62, 2), mul(-M62, 2), mul(M62, -2))
print(mul(4294967296, 4294967296), mul(3037000499, 3037000499), mul(3037000500, 3037000500))
print(mul(-3037000500, 3037000500), mul(I64_MAX, I64_MAX))
print(count_up(M62 - 3, 6), count_up(I64_MAX - 2, 5), count_down(I64_MIN + 2, 5))
print(count_down(-M62 + 2, 5), count_up(-M64 - 2, 5))
print(powers_of_three(39), powers_of_three(40), powers_of_three(41), powers_of_three(100))
print(fact(20), fact(21), fact(30))
print(shrink(M64), shrink(I64_MAX), shrink(7))
print(add(2 ** 200, -(2 ** 200)), sub(2 ** 200, 2 ** 200 - 1), mul(2 ** 100, 2 ** 100) == 2 ** 200)
print(I64_MAX + 1 > I64_MAX, -M64 < I64_MIN, M64 - M64 == 0)
