# Builtins applied to typed containers: enumerate, zip, reversed, any/all,
# sum with a start, min/max with several arguments and key=, len of each
# container kind, list()/dict()/set()/tuple() conversions, sorted of dict
# items, map and filter results consumed by list().
from _harness import check


def numbered(xs: list[str]) -> list[str]:
    out: list[str] = []
    for i, x in enumerate(xs):
        out.append(str(i) + x)
    return out


def numbered_from(xs: list[str]) -> list[tuple[int, str]]:
    return [(i, x) for i, x in enumerate(xs, 1)]


def dot(a: list[int], b: list[int]) -> int:
    t = 0
    for x, y in zip(a, b):
        t += x * y
    return t


def backwards(xs: list[int]) -> list[int]:
    out: list[int] = []
    for x in reversed(xs):
        out.append(x)
    return out


def flags(xs: list[int]) -> tuple[bool, bool]:
    return any(xs), all(xs)


def total_from(xs: list[float]) -> float:
    return sum(xs, 10.0)


def extremes(a: int, b: int, c: int) -> tuple[int, int]:
    return min(a, b, c), max(a, b, c)


def longest(ws: list[str]) -> str:
    return max(ws, key=len)


def lens(xs: list[int], d: dict[int, int], s: set[int], t: tuple[int, ...], w: str) -> list[int]:
    return [len(xs), len(d), len(s), len(t), len(w)]


def conversions(xs: list[int]) -> tuple[list[int], set[int], tuple[int, ...], dict[int, int]]:
    return list(xs), set(xs), tuple(xs), dict(zip(xs, xs))


def chars(s: str) -> list[str]:
    return list(s)


def filtered(xs: list[int]) -> list[int]:
    return list(filter(None, xs))


def mapped(xs: list[int]) -> list[str]:
    return list(map(str, xs))


def index_loop(xs: list[int]) -> list[int]:
    for i in range(len(xs)):
        xs[i] = xs[i] * xs[i]
    return xs


print(numbered(["a", "b"]), numbered_from(["x", "y"]))
print(dot([1, 2, 3], [4, 5, 6]), dot([1, 2], [3]))
print(backwards([1, 2, 3]), backwards([]))
print(flags([0, 1]), flags([]), flags([1, 2]))
print(total_from([0.5, 0.25]))
print(extremes(3, -1, 2))
print(longest(["a", "abc", "ab"]))
check(longest, [])
print(lens([1], {1: 1, 2: 2}, {1, 2, 3}, (1, 2, 3, 4), "hello"))
print(conversions([3, 1, 3]))
print(chars("abc"), filtered([0, 1, 0, 2]), mapped([1, 2]))
print(index_loop([1, 2, 3]))
