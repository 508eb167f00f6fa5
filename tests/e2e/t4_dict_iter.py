# Iterating typed dicts: the dict itself, keys(), values(), items() with
# tuple unpacking; insertion order; mutation during iteration raises the
# interpreter's RuntimeError.
from _harness import check


def keys_of(d: dict[str, int]) -> list[str]:
    out: list[str] = []
    for k in d:
        out.append(k)
    return out


def keys_call(d: dict[str, int]) -> list[str]:
    out: list[str] = []
    for k in d.keys():
        out.append(k + k)
    return out


def total(d: dict[str, int]) -> int:
    t = 0
    for v in d.values():
        t += v
    return t


def render(d: dict[str, int]) -> str:
    parts: list[str] = []
    for k, v in d.items():
        parts.append(k + "=" + str(v))
    return ",".join(parts)


def item_tuples(d: dict[int, float]) -> list[tuple[int, float]]:
    out: list[tuple[int, float]] = []
    for kv in d.items():
        out.append(kv)
    return out


def max_item(d: dict[str, int]) -> str:
    best = ""
    best_v = -1
    for name, v in d.items():
        if v > best_v:
            best = name
            best_v = v
    return best


def grow_during(d: dict[str, int]) -> int:
    n = 0
    for k in d:
        d[k + "x"] = 1
        n += 1
    return n


def update_values(d: dict[str, int]) -> dict[str, int]:
    for k in d:
        d[k] = d[k] * 10
    return d


def nested_lists(d: dict[str, list[int]]) -> int:
    t = 0
    for k, xs in d.items():
        for x in xs:
            t += x * len(k)
    return t


def sorted_keys(d: dict[str, int]) -> list[str]:
    return sorted(d)


def sorted_items(d: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(d.items())


def first_key(d: dict[str, int]) -> str:
    for k in d:
        return k
    return "<empty>"


d = {"b": 2, "a": 1, "c": 3}
print(keys_of(d), keys_call(d), total(d), render(d), render({}))
print(item_tuples({1: 0.5, 2: 1.5}))
print(max_item(d), max_item({}))
check(grow_during, {"a": 1})
print(update_values(d), d)
print(nested_lists({"ab": [1, 2], "c": [], "def": [10]}))
print(sorted_keys(d), sorted_items(d))
print(first_key(d), first_key({}))
d2 = dict(d)
d2.pop("b")
d2["b"] = 0
print(keys_of(d2), render(d2))
