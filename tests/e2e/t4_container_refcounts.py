# Reference counting around typed containers: calling compiled functions
# that read, store, iterate, unpack, format and drop container elements many
# times, also when they raise half way, must leave the elements' reference counts where they were (no leaks,
# no premature frees). Prints only the differences, which must be 0.
import sys


def by_index(xs: list[int]) -> int:
    a = xs[0]
    b = xs[-1]
    return len(xs) + (1 if a == b else 0)


def by_iter(xs: list[int]) -> int:
    n = 0
    for x in xs:
        if x > 0:
            n += 1
    return n


def store(xs: list[int], v: int) -> list[int]:
    out = [v, v]
    out.append(xs[0])
    out[0] = v
    xs[0] = v
    return out


def via_dict(d: dict[str, int], k: str) -> int:
    v = d[k]
    d[k] = v
    d[k + "2"] = v
    e = {kk: v for kk in d}
    w = d.get(k, 0)
    d.pop(k + "2")
    return len(e) + (1 if w == v else 0)


def via_set(s: set[str], w: str) -> int:
    s.add(w)
    t = {y for y in s}
    n = 0
    for x in t:
        n += len(x)
    return n


def via_tuple(t: tuple[str, int]) -> int:
    a, b = t
    c = (a, b)
    return len(a) + len(c)


def fmt(s: str, n: int) -> str:
    return f"{s}:{n:>5}:{s!r}"


def comp(xs: list[str]) -> list[str]:
    ys = [x for x in xs if x]
    zs = [y + "" for y in ys]
    return [z for z in zs for _ in range(2)]


def split_join(s: str) -> str:
    parts = s.split(",")
    return "-".join(parts)


def popper(xs: list[int]) -> int:
    v = xs.pop()
    xs.append(v)
    xs.insert(0, v)
    return xs.pop(0)


def err_index(xs: list[int]) -> int:
    tmp = [xs[0], xs[0]]
    return tmp[0] + xs[10]


def err_key(d: dict[str, int], k: str) -> int:
    tmp = {k: d[k]}
    return tmp[k] + d[k + "missing"]


def err_in_comp(xs: list[int]) -> list[int]:
    return [x // (x - 1) for x in xs]


def err_elem(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t


def err_assert(xs: list[str]) -> str:
    ys = [w + "" for w in xs]
    assert len(ys) == 0, ys[0]
    return ys[0]


def err_method(s: str) -> list[str]:
    parts = s.split(",")
    parts.append(s)
    return [s.index("zz")] and parts


big = 10 ** 30 + 1
word = "".join(["un", "ique"])
key = "".join(["k", "ey"])


# A plain-Python helper (compiled code cannot use try yet).
_ns: dict = {}
exec("def swallow(fn, *a):\n    try:\n        fn(*a)\n    except Exception:\n        pass\n", _ns)
swallow = _ns["swallow"]


def refcounts() -> list[int]:
    return [sys.getrefcount(big), sys.getrefcount(word), sys.getrefcount(key)]


def measure(label: str, fn, a, b=None) -> None:
    before = refcounts()
    for _ in range(200):
        if b is None:
            swallow(fn, a)
        else:
            swallow(fn, a, b)
    after = refcounts()
    print(label, [x - y for x, y in zip(after, before)])


L = [big, big]
measure("by_index", by_index, L)
measure("by_iter", by_iter, L)
measure("store", store, L, big)
measure("via_dict", via_dict, {key: big}, key)
measure("via_set", via_set, {word}, word)
measure("via_tuple", via_tuple, (word, big))
measure("fmt", fmt, word, big)
measure("comp", comp, [word, "", word])
measure("split_join", split_join, word + "," + word)
measure("popper", popper, [big, 1])
# error paths: the exception must release everything the frame held
measure("err_index", err_index, [big])
measure("err_key", err_key, {key: big}, key)
measure("err_in_comp", err_in_comp, [big, big, 1, big])
measure("err_elem", err_elem, [big, word])
measure("err_assert", err_assert, [word, word])
measure("err_method", err_method, word + "," + key)
print(by_index(L), by_iter(L), store([1], big) == [big, big, big], via_dict({key: 1}, key))
print(via_set({word}, key), via_tuple((word, 3)), fmt(word, 7), comp(["a", ""]), popper([1, 2]))
