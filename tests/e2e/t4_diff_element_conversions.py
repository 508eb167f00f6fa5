# Documented difference: the typed-boundary conversions also apply to
# elements read out of typed containers. An int read from a list[float]
# becomes a float (interpreted: stays an int); a bool is accepted where int
# is declared and becomes a plain int; an int is not a bool, so it raises.
# Expected compiled output: t4_diff_element_conversions.compiled.out
from _harness import check


def first_f(xs: list[float]) -> float:
    return xs[0]


def total_f(xs: list[float]) -> float:
    t = 0.0
    for x in xs:
        t += x
    return t


def values_f(d: dict[str, float]) -> list[float]:
    out: list[float] = []
    for v in d.values():
        out.append(v)
    return out


def first_i(xs: list[int]) -> int:
    return xs[0]


def flip(flags: list[bool]) -> list[bool]:
    for i in range(len(flags)):
        flags[i] = not flags[i]
    return flags


print("start")
check(first_f, [1])
check(first_f, [2.5])
check(total_f, [1, 2])
check(values_f, {"a": 1, "b": 0.5})
check(first_i, [True])
check(first_i, [7])
check(flip, [True, False])
check(flip, [1, 0])
print("end")
