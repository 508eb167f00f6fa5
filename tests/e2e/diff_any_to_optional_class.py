# Documented difference 1 (annotations are enforced): an untyped value
# reaching an `Optional[C]` or `C | int` slot is checked there, as one
# reaching a `C` slot is (the interpreter fails later, at the attribute).
# These checks were missing: a str in an Optional[C] local, parameter or
# field was read as a C instance (a crash).
from typing import Optional, Union


class C:
    def __init__(self) -> None:
        self.x = [1, 2]


class Box:
    def __init__(self) -> None:
        self.item: Optional[C] = None
        self.either: Union[C, int] = 0


def local(o) -> int:  # type: ignore[no-untyped-def]
    y: Optional[C] = o
    if y is not None:
        return len(y.x)
    return 0


def param(o: Optional[C]) -> int:
    if o is not None:
        return len(o.x)
    return -1


def field(b: Box, o) -> int:  # type: ignore[no-untyped-def]
    b.item = o
    it = b.item
    if it is not None:
        return len(it.x)
    return -2


def either(o: Union[C, int]) -> int:
    if isinstance(o, C):
        return len(o.x)
    return o


def untyped(v):  # type: ignore[no-untyped-def]
    return v


def main() -> None:
    b = Box()
    s = untyped("abc")
    calls = [lambda: local(s), lambda: param(s), lambda: field(b, s),
             lambda: local(C()), lambda: param(None), lambda: field(b, None),
             lambda: either(C()), lambda: either(5), lambda: either(s)]
    for call in calls:
        try:
            print(call())
        except (TypeError, AttributeError) as e:
            print(type(e).__name__, e)
    for v in ("abc", C(), None, 3.5):
        try:
            b.item = v  # type: ignore
            print("stored", type(b.item).__name__)
        except TypeError as e:
            print("TypeError", e)


main()
