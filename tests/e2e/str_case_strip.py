# str.lower/upper/strip/lstrip/rstrip on typed str receivers (compiled:
# done in place for one-byte strings, the method itself otherwise).
from typing import Optional


class Shout(str):
    def lower(self) -> str:
        return "overridden lower"

    def strip(self, chars: object = None) -> str:
        return "overridden strip"


class Plain(str):
    pass


def case(s: str) -> tuple[str, str]:
    return s.lower(), s.upper()


def strips(s: str, chars: str) -> list[str]:
    return [s.strip(chars), s.lstrip(chars), s.rstrip(chars),
            s.strip(), s.lstrip(), s.rstrip()]


def literal_strips(s: str) -> list[str]:
    """With literal characters: their set is a constant of the C."""
    return [s.strip(",. "), s.lstrip("ab"), s.rstrip("\t;"), s.strip(""), s.strip("\xe9")]


def fused(s: str) -> list[str]:
    """s.strip(...).lower() and the like: made in one step."""
    return [s.strip().lower(), s.strip(",. ").upper(), s.lstrip("ab").lower(),
            s.rstrip().upper(), s.strip("").lower(), s.strip("\xe9").upper()]


def strip_opt(s: str, chars: Optional[str]) -> str:
    return s.strip(chars) + "|" + s.lstrip(chars) + "|" + s.rstrip(chars)


def strip_any(s: str, chars: object) -> str:
    return s.strip(chars)  # type: ignore


def identity(s: str) -> list[bool]:
    return [s.lower() is s, s.upper() is s, s.strip() is s, s.strip("q") is s,
            s.rstrip() is s]


def tokens(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for token in text.split():
        word = token.strip(",.!?;").lower()
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts


SAMPLES = ["", "abc", "ABC", "MiXeD 123 _@[`{", "already lower", "ZZ",
           "caf\xe9 CAF\xc9", "stra\xdfe", "\u0130stanbul", "\u03a3\u0399\u03a3",
           "emoji \U0001F600 UP", "@[`{ edge AZaz"]

STRIP = ["", "  padded  ", "\t\n\x0b\x0c\r x \x1c\x1d\x1e\x1f", "\x85 nel \x85",
         "\xa0nbsp\xa0", "...!?word;;", ",.!?;", "xxyxx", "\u2003em\u2003",
         "caf\xe9\xe9", "   "]

CHARS = ["", ",.!?;", "x", "\xe9", " \t", "\u2003", "xy"]


def main() -> None:
    for s in SAMPLES:
        print(repr(case(s)))
    for s in STRIP:
        for c in CHARS:
            print(repr(s), repr(c), strips(s, c))
    for s in STRIP + [", ab, ", "ba\t;", "\u2003,x.", "\xe9a\xe9"]:
        print(repr(s), literal_strips(s))
    print(literal_strips(Plain(",a.")), literal_strips(Shout(",a.")))
    for s in STRIP + [" Ab,C. ", "bAb", ",\xe9A,", "\u2003x Y\u2003", "", "  "]:
        print(repr(s), fused(s))
    print(fused(Plain(" ,Ab. ")), fused(Shout(" ,Ab. ")))
    print(strip_opt("  a b  ", None), strip_opt("xxaxx", "x"))
    print(case(Plain("AbC")), strips(Plain(" ,x, "), ","))
    print(Shout("A").lower(), case(Shout("AbC")), strips(Shout(" x "), "x"))
    for bad in [1, b"x", None, Plain("a")]:
        try:
            print(repr(strip_any("aba", bad)))
        except TypeError as e:
            print("TypeError", e)
    for s in ["", "abc", "ABC", "123", " a ", "\xe9"]:
        print(repr(s), identity(s))
    print(sorted(tokens("The cat, the CAT! the... Hat; a. ,,, Caf\xe9 caf\xe9").items()))


main()
