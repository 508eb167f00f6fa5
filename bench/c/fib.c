/* Same algorithm as bench/programs/fib.py. */
#include "bench.h"

static long long fib(long long n) {
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv) {
    long n = bench_arg(argc, argv);
    double t0 = bench_now();
    long long r = fib(n);
    double t1 = bench_now();
    bench_report_int(r, t1 - t0);
    return 0;
}
