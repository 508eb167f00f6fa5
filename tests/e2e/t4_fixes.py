# Fixes found by the container tests: comprehension variables named like
# other locals, slice assignment, subclass overrides (__len__, append,
# add, __iter__, __contains__), unpacking variadic tuples and lists,
# narrowing inside and/or, set operators, list comparison, frozenset
# refused for set[int].
from typing import Optional
from _subclasses import MyList, MyDict, MySet


def comps(xs: list[int], x: int) -> int:
    a = [x * 2 for x in xs]
    b = [x + 1 for x in range(x)]
    return sum(a) + sum(b)


def slices(xs: list[int]) -> list[int]:
    xs[1:3] = [7, 7, 7]
    xs[0:1] += [5]
    return xs


def ln(xs: list[int]) -> int:
    xs.append(3)
    t = 0
    for v in xs:
        t += v
    return len(xs) * 1000 + t


def has(d: dict[str, int], k: str) -> bool:
    return k in d


def adds(s: set[int]) -> list[int]:
    s.add(5)
    return sorted(s)


def unpack(t: tuple[int, ...], xs: list[int]) -> int:
    a, b = t
    c, d = xs
    return a + b + c + d


def andor(x: Optional[int], best: Optional[int]) -> bool:
    return (x is not None and x > 3) or (best is None or best > 2)


def sets(a: set[int], b: set[int]) -> list[int]:
    return sorted((a | b) - (a & b)) + [int([1, 2] < [1, 3])]


print(comps([1, 2], 3), slices([1, 2, 3, 4]), ln([1]), ln(MyList([1])))
print(has({"a": 1}, "a"), has(MyDict(), "magic"), adds({1}), adds(MySet({1})))
print(unpack((1, 2), [3, 4]), andor(5, None), andor(None, 1), sets({1, 2}, {2, 3}))
try:
    unpack((1, 2, 3), [1, 2])
except ValueError as e:
    print("ValueError", e)
