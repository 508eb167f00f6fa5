# Default parameter values: constants and expressions, which are evaluated
# once when the def runs (so later changes to the globals they read do not
# change them).
from _harness import check

K = 3


def make_default() -> int:
    print("default evaluated")
    return 42


def f(x: int, y: int = K * 2) -> int:
    return x + y


def g(x: int, y: int = make_default(), z: int = 7) -> int:
    return x * 100 + y * 10 + z


def greet(name: str, greeting: str = "Hello", punct: str = "!") -> str:
    return greeting + ", " + name + punct


def scale(x: float, factor: float = 2.5) -> float:
    return x * factor


def flagged(n: int, neg: bool = False) -> int:
    if neg:
        return -n
    return n


def big_default(n: int = 2 ** 100) -> int:
    return n + 1


K = 100
print(f(1), f(1, 2), f(x=1), f(y=0, x=5), K)
print(g(1), g(1, 2), g(1, z=0), g(1, 2, 3), g(x=0, z=1))
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"))
print(scale(2.0), scale(2.0, 0.5), flagged(5), flagged(5, True), flagged(n=6, neg=False))
print(big_default(), big_default(1))
check(f, 10)
check(g, 2)
check(greet, "Ed", punct="...")
check(big_default)
