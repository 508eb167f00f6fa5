# dict subclasses passed where dict[K, V] is declared: d[k] must call
# __missing__ (defaultdict, Counter), and methods must dispatch to the
# subclass's overrides, exactly as in the interpreter.
from collections import Counter, OrderedDict, defaultdict
from _harness import check


def tally(d: dict[str, int], words: list[str]) -> dict[str, int]:
    for w in words:
        d[w] += 1
    return d


def read(d: dict[str, int], k: str) -> int:
    return d[k]


def read_list(d: dict[str, list[int]], k: str) -> list[int]:
    return d[k]


def append_to(d: dict[str, list[int]], k: str, v: int) -> int:
    d[k].append(v)
    return len(d)


def has(d: dict[str, int], k: str) -> bool:
    return k in d


def get(d: dict[str, int], k: str) -> int:
    return d.get(k, -1)


def keys(d: dict[str, int]) -> list[str]:
    out: list[str] = []
    for k in d:
        out.append(k)
    return out


dd = defaultdict(int)
print(tally(dd, ["a", "b", "a"]))
print(read(dd, "zz"), sorted(dd.items()))
print(has(dd, "q"), get(dd, "q"), has(dd, "q"))
dl = defaultdict(list)
print(append_to(dl, "x", 1), append_to(dl, "x", 2), append_to(dl, "y", 3), dict(dl))
print(read_list(dl, "new"), len(dl))
c = Counter("abracadabra")
print(read(c, "a"), read(c, "z"), has(c, "z"), len(c))
print(tally(Counter(), ["x", "y", "x"]))
od = OrderedDict()
od["z"] = 1
od["a"] = 2
print(keys(od), read(od, "a"))
check(read, od, "missing")
check(tally, {}, ["plain"])
nodefault = defaultdict(None)
check(read, nodefault, "k")


def missing_len(key):
    return len(key) * 100


# A dict subclass with its own __missing__ (no class statement: built with type()).
LenDict = type("LenDict", (dict,), {"__missing__": staticmethod(missing_len)})
ld = LenDict(a=1)
print(read(ld, "a"), read(ld, "abc"), has(ld, "abc"), get(ld, "abc"), keys(ld))
print(tally(ld, ["xy", "a"]))
