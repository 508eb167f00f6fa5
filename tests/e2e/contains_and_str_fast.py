# `in` on str/set/dict goes straight to the type's lookup when the
# container is exactly that type; subclasses keep their __contains__.
# s[i] of a str subclass is checked to be a str. `i < n` with an int64
# loop bound and a tagged int compares without boxing.


class LoudStr(str):
    def __contains__(self, x):
        print("LoudStr.__contains__", x)
        return True

    def __getitem__(self, i):
        return "Z"


class LoudSet(set):
    def __contains__(self, x):
        print("LoudSet.__contains__", x)
        return False


class LoudDict(dict):
    def __contains__(self, x):
        print("LoudDict.__contains__", x)
        return True


def in_str(x: str, s: str) -> bool:
    return x in s


def in_set(x: int, s: set[int]) -> bool:
    return x in s


def in_any_set(x: object, s: set[object]) -> bool:
    return x in s


def in_dict(x: str, d: dict[str, int]) -> bool:
    return x in d


def char_at(s: str, i: int) -> str:
    return s[i]


def scan(text: str) -> list[str]:
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == " " or ch == "\n":
            i += 1
        elif ch in "{}[],:":
            out.append(ch)
            i += 1
        else:
            j = i
            while j < n and text[j] not in " {}[],:\n":
                j += 1
            out.append(text[i:j])
            i = j
    return out


def count_below(limit: int, n: int) -> int:
    hits = 0
    for k in range(n):
        if limit > k:
            hits += 1
        if k >= limit:
            hits += 100
    return hits


def show(label: str, f, *args) -> None:
    try:
        print(label, f(*args))
    except Exception as e:
        print(label, type(e).__name__, e)


def main() -> None:
    show("in_str", in_str, "b", "abc")
    show("in_str", in_str, "", "abc")
    show("in_str", in_str, "é", "café")
    show("in_str", in_str, "bc", LoudStr("xyz"))
    # one character: Latin-1 haystacks (memchr), wider ones, wider needles
    for x in ["a", "c", "z", "\x00", "\xff", "\xe9", "\u20ac", "\U0001d11e"]:
        for s in ["", "abc", "\x00\xff", "caf\xe9", "\u20acb", "\U0001d11ez", "abc" * 40 + "z"]:
            print(repr(x), repr(s[:8]), in_str(x, s), in_str(x + x, s + x + x))
    print(in_str(LoudStr("c"), "abc"), in_str("c", LoudStr("abc")))
    show("in_set", in_set, 3, {1, 2, 3})
    show("in_set", in_set, 5, LoudSet({5}))
    show("in_any_set", in_any_set, {1, 2}, {frozenset({1, 2}), 3})
    show("in_any_set", in_any_set, [1], {1})
    show("in_any_set", in_any_set, frozenset(), {frozenset()})
    show("in_dict", in_dict, "a", {"a": 1})
    show("in_dict", in_dict, "z", LoudDict())
    show("char_at", char_at, "héllo", 1)
    show("char_at", char_at, "abc", -1)
    show("char_at", char_at, "abc", 3)
    show("char_at", char_at, "abc", 1 << 70)
    show("char_at", char_at, LoudStr("abc"), 0)
    print(scan('{"a": [1, 2], "bb": x}\n [ ] '))
    print(scan("é€𝄞 {é}"))
    for limit in (-5, 0, 3, 10, 1 << 62, -(1 << 63), 1 << 100):
        print(count_below(limit, 8))


main()
