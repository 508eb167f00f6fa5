# Container constructors assigned to typed locals (dict(), list(), set(),
# list(xs), dict(pairs)), comprehensions inside f-strings and f-strings
# inside comprehensions (with a nested width computed from the data).
from typing import Dict, List


def ctor() -> tuple[dict[str, int], list[int], set[str]]:
    d: dict[str, int] = dict()
    xs: list[int] = list()
    s: set[str] = set()
    d["a"] = 1
    xs.append(2)
    s.add("z")
    return d, xs, s


def fcomp(xs: list[int]) -> str:
    return f"{[x * 2 for x in xs]} {', '.join([f'<{y:03d}>' for y in xs])}"


def table(rows: list[tuple[str, float]]) -> list[str]:
    w = max([len(r[0]) for r in rows])
    return [f"{name:<{w}}|{val:8.2f}" for name, val in rows]


def copy_ctor(xs: list[int]) -> list[int]:
    ys = list(xs)
    ys.append(0)
    return ys


def dict_from_pairs(ps: list[tuple[str, int]]) -> dict[str, int]:
    return dict(ps)


def typed_empty() -> Dict[str, List[int]]:
    d: Dict[str, List[int]] = {}
    d["a"] = []
    d["a"].append(1)
    return d


print(ctor(), fcomp([1, 2]), table([("a", 1.0), ("bbb", 22.456)]))
print(copy_ctor([1]), dict_from_pairs([("a", 1)]), typed_empty())
