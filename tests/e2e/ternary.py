# Conditional expressions: value types, nesting, and that only the chosen
# branch is evaluated.


def noisy(x: int) -> int:
    print("eval", x)
    return x


def absval(x: int) -> int:
    return x if x >= 0 else -x


def pick(flag: bool, a: str, b: str) -> str:
    return a if flag else b


def grade(score: int) -> str:
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"


def clampf(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


def lazy(c: int) -> int:
    return noisy(1) if c else noisy(2)


def inner(a: int, b: int) -> int:
    return (a if a > b else b) * 2 + (1 if a == b else 0)


print(absval(-5), absval(5), absval(-(2 ** 63)), absval(0))
print(pick(True, "yes", "no"), pick(False, "yes", "no"))
print(grade(95), grade(85), grade(75), grade(10))
print(clampf(-1.5, 0.0, 1.0), clampf(0.25, 0.0, 1.0), clampf(7.0, 0.0, 1.0))
print(lazy(1))
print(lazy(0))
print(inner(3, 2), inner(2, 3), inner(4, 4))
