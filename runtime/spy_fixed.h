/* spy_fixed.h — the fixed-width ints i64, i32, i16 and u8.  Values live
 * in an int64_t; every operation is checked against the type's range and
 * raises OverflowError rather than wrapping.  Helpers return SPY_I64_ERR
 * with an exception set on error (callers test PyErr_Occurred when they
 * see that value). */
#ifndef SPY_FIXED_H
#define SPY_FIXED_H

enum { SPY_I64 = 0, SPY_I32 = 1, SPY_I16 = 2, SPY_U8 = 3 };

static const char *const spy_fixed_names[] = {"i64", "i32", "i16", "u8"};

static inline int spy_fixed_fits(int64_t v, int kind)
{
    switch (kind) {
    case SPY_I32: return v >= INT32_MIN && v <= INT32_MAX;
    case SPY_I16: return v >= INT16_MIN && v <= INT16_MAX;
    case SPY_U8: return v >= 0 && v <= 255;
    default: return 1;
    }
}

SPY_COLD int64_t spy_fixed__overflow(int kind)
{
    PyErr_Format(PyExc_OverflowError, "%s overflow", spy_fixed_names[kind]);
    return SPY_I64_ERR;
}

static inline int64_t spy_fixed__check(int64_t v, int kind)
{
    if (SPY_UNLIKELY(!spy_fixed_fits(v, kind)))
        return spy_fixed__overflow(kind);
    return v;
}

static inline int64_t spy_fixed_add(int64_t a, int64_t b, int kind)
{
    int64_t r;
    if (SPY_UNLIKELY(__builtin_add_overflow(a, b, &r)))
        return spy_fixed__overflow(kind);
    return spy_fixed__check(r, kind);
}

static inline int64_t spy_fixed_sub(int64_t a, int64_t b, int kind)
{
    int64_t r;
    if (SPY_UNLIKELY(__builtin_sub_overflow(a, b, &r)))
        return spy_fixed__overflow(kind);
    return spy_fixed__check(r, kind);
}

static inline int64_t spy_fixed_mul(int64_t a, int64_t b, int kind)
{
    int64_t r;
    if (SPY_UNLIKELY(__builtin_mul_overflow(a, b, &r)))
        return spy_fixed__overflow(kind);
    return spy_fixed__check(r, kind);
}

/* Division by zero raises exactly what the interpreter says for ints. */
SPY_COLD int64_t spy_fixed__zero(int64_t a, int mod)
{
    PyObject *x = PyLong_FromLongLong(a), *z = PyLong_FromLong(0);
    PyObject *r = x && z ? (mod ? PyNumber_Remainder(x, z) : PyNumber_FloorDivide(x, z)) : NULL;
    Py_XDECREF(r);
    Py_XDECREF(x);
    Py_XDECREF(z);
    return SPY_I64_ERR;
}

static inline int64_t spy_fixed_floordiv(int64_t a, int64_t b, int kind)
{
    if (SPY_UNLIKELY(b == 0))
        return spy_fixed__zero(a, 0);
    if (SPY_UNLIKELY(a == INT64_MIN && b == -1))
        return spy_fixed__overflow(kind);
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return spy_fixed__check(q, kind);
}

static inline int64_t spy_fixed_mod(int64_t a, int64_t b, int kind)
{
    if (SPY_UNLIKELY(b == 0))
        return spy_fixed__zero(a, 1);
    if (SPY_UNLIKELY(b == -1))
        return 0;
    int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0)))
        m += b;
    return spy_fixed__check(m, kind);
}

static inline int64_t spy_fixed_lshift(int64_t a, int64_t b, int kind)
{
    if (SPY_UNLIKELY(b < 0)) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return SPY_I64_ERR;
    }
    if (a == 0)
        return 0;
    if (SPY_UNLIKELY(b >= 63 || (a > 0 ? a > (INT64_MAX >> b) : a < (INT64_MIN >> b))))
        return spy_fixed__overflow(kind);
    return spy_fixed__check((int64_t)((uint64_t)a << b), kind);
}

static inline int64_t spy_fixed_rshift(int64_t a, int64_t b, int kind)
{
    (void)kind;
    if (SPY_UNLIKELY(b < 0)) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return SPY_I64_ERR;
    }
    return b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
}

static inline int64_t spy_fixed_neg(int64_t a, int kind)
{
    if (SPY_UNLIKELY(a == INT64_MIN))
        return spy_fixed__overflow(kind);
    return spy_fixed__check(-a, kind);
}

static inline int64_t spy_fixed_invert(int64_t a, int kind)
{
    return spy_fixed__check(~a, kind);
}

/* A tagged int as a fixed-width value: OverflowError if it does not fit. */
static inline int64_t spy_fixed_from_int(SpyInt x, int kind)
{
    int64_t v;
    if (SPY_UNLIKELY(spy_int_as_i64(x, &v) < 0 || !spy_fixed_fits(v, kind))) {
        PyErr_Format(PyExc_OverflowError, "int too large or too small for %s",
                     spy_fixed_names[kind]);
        return SPY_I64_ERR;
    }
    return v;
}

/* i64(x) of a float: truncated like int(x), then range-checked. */
static inline int64_t spy_fixed_from_double(double d, int kind)
{
    SpyInt t = spy_int_from_double_trunc(d);
    if (t == SPY_INT_ERR)
        return SPY_I64_ERR;
    int64_t r = spy_fixed_from_int(t, kind);
    spy_int_decref(t);
    return r;
}

/* An object in a fixed-width slot: an int (incl. bool) in range. */
static inline int64_t spy_unbox_fixed(PyObject *o, int kind)
{
    if (SPY_UNLIKELY(!PyLong_Check(o))) {
        PyErr_Format(PyExc_TypeError, "expected %s, got %s", spy_fixed_names[kind],
                     Py_TYPE(o)->tp_name);
        return SPY_I64_ERR;
    }
    int overflow;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (SPY_UNLIKELY(overflow || !spy_fixed_fits(v, kind))) {
        PyErr_Format(PyExc_OverflowError, "int too large or too small for %s",
                     spy_fixed_names[kind]);
        return SPY_I64_ERR;
    }
    return (int64_t)v;
}

#endif /* SPY_FIXED_H */
