# Builtins called through the generic path: print (sep=, end=), abs, min,
# max, str, int, float, round, len, repr, divmod, pow, bool.
from _harness import check


def parse(s: str) -> int:
    return int(s)


def parse_base(s: str, base: int) -> int:
    return int(s, base)


def parsef(s: str) -> float:
    return float(s)


def stats(a: int, b: int, c: int) -> None:
    print(min(a, b), max(a, b), min(a, b, c), max(a, b, c), abs(a), abs(c))


def text(n: int, x: float, s: str, b: bool) -> None:
    print(str(n), str(x), str(s), str(b), repr(n), repr(x), repr(s), repr(b))
    print(len(s), len(str(n)), len(repr(s)))


def typed_results(s: str) -> int:
    n: int = int(s)
    m = len(s)
    return n + m


print("a", "b", "c")
print("a", "b", "c", sep="-")
print("a", "b", sep="", end="|\n")
print("no newline", end="")
print(" ... continued")
print()
print(1, 2.5, "x", True, None, sep=", ")
stats(3, -7, 2 ** 70)
stats(-(2 ** 70), 5, 0)
text(42, 2.5, "it's", True)
text(-(2 ** 64), 1e-7, "", False)
text(0, -0.0, "tab\there", True)
print(parse("42"), parse("-7"), parse(" 12 "), parse("1_000"), parse("123456789012345678901234567890"))
print(parse_base("ff", 16), parse_base("-101", 2), parse_base("0x1F", 0), parse_base("zz", 36))
print(parsef("1.5"), parsef("-1e3"), parsef(" inf "), parsef("1e400"))
print(round(2.5), round(3.5), round(-0.5), round(1.23456, 3), round(7), round(-1.5))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2.0), divmod(2 ** 70, 3))
print(pow(2, 10), pow(2.0, 3), pow(7, 2, 5), pow(2, -1))
print(bool(0), bool(3), bool(""), bool("0"), bool(0.0), int(True), float(False))
print(abs(-2 ** 63), abs(-3.5), max("apple", "banana"), min("b", "a", "c"))
print(typed_results("10"), typed_results("-99999"))
check(parse, "x")
check(parse, "1.5")
check(parse, "")
check(parse_base, "12", 1)
check(parsef, "abc")
check(typed_results, "oops")
