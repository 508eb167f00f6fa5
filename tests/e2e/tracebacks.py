# Tracebacks of exceptions raised in compiled code: one entry per
# compiled frame, naming the function and the line being executed.
# (tb() prints (function, line) for every entry after its own frame.)
from _harness import tb


def inner(n: int) -> int:
    x = n + 1
    return 10 // (x - x)


def middle(n: int) -> int:
    y = n * 2
    z = inner(y)
    return z


def outer(n: int) -> int:
    print("outer", n)
    return middle(n) + 1


def parse(s: str) -> int:
    return int(s)


def use_parse(s: str) -> int:
    a = 1
    b = parse(s)
    return a + b


def in_loop(n: int) -> int:
    t = 0
    for i in range(n, -1, -1):
        t = t + 100 // i
    return t


def in_branch(n: int) -> int:
    if n > 0:
        return n
    elif n == 0:
        return 1 // n
    else:
        return -n


def recurse(n: int) -> int:
    if n == 0:
        return 1 // n
    return recurse(n - 1) + 1


def kwcall(a: int, b: int) -> int:
    return a % b


def via_keywords() -> int:
    return kwcall(b=0, a=5)


def fine(n: int) -> int:
    return n + 1


tb(outer, 3)
tb(use_parse, "nope")
tb(in_loop, 3)
tb(in_branch, 0)
tb(recurse, 3)
tb(via_keywords)
tb(fine, 1)
