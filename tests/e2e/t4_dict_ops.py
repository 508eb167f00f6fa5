# Typed dicts: literals, lookup, KeyError for a missing key (message is the
# repr of the key), assignment, augmented assignment, membership, get with
# and without a default, setdefault, pop, len, iteration order.
from typing import Dict, Optional
from _harness import check


def lookup(d: dict[str, int], k: str) -> int:
    return d[k]


def lookup_int(d: Dict[int, str], k: int) -> str:
    return d[k]


def store(d: dict[str, int], k: str, v: int) -> dict[str, int]:
    d[k] = v
    return d


def incr(d: dict[str, int], k: str) -> dict[str, int]:
    d[k] += 1
    return d


def counter(words: list[str]) -> dict[str, int]:
    c: dict[str, int] = {}
    for w in words:
        if w in c:
            c[w] += 1
        else:
            c[w] = 1
    return c


def get_default(d: dict[str, int], k: str) -> int:
    return d.get(k, -1)


def get_plain(d: dict[str, int], k: str) -> Optional[int]:
    return d.get(k)


def get_or_zero(d: dict[str, int], k: str) -> int:
    v = d.get(k)
    if v is None:
        return 0
    return v * 2


def groups(words: list[str]) -> dict[int, list[str]]:
    g: dict[int, list[str]] = {}
    for w in words:
        g.setdefault(len(w), []).append(w)
    return g


def setdef(d: dict[str, int], k: str) -> int:
    return d.setdefault(k, 5)


def popkey(d: dict[str, int], k: str) -> int:
    return d.pop(k)


def popdef(d: dict[str, int], k: str) -> int:
    return d.pop(k, 0)


def has(d: dict[str, int], k: str) -> tuple[bool, bool]:
    return k in d, k not in d


def size(d: dict[str, float]) -> int:
    return len(d)


def literal() -> dict[str, list[int]]:
    d = {"a": [1], "b": [2, 3], "a": [4]}
    d["c"] = []
    return d


def nested_update(d: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    d["x"]["y"] += 10
    d["x"]["z"] = 0
    return d


def tuple_keys() -> dict[tuple[int, int], str]:
    d: dict[tuple[int, int], str] = {}
    for i in range(2):
        for j in range(2):
            d[(i, j)] = str(i) + str(j)
    return d


def floats(d: dict[str, float], k: str) -> float:
    d[k] += 0.5
    return d[k]


print(lookup({"a": 1, "b": 2}, "b"))
check(lookup, {"a": 1}, "zz")
check(lookup, {}, "")
check(lookup_int, {1: "one"}, 2)
check(lookup_int, {1: "one", 2 ** 80: "big"}, 2 ** 80)
print(store({"a": 1}, "b", 2), store({"a": 1}, "a", 3))
print(incr({"a": 1}, "a"))
check(incr, {"a": 1}, "b")
print(counter("the cat and the hat and the end".split()))
print(get_default({"a": 1}, "a"), get_default({"a": 1}, "b"))
print(get_plain({"a": 1}, "a"), get_plain({"a": 1}, "b"))
print(get_or_zero({"a": 21}, "a"), get_or_zero({}, "a"))
print(groups(["a", "bb", "c", "ddd", "ee"]))
e: dict[str, int] = {"k": 1}
print(setdef(e, "k"), setdef(e, "new"), e)
print(popkey({"a": 1, "b": 2}, "a"), popdef({"a": 1}, "q"))
check(popkey, {"a": 1}, "q")
print(has({"a": 1}, "a"), has({"a": 1}, "b"))
print(size({}), size({"x": 1.0, "y": 2.0}))
print(literal())
print(nested_update({"x": {"y": 1}}))
check(nested_update, {"q": {"y": 1}})
print(tuple_keys())
print(floats({"f": 1.25}, "f"))
