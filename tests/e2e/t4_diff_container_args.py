# Documented difference 1 (annotations are enforced at the boundary), for
# container types: a Python caller passing a str where list[int] is declared
# gets the wrapper's TypeError, and a value of the wrong type flowing out of
# an Any into a typed container slot raises TypeError, where the interpreter
# either fails differently or not at all. Never a crash.
# Expected compiled output: t4_diff_container_args.compiled.out
from typing import Dict, List, Optional
from _harness import check


def total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t


def size(xs: List[int]) -> int:
    return len(xs)


def first(xs: list[int]) -> int:
    return xs[0]


def look(d: dict[str, int], k: str) -> int:
    return d[k]


def count(d: Dict[str, int]) -> int:
    return len(d)


def has(s: set[int], v: int) -> bool:
    return v in s


def pair(t: tuple[int, str]) -> str:
    return t[1]


def maybe(x: Optional[int]) -> int:
    if x is None:
        return 0
    return x


def as_list(x) -> list[int]:
    return x


print("start")
check(total, [1, 2])
check(total, "abc")
check(total, (1, 2))
check(total, None)
check(size, "abc")
check(size, {1: 2})
check(first, "abc")
check(look, [1], "k")
check(count, [("a", 1)])
check(has, [1], 1)
check(pair, [1, "a"])
check(pair, (1, "a", 2))
check(maybe, "x")
check(maybe, 2.5)
check(as_list, [1])
check(as_list, "no")
check(as_list, None)
print("end")
