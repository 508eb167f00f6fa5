def f(s: frozenset[int]) -> None:
    s.add(1)
def g(s: set[int]) -> frozenset[int]:
    return s
def h(x: frozenset[int, str]) -> None:
    pass
