# Method calls on str/bytes/list/dict/set/frozenset/tuple receivers look
# the method descriptor up once per call site (spy_call_method_typed, and
# for dynamic receivers a one-type cache, spy_call_method_cached); a
# subclass's override, staticmethods and classmethods called through an
# instance, and errors raised inside the method behave as in the
# interpreter.


import types


class Shout(str):
    def upper(self):
        return "SHOUT:" + str.upper(self)


class Counted(list):
    calls = 0

    def copy(self):
        Counted.calls += 1
        return Counted(self)


def str_methods(s: str) -> list[str]:
    return [s.upper(), s.strip("x"), s.replace("a", "b"), s.title(), s.center(9, "*"),
            str(s.count("a")), str(s.find("b")), s.maketrans("a", "z").__class__.__name__]


def list_methods(xs: list[int]) -> list[int]:
    ys = xs.copy()
    ys.sort(reverse=True)
    ys.insert(0, len(ys))
    ys.extend(xs)
    ys.remove(ys[-1])
    return ys + [ys.index(ys[1]), ys.count(0)]


def dict_methods(d: dict[str, int]) -> list[str]:
    e = d.copy()
    e.setdefault("new", 7)
    f = e.fromkeys(["p", "q"], 0)
    return sorted(e.keys()) + sorted(str(v) for v in e.values()) + sorted(f)


def set_methods(s: set[int], f: frozenset[int], t: tuple[int, ...], b: bytes) -> list[str]:
    u = s.union(f)
    return [str(sorted(u)), str(sorted(f.intersection(s))), str(t.count(1)), str(t.index(2)),
            b.upper().decode(), str(b.split())]


class HasCopy:
    def __init__(self) -> None:
        self.n = 0

    def copy(self):
        self.n += 1
        return "HasCopy.copy %d" % self.n


def dynamic(objs):
    # one call site, receivers of many types: the per-site cache must
    # follow each change of type
    out = []
    for o in objs:
        out.append(repr(o.copy()))
    return out


def dynamic_shadow(o):
    # a static type with instance dicts: never cached
    return o.copy()


def failing(s: str, xs: list[int]) -> None:
    try:
        s.index("zzz")
    except ValueError as e:
        print("ValueError", e)
    try:
        xs.remove(12345)
    except ValueError as e:
        print("ValueError", e)
    try:
        s.center("wide")  # type: ignore
    except TypeError as e:
        print("TypeError", e)


def main() -> None:
    print(str_methods("banana"))
    print(str_methods(Shout("xaxbx")))
    print(list_methods([3, 1, 2, 0]))
    c = Counted([5, 0, 5])
    print(list_methods(c), Counted.calls)
    print(dict_methods({"a": 1, "b": 2}))
    print(set_methods({1, 2}, frozenset({2, 3}), (1, 2, 1), "a b".encode()))
    failing("abc", [1])
    hc = HasCopy()
    print(dynamic([[1], {2: 3}, {4}, frozenset({5}), Counted([6]), hc, [7], hc, {8: 9}]))
    print(dynamic_shadow(types.SimpleNamespace(copy=lambda: "instance attribute wins")))
    print(dynamic_shadow([1, 2]))
    try:
        dynamic([1])
    except AttributeError as e:
        print("AttributeError", e)


main()
