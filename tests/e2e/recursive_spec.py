# A recursive function of int parameters returning int, made of ifs,
# returns and int arithmetic, also gets a copy on int64_t
# (emit/lower_version.c, lower_spec_entry).  The copy has no effect but its
# result, so when an int leaves the small range or the recursion gets too
# deep it gives up and the general function computes the call again: the
# results, big ints and exceptions must be the interpreter's.
import sys


def report(f, *args, **kwargs) -> None:
    try:
        print(f.__name__, f(*args, **kwargs))
    except RecursionError:
        print(f.__name__, "RecursionError")   # wording differs across versions
    except Exception as e:
        print(f.__name__, type(e).__name__, str(e)[:60])


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_acc(n: int, a: int, b: int) -> int:
    # results beyond 64 bits: the copy stops and the general function
    # goes on with big ints
    if n == 0:
        return a
    return fib_acc(n - 1, b, a + b)


def power(x: int, k: int) -> int:
    if k == 0:
        return 1
    half = power(x, k // 2)
    if k % 2 == 0:
        return half * half
    return half * half * x


def gcd(a: int, b: int) -> int:
    if b == 0:
        return a
    return gcd(b, a % b)


def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def collatz_len(n: int) -> int:
    if n == 1:
        return 0
    if n % 2 == 0:
        return 1 + collatz_len(n // 2)
    return 1 + collatz_len(n=3 * n + 1)


def depth(n: int) -> int:
    if n <= 0:
        return 0
    return 1 + depth(n - 1)


def div_by(n: int, d: int) -> int:
    # ZeroDivisionError only from the general function
    if n <= 0:
        return n // d
    return div_by(n - 1, d - 1)


def shifts(n: int, s: int) -> int:
    if s <= 0:
        return n
    return shifts(n << 1, s - 1) + (n >> 70 if s == 99 else 0)


def flagged(n: int, neg: bool) -> int:
    if n == 0:
        return 0
    if neg:
        return flagged(n - 1, not neg) - n
    return flagged(n - 1, not neg) + n


report(fib, 0)
report(fib, 1)
report(fib, 25)
report(fib, -3)
report(fib_acc, 90, 0, 1)
report(fib_acc, 95, 0, 1)
report(fib_acc, 300, 0, 1)
report(fib_acc, 10, 2**80, 3)
report(power, 3, 20)
report(power, 3, 39)
report(power, 3, 40)
report(power, 3, 100)
report(power, -7, 23)
report(power, 2, 62)
report(power, 2, 63)
report(power, -2, 63)
report(gcd, 1071, 462)
report(gcd, -48, 18)
report(gcd, 2**62 - 1, 2**61 + 3)
report(ackermann, 2, 3)
report(ackermann, 3, 3)
report(collatz_len, 27)
report(collatz_len, n=97)
report(depth, 500)
report(depth, 100000)
report(div_by, 5, 3)
report(div_by, 5, 5)
report(shifts, 3, 40)
report(shifts, 3, 80)
report(shifts, -3, 61)
report(flagged, 9, True)
report(flagged, 10, False)
print(sys.getrecursionlimit() > 100)
