# A typed list indexed by a dynamic value: it may be a slice, which the
# generic protocol takes (it was converted to int: "expected int, got
# slice").  Reading gives a dynamic value; storing a list through a slice
# index works as interpreted.
from typing import Any


def pick(xs: list[int], i: Any) -> Any:
    return xs[i]


def put(xs: list[int], i: Any, v: Any) -> list[int]:
    xs[i] = v
    return xs


print(pick([1, 2, 3], 1), pick([1, 2, 3], slice(1, None)), pick([1, 2, 3], -1))
print(put([1, 2, 3], 0, 9), put([1, 2, 3], slice(0, 2), [7]))
try:
    pick([1, 2], "x")
except TypeError as e:
    print("TypeError", e)
