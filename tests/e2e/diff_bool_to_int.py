# Documented conversion at typed boundaries: a bool passed where int is
# declared becomes a plain int (True -> 1) in compiled code; the
# interpreter keeps the bool object.
# Expected compiled output: diff_bool_to_int.compiled.out
from _harness import check


def ident(x: int) -> int:
    return x


def inc(x: int) -> int:
    return x + 1


check(ident, 5)
check(ident, True)
check(ident, False)
check(inc, True)
print(ident(True))
print(inc(False))
