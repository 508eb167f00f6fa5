# Arithmetic on union operands (`int | float`, an error before): allowed
# when every pair of members supports the operator, as mypy checks it;
# computed by the interpreter's number protocol, so results keep their
# types (int + int stays an int).
from typing import Union
from _harness import check

Number = Union[int, float]


def combine(a: Number, b: Number) -> tuple:
    return a + b, a - b, a * b, a / b, a // b, a % b, -a, +b, abs(a)


def total(xs: list[Number]) -> Number:
    acc: Number = 0
    for x in xs:
        acc = acc + x
    return acc


def mixed(a: Union[int, str], b: Union[int, str]) -> object:
    return a * 2


check(combine, 7, 2)
check(combine, 7.5, 2)
check(combine, 7, 0)
check(total, [1, 2, 3])
check(total, [1, 2.5])
check(mixed, 3, "x")
check(mixed, "ab", 1)
