# str methods on typed strings: split (with and without sep/maxsplit), join,
# strip family, upper/lower, replace, startswith/endswith, find/index,
# count, indexing (negative, out of range), slicing, `in`, iteration.
from _harness import check


def words(s: str) -> list[str]:
    return s.split()


def fields(s: str, sep: str) -> list[str]:
    return s.split(sep)


def first_two(s: str) -> list[str]:
    return s.split(",", 1)


def joined(parts: list[str], sep: str) -> str:
    return sep.join(parts)


def cleaned(s: str) -> tuple[str, str, str, str]:
    return s.strip(), s.lstrip(), s.rstrip(), s.strip(" x")


def cases(s: str) -> tuple[str, str, str, str]:
    return s.upper(), s.lower(), s.title(), s.capitalize()


def repl(s: str, old: str, new: str) -> str:
    return s.replace(old, new)


def repl1(s: str) -> str:
    return s.replace("a", "A", 1)


def prefix(s: str, p: str) -> tuple[bool, bool]:
    return s.startswith(p), s.endswith(p)


def finds(s: str, sub: str) -> tuple[int, int, int]:
    return s.find(sub), s.rfind(sub), s.count(sub)


def find_from(s: str, sub: str, start: int) -> int:
    return s.find(sub, start)


def index_of(s: str, sub: str) -> int:
    return s.index(sub)


def char_at(s: str, i: int) -> str:
    return s[i]


def slices(s: str) -> list[str]:
    return [s[1:3], s[:2], s[2:], s[-3:], s[::2], s[::-1], s[4:1], s[-100:100]]


def has(s: str, sub: str) -> tuple[bool, bool]:
    return sub in s, sub not in s


def vowels(s: str) -> int:
    n = 0
    for c in s:
        if c in "aeiou":
            n += 1
    return n


def codes(s: str) -> list[int]:
    return [ord(c) for c in s]


def chained(s: str) -> str:
    return s.strip().lower().replace(" ", "_").upper()


def csv_sum(line: str) -> int:
    total = 0
    for part in line.split(","):
        p = part.strip()
        if p:
            total += int(p)
    return total


def predicates(s: str) -> tuple[bool, bool, bool, bool]:
    return s.isdigit(), s.isalpha(), s.isspace(), s.isupper()


def padded(s: str, w: int) -> list[str]:
    return [s.ljust(w, "."), s.rjust(w), s.center(w, "*"), s.zfill(w)]


def parts(s: str) -> tuple[str, str, str]:
    return s.partition("=")


print(words("  the quick\tbrown\n fox  "), words(""))
print(fields("a,b,,c", ","), fields("abc", "b"))
check(fields, "abc", "")
print(first_two("k,v,w"), first_two("none"))
print(joined(["a", "b", "c"], ", "), repr(joined([], "-")), joined(["x"], "-"))
check(joined, ["a", 1], "-")
print(cleaned("  x hi x  "))
print(cases("hello wORLD"), cases("ß"))
print(repl("banana", "an", "AN"), repl("aaa", "", "-"), repl1("banana"))
print(prefix("hello", "he"), prefix("hello", "lo"), prefix("", ""))
print(finds("banana", "an"), finds("banana", "x"), finds("aaa", ""))
print(find_from("banana", "a", 2), find_from("banana", "a", -1))
print(index_of("hello", "l"))
check(index_of, "hello", "z")
print(char_at("héllo", 1), char_at("héllo", -1))
check(char_at, "abc", 3)
check(char_at, "abc", -4)
check(char_at, "", 0)
print(slices("abcdefg"), slices(""))
print(has("hello", "ell"), has("hello", ""), has("", "a"))
print(vowels("education"), vowels(""), codes("aZ€"))
print(chained("  Hello World  "))
print(csv_sum("1, 2,, 3 ,-4"))
check(csv_sum, "1,x")
print(predicates("123"), predicates("abc"), predicates(" "), predicates("ABC1"))
print(padded("ab", 6), padded("abcdefgh", 3), padded("-5", 4))
print(parts("k=v=w"), parts("kv"))
