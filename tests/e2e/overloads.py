# @typing.overload signatures (module functions and methods) are for type
# checkers: the compiler drops them and compiles the def that follows
# (they were "missing return statement" and "rebinding a module function"
# errors).  Documented: typing.get_overloads() finds none.
import typing
from typing import Optional, Union, overload


@overload
def first(xs: list[int]) -> int: ...
@overload
def first(xs: list[str]) -> str: ...
def first(xs):
    return xs[0]


@typing.overload
def scale(x: int, k: int) -> int: ...
@typing.overload
def scale(x: float, k: int) -> float: ...
def scale(x: Union[int, float], k: int) -> Union[int, float]:
    return x * k


class Box:
    def __init__(self, items: list[int]) -> None:
        self.items = items

    @overload
    def get(self, i: int) -> int: ...
    @overload
    def get(self, i: slice) -> list[int]: ...
    def get(self, i: Union[int, slice]) -> Union[int, list[int]]:
        return self.items[i]

    def find(self, x: int) -> Optional[int]:
        return self.items.index(x) if x in self.items else None


b = Box([5, 6, 7])
print(first([3, 4]), first(["a", "b"]), scale(2, 3), scale(1.5, 2))
print(b.get(1), b.get(slice(0, 2)), b.find(7), b.find(9), first.__name__)
