# Union[A, B] parameters narrowed by isinstance (also with a tuple of types
# and in elif chains), Union return values, and Optional[Union[...]].
# Negative narrowing (else branches, after a return) is in
# t4_isinstance_negative.py.
from typing import List, Optional, Union


def kind(x: Union[int, str]) -> str:
    if isinstance(x, int):
        return "int:" + str(x + 1)
    return "str:" + x.upper()


def kind3(x: Union[int, float, str]) -> str:
    if isinstance(x, int):
        return "i" + str(x * 2)
    elif isinstance(x, float):
        return "f" + str(x / 2)
    elif isinstance(x, str):
        return "s" + x
    return "unreachable"


def numeric(x: Union[int, str, float]) -> bool:
    return isinstance(x, (int, float))


def negated(x: Union[int, str]) -> int:
    if not isinstance(x, str):
        return 1
    return 2


def parse(s: str) -> Union[int, str]:
    if s.isdigit():
        return int(s)
    return s


def total(items: List[Union[int, str]]) -> int:
    t = 0
    for it in items:
        if isinstance(it, int):
            t += it
        elif isinstance(it, str):
            t += len(it)
    return t


def maybe(x: Optional[Union[int, str]]) -> str:
    if x is None:
        return "none"
    if isinstance(x, str):
        return "s" + x
    return "i" + str(x)


def bool_is_int(x: Union[int, str]) -> str:
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    return "str"


def list_or_str(x: Union[list[int], str]) -> int:
    if isinstance(x, list):
        return sum(x)
    if isinstance(x, str):
        return len(x) * 100
    return -1


print(kind(1), kind("ab"), kind(True))
print(kind3(3), kind3(3.0), kind3("x"))
print(numeric(1), numeric(1.5), numeric("1"))
print(negated(5), negated("abc"))
print(repr(parse("12")), repr(parse("ab")))
print(total([1, "abc", 2, ""]))
print(maybe(None), maybe("q"), maybe(7))
print(bool_is_int(True), bool_is_int(0), bool_is_int("s"))
print(list_or_str([1, 2, 3]), list_or_str("four"))
