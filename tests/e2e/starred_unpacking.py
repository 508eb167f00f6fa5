# Starred assignment targets (`a, *b, c = x`) and unpacking in displays
# (`[*a, *b]`, `(*a, 1)`, `{*a}`, `{**m, k: v}`): values, types, the order
# things are evaluated in, and the interpreter's errors.
from typing import Iterator
from _harness import check

LOG: list[str] = []


def noted(tag: str, value: object) -> object:
    LOG.append(tag)
    return value


def gen(n: int) -> Iterator[int]:
    for i in range(n):
        yield i * i


def heads(xs: list[int]) -> tuple[int, list[int], int]:
    first, *middle, last = xs
    return first, middle, last


def typed_rest(xs: list[int]) -> int:
    a, *rest = xs
    return a * 100 + sum(rest) + len(rest)


def from_tuple(t: tuple[int, str, float, bool]) -> tuple:
    a, *m, z = t
    *init, end = t
    return a, m, z, init, end


def anything(x):
    *a, b = x
    c, *d = x
    return a, b, c, d


def nested() -> tuple:
    (a, *b), c = [1, 2, 3], "s"
    for head, *tail in [[1, 2, 3], [4], "xyz"]:
        LOG.append(str(head) + ":" + repr(tail))
    x, *y = "hello"
    return a, b, c, x, y


def swap_star(xs: list[int]) -> list[int]:
    a, *b = xs
    e, *c = b + [a]
    return [e] + c


def displays(a: list[int], d: dict[str, int]) -> tuple:
    lst = [*a, 0, *range(3), *a]
    tup = (*a, *"ab", None)
    st = {*a, *a, 7}
    dd = {"z": 0, **d, "a": 99, **{"k": 1}}
    empty = [*[], *()]
    return lst, tup, sorted(st), dd, empty, {**{}}


def ordered() -> tuple:
    LOG.clear()
    r = [noted("a", 1), *noted("b", [2, 3]), noted("c", 4)]
    t = {noted("k1", "x"): noted("v1", 1), **noted("m", {"y": 2}), noted("k2", "x"): noted("v2", 3)}
    s = {*noted("s1", (1, 2)), noted("s2", 3)}
    return r, t, sorted(s), list(LOG)


def dyn_list(x):
    return [1, *x]


def dyn_tuple(x):
    return (*x,)


def dyn_set(x):
    return {*x}


def dyn_dict(x):
    return {"a": 1, **x}


class Keys:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, k):
        return k * 2


check(heads, [1, 2, 3, 4, 5])
check(heads, [1, 2])
check(heads, [1])
check(heads, [])
check(typed_rest, [5])
check(typed_rest, [5, 1, 2, 3])
check(typed_rest, [])
check(from_tuple, (1, "two", 3.0, True))
check(anything, range(4))
check(anything, gen(3))
check(anything, {"k": 1, "j": 2})
check(anything, "ab")
check(anything, "a")
check(anything, "")
check(anything, 5)
check(anything, None)
check(nested)
print(LOG)
check(swap_star, [1, 2, 3])
check(displays, [4, 5], {"b": 2, "a": 1})
check(ordered)
check(dyn_list, (9, 8))
check(dyn_list, 5)
check(dyn_list, None)
check(dyn_tuple, gen(4))
check(dyn_tuple, 3.5)
check(dyn_set, [1, 1, 2])
check(dyn_set, 5)
check(dyn_dict, {"b": 2})
check(dyn_dict, Keys())
check(dyn_dict, [1, 2])
check(dyn_dict, 5)
