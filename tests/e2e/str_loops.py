# Innermost loops that index a str, hold one character in a str local and
# read module global ints also run as a copy on plain C values
# (emit/lower_version.c): characters are code points, the str is read from
# its data, a global is read once before the loop.  Whatever the copy
# cannot finish -- an index out of range, a str subclass, a character
# local that held a longer str, a global that is unbound or big -- is the
# general loop's, resumed at that statement.  Everything the
# program sees must be the interpreter's.
from _harness import report

MODULUS = 1000000007
STEP = 3



def digest(doc: str) -> int:
    acc = 0
    dashes = 0
    for k in range(len(doc)):
        ch = doc[k]
        if ch == "-":
            dashes += 1
        elif ch == "\n":
            acc = (acc * 31 + dashes) % MODULUS
        else:
            acc = (acc * 131 + ord(ch)) % MODULUS
    return acc * 1000 + dashes


def scan_string(text: str, i: int) -> int:
    j = i + 1
    while text[j] != '"':
        if text[j] == "\\":
            j += 1
        j += 1
    return j


def classify(text: str) -> tuple[int, int, int, int]:
    punct = 0
    digits = 0
    upper = 0
    other = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c in "{}[],:":
            punct += 1
        elif "0" <= c and c <= "9":
            digits += 1
        elif c >= "A" and c <= "Z":
            upper += 1
        elif c not in " \t":
            other += 1
        i += 1
    return punct, digits, upper, other


def last_char(text: str) -> str:
    ch = ""
    for k in range(len(text)):
        ch = text[k]
        if ch == "!":
            break
    return ch


def count_char(text: str, ch: str) -> int:
    n = 0
    for k in range(len(text)):
        if text[k] == ch:
            n += 1
    return n


def backwards(text: str) -> int:
    acc = 0
    k = -1
    while k >= -len(text):
        acc = acc * 7 + ord(text[k]) - STEP
        k -= 1
    return acc


def runs(text: str) -> int:
    best = 0
    cur = 0
    prev = ""
    for k in range(len(text)):
        ch = text[k]
        if ch == prev:
            cur += 1
        else:
            cur = 1
        if cur > best:
            best = cur
        prev = ch
    return best * 100 + len(prev)


def unbound_after(text: str) -> str:
    for k in range(len(text)):
        ch = text[k]
    return ch


def overflow_mid(text: str, acc: int) -> int:
    for k in range(len(text)):
        acc = acc * 1000 + ord(text[k])
    return acc


def read_global(n: int) -> int:
    acc = 0
    for i in range(n):
        acc = (acc + i * STEP) % MODULUS
    return acc


def vowels(text: str) -> tuple[int, str]:
    n = 0
    last = "?"
    for ch in text:
        if ch in "aeiouäö":
            n += 1
            last = ch
    return n, last


def first_digit(text: str) -> str:
    for ch in text:
        if "0" <= ch <= "9":
            break
    else:
        return "none, last " + ch
    return ch


def weighted(text: str, acc: int) -> int:
    for ch in text:
        acc = acc * 256 + ord(ch)
    return acc


def each_after(text: str) -> str:
    for ch in text:
        pass
    return ch


class Letters(str):
    def __iter__(self):
        yield "a"
        yield "b"
        yield "e"


def compare_all(a: str, b: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    return a == b, a != b, a < b, a <= b, a > b, a >= b


class Shout(str):
    def __getitem__(self, i):
        return str.__getitem__(self, i).upper()

    def __eq__(self, other):
        return str.__eq__(self.lower(), other)

    __hash__ = str.__hash__

    def __lt__(self, other):
        return len(self) < len(other)


def main() -> None:
    doc = "".join("%05d|%s|%d\n" % (i, "ab-cd-" * (i % 5), i % 7) for i in range(300))
    report(digest, doc)
    report(digest, "")
    report(digest, "héllo-wörld\n" * 20)            # Latin-1: the one-byte kind
    report(digest, "日本語-テキスト\n" * 20)          # two-byte kind
    report(digest, "emoji 😀-🎉\n" * 20)             # four-byte kind
    report(digest, Shout("abc-def\n"))               # a subclass: the general loop

    src = 'x = "a\\"b\\\\" + "c"'
    report(scan_string, src, 4)
    report(scan_string, src, 16)
    report(scan_string, 'no "end', 3)                # IndexError inside the copy's range
    report(classify, '{"Key": [1, 2, 3], "ÄB": "Zz 9"}\t')
    report(classify, "")
    report(last_char, "abc!def")
    report(last_char, "abcdef")
    report(last_char, "")
    report(last_char, "ü€😀")
    report(count_char, "banana", "a")
    report(count_char, "banana", "an")               # not one character: never equal
    report(count_char, "banana", Shout("A"))          # its reflected __eq__ is called first
    report(count_char, "😀x😀", "😀")
    report(vowels, "the quick brown fox jumps över")
    report(vowels, "")
    report(vowels, "😀a€e")
    report(vowels, Letters("zzz"))                   # its __iter__: the general loop
    report(first_digit, "abc7def")
    report(first_digit, "abc")
    report(first_digit, "")                          # UnboundLocalError in the else
    report(weighted, "abcdefghijk", 0)               # passes 2**62 mid-way
    report(weighted, "€😀", 2 ** 64)                 # big at entry
    report(each_after, "xyz€")
    report(each_after, "")
    print([c for c in "hé€😀"], [c for c in Letters("q")], "".join(c for c in "abc" if c != "b"))
    report(compare_all, "abc", "abd")
    report(compare_all, "a", Shout("A"))
    report(compare_all, Shout("ABC"), "abc")
    report(compare_all, "zz", Shout("aaa"))
    report(backwards, "abc")
    report(backwards, "")
    report(runs, "aaabccccdd")
    report(runs, "")
    report(runs, "€€€€x")
    report(unbound_after, "xyz")
    report(unbound_after, "")                        # UnboundLocalError after the loop
    report(overflow_mid, "abcdefghijklmnop", 1)      # passes 2**62 mid-way
    report(overflow_mid, "ab", 2 ** 70)              # big at entry

    # the global is read again on each call: rebinding it is seen
    global MODULUS, STEP
    report(read_global, 1000)
    STEP = 10 ** 20                                  # big: the general loop
    report(read_global, 1000)
    STEP = 7
    MODULUS = 97
    report(read_global, 1000)
    report(digest, doc)
    del STEP                                         # NameError at its line
    report(read_global, 10)
    report(read_global, 0)
    STEP = True
    report(read_global, 10)
    STEP = 3
    MODULUS = 1000000007
    report(read_global, 50)


main()
