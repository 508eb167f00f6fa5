# Mutating a set or dict while iterating over it (directly, values() or
# items()) raises the interpreter's RuntimeError, including the
# same-size "keys changed" case.
from _harness import check


def grow(s: set[int]) -> int:
    n = 0
    for x in s:
        s.add(x + 100)
        n += 1
    return n


def shrink_dict(d: dict[int, int]) -> int:
    n = 0
    for k in d:
        d.pop(k)
        n += 1
    return n


def same_size_dict(d: dict[int, int]) -> list[int]:
    out: list[int] = []
    for k in d:
        out.append(k)
        if k == 1:
            d.pop(1)
            d[5] = 5
    return out


def values_mut(d: dict[str, int]) -> int:
    t = 0
    for v in d.values():
        d["z" + str(v)] = v
        t += v
    return t


def items_mut(d: dict[str, int]) -> int:
    t = 0
    for k, v in d.items():
        d[k + "!"] = v
        t += v
    return t


check(grow, {1, 2})
check(shrink_dict, {1: 1, 2: 2})
check(same_size_dict, {1: 1, 2: 2})
check(values_mut, {"a": 1})
check(items_mut, {"a": 1})
