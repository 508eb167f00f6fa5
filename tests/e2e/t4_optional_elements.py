# Containers whose elements are Optional or Union: None elements are
# accepted, narrowed per element, stored with item assignment and append;
# Optional return values built from dict lookups. (`[x for x in xs if x is
# not None]` does not narrow x yet, and a literal [None] is list[None]: known
# gaps, not used here.)
from typing import Dict, List, Optional, Union


def count_none(xs: list[Optional[int]]) -> int:
    n = 0
    for x in xs:
        if x is None:
            n += 1
        else:
            n += x * 10
    return n


def vals(d: dict[str, Optional[str]]) -> list[str]:
    out: list[str] = []
    for k, v in d.items():
        if v is not None:
            out.append(k + v)
    return out


def mixed(xs: list[Union[int, str]]) -> list[str]:
    return [str(x) for x in xs]


def set_none(xs: list[Optional[int]]) -> list[Optional[int]]:
    xs[0] = None
    xs.append(None)
    xs.append(5)
    return xs


def opt_ret(d: dict[str, int], k: str) -> Optional[int]:
    if k in d:
        return d[k]
    return None


def compact(xs: List[Optional[str]]) -> List[str]:
    out: List[str] = []
    for x in xs:
        if x is not None:
            out.append(x)
    return out


def lengths(xs: List[Optional[str]]) -> List[int]:
    return [len(x) if x is not None else -1 for x in xs]


def parents(tree: Dict[str, Optional[str]], node: str) -> List[str]:
    out = [node]
    cur = tree[node]
    while cur is not None:
        out.append(cur)
        cur = tree[cur]
    return out


print(count_none([1, None, 2]), count_none([None, 4]), vals({"a": "x", "b": None}))
print(mixed([1, "a"]), set_none([1, None]))
print(opt_ret({"a": 1}, "a"), opt_ret({}, "a"))
print(compact(["a", None, "b"]), lengths(["ab", None, ""]))
print(parents({"c": "b", "b": "a", "a": None}, "c"), parents({"r": None, "s": "r"}, "r"))
