/* spy_float.h — Python `float` semantics on unboxed doubles.
 * Entry points: spy_float_truediv, spy_float_floordiv, spy_float_mod,
 * spy_float_pow, spy_float_from_object, spy_float_box. The algorithms are
 * CPython's (floatobject.c: float_rem, _float_div_mod, float_pow); every
 * error path re-runs the operation on boxed floats through PyNumber_*, so
 * the exception type and text are exactly the running interpreter's (they
 * differ across versions, e.g. "float modulo" vs "float modulo by zero").
 * All return -1.0 with an exception set on error. */
#ifndef SPY_FLOAT_H
#define SPY_FLOAT_H

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>
#include <errno.h>
#include <math.h>
#include "spy_int.h"

static inline PyObject *spy_float_box(double d)
{
    return PyFloat_FromDouble(d);
}

static inline PyObject *spy_float__power2(PyObject *x, PyObject *y)
{
    return PyNumber_Power(x, y, Py_None);
}

/* Raise what the interpreter raises for `a <op> b` on floats; -1.0. */
SPY_COLD double spy_float__raise(double a, double b, binaryfunc op)
{
    PyObject *x, *y, *r;
    x = PyFloat_FromDouble(a);
    if (x == NULL)
        return -1.0;
    y = PyFloat_FromDouble(b);
    if (y == NULL) {
        Py_DECREF(x);
        return -1.0;
    }
    r = op(x, y);
    Py_DECREF(x);
    Py_DECREF(y);
    if (r != NULL) {
        /* Only reached if the caller broke its promise (a negative base
         * with a fractional exponent gives a complex). */
        Py_DECREF(r);
        PyErr_SetString(PyExc_ValueError,
                        "negative number cannot be raised to a fractional power");
    }
    return -1.0;
}

/* The check of a / b before a plain C division: 0, or -1 with the
 * interpreter's ZeroDivisionError.  Testing the divisor, not the
 * quotient, keeps the division off the error test's critical path. */
static inline int spy_float_truediv_check(double a, double b)
{
    if (SPY_UNLIKELY(b == 0.0)) {
        spy_float__raise(a, b, PyNumber_TrueDivide);
        return -1;
    }
    return 0;
}

static inline double spy_float_truediv(double a, double b)
{
    if (SPY_UNLIKELY(b == 0.0))
        return spy_float__raise(a, b, PyNumber_TrueDivide);
    return a / b;
}

/* CPython's float_rem: the result takes the sign of the divisor. */
static inline double spy_float_mod(double a, double b)
{
    double mod;
    if (SPY_UNLIKELY(b == 0.0))
        return spy_float__raise(a, b, PyNumber_Remainder);
    mod = fmod(a, b);
    if (mod) {
        if ((b < 0) != (mod < 0))
            mod += b;
    }
    else {
        mod = copysign(0.0, b);
    }
    return mod;
}

/* CPython's _float_div_mod, quotient part. */
static inline double spy_float_floordiv(double a, double b)
{
    double mod, div, floordiv;
    if (SPY_UNLIKELY(b == 0.0))
        return spy_float__raise(a, b, PyNumber_FloorDivide);
    mod = fmod(a, b);
    /* fmod is exact, so a - mod is mathematically a multiple of b */
    div = (a - mod) / b;
    if (mod) {
        if ((b < 0) != (mod < 0))
            div -= 1.0;
    }
    if (div) {
        /* snap quotient to nearest integral value */
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    }
    else {
        floordiv = copysign(0.0, a / b); /* zero with the sign of a/b */
    }
    return floordiv;
}

#define SPY_DOUBLE_IS_ODD_INTEGER(x) (fmod(fabs(x), 2.0) == 1.0)

/* CPython's float_pow special cases, then libm pow. */
static inline double spy_float_pow(double iv, double iw)
{
    int negate_result = 0;
    double ix;
    double v0 = iv;
    if (iw == 0.0)
        return 1.0; /* v**0 is 1, even 0**0 and nan**0 */
    if (isnan(iv))
        return iv;
    if (isnan(iw))
        return iv == 1.0 ? 1.0 : iw;
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return 1.0;
        else if ((iw > 0.0) == (iv > 1.0))
            return fabs(iw); /* inf */
        else
            return 0.0;
    }
    if (isinf(iv)) {
        int iw_is_odd = SPY_DOUBLE_IS_ODD_INTEGER(iw);
        if (iw > 0.0)
            return iw_is_odd ? iv : fabs(iv);
        else
            return iw_is_odd ? copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        int iw_is_odd = SPY_DOUBLE_IS_ODD_INTEGER(iw);
        if (iw < 0.0) /* ZeroDivisionError */
            return spy_float__raise(v0, iw, spy_float__power2);
        return iw_is_odd ? iv : 0.0;
    }
    if (iv < 0.0) {
        if (iw != floor(iw)) /* complex result */
            return spy_float__raise(v0, iw, spy_float__power2);
        iv = -iv;
        negate_result = SPY_DOUBLE_IS_ODD_INTEGER(iw);
    }
    if (iv == 1.0)
        return negate_result ? -1.0 : 1.0;
    errno = 0;
    ix = pow(iv, iw);
    /* _Py_ADJUST_ERANGE1 */
    if (errno == 0) {
        if (ix == HUGE_VAL || ix == -HUGE_VAL)
            errno = ERANGE;
    }
    else if (errno == ERANGE && ix == 0.0) {
        errno = 0;
    }
    if (errno != 0) {
        errno = 0;
        return spy_float__raise(v0, iw, spy_float__power2); /* OverflowError */
    }
    return negate_result ? -ix : ix;
}

/* float, or int (an int too large gives the interpreter's OverflowError);
 * anything else is a TypeError "expected float, got str". */
static inline double spy_float_from_object(PyObject *o)
{
    if (SPY_LIKELY(PyFloat_Check(o)))
        return PyFloat_AS_DOUBLE(o);
    if (PyLong_Check(o))
        return PyLong_AsDouble(o);
    PyErr_Format(PyExc_TypeError, "expected float, got %.200s",
                 Py_TYPE(o)->tp_name);
    return -1.0;
}

#endif /* SPY_FLOAT_H */
