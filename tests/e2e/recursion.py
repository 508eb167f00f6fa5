# Direct and mutual recursion between module functions, including a
# function that calls one defined later in the file.


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def fact(n: int) -> int:
    if n <= 1:
        return 1
    return n * fact(n - 1)


def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def gcd(a: int, b: int) -> int:
    return a if b == 0 else gcd(b, a % b)


def hanoi(n: int, src: str, dst: str, via: str) -> int:
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, via, dst)
    if n == 3:
        print("move disk", n, "from", src, "to", dst)
    return moves + 1 + hanoi(n - 1, via, dst, src)


def power(b: int, e: int) -> int:
    if e == 0:
        return 1
    half = power(b, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * b


def count_digits(n: int, base: int = 10) -> int:
    return 1 if n < base else 1 + count_digits(n // base, base=base)


print(fib(0), fib(1), fib(10), fib(20))
print(ack(0, 0), ack(1, 2), ack(2, 3), ack(3, 3))
print(fact(0), fact(5), fact(25), fact(60))
print(is_even(0), is_even(7), is_even(200), is_odd(201), is_odd(100))
print(gcd(1071, 462), gcd(2 ** 80, 6 ** 30), gcd(7, 0))
print(hanoi(4, "A", "C", "B"))
print(power(3, 0), power(3, 13), power(2, 200), power(-7, 21))
print(count_digits(0), count_digits(12345), count_digits(2 ** 64), count_digits(255, 16), count_digits(255, base=2))
