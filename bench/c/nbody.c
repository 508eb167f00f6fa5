/* Same algorithm as bench/programs/nbody.py (same operation order, so the
 * doubles come out bit-identical to CPython's). */
#include "bench.h"
#include <math.h>

#define PI 3.14159265358979323
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define NBODIES 5

typedef struct {
    double x, y, z, vx, vy, vz, mass;
} Body;

static void make_bodies(Body *b) {
    Body init[NBODIES] = {
        {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS},
        {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
         -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
        {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
         2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
        {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
         -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
        {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
         -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
    };
    for (int i = 0; i < NBODIES; i++)
        b[i] = init[i];
}

static void offset_momentum(Body *b) {
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        px += b[i].vx * b[i].mass;
        py += b[i].vy * b[i].mass;
        pz += b[i].vz * b[i].mass;
    }
    b[0].vx = -px / SOLAR_MASS;
    b[0].vy = -py / SOLAR_MASS;
    b[0].vz = -pz / SOLAR_MASS;
}

static double energy(const Body *b) {
    double e = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        const Body *b1 = &b[i];
        e += 0.5 * b1->mass * (b1->vx * b1->vx + b1->vy * b1->vy + b1->vz * b1->vz);
        for (int j = i + 1; j < NBODIES; j++) {
            const Body *b2 = &b[j];
            double dx = b1->x - b2->x;
            double dy = b1->y - b2->y;
            double dz = b1->z - b2->z;
            e -= (b1->mass * b2->mass) / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(Body *b, double dt, long steps) {
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < NBODIES; i++) {
            Body *b1 = &b[i];
            for (int j = i + 1; j < NBODIES; j++) {
                Body *b2 = &b[j];
                double dx = b1->x - b2->x;
                double dy = b1->y - b2->y;
                double dz = b1->z - b2->z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * sqrt(d2));
                double b1m = b1->mass * mag;
                double b2m = b2->mass * mag;
                b1->vx -= dx * b2m;
                b1->vy -= dy * b2m;
                b1->vz -= dz * b2m;
                b2->vx += dx * b1m;
                b2->vy += dy * b1m;
                b2->vz += dz * b1m;
            }
        }
        for (int i = 0; i < NBODIES; i++) {
            b[i].x += dt * b[i].vx;
            b[i].y += dt * b[i].vy;
            b[i].z += dt * b[i].vz;
        }
    }
}

int main(int argc, char **argv) {
    long n = bench_arg(argc, argv);
    Body bodies[NBODIES];
    double t0 = bench_now();
    make_bodies(bodies);
    offset_momentum(bodies);
    double e0 = energy(bodies);
    advance(bodies, 0.01, n);
    double e1 = energy(bodies);
    double r = e0 - 2.0 * e1;
    double t1 = bench_now();
    bench_report_float(r, t1 - t0);
    return 0;
}
