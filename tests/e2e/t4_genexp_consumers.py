# Generator expressions handed straight to consuming builtins (sum, min,
# max, sorted, list, tuple, set, frozenset, str.join) are compiled as list
# comprehensions (documented in the guide); the values, their order, the
# side effects of computing them and the errors are the interpreter's.
# any()/all() keep their laziness (a loop that stops early; more in
# t4_any_all.py).
from _harness import check


def noisy(x: int) -> int:
    print("visit", x)
    return x * x


def total(xs: list[int]) -> int:
    return sum(noisy(x) for x in xs)


def mean_var(xs: list[float]) -> tuple[float, float]:
    m = sum(xs) / len(xs)
    return m, sum((x - m) ** 2 for x in xs) / len(xs)


def extremes(words: list[str]) -> tuple[int, int, str]:
    return (min(len(w) for w in words), max(len(w) for w in words if w),
            max((w for w in words), key=len))


def shapes(n: int) -> tuple[list[int], tuple[int, ...], set[int], frozenset[int]]:
    return (list(i % 3 for i in range(n)), tuple(i * 2 for i in range(n)),
            set(i % 3 for i in range(n)), frozenset(i % 2 for i in range(n)))


def joined(words: list[str]) -> str:
    return ", ".join(w.upper() for w in words if len(w) > 1)


def ordered(xs: list[int]) -> list[int]:
    return sorted((x for x in xs if x % 2), reverse=True)


def start_value(xs: list[float]) -> float:
    return sum((x for x in xs), 100.0)


def nested(m: list[list[int]]) -> int:
    return sum(x for row in m for x in row if x > 0)


def failing(xs: list[int]) -> int:
    return sum(10 // x for x in xs)


def lazy(xs: list[int]) -> bool:
    return any(noisy(x) > 3 for x in xs)


print(total([1, 2, 3]))
print(mean_var([1.0, 2.0, 4.0]))
print(extremes(["a", "abc", "", "ab"]))
print(shapes(5))
print(joined(["a", "bc", "def"]))
print(ordered([5, 2, 7, 1, 4]))
print(start_value([1.5, 2.5]))
print(nested([[1, -2], [3, 4], []]))
check(failing, [1, 2, 0, 5])
check(extremes, [])
print(lazy([1, 2, 3, 4]))
