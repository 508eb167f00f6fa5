"""Recursive Fibonacci: function calls and small-int arithmetic."""

BENCH_N = 36
BENCH_N_QUICK = 27


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(n: int) -> int:
    return fib(n)
