# Typed lists: literals, repetition, concatenation, indexing (negative and
# out of range), item assignment and augmented item assignment, len,
# append/pop/insert, slicing, membership, sorted/sum/min/max.
from typing import List
from _harness import check


def build(n: int) -> list[int]:
    xs = [0] * n
    for i in range(n):
        xs[i] = i * i
    return xs


def concat(a: list[int], b: List[int]) -> list[int]:
    return a + b


def at(xs: list[int], i: int) -> int:
    return xs[i]


def set_at(xs: list[int], i: int, v: int) -> list[int]:
    xs[i] = v
    return xs


def bump(xs: list[int], i: int, by: int) -> list[int]:
    xs[i] += by
    xs[i] *= 2
    return xs


def grow(n: int) -> list[int]:
    xs: list[int] = []
    for i in range(n):
        xs.append(i)
    xs.insert(0, -1)
    xs.insert(100, 99)
    xs.insert(-1, 50)
    return xs


def pops(xs: list[int]) -> int:
    a = xs.pop()
    b = xs.pop(0)
    return a * 10 + b


def pop_empty() -> int:
    xs: list[int] = []
    return xs.pop()


def slices(xs: list[int]) -> list[list[int]]:
    return [xs[1:3], xs[:2], xs[2:], xs[-2:], xs[::2], xs[::-1], xs[5:1], xs[:]]


def contains(xs: list[int], v: int) -> bool:
    return v in xs


def not_contains(xs: list[int], v: int) -> bool:
    return v not in xs


def stats(xs: list[int]) -> tuple[int, int, int, int]:
    return len(xs), sum(xs), min(xs), max(xs)


def sort_copy(xs: list[int]) -> list[int]:
    ys = sorted(xs)
    ys.append(0)
    return ys


def floats(xs: list[float]) -> float:
    t = 0.0
    for x in xs:
        t += x
    return t


def strs(words: list[str]) -> str:
    out = ""
    for w in words:
        out = out + w[0]
    return out


def nested(n: int) -> list[list[int]]:
    grid: list[list[int]] = []
    for i in range(n):
        row = [i] * (i + 1)
        grid.append(row)
    grid[0][0] = 42
    return grid


def repeat_left(n: int) -> list[str]:
    return n * ["ab"]


print(build(5), build(0))
print(concat([1, 2], [3]), concat([], []))
check(at, [10, 20, 30], 0)
check(at, [10, 20, 30], -1)
check(at, [10, 20, 30], -3)
check(at, [10, 20, 30], 3)
check(at, [10, 20, 30], -4)
check(at, [], 0)
check(at, [1], 2 ** 70)
check(set_at, [1, 2, 3], -1, 9)
check(set_at, [1, 2, 3], 3, 9)
check(set_at, [1, 2, 3], -4, 9)
check(bump, [1, 2, 3], 1, 5)
check(bump, [1, 2, 3], -3, 5)
check(bump, [1, 2, 3], 7, 5)
print(grow(3), grow(0))
check(pops, [1, 2, 3])
check(pops, [7])
check(pop_empty)
print(slices([0, 1, 2, 3, 4, 5]))
print(slices([]))
print(contains([1, 2, 3], 2), contains([1, 2, 3], 4), not_contains([1, 2], 1), not_contains([], 1))
print(stats([3, 1, 4, 1, 5]), stats([-7]))
check(stats, [])
print(sort_copy([3, 1, 2]), sort_copy([]))
print(floats([0.5, 0.25, 1.0]), floats([]))
print(strs(["hello", "world", "x"]))
check(strs, ["ok", ""])
print(nested(3))
print(repeat_left(3), repeat_left(0), repeat_left(-2))
big = [2 ** 65, -(2 ** 65)]
print(sum(big), stats(big))
