# while loops: conditions on ints and strs, break out of while True,
# counters that grow past machine words.


def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps = steps + 1
    return steps


def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def digit_sum(n: int) -> int:
    s = 0
    while n > 0:
        s = s + n % 10
        n = n // 10
    return s


def first_power_over(base: int, limit: int) -> int:
    x = 1
    while True:
        if x > limit:
            break
        x = x * base
    return x


def countdown(n: int) -> None:
    while n > 0:
        print(n, end=" ")
        n = n - 1
    print("liftoff")


def never(n: int) -> int:
    while n > 100:
        n = n - 1
    return n


print(collatz_steps(1), collatz_steps(27), collatz_steps(2 ** 70 + 1))
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(2 ** 100, 2 ** 60 * 3), gcd(-12, 8))
print(digit_sum(0), digit_sum(12345), digit_sum(2 ** 200))
print(first_power_over(2, 1000), first_power_over(10, 2 ** 64), first_power_over(3, 0))
countdown(5)
countdown(0)
print(never(5), never(105))
