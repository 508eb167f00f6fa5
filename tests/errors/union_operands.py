# checks: an operator on a union is checked for every pair of members: a
# member that does not support it (None of an Optional, str + int) is an
# error naming the whole union.
from typing import Optional, Union


def f(a: Optional[int], b: Union[int, str], c: int) -> None:
    print(a + c)
    print(b + c)
    print(-b)
