# checks: malformed container annotations are reported, not crashed on:
# wrong number of type arguments, a misplaced `...`, a non-type argument.
from typing import Dict, List, Optional, Tuple, Union


def a(x: list[int, str]) -> int:
    return 0


def b(d: dict[str]) -> int:
    return 0


def c(t: tuple[..., int]) -> int:
    return 0


def d(x: Optional[int, str]) -> int:
    return 0


def e(x: List[3]) -> int:
    return 0


def f(x: Dict[str, int, int]) -> int:
    return 0


def h(x: Tuple[int, ..., str]) -> int:
    return 0


def i(x: list) -> int:
    return len(x)


def j(x: Union[int]) -> int:
    return x
