"""Fannkuch-redux (benchmarks game): int list permutations and reversals."""

BENCH_N = 9
BENCH_N_QUICK = 7


def fannkuch(n: int) -> int:
    perm1: list[int] = list(range(n))
    perm: list[int] = [0] * n
    count: list[int] = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        for i in range(n):
            perm[i] = perm1[i]
        flips = 0
        k = perm[0]
        while k != 0:
            i = 0
            j = k
            while i < j:
                t = perm[i]
                perm[i] = perm[j]
                perm[j] = t
                i += 1
                j -= 1
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_count % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        # Next permutation in the "count" order.
        while True:
            if r == n:
                return checksum * 1000 + max_flips
            perm0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


def main(n: int) -> int:
    return fannkuch(n)
