# Narrowing that survives an if: assigning in the None branch, or in both
# branches, leaves the variable narrowed after it (the Optional default idiom).
from typing import Optional, List

def f(x: Optional[str], flag: bool) -> str:
    if x is None:
        x = "d"
    return x + "!"

def g(xs: Optional[List[int]] = None) -> int:
    if xs is None:
        xs = []
    xs.append(1)
    return len(xs)

def h(x: Optional[int], y: int) -> int:
    if x is None:
        x = 0
    else:
        x = x + y
    return x * 2

print(f(None, True), f("a", False), g(), g([5]), h(None, 1), h(3, 1))
