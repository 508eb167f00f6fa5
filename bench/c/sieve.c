/* Same algorithm as bench/programs/sieve.py. */
#include "bench.h"
#include <stdbool.h>

#define LIMIT 200000
#define MODULUS 1000000007LL

static long long sieve(long limit) {
    bool *flags = malloc((size_t)(limit + 1) * sizeof(bool));
    if (!flags)
        abort();
    for (long k = 0; k <= limit; k++)
        flags[k] = true;
    flags[0] = false;
    flags[1] = false;
    for (long i = 2; i * i <= limit; i++) {
        if (flags[i]) {
            for (long j = i * i; j <= limit; j += i)
                flags[j] = false;
        }
    }
    long long count = 0, total = 0;
    for (long k = 0; k <= limit; k++) {
        if (flags[k]) {
            count += 1;
            total += k;
        }
    }
    free(flags);
    return count + total % MODULUS;
}

int main(int argc, char **argv) {
    long n = bench_arg(argc, argv);
    double t0 = bench_now();
    long long checksum = 0;
    for (long r = 0; r < n; r++)
        checksum = (checksum * 31 + sieve(LIMIT + r)) % MODULUS;
    double t1 = bench_now();
    bench_report_int(checksum, t1 - t0);
    return 0;
}
