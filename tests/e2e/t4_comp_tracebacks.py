# e2e-min-python: 3.12
# Tracebacks of errors raised inside comprehensions. Since 3.12 (PEP 709)
# the interpreter inlines comprehensions, so there is no <listcomp> frame,
# which is what compiled code gives. On 3.9-3.11 the interpreter has an
# extra <listcomp>/<dictcomp>/<setcomp> entry that compiled code lacks
# (known gap), so this test needs 3.12.
from _harness import tb


def in_comp(xs: list[int]) -> list[int]:
    return [10 // x
            for x in xs]


def in_dict_comp(ws: list[str]) -> dict[str, int]:
    return {w: int(w) for w in ws}


def in_set_comp(ws: list[str]) -> set[int]:
    return {len(w) for w in ws if w[0] != "x"}


def nested(grid: list[list[int]]) -> list[int]:
    return [row[2] for row in grid]


def caller(xs: list[int]) -> int:
    ys = in_comp(xs)
    return len(ys)


tb(in_comp, [1, 0])
tb(in_dict_comp, ["1", "x"])
tb(in_set_comp, ["ab", ""])
tb(nested, [[1, 2, 3], [1]])
tb(caller, [0])
