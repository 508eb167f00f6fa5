# Typed sets: literals, add, discard/remove, membership, len, iteration
# (printed sorted), set comprehensions, set methods, the empty set().
# (The operators | & - ^ <= < on sets are not supported yet: compile error.)
from typing import Set
from _harness import check


def uniq(xs: list[int]) -> set[int]:
    s: set[int] = set()
    for x in xs:
        s.add(x)
    return s


def has(s: set[str], w: str) -> tuple[bool, bool]:
    return w in s, w not in s


def size(s: Set[int]) -> int:
    return len(s)


def literal(a: int, b: int) -> set[int]:
    return {a, b, a + b, 1}


def total(s: set[int]) -> int:
    t = 0
    for x in s:
        t += x
    return t


def listed(s: set[str]) -> list[str]:
    out: list[str] = []
    for w in s:
        out.append(w)
    return sorted(out)


def comp(n: int) -> set[int]:
    return {i % 3 for i in range(n)}


def remove(s: set[int], v: int) -> set[int]:
    s.remove(v)
    return s


def discard(s: set[int], v: int) -> set[int]:
    s.discard(v)
    return s


def ops(a: set[int], b: set[int]) -> list[list[int]]:
    return [sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)),
            sorted(a.symmetric_difference(b))]


def subset(a: set[int], b: set[int]) -> tuple[bool, bool, bool]:
    return a.issubset(b), a.isdisjoint(b), a == b


def dedupe_words(text: str) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for w in text.split():
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def tuple_members(n: int) -> set[tuple[int, int]]:
    return {(i, i * i) for i in range(n)}


def unhashable(s: set[int], x) -> bool:
    return x in s


def pop_one(s: set[int]) -> int:
    return s.pop()


print(sorted(uniq([3, 1, 3, 2, 1])), sorted(uniq([])))
print(has({"a", "b"}, "a"), has(set(), "a"))
print(size({1, 2, 2, 3}), size(set()))
print(sorted(literal(1, 2)), sorted(literal(0, 0)))
print(total({1, 2, 3, 2 ** 70}), total(set()))
print(listed({"pear", "apple", "fig"}))
print(sorted(comp(10)), sorted(comp(0)))
print(sorted(remove({1, 2}, 1)))
check(remove, {1, 2}, 5)
print(sorted(discard({1, 2}, 1)), sorted(discard({1, 2}, 5)))
print(ops({1, 2, 3}, {2, 3, 4}))
print(subset({1}, {1, 2}), subset({1, 2}, {1, 2}), subset({3}, {1}))
print(dedupe_words("b a b c a d"))
print(sorted(tuple_members(3)))
check(unhashable, {1}, [1])
check(unhashable, {1}, 1.0)
print(pop_one({5}))
check(pop_one, set())
s = {10, 20}
s2 = s
s2.add(30)
print(sorted(s), s is s2)
