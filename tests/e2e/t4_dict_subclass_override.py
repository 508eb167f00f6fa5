# A dict subclass that overrides __getitem__, __setitem__, get, keys, items,
# values and __iter__, passed where dict[str, int] is declared: compiled code
# must call the overrides, not the exact-dict fast paths.
# (`k in d` with an overridden __contains__ is left out: it is a known bug,
# the compiled code calls PyDict_Contains.)
from functools import partialmethod


def sub_getitem(self, key):
    return dict.get(self, key, 0) + 1000


def sub_setitem(self, key, value):
    dict.__setitem__(self, key.upper(), value * 2)


def sub_get(self, key, default=None):
    return 7


def sub_iter(self):
    return iter(["it1", "it2"])


def sub_items(self):
    return [("i", 1), ("j", 2)]


def sub_keys(self):
    return ["k1"]


def sub_values(self):
    return [40, 2]


Odd = type("Odd", (dict,), {
    "__getitem__": partialmethod(sub_getitem),
    "__setitem__": partialmethod(sub_setitem),
    "get": partialmethod(sub_get),
    "__iter__": partialmethod(sub_iter),
    "items": partialmethod(sub_items),
    "keys": partialmethod(sub_keys),
    "values": partialmethod(sub_values),
})


def read(d: dict[str, int], k: str) -> int:
    return d[k]


def write(d: dict[str, int], k: str, v: int) -> None:
    d[k] = v


def bump(d: dict[str, int], k: str) -> None:
    d[k] += 1


def get1(d: dict[str, int], k: str) -> int:
    return d.get(k, -1)


def iter_keys(d: dict[str, int]) -> list[str]:
    return [k for k in d]


def iter_items(d: dict[str, int]) -> list[str]:
    out: list[str] = []
    for k, v in d.items():
        out.append(k + str(v))
    return out


def iter_keys_call(d: dict[str, int]) -> list[str]:
    out: list[str] = []
    for k in d.keys():
        out.append(k)
    return out


def sum_values(d: dict[str, int]) -> int:
    t = 0
    for v in d.values():
        t += v
    return t


def length(d: dict[str, int]) -> int:
    return len(d)


o = Odd()
dict.__setitem__(o, "a", 1)
print(read(o, "a"), read(o, "b"))
write(o, "b", 5)
print(sorted(dict.items(o)))
bump(o, "c")
print(sorted(dict.items(o)))
print(get1(o, "a"))
print(iter_keys(o), iter_items(o), iter_keys_call(o), sum_values(o), length(o))
