# for over range() with 1, 2 and 3 arguments, negative steps, empty
# ranges, big bounds, the loop variable after the loop, and bad steps.
from _harness import check


def show(start: int, stop: int, step: int) -> None:
    i = -999
    out = ""
    for i in range(start, stop, step):
        out = out + str(i) + " "
    print(start, stop, step, "[" + out + "]", "after:", i)


def one_arg(n: int) -> int:
    total = 0
    last = -1
    for k in range(n):
        total = total + k
        last = k
    print("one_arg", n, total, last)
    return total


def two_args(a: int, b: int) -> int:
    count = 0
    for k in range(a, b):
        count = count + 1
    return count


def bad_step(n: int) -> int:
    t = 0
    for k in range(0, n, 0):
        t = t + k
    return t


def modify_var() -> None:
    for i in range(3):
        print("before", i)
        i = i * 10
        print("after", i)


def nested(n: int) -> int:
    t = 0
    for i in range(n):
        for j in range(i):
            t = t + i * j
    return t


def big_sum(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + i * i
    return s


def stop_reeval() -> None:
    n = 3
    for i in range(n):
        n = n + 1
        print(i, n)


show(0, 10, 3)
show(10, 0, -3)
show(0, 10, -1)
show(5, 5, 1)
show(5, 2, 1)
show(-5, 5, 2)
show(5, -5, -2)
show(2 ** 64, 2 ** 64 + 3, 1)
show(-(2 ** 63) - 1, -(2 ** 63) + 2, 1)
show(2 ** 63 - 2, 2 ** 63 + 1, 1)
show(0, 2 ** 100, 2 ** 99)
show(0, 1, 2 ** 70)
one_arg(0)
one_arg(1)
one_arg(10)
one_arg(-5)
print(two_args(3, 8), two_args(8, 3), two_args(-(2 ** 62), -(2 ** 62) + 4))
check(bad_step, 5)
modify_var()
print(nested(10), big_sum(100000))
stop_reeval()
