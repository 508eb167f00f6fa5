# Calls between module functions with keyword arguments in any order;
# arguments are evaluated left to right in source order, whatever slots
# they map to.
from _harness import check


def noisy(x: int) -> int:
    print("eval", x)
    return x


def sub(x: int, y: int) -> int:
    return x - y


def describe(name: str, age: int, height: float) -> str:
    return name + " " + str(age) + " " + str(height)


def combine(a: int, b: int, c: int, d: int) -> int:
    return a * 1000 + b * 100 + c * 10 + d


def nested_calls() -> None:
    print(sub(sub(10, 3), sub(y=1, x=2)))
    print(combine(1, 2, d=4, c=3), combine(d=1, c=2, b=3, a=4), combine(4, 3, 2, 1))
    print(combine(sub(5, 4), d=sub(y=0, x=9), b=2, c=combine(0, 0, 0, 3)))


def order() -> None:
    print(sub(y=noisy(1), x=noisy(2)))
    print(combine(noisy(1), d=noisy(2), c=noisy(3), b=noisy(4)))


print(sub(5, 3), sub(x=5, y=3), sub(y=5, x=3), sub(5, y=3))
print(describe("Ann", 30, 1.65), describe(height=1.8, name="Bob", age=40))
nested_calls()
order()
check(sub, y=1, x=10)
check(describe, "Cy", height=2.0, age=5)
check(combine, 1, 2, 3, d=4)
