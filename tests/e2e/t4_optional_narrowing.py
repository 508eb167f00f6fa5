# Optional[T] narrowing: early return on `is None`, `is not None` blocks,
# truthiness (`if x:` treats 0 and "" as false), `while node is not None`
# walks, `assert x is not None`, else branches, and/or short circuits.
from typing import Dict, List, Optional
from _harness import check


def or_default(x: Optional[int]) -> int:
    if x is None:
        return -1
    return x * 2


def describe(x: Optional[int]) -> str:
    if x is not None:
        return "int " + str(x + 1)
    else:
        return "none"


def truthy(s: Optional[str]) -> str:
    if s:
        return s.upper()
    return "empty-or-none"


def truthy_int(x: Optional[int]) -> int:
    if x:
        return x + 100
    return 0


def not_none_else(x: Optional[str]) -> str:
    if x is None:
        return "default!"
    return x + "!"


NEXT: Dict[int, int] = {1: 2, 2: 5, 5: 9}


def nxt(node: int) -> Optional[int]:
    return NEXT.get(node)


def walk(start: Optional[int]) -> List[int]:
    out: List[int] = []
    node = start
    while node is not None:
        out.append(node)
        node = nxt(node)
    return out


def asserted(x: Optional[int]) -> int:
    assert x is not None
    return x + 1


def asserted_msg(x: Optional[str]) -> str:
    assert x is not None, "x was None"
    return x * 2


def first_even(xs: list[int]) -> Optional[int]:
    for x in xs:
        if x % 2 == 0:
            return x
    return None


def use_first(xs: list[int]) -> str:
    e = first_even(xs)
    if e is None:
        return "no even"
    return "even " + str(e * 10)


def both(a: Optional[int], b: Optional[int]) -> int:
    if a is not None and b is not None:
        return a + b
    if a is None and b is None:
        return 0
    return -1


def either(a: Optional[str], b: str) -> str:
    return a or b


def opt_list(xs: Optional[list[int]]) -> int:
    if xs is None:
        return -1
    return len(xs) + sum(xs)


def opt_param_default(x: Optional[int] = None) -> str:
    if x is None:
        return "default"
    return str(x)


def reassign(flag: bool) -> Optional[str]:
    r: Optional[str] = None
    if flag:
        r = "set"
    return r


def ternary(x: Optional[int]) -> int:
    return x if x is not None else 0


def narrowed_compare(x: Optional[float]) -> bool:
    if x is None:
        return False
    return x > 0.5


print(or_default(21), or_default(None), or_default(0))
print(describe(5), describe(None))
print(truthy("ab"), truthy(""), truthy(None))
print(truthy_int(1), truthy_int(0), truthy_int(None))
print(not_none_else(None), not_none_else("x"))
print(walk(1), walk(5), walk(7), walk(None))
print(asserted(1))
check(asserted, None)
check(asserted_msg, None)
print(asserted_msg("ab"))
print(use_first([1, 3, 4, 6]), use_first([1]), first_even([]))
print(both(1, 2), both(None, None), both(1, None), both(None, 3))
print(either(None, "b"), either("", "b"), either("a", "b"))
print(opt_list([1, 2]), opt_list(None), opt_list([]))
print(opt_param_default(), opt_param_default(3), opt_param_default(None))
print(reassign(True), reassign(False))
print(ternary(4), ternary(None), narrowed_compare(None), narrowed_compare(0.75))
