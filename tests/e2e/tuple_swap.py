# Tuple assignment from literal tuples: the whole right side is evaluated
# before any target is assigned.


def noisy(x: int) -> int:
    print("eval", x)
    return x


def swap(a: int, b: int) -> None:
    a, b = b, a
    print(a, b)


def fib(n: int) -> int:
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


def rotate(a: int, b: int, c: int) -> None:
    a, b, c = c, a, b
    print(a, b, c)


def mixed_types() -> None:
    s, n, x = "text", 3, 2.5
    s, t = s + "!", s
    print(s, t, n, x)


def order() -> None:
    a, b = noisy(1), noisy(2)
    print(a, b)


def gcd_steps(a: int, b: int) -> int:
    steps = 0
    while b != 0:
        a, b = b, a % b
        steps += 1
    return steps


swap(1, 2)
swap(2 ** 100, -5)
print(fib(0), fib(1), fib(10), fib(90), fib(100))
rotate(1, 2, 3)
mixed_types()
order()
print(gcd_steps(1071, 462), gcd_steps(2 ** 100, 3 ** 50))
