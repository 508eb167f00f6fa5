# `s += ch` for one character grows s in place when nothing else holds it
# (runtime spy_str__append_char); everything else -- a str shared with
# another name, one whose hash was taken, an interned one, a character
# wider than the str's kind (an ASCII str meeting "é", a Latin-1 one
# meeting "€" or an emoji) -- goes through the general concatenation.
# Values, identities of the other holders and hashes must be the
# interpreter's.


def build(chars: str) -> str:
    s = ""
    for ch in chars:
        s += ch
    return s


def widen(start: str, extra: list[str]) -> list[str]:
    out = []
    s = start + ""
    for e in extra:
        s += e
        out.append(s)
    return out


def shared(n: int) -> tuple[str, str, str]:
    s = "ab" * 3
    t = s
    for i in range(n):
        s += "x"
    u = s
    s += "y"
    return s, t, u


def hashed(n: int) -> tuple[str, int, bool]:
    s = "key" + str(n)
    h = hash(s)
    s += "!"
    d = {s: 1}
    s2 = s
    s += "?"
    return s, len(d), h == hash(s2[:-1])


def interned() -> tuple[str, str]:
    s = "spam"
    t = "spam"
    s += "s"
    return s, t


def indexed(src: str, n: int) -> str:
    row = ""
    for j in range(n):
        row += src[(j * 7) % len(src)]
        if j % 5 == 4:
            row += "-"
    return row


print(build("hello world"), build(""), build("é"), build("aé€😀z"))
print(widen("abc", ["d", "é", "f", "€", "g", "😀", "h"]))
print(widen("é", ["a", "€", "b"]))
print(widen("€", ["a", "😀", "b", "é"]))
print(widen("😀", ["a", "é", "€"]))
print(shared(0), shared(3))
print(hashed(5))
print(interned())
print(indexed("abcdefghij", 23), indexed("aé€😀", 11))
print([len(build("x" * k)) for k in (1, 7, 8, 9, 15, 16, 17, 100, 1000)])
