# isinstance narrows both ways: the else branch, the code after an
# `if isinstance(...): return`, and `not isinstance` see the union minus
# the members that are surely instances.  An int is no float instance even
# though it fits a float slot; a bool is an int instance.
from typing import Optional, Union


class Shape:
    def area(self) -> float:
        return 0.0


class Square(Shape):
    def __init__(self, side: float) -> None:
        self.side = side

    def area(self) -> float:
        return self.side * self.side


class Label:
    def __init__(self, text: str) -> None:
        self.text = text


def after_return(x: Union[int, str]) -> int:
    if isinstance(x, str):
        return len(x)
    return x + 1


def else_branch(x: Union[int, str]) -> str:
    if isinstance(x, int):
        return "int " + str(x * 3)
    else:
        return "str " + x.upper()


def negated(x: Union[int, str]) -> int:
    if not isinstance(x, int):
        return len(x) * 10
    return x


def not_float(x: Union[int, float]) -> str:
    if isinstance(x, float):
        return "float " + str(x / 2)
    return "int " + str(x // 2)


def three(x: Union[int, str, None]) -> str:
    if isinstance(x, int):
        return "i" + str(x)
    if x is None:
        return "none"
    return "s" + x


def shapes(x: Union[Square, Label]) -> str:
    if isinstance(x, Shape):
        return "area " + str(x.area())
    return "label " + x.text


def bools(x: Union[bool, str]) -> str:
    if isinstance(x, int):
        return "boolish " + str(x)
    return "text " + x


def loop(xs: list[Union[int, str]]) -> int:
    total = 0
    for x in xs:
        if isinstance(x, str):
            continue
        total += x
    return total


def optional_first(x: Optional[Union[int, str]]) -> int:
    if x is None or isinstance(x, str):
        return -1
    return x * 2


print(after_return("abc"), after_return(41))
print(else_branch(5), else_branch("hey"))
print(negated("abcd"), negated(7))
print(not_float(3.0), not_float(7))
print(three(1), three(None), three("x"))
print(shapes(Square(2.0)), shapes(Label("hi")))
print(bools(True), bools("no"))
print(loop([1, "a", 2, "b", 3]))
print(optional_first(None), optional_first("s"), optional_first(21))
