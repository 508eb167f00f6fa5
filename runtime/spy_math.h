/* spy_math.h — math-module functions on doubles with the interpreter's
 * error rules (Modules/mathmodule.c, math_1): a NaN result from a non-NaN
 * argument is "math domain error"; an infinite result from a finite
 * argument is "math range error" (OverflowError) for functions that can
 * overflow and a domain error otherwise.  -1.0 with an exception set on
 * error. */
#ifndef SPY_MATH_H
#define SPY_MATH_H

#include <math.h>

SPY_COLD double spy_math__error(int overflow)
{
    if (overflow)
        PyErr_SetString(PyExc_OverflowError, "math range error");
    else
        PyErr_SetString(PyExc_ValueError, "math domain error");
    return -1.0;
}

static inline double spy_math__1(double x, double r, int can_overflow)
{
    if (SPY_UNLIKELY(isnan(r) && !isnan(x)))
        return spy_math__error(0);
    if (SPY_UNLIKELY(isinf(r) && isfinite(x)))
        return spy_math__error(can_overflow);
    return r;
}

static inline double spy_math_sqrt(double x) { return spy_math__1(x, sqrt(x), 0); }
static inline double spy_math_exp(double x) { return spy_math__1(x, exp(x), 1); }
static inline double spy_math_sin(double x) { return spy_math__1(x, sin(x), 0); }
static inline double spy_math_cos(double x) { return spy_math__1(x, cos(x), 0); }
static inline double spy_math_tan(double x) { return spy_math__1(x, tan(x), 0); }
static inline double spy_math_asin(double x) { return spy_math__1(x, asin(x), 0); }
static inline double spy_math_acos(double x) { return spy_math__1(x, acos(x), 0); }
static inline double spy_math_atan(double x) { return spy_math__1(x, atan(x), 0); }
static inline double spy_math_fabs(double x) { return fabs(x); }
static inline double spy_math_atan2(double y, double x) { return atan2(y, x); }

/* log, log2, log10 of a float: positive finite or +inf only. */
static inline double spy_math__log(double x, double (*f)(double))
{
    if (SPY_UNLIKELY(!(x > 0.0))) {
        if (isnan(x))
            return x;
        return spy_math__error(0);
    }
    return f(x);
}

static inline double spy_math_log(double x) { return spy_math__log(x, log); }
static inline double spy_math_log2(double x) { return spy_math__log(x, log2); }
static inline double spy_math_log10(double x) { return spy_math__log(x, log10); }

static inline SpyInt spy_math_floor(double x) { return spy_int_from_double_trunc(floor(x)); }
static inline SpyInt spy_math_ceil(double x) { return spy_int_from_double_trunc(ceil(x)); }

#endif /* SPY_MATH_H */
