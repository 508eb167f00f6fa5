# Lambdas that use only their parameters and module-level names: the
# function around them compiles, and each lambda is a real Python function
# made from its source (same __qualname__, __module__, defaults-free
# signature, traceback lines).  Lambdas that capture locals or have
# defaults leave their function to the interpreter (same output).
import traceback
from _harness import check

SCALE = 10


def by_count(c: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))


def longest(words: list[str]) -> str:
    return max(words, key=lambda w: len(w))


def scaled(xs: list[int]) -> list[int]:
    return list(map(lambda x: x * SCALE, xs))


def evens(xs: list[int]) -> list[int]:
    return list(filter(lambda x: x % 2 == 0, xs))


def table() -> dict[str, int]:
    ops = {"double": lambda v: v * 2, "neg": lambda v: -v}
    return {k: f(21) for k, f in ops.items()}


def names() -> list[str]:
    f = lambda: 0
    return [f.__name__, f.__qualname__, f.__module__ == __name__ and "same" or "differs"]


def fresh() -> bool:
    fs = [lambda: 1 for _ in range(2)]
    return fs[0] is fs[1]


def multi(xs: list[int]) -> list[int]:
    return sorted(xs,
                  key=lambda x: (
                      x % 3,
                      -x))


def raises() -> int:
    f = lambda x: 1 // x
    return f(0)


def closure(k: int) -> list[int]:
    return list(map(lambda x: x + k, [1, 2]))


def with_default() -> int:
    g = lambda x=5: x * 2
    return g()


def trace() -> None:
    try:
        raises()
    except ZeroDivisionError:
        tb = traceback.extract_tb(__import__("sys").exc_info()[2])
        print([(t.name, t.lineno) for t in tb])


print(by_count({"a": 2, "b": 3, "c": 2}))
print(longest(["aa", "bbbb", "c"]), scaled([1, 2]), evens([1, 2, 3, 4]))
print(table(), names(), fresh(), multi([5, 3, 6, 1]))
check(raises)
print(closure(10), with_default())
trace()
print((lambda a, *rest, **kw: (a, rest, sorted(kw)))(1, 2, z=3))


def comp_inside(xs: list[str]) -> list[str]:
    return sorted(xs, key=lambda v: [c for c in v if c != "a"])


print(comp_inside(["ba", "ab", "c"]))
