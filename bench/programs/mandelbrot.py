"""Mandelbrot escape counts: scalar float and int arithmetic only, no containers."""

BENCH_N = 700
BENCH_N_QUICK = 150


def escape_count(cr: float, ci: float, max_iter: int) -> int:
    zr = 0.0
    zi = 0.0
    zr2 = 0.0
    zi2 = 0.0
    it = 0
    while it < max_iter and zr2 + zi2 <= 4.0:
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        zr2 = zr * zr
        zi2 = zi * zi
        it += 1
    return it


def mandel(w: int, h: int, max_iter: int) -> int:
    total = 0
    for py in range(h):
        ci = 2.0 * py / h - 1.0
        for px in range(w):
            cr = 3.0 * px / w - 2.0
            total += escape_count(cr, ci, max_iter)
    return total


def main(n: int) -> int:
    return mandel(n, n, 100)
