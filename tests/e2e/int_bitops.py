# Bitwise operators and shifts on ints of every size and sign, including
# big shift counts and the ValueError for a negative shift count.
from _harness import check

BIG = 2 ** 200 + 2 ** 100 + 12345


def ops(a: int, b: int) -> None:
    print(a, b, a & b, a | b, a ^ b, ~a, ~b)


def shl(a: int, n: int) -> int:
    return a << n


def shr(a: int, n: int) -> int:
    return a >> n


def popcount(x: int) -> int:
    n = 0
    while x:
        n = n + (x & 1)
        x = x >> 1
    return n


ops(12, 10)
ops(-12, 10)
ops(12, -10)
ops(-12, -10)
ops(0, -1)
ops(BIG, 255)
ops(-BIG, 255)
ops(BIG, -BIG)
ops(2 ** 63, 2 ** 63 - 1)
ops(-(2 ** 63), 2 ** 64 - 1)
print(shl(1, 0), shl(1, 1), shl(1, 61), shl(1, 62), shl(1, 63), shl(1, 64), shl(1, 200))
print(shl(-1, 62), shl(-1, 63), shl(-1, 100), shl(3, 62), shl(0, 1000), shl(BIG, 3))
print(shr(1, 1), shr(-1, 1), shr(-1, 100), shr(5, 100), shr(-5, 100), shr(-5, 1))
print(shr(BIG, 190), shr(-BIG, 190), shr(-BIG, 300), shr(BIG, 300), shr(2 ** 64, 1))
print(shr(1, 2 ** 70), shr(-1, 2 ** 70), shr(BIG, 2 ** 70), shl(0, 2 ** 70))
print(shr(-(2 ** 63), 63), shr(-(2 ** 63), 64), shr(2 ** 63, 63))
print(popcount(0), popcount(255), popcount(2 ** 64 - 1), popcount(BIG))
check(shl, 1, -1)
check(shr, 1, -1)
check(shl, BIG, -(2 ** 70))
print(1 << 10, 1024 >> 3, -1024 >> 3, ~0, ~-1, 5 & 3 | 8 ^ 2)
