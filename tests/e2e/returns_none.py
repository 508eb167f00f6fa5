# Functions returning None (explicitly, implicitly, bare return) and early
# returns from inside loops and nested branches.
from _harness import check


def implicit(n: int) -> None:
    print("implicit", n)


def bare(n: int) -> None:
    if n > 0:
        print("positive")
        return
    print("not positive")


def explicit() -> None:
    return None


def find(n: int, target: int) -> int:
    for i in range(n):
        for j in range(n):
            if i * j == target:
                return i * 100 + j
    return -1


def deep(a: int, b: int) -> str:
    if a > 0:
        if b > 0:
            return "++"
        return "+-"
    if b > 0:
        return "-+"
    return "--"


print(implicit(1))
print(bare(1))
print(bare(-1))
print(explicit())
check(implicit, 2)
check(explicit)
print(find(10, 12), find(10, 0), find(3, 100))
print(deep(1, 1), deep(1, -1), deep(-1, 1), deep(-1, -1))
