# Documented difference 1 (DESIGN.md, Semantics): annotations are enforced
# at the boundary. The interpreter ignores them (so "ab" * 2 happens);
# compiled code raises TypeError with the interpreter's wording.
# Expected compiled output: diff_arg_type_check.compiled.out
from _harness import check


def double(x: int) -> int:
    return x * 2


def second(a: int, x: int) -> int:
    return a + x


def half(x: float) -> float:
    return x / 2.0


def shout(s: str) -> str:
    return s + "!"


print("start")
check(double, 21)
check(double, "ab")
check(double, x="ab")
check(second, 1, "b")
check(half, 3.0)
check(half, "x")
check(shout, "hey")
check(shout, 5)
print("end")
