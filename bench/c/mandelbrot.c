/* Same algorithm as bench/programs/mandelbrot.py. */
#include "bench.h"

static long escape_count(double cr, double ci, long max_iter) {
    double zr = 0.0, zi = 0.0, zr2 = 0.0, zi2 = 0.0;
    long it = 0;
    while (it < max_iter && zr2 + zi2 <= 4.0) {
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        zr2 = zr * zr;
        zi2 = zi * zi;
        it += 1;
    }
    return it;
}

static long long mandel(long w, long h, long max_iter) {
    long long total = 0;
    for (long py = 0; py < h; py++) {
        double ci = 2.0 * (double)py / (double)h - 1.0;
        for (long px = 0; px < w; px++) {
            double cr = 3.0 * (double)px / (double)w - 2.0;
            total += escape_count(cr, ci, max_iter);
        }
    }
    return total;
}

int main(int argc, char **argv) {
    long n = bench_arg(argc, argv);
    double t0 = bench_now();
    long long r = mandel(n, n, 100);
    double t1 = bench_now();
    bench_report_int(r, t1 - t0);
    return 0;
}
