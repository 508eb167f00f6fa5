"""isinstance() with list, dict, set, frozenset and tuple narrows unions
and untyped values (a union member keeps its element types), and a
recursive type alias (`Json = Union[Dict[str, "Json"], List["Json"],
...]`) is understood with its inner references as Any, as in
typed JSON walkers."""
from typing import Dict, FrozenSet, List, Optional, Set, Tuple, Union

Json = Union[Dict[str, "Json"], List["Json"], str, int, float, bool, None]


def depth(j: Json) -> int:
    if isinstance(j, dict):
        return 1 + max((depth(v) for v in j.values()), default=0)
    if isinstance(j, list):
        return 1 + max((depth(v) for v in j), default=0)
    return 0


def leaves(j: Json) -> List[str]:
    if isinstance(j, dict):
        return [k + "." + x for k, v in sorted(j.items()) for x in leaves(v)] or [k for k in j]
    if isinstance(j, list):
        return [x for v in j for x in leaves(v)]
    return [repr(j)]


def total(x: Union[List[int], Dict[str, int], Set[int], FrozenSet[int], Tuple[int, ...], int]) -> int:
    if isinstance(x, dict):
        return sum(x.values()) * 10
    if isinstance(x, frozenset):
        return -sum(x)
    if isinstance(x, (list, tuple)):
        return sum(x)
    if isinstance(x, set):
        return len(x) * 100
    return x


def describe(o: object) -> str:
    if isinstance(o, list):
        return "list of %d" % len(o)
    if isinstance(o, dict):
        return "dict with " + ",".join(sorted(str(k) for k in o))
    if isinstance(o, tuple):
        return "tuple %r" % (o[:1],)
    return type(o).__name__


class Row(list):
    pass


def main() -> None:
    doc: Json = {"a": [1, {"b": None, "c": [True, 2.5]}], "d": "x", "e": {}}
    print(depth(doc), depth([]), depth(3), leaves(doc))
    print(total([1, 2]), total({"a": 3}), total({4, 5}), total(frozenset({6})), total((7, 8)), total(9))
    for o in ([1, 2], {"k": 1, "j": 2}, (3, 4), "s", None, Row([5]), set()):
        print(describe(o))


main()
