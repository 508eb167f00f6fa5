# Iterable[T] parameters accept any iterable (list, tuple, set, dict, str,
# range, map, iterators, dict views) and are consumed once; typing spellings
# List/Dict/Set/Tuple mix freely with the builtin generics.
from typing import Dict, Iterable, List, Set, Tuple
from _harness import check


def total(xs: Iterable[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t


def collect(xs: Iterable[str]) -> List[str]:
    return [x.upper() for x in xs]


def count_twice(xs: Iterable[int]) -> Tuple[int, int]:
    a = 0
    for x in xs:
        a += 1
    b = 0
    for x in xs:
        b += 1
    return a, b


def as_set(xs: Iterable[int]) -> Set[int]:
    return {x for x in xs}


def index(words: Iterable[str]) -> Dict[str, int]:
    d: Dict[str, int] = {}
    i = 0
    for w in words:
        d[w] = i
        i += 1
    return d


def mixed(a: List[int], b: list[int], c: Dict[str, List[int]], d: dict[str, list[int]]) -> int:
    return len(a) + len(b) + len(c) + len(d)


d = {"a": 1, "b": 2}
print(total([1, 2, 3]), total((4, 5)), total({6}), total(range(5)), total(d.values()))
print(total(map(int, ["1", "2"])), total(iter([7, 8])), total(reversed([1, 2])))
print(collect("abc"), collect(["x", "y"]), collect(d), collect(d.keys()), collect(sorted({"q", "p"})))
print(count_twice([1, 2, 3]), count_twice(iter((1, 2))), count_twice(range(2)))
print(sorted(as_set(range(3))), sorted(as_set([2, 2, 1])))
print(index(["a", "b", "a"]), index("xyz"), index(()))
print(mixed([1], [2, 3], {"k": [1]}, {}))
check(total, 5)
check(total, None)
