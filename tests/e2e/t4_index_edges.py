# Index and slice edge cases on typed containers: popping from the front
# while iterating, a live dict keys() view, slice bounds beyond 64 bits,
# -0, a bool index, reversed str slices, a zero step, list(d.items()),
# counting with d.get and sorted(set(s)).
from _harness import check


def pop_front(xs: list[int]) -> list[int]:
    out: list[int] = []
    for x in xs:
        out.append(x)
        xs.pop(0)
    return out + xs


def views(d: dict[str, int]) -> list[str]:
    ks = d.keys()
    d["new"] = 1
    out: list[str] = []
    for k in ks:
        out.append(k)
    return out


def big_slices(xs: list[int]) -> list[list[int]]:
    return [xs[2 ** 70:], xs[:-(2 ** 70)], xs[-0:], xs[::-(2 ** 70)]]


def bool_index(xs: list[str], b: bool) -> str:
    return xs[b]


def str_slices(s: str, i: int, j: int) -> str:
    return s[i:j] + "|" + s[j:i:-1]


def step0(xs: list[int]) -> list[int]:
    return xs[::0]


def idx_float(xs: list[int], f: float) -> int:
    return xs[int(f)]


def lst_items(d: dict[str, int]) -> list[tuple[str, int]]:
    return list(d.items())


def count_chars(s: str) -> dict[str, int]:
    d: dict[str, int] = {}
    for c in s:
        d[c] = d.get(c, 0) + 1
    return d


def set_from_str(s: str) -> list[str]:
    return sorted(set(s))

print(pop_front([1, 2, 3, 4, 5]))
print(views({"a": 1}))
print(big_slices([1, 2, 3]))
print(bool_index(["f", "t"], True), bool_index(["f", "t"], False))
print(str_slices("abcdef", 1, 4), str_slices("abc", -100, 100))
check(step0, [1])
print(idx_float([5, 6], 1.9))
print(lst_items({"x": 1}), count_chars("hello"), set_from_str("hello"))
