"""N-queens by backtracking: recursive generators, sets, lists and a generator expression."""

from typing import Iterator

BENCH_N = 480
BENCH_N_QUICK = 8

MODULUS = 1000000007


def place(n: int, row: int, placement: list[int], cols: set[int],
          diag1: set[int], diag2: set[int]) -> Iterator[list[int]]:
    if row == n:
        yield list(placement)
        return
    for c in range(n):
        if c in cols or (row + c) in diag1 or (row - c) in diag2:
            continue
        cols.add(c)
        diag1.add(row + c)
        diag2.add(row - c)
        placement.append(c)
        yield from place(n, row + 1, placement, cols, diag1, diag2)
        placement.pop()
        cols.remove(c)
        diag1.remove(row + c)
        diag2.remove(row - c)


def solve(n: int) -> int:
    acc = 0
    count = 0
    for sol in place(n, 0, [], set(), set(), set()):
        count += 1
        acc = (acc * 31 + sum(i * v for i, v in enumerate(sol))) % MODULUS
    return (acc * 1000 + count) % MODULUS


def main(n: int) -> int:
    checksum = 0
    for r in range(n):
        checksum = (checksum * 17 + solve(6 + r % 4)) % MODULUS
    return checksum
