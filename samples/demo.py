"""The `make demo` program: integer and float number crunching in plain,
annotated Python. Runs unchanged under the interpreter; staticpyc compiles it
to a C extension module. tools/demo.py times both.

    python3 samples/demo.py
"""


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_primes(limit: int) -> int:
    count = 0
    for n in range(limit):
        if is_prime(n):
            count += 1
    return count


def collatz_length(n: int) -> int:
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def longest_collatz(limit: int) -> int:
    best, best_len = 1, 1
    for n in range(1, limit):
        length = collatz_length(n)
        if length > best_len:
            best, best_len = n, length
    return best


def leibniz_pi(terms: int) -> float:
    total = 0.0
    sign = 1.0
    for k in range(terms):
        total += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * total


def main(n: int) -> int:
    primes = count_primes(n)
    start = longest_collatz(n // 2)
    pi = leibniz_pi(n * 4)
    # Fold the three results into one checkable number.
    return primes * 1000003 + start + int(pi * 1000000)


if __name__ == "__main__":
    print(main(100000))
