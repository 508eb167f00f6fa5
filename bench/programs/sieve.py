"""Sieve of Eratosthenes: int loops over a list[bool], repeated n times."""

BENCH_N = 100
BENCH_N_QUICK = 2

LIMIT = 200000
MODULUS = 1000000007


def sieve(limit: int) -> int:
    flags: list[bool] = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    count = 0
    total = 0
    for k in range(limit + 1):
        if flags[k]:
            count += 1
            total += k
    return count + total % MODULUS


def main(n: int) -> int:
    checksum = 0
    for r in range(n):
        checksum = (checksum * 31 + sieve(LIMIT + r)) % MODULUS
    return checksum
