# checks: element types of list/set and parameter types of containers are
# checked at compile time: append/add with the wrong type, returning or
# passing a container with the wrong element type or of the wrong kind.
# Every error is reported.
from typing import Dict, List


def ints(xs: list[int]) -> list[int]:
    xs.append("four")
    return xs


def counts(words: list[str]) -> dict[str, int]:
    d: Dict[str, int] = {}
    for w in words:
        d[w] = 1
    return d


def tags(s: set[str]) -> set[str]:
    s.add(2)
    return s


def names() -> List[str]:
    return [1, 2]


def lengths(words: list[str]) -> dict[str, str]:
    return {w: len(w) for w in words}


def use() -> None:
    print(counts([1, 2]))
    print(ints({"a": 1}))
    print(tags(["a"]))
