# Small int arithmetic: + - * on values that fit in a machine word.


def add(a: int, b: int) -> int:
    return a + b


def sub(a: int, b: int) -> int:
    return a - b


def mul(a: int, b: int) -> int:
    return a * b


def poly(x: int) -> int:
    return 3 * x * x - 2 * x + 7


def table() -> None:
    for a in range(-3, 4):
        for b in range(-2, 3):
            print(a, b, a + b, a - b, a * b, add(a, b), sub(a, b), mul(a, b))


def precedence(a: int, b: int, c: int) -> int:
    return a + b * c - (a - b) * (c + a)


def sum_to(n: int) -> int:
    total = 0
    for i in range(n + 1):
        total = total + i
    return total


print(add(2, 3), sub(2, 3), mul(-4, 5))
print(poly(0), poly(5), poly(-5), poly(1000))
table()
print(add(-1, 1), mul(0, -7), sub(0, 0))
print(1 + 2 * 3 - 4, (1 + 2) * (3 - 4))
print(precedence(1, 2, 3), precedence(-4, 7, -2))
print(sum_to(0), sum_to(10), sum_to(1000))
