# Documented difference 1 (annotations are enforced at the boundary) for
# frozenset[T]: a set, a list or None passed where a frozenset is declared
# is a TypeError from the wrapper, and so is a frozenset where a set is
# declared; the interpreter accepts both.
# Expected compiled output: t4_diff_frozenset.compiled.out
from _harness import check


def size(s: frozenset[int]) -> int:
    return len(s)


def grow(s: set[int]) -> int:
    s.add(0)
    return len(s)


check(size, frozenset([1, 2]))
check(size, {1, 2})
check(size, [1, 2])
check(size, None)
check(grow, {1})
check(grow, frozenset([1]))
