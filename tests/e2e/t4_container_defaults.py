# Container default values are evaluated once, when the def runs, and shared
# between calls (the mutable-default pitfall) from compiled and Python
# callers alike; a tuple default is used as is.
from _harness import check


def acc(v: int, xs: list[int] = []) -> list[int]:
    xs.append(v)
    return xs


def acc_d(k: str, d: dict[str, int] = {}) -> int:
    d[k] = d.get(k, 0) + 1
    return d[k]


def tup(t: tuple[int, str] = (1, "a")) -> str:
    return t[1] * t[0]


print(acc(1), acc(2), acc(3, [9]), acc(4))
print(acc_d("a"), acc_d("a"), acc_d("b"))
check(acc, 5)
check(acc_d, "a")
print(tup(), tup((2, "b")))
check(tup)
