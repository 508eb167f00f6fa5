# ord() of a str reads the code point directly; s[i] with a machine-int
# index (a range() loop variable) reads the character directly.  Both
# must give the interpreter's values and errors, for every string kind
# (ASCII, Latin-1, BMP, astral) and for str subclasses.


class Tagged(str):
    pass


class Upper(str):
    def __getitem__(self, i):
        return str.__getitem__(self, i).upper()


def codes(s: str) -> list[int]:
    out: list[int] = []
    for k in range(len(s)):
        out.append(ord(s[k]))
    return out


def backwards(s: str) -> str:
    r = ""
    for k in range(-1, -len(s) - 1, -1):
        r += s[k]
    return r


def at(s: str, n: int) -> str:
    out = ""
    for k in range(n):
        out = s[k]
    return out


def ord_of(s: str) -> int:
    return ord(s) * 2 + 1


for s in ["", "abc", "caf\u00e9", "\u0394\u03b5\u03bb\u03c4\u03b1", "a\U0001f600b", "\x00\xff"]:
    print(repr(s), codes(s), repr(backwards(s)))

print(codes(Tagged("xyz")), backwards(Tagged("xyz")))
print(codes(Upper("xyz")), backwards(Upper("xyz")))
print(ord_of("A"), ord_of(Tagged("\U0010ffff")), ord_of("\u20ac"))

for bad in ["", "ab", "\U0001f600\U0001f600"]:
    try:
        ord_of(bad)
    except TypeError as e:
        print("TypeError", e)

for n in [3, 4, 10]:
    try:
        print(at("abc", n))
    except IndexError as e:
        print("IndexError", e)
