# str values: literals with escapes and unicode, +, * (both orders, zero
# and negative counts), comparisons, len, str() of other types.

GREETING = "héllo, wörld"


def concat(a: str, b: str) -> str:
    return a + b


def rep(s: str, n: int) -> str:
    return s * n


def rep_left(n: int, s: str) -> str:
    return n * s


def build(n: int) -> str:
    s = ""
    for i in range(n):
        s = s + str(i)
    return s


def lens() -> None:
    print(len(""), len("abc"), len(GREETING), len("日本語"), len("\U0001F600"), len("a\nb"), len("\\"))


def escapes() -> None:
    print("tab:\t|", "nl:\\n", "quote:\"", 'single:\'', "bs:\\")
    print("\u00e9\u00e8", "\x41\x42", "\101", "\U0001F600")
    print(repr("a\nb\tc\\d'e\"f"), repr("\x00\x7f"), repr("é"), repr("\u200b"))
    print(r"raw\n\t", "implicit" " concat" ' works')
    print("""triple
quoted""", '''also
this''')


def compare(a: str, b: str) -> None:
    print(repr(a), repr(b), a == b, a != b, a < b, a > b, a <= b, a >= b)


def describe(n: int, x: float, b: bool) -> str:
    return "n=" + str(n) + " x=" + str(x) + " b=" + str(b)


print(GREETING)
print(concat("foo", "bar"), concat("", ""), concat("日本", "語"), repr(concat("a", "")))
print(rep("ab", 3), repr(rep("ab", 0)), repr(rep("ab", -2)), rep_left(2, "xy"), rep("é", 4))
print(build(0), build(5), len(build(100)))
lens()
escapes()
compare("abc", "abd")
compare("abc", "ab")
compare("", "")
compare("B", "a")
compare("ä", "z")
print(describe(-3, 0.5, False), describe(2 ** 70, 1e100, True))
print("a" < "b" < "c", "x" * 3 == "xxx", "ab" + "cd" == "abcd")
