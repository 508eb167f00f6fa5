/* Same algorithm as bench/programs/fannkuch.py. */
#include "bench.h"

static long long fannkuch(int n) {
    int perm1[32], perm[32], count[32];
    long long max_flips = 0, checksum = 0, perm_count = 0;
    int r = n;
    for (int i = 0; i < n; i++)
        perm1[i] = i;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r -= 1;
        }
        for (int i = 0; i < n; i++)
            perm[i] = perm1[i];
        long long flips = 0;
        int k = perm[0];
        while (k != 0) {
            int i = 0, j = k;
            while (i < j) {
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
                i += 1;
                j -= 1;
            }
            flips += 1;
            k = perm[0];
        }
        if (flips > max_flips)
            max_flips = flips;
        if (perm_count % 2 == 0)
            checksum += flips;
        else
            checksum -= flips;
        for (;;) {
            if (r == n)
                return checksum * 1000 + max_flips;
            int perm0 = perm1[0];
            for (int i = 0; i < r; i++)
                perm1[i] = perm1[i + 1];
            perm1[r] = perm0;
            count[r] -= 1;
            if (count[r] > 0)
                break;
            r += 1;
        }
        perm_count += 1;
    }
}

int main(int argc, char **argv) {
    long n = bench_arg(argc, argv);
    if (n < 1 || n > 31) {
        fprintf(stderr, "n out of range\n");
        return 2;
    }
    double t0 = bench_now();
    long long r = fannkuch((int)n);
    double t1 = bench_now();
    bench_report_int(r, t1 - t0);
    return 0;
}
