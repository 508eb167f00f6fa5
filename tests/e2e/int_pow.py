# ** on ints: positive exponents (small and huge results), negative
# exponents (float result), zero, and 3-argument pow().
from _harness import check


def show(a: int, b: int) -> None:
    print(a, b, a ** b)


def square(a: int) -> int:
    return a ** 2


def cube_chain(a: int) -> int:
    return a ** 3 ** 2


show(2, 10)
show(2, 62)
show(2, 63)
show(2, 64)
show(2, 200)
show(-2, 63)
show(-2, 64)
show(-3, 3)
show(0, 0)
show(0, 5)
show(1, 1000)
show(-1, 1001)
show(10, 30)
show(7, 0)
show(2, -1)
show(-2, -3)
show(10, -2)
show(1, -5)
show(-1, -5)
check(show, 0, -1)
print(square(3037000500), square(-(2 ** 40)), square(2 ** 100))
print(cube_chain(2), cube_chain(-2))
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2)
print(pow(2, 100), pow(2, 10, 1000), pow(3, 200, 1000007), pow(2, -2))
check(pow, 3, -1, 7)
check(pow, 2, 10, 0)
