# `s += t` on a str local appends in place when the local holds the only
# reference (runtime: spy_str_iadd), as the interpreter does: a loop that
# builds a long string stays linear, and other references keep the old
# value.


class Tag(str):
    pass


def build(n: int) -> str:
    s = ""
    for i in range(n):
        s += "ab"[i % 2]
    return s


def shared(parts: list[str]) -> list[str]:
    out: list[str] = []
    s = "x"
    for p in parts:
        before = s          # a second reference: no in-place resize
        s += p
        out.append(before)
        out.append(s)
    return out


def plain_form(n: int) -> str:
    s = ""
    for i in range(n):
        s = s + str(i % 10)
    t = "q"
    t = t + t
    return s[:12] + s[-3:] + t + str(len(s))


def self_add(s: str) -> str:
    s += s
    s += ""
    return s


def maybe(flag: bool) -> str:
    if flag:
        t = "set"
    t += "!"   # UnboundLocalError when flag is false
    return t


def subclass(a: str, b: str) -> str:
    a += b
    return a


def main() -> None:
    s = build(200000)
    print(len(s), s[:6], s[-6:], s.count("ab"))
    print(shared(["a", "bc", "", "déf"]))
    print(self_add("xy"), self_add(""))
    print(plain_form(100000))
    print(maybe(True))
    try:
        print(maybe(False))
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    r = subclass(Tag("t"), "u")
    print(r, type(r).__name__)
    r = subclass("t", Tag("u"))
    print(r, type(r).__name__)


main()
