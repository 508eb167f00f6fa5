/* Shared helpers for the C reference versions of the benchmarks.
 *
 * Each program takes n as argv[1], times only the kernel (like the Python
 * harness times only main(n)), and prints two lines:
 *     int <checksum>      or   float <checksum as %.17g>
 *     time <seconds>
 * bench/run.py compares the checksum with the Python runners' (a float is
 * rounded to 9 digits first, as the Python programs do with round(x, 9)).
 */
#ifndef BENCH_H
#define BENCH_H
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double bench_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline long bench_arg(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s N\n", argv[0]);
        exit(2);
    }
    return strtol(argv[1], NULL, 10);
}

static inline void bench_report_int(long long checksum, double seconds) {
    printf("int %lld\ntime %.9f\n", checksum, seconds);
}

static inline void bench_report_float(double checksum, double seconds) {
    printf("float %.17g\ntime %.9f\n", checksum, seconds);
}
#endif
