/* spy_int.h — Python `int` as a tagged machine word (SpyInt), like mypyc's
 * CPyTagged. Low bit 0: a small value, `(Py_ssize_t)x >> 1`. Low bit 1:
 * `(PyObject *)(x & ~1)` is an exact PyLong owning one reference whose value
 * does not fit the small range (results are always normalised).
 * Entry points: spy_int_{add,sub,mul,floordiv,mod,pow,and,or,xor,lshift,
 * rshift,neg,invert,abs,truediv}, comparisons, boxing/unboxing, refcounts.
 * Small operands take a few-instruction fast path; overflow, big operands
 * and every error go through PyNumber_* on boxed values, so results and
 * exception texts are exactly the running interpreter's. */
#ifndef SPY_INT_H
#define SPY_INT_H

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>
#if PY_VERSION_HEX < 0x030B0000
#include <longintrepr.h> /* ob_digit: part of Python.h from 3.11 on */
#endif
#include <stdint.h>
#include <math.h>

typedef size_t SpyInt;

/* Error return (a NULL pointer with the tag); an exception is set. Also the
 * "unset" value of a local before its first assignment. */
#define SPY_INT_ERR ((SpyInt)1)
#define SPY_INT_MAX_SMALL (PY_SSIZE_T_MAX >> 1)
#define SPY_INT_MIN_SMALL (-SPY_INT_MAX_SMALL - 1)
/* A small constant from a C integer known to fit the small range. */
#define SPY_INT_SMALL(v) ((SpyInt)((size_t)(Py_ssize_t)(v) << 1))

/* Functions for rarely taken paths: kept out of line so the inline fast
 * paths stay small; `unused` because a module may not call them all. */
#if defined(__GNUC__) || defined(__clang__)
#define SPY_COLD static __attribute__((noinline, cold, unused))
#define SPY_ALWAYS_INLINE __attribute__((always_inline))
#define SPY_LIKELY(x) __builtin_expect(!!(x), 1)
#define SPY_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define SPY_COLD static
#define SPY_ALWAYS_INLINE
#define SPY_LIKELY(x) (x)
#define SPY_UNLIKELY(x) (x)
#endif

#define SPY_INT_IS_SMALL(x) (((x) & 1) == 0)
#define SPY_INT_OBJ(x) ((PyObject *)((x) & ~(SpyInt)1))
#define SPY_INT_VAL(x) ((Py_ssize_t)(x) >> 1)

static inline SpyInt spy_int__tag_small(Py_ssize_t v)
{
    return (SpyInt)((size_t)v << 1);
}

#if defined(__GNUC__) && !defined(__clang__)
__attribute__((noipa))
#endif
SPY_COLD void spy_int__retain(SpyInt x)
{
    Py_INCREF(SPY_INT_OBJ(x));
}

static inline void spy_int_incref(SpyInt x)
{
    if (SPY_UNLIKELY(x & 1))
        spy_int__retain(x);
}

/* Out of line and opaque to interprocedural analysis: releasing a boxed
 * value is the rare case, and inlined into callers gcc's constant
 * propagation reports bogus -Warray-bounds on paths it cannot rule out. */
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((noipa))
#endif
SPY_COLD void spy_int__release(SpyInt x)
{
    Py_DECREF(SPY_INT_OBJ(x));
}

static inline void spy_int_decref(SpyInt x)
{
    if (SPY_UNLIKELY(x & 1))
        spy_int__release(x);
}

/* Tolerates SPY_INT_ERR ("unset"). */
static inline void spy_int_xdecref(SpyInt x)
{
    if (SPY_UNLIKELY((x & 1) && x != SPY_INT_ERR))
        spy_int__release(x);
}

/* Takes ownership of r (a PyLong or NULL) and returns it normalised. */
SPY_COLD SpyInt spy_int__steal(PyObject *r)
{
    int overflow;
    long long v;
    if (r == NULL)
        return SPY_INT_ERR;
    v = PyLong_AsLongLongAndOverflow(r, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        Py_DECREF(r);
        return SPY_INT_ERR;
    }
    if (!overflow && v >= SPY_INT_MIN_SMALL && v <= SPY_INT_MAX_SMALL) {
        Py_DECREF(r);
        return spy_int__tag_small((Py_ssize_t)v);
    }
    if (!PyLong_CheckExact(r)) {
        /* int's own nb_positive copies a subclass instance to an exact int
         * without calling any override the subclass defines. */
        PyObject *e = PyLong_Type.tp_as_number->nb_positive(r);
        Py_DECREF(r);
        if (e == NULL)
            return SPY_INT_ERR;
        r = e;
    }
    return (SpyInt)r | 1;
}

static inline SpyInt spy_int_from_ssize(Py_ssize_t v)
{
    if (SPY_LIKELY(v >= SPY_INT_MIN_SMALL && v <= SPY_INT_MAX_SMALL))
        return spy_int__tag_small(v);
    return spy_int__steal(PyLong_FromSsize_t(v));
}

static inline SpyInt spy_int_from_i64(int64_t v)
{
    if (SPY_LIKELY(v >= SPY_INT_MIN_SMALL && v <= SPY_INT_MAX_SMALL))
        return spy_int__tag_small((Py_ssize_t)v);
    return spy_int__steal(PyLong_FromLongLong((long long)v));
}

/* Out of line: an int of more than one digit, or a subclass. */
SPY_COLD SpyInt spy_int__from_long_slow(PyObject *o)
{
    int overflow;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (SPY_LIKELY(!overflow && v >= SPY_INT_MIN_SMALL && v <= SPY_INT_MAX_SMALL)) {
        if (v == -1 && PyErr_Occurred())
            return SPY_INT_ERR;
        return spy_int__tag_small((Py_ssize_t)v);
    }
    Py_INCREF(o);
    return spy_int__steal(o);
}

/* The value of an exact int (o is one) read straight from the object when
 * it is stored in one digit (or, before 3.12, two 30-bit digits: 60 bits,
 * always small): 1 and *v, else 0. */
static inline int spy_long__small_value(PyObject *o, Py_ssize_t *v)
{
    PyLongObject *lo = (PyLongObject *)o;
#if defined(__GNUC__)
    /* Where o is a known object (Py_None in a test), gcc would warn about
     * this untaken path reading past it; hide where lo points. */
    __asm__("" : "+r"(lo));
#endif
#if PY_VERSION_HEX >= 0x030C0000
    if (PyUnstable_Long_IsCompact(lo)) {
        *v = PyUnstable_Long_CompactValue(lo);
        return 1;
    }
#else
    Py_ssize_t size = Py_SIZE(lo);
    if (size >= -1 && size <= 1) {
        *v = size * (Py_ssize_t)lo->ob_digit[0];
        return 1;
    }
    if ((size == 2 || size == -2) && PyLong_SHIFT == 30) {
        Py_ssize_t x = (Py_ssize_t)lo->ob_digit[0] |
                       ((Py_ssize_t)lo->ob_digit[1] << PyLong_SHIFT);
        *v = size < 0 ? -x : x;
        return 1;
    }
#endif
    return 0;
}

/* o is an int or a subclass (bool included); borrowed. An exact int of
 * one digit is read straight from the object. */
static inline SpyInt spy_int_from_long_object(PyObject *o)
{
    Py_ssize_t v;
    if (SPY_LIKELY(PyLong_CheckExact(o)) && spy_long__small_value(o, &v))
        return spy_int__tag_small(v);
    return spy_int__from_long_slow(o);
}

/* The interpreter's cached ints -5..256, fetched once (spy_int_init_cache,
 * at module exec): boxing one of them is then a load and an incref instead
 * of a call into CPython, and gives the very object the interpreter would,
 * so `is` behaves the same.  From 3.11 on these objects are static in the
 * runtime, shared by every interpreter and never freed; before 3.11 each
 * interpreter has its own, which a process-wide cache must not hand out,
 * so older versions keep calling PyLong_FromSsize_t. */
#if PY_VERSION_HEX >= 0x030B0000
#define SPY_SMALL_INT_CACHE 1
#define SPY_SMALL_INT_MIN (-5)
#define SPY_SMALL_INT_COUNT 262
static PyObject *spy_small_ints[SPY_SMALL_INT_COUNT];
#endif

static inline int spy_int_init_cache(void)
{
#ifdef SPY_SMALL_INT_CACHE
    for (int i = 0; i < SPY_SMALL_INT_COUNT; i++) {
        /* the reference is kept: these objects live as long as the process */
        if (!spy_small_ints[i] && !(spy_small_ints[i] = PyLong_FromLong(i + SPY_SMALL_INT_MIN)))
            return -1;
    }
#endif
    return 0;
}

/* A new reference to int v. */
static inline PyObject *spy_i64_box(int64_t v)
{
#ifdef SPY_SMALL_INT_CACHE
    if ((uint64_t)v - (uint64_t)SPY_SMALL_INT_MIN < SPY_SMALL_INT_COUNT) { /* no signed overflow */
        PyObject *o = spy_small_ints[v - SPY_SMALL_INT_MIN];
        Py_INCREF(o);
        return o;
    }
#endif
    return PyLong_FromLongLong((long long)v);
}

/* New reference; does not consume x. */
static inline PyObject *spy_int_box(SpyInt x)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(x)))
        return spy_i64_box((int64_t)SPY_INT_VAL(x));
    spy_int__retain(x);
    return SPY_INT_OBJ(x);
}

/* The boxed value of an int literal: the module's constant object for it
 * (made once, like an entry of co_consts), not a new int each time.  The
 * tagged literal is taken, and ignored, so that its register stays used. */
static inline PyObject *spy_int_literal_obj(SpyInt literal, PyObject *obj)
{
    (void)literal;
    Py_INCREF(obj);
    return obj;
}

/* Sign of a big value (never zero). */
SPY_COLD int spy_int__big_sign(PyObject *o)
{
    int overflow;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (overflow)
        return overflow;
    return v < 0 ? -1 : 1;
}

/* ---- slow paths: box, let the interpreter do it, normalise ---- */

SPY_COLD SpyInt spy_int__binop_slow(SpyInt a, SpyInt b, binaryfunc op)
{
    PyObject *x, *y, *r;
    x = spy_int_box(a);
    if (x == NULL)
        return SPY_INT_ERR;
    y = spy_int_box(b);
    if (y == NULL) {
        Py_DECREF(x);
        return SPY_INT_ERR;
    }
    r = op(x, y);
    Py_DECREF(x);
    Py_DECREF(y);
    return spy_int__steal(r);
}

SPY_COLD SpyInt spy_int__unop_slow(SpyInt a, unaryfunc op)
{
    PyObject *x = spy_int_box(a), *r;
    if (x == NULL)
        return SPY_INT_ERR;
    r = op(x);
    Py_DECREF(x);
    return spy_int__steal(r);
}

static inline PyObject *spy_int__power2(PyObject *x, PyObject *y)
{
    return PyNumber_Power(x, y, Py_None);
}

/* ---- arithmetic ----
 * spy_int_<op>_own(a, b, own) releases the operands named in `own`
 * (SPY_OWN_A | SPY_OWN_B) once the result is made, on success and on
 * failure alike: the emitter passes an operand it would release right
 * after the call.  Only the slow path can hold a boxed operand, so the
 * fast path returns without a single refcount test.  spy_int_<op>(a, b)
 * never consumes its arguments. */

#define SPY_OWN_A 1
#define SPY_OWN_B 2
#define SPY_OWN_AB 3

SPY_COLD SpyInt spy_int__binop_slow_own(SpyInt a, SpyInt b, binaryfunc op, int own)
{
    SpyInt r = spy_int__binop_slow(a, b, op);
    if (own & SPY_OWN_A)
        spy_int_decref(a);
    if (own & SPY_OWN_B)
        spy_int_decref(b);
    return r;
}

static inline SpyInt spy_int_add_own(SpyInt a, SpyInt b, int own)
{
    Py_ssize_t r;
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b))
        && !__builtin_add_overflow((Py_ssize_t)a, (Py_ssize_t)b, &r))
        return (SpyInt)r;
    return spy_int__binop_slow_own(a, b, PyNumber_Add, own);
}

static inline SpyInt spy_int_sub_own(SpyInt a, SpyInt b, int own)
{
    Py_ssize_t r;
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b))
        && !__builtin_sub_overflow((Py_ssize_t)a, (Py_ssize_t)b, &r))
        return (SpyInt)r;
    return spy_int__binop_slow_own(a, b, PyNumber_Subtract, own);
}

static inline SpyInt spy_int_mul_own(SpyInt a, SpyInt b, int own)
{
    Py_ssize_t r;
    /* value(a) * tagged(b) == tagged(value(a) * value(b)) */
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b))
        && !__builtin_mul_overflow(SPY_INT_VAL(a), (Py_ssize_t)b, &r))
        return (SpyInt)r;
    return spy_int__binop_slow_own(a, b, PyNumber_Multiply, own);
}

/* Python's // rounds toward minus infinity. */
static inline SpyInt spy_int_floordiv_own(SpyInt a, SpyInt b, int own)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b)) && b != 0) {
        Py_ssize_t x = SPY_INT_VAL(a), y = SPY_INT_VAL(b);
        Py_ssize_t q = x / y; /* cannot overflow: |x| <= 2**62 */
        if ((x % y != 0) && ((x ^ y) < 0))
            q -= 1;
        return spy_int_from_ssize(q); /* MIN_SMALL // -1 is not small */
    }
    /* division by zero included: the interpreter's own message */
    return spy_int__binop_slow_own(a, b, PyNumber_FloorDivide, own);
}

/* Python's % takes the sign of the divisor. */
static inline SpyInt spy_int_mod_own(SpyInt a, SpyInt b, int own)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b)) && b != 0) {
        Py_ssize_t x = SPY_INT_VAL(a), y = SPY_INT_VAL(b);
        Py_ssize_t r = x % y;
        if (r != 0 && ((r ^ y) < 0))
            r += y;
        return spy_int__tag_small(r);
    }
    return spy_int__binop_slow_own(a, b, PyNumber_Remainder, own);
}

static inline SpyInt spy_int_and_own(SpyInt a, SpyInt b, int own)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b)))
        return a & b;
    return spy_int__binop_slow_own(a, b, PyNumber_And, own);
}

static inline SpyInt spy_int_or_own(SpyInt a, SpyInt b, int own)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b)))
        return a | b;
    return spy_int__binop_slow_own(a, b, PyNumber_Or, own);
}

static inline SpyInt spy_int_xor_own(SpyInt a, SpyInt b, int own)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b)))
        return a ^ b;
    return spy_int__binop_slow_own(a, b, PyNumber_Xor, own);
}

static inline SpyInt spy_int_lshift_own(SpyInt a, SpyInt b, int own)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b))) {
        Py_ssize_t n = SPY_INT_VAL(b);
        if (n >= 0 && n < (Py_ssize_t)(8 * sizeof(Py_ssize_t) - 1)) {
            Py_ssize_t r = (Py_ssize_t)((size_t)a << n);
            if ((r >> n) == (Py_ssize_t)a)
                return (SpyInt)r;
        }
        else if (n >= 0 && a == 0) {
            return 0;
        }
    }
    /* negative count included: the interpreter's own ValueError */
    return spy_int__binop_slow_own(a, b, PyNumber_Lshift, own);
}

static inline SpyInt spy_int_rshift_own(SpyInt a, SpyInt b, int own)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b))) {
        Py_ssize_t x = SPY_INT_VAL(a), n = SPY_INT_VAL(b);
        if (n >= 0) {
            if (n >= (Py_ssize_t)(8 * sizeof(Py_ssize_t) - 1))
                return x < 0 ? SPY_INT_SMALL(-1) : 0;
            return spy_int__tag_small(x >> n);
        }
    }
    return spy_int__binop_slow_own(a, b, PyNumber_Rshift, own);
}

static inline SpyInt spy_int_neg(SpyInt a)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a)))
        return spy_int_from_ssize(-SPY_INT_VAL(a)); /* -MIN_SMALL is big */
    return spy_int__unop_slow(a, PyNumber_Negative);
}

static inline SpyInt spy_int_invert(SpyInt a)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a)))
        return spy_int__tag_small(~SPY_INT_VAL(a));
    return spy_int__unop_slow(a, PyNumber_Invert);
}

static inline SpyInt spy_int_abs(SpyInt a)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a))) {
        Py_ssize_t x = SPY_INT_VAL(a);
        return spy_int_from_ssize(x < 0 ? -x : x);
    }
    return spy_int__unop_slow(a, PyNumber_Absolute);
}

/* a ** b for b >= 0 (the compiler only emits it then; b < 0 would be a
 * float result, so it is reported as a ValueError here). */
static inline SpyInt spy_int_pow_own(SpyInt a, SpyInt b, int own)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b))) {
        Py_ssize_t base = SPY_INT_VAL(a), e = SPY_INT_VAL(b), r = 1;
        if (e < 0)
            goto negative;
        for (;;) {
            if (e & 1) {
                if (__builtin_mul_overflow(r, base, &r))
                    goto slow;
            }
            e >>= 1;
            if (e == 0)
                break;
            if (__builtin_mul_overflow(base, base, &base))
                goto slow;
        }
        return spy_int_from_ssize(r);
    }
    if (SPY_INT_IS_SMALL(b) ? (Py_ssize_t)b < 0
                            : spy_int__big_sign(SPY_INT_OBJ(b)) < 0)
        goto negative;
slow:
    return spy_int__binop_slow_own(a, b, spy_int__power2, own);
negative:
    PyErr_SetString(PyExc_ValueError,
                    "spy_int_pow: negative exponent (result is a float)");
    if (own & SPY_OWN_A)
        spy_int_decref(a);
    if (own & SPY_OWN_B)
        spy_int_decref(b);
    return SPY_INT_ERR;
}

/* The borrowing forms. */
#define SPY_INT_BORROWING_(name)                                              \
    static inline SpyInt spy_int_##name(SpyInt a, SpyInt b)                   \
    {                                                                         \
        return spy_int_##name##_own(a, b, 0);                                 \
    }
SPY_INT_BORROWING_(add)
SPY_INT_BORROWING_(sub)
SPY_INT_BORROWING_(mul)
SPY_INT_BORROWING_(floordiv)
SPY_INT_BORROWING_(mod)
SPY_INT_BORROWING_(and)
SPY_INT_BORROWING_(or)
SPY_INT_BORROWING_(xor)
SPY_INT_BORROWING_(lshift)
SPY_INT_BORROWING_(rshift)
SPY_INT_BORROWING_(pow)
#undef SPY_INT_BORROWING_

/* ---- conversions to and from double ---- */

/* -1.0 with an exception set on error. */
static inline double spy_int_to_double(SpyInt x)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(x)))
        return (double)SPY_INT_VAL(x); /* rounds half-even, as int.__float__ */
    return PyLong_AsDouble(SPY_INT_OBJ(x));
}

SPY_COLD int spy_int__to_double_check_big(SpyInt x)
{
    return PyLong_AsDouble(SPY_INT_OBJ(x)) == -1.0 && PyErr_Occurred() ? -1 : 0;
}

/* Whether spy_int_to_double(x) succeeds: 0, or -1 with the interpreter's
 * OverflowError.  Emitted before the conversion, so that a small x is
 * converted with no test of the result (a small int never fails: the
 * check folds away). */
static inline int spy_int_to_double_check(SpyInt x)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(x)))
        return 0;
    return spy_int__to_double_check_big(x);
}

SPY_COLD double spy_int__truediv_slow(SpyInt a, SpyInt b)
{
    PyObject *x, *y, *r;
    double d;
    x = spy_int_box(a);
    if (x == NULL)
        return -1.0;
    y = spy_int_box(b);
    if (y == NULL) {
        Py_DECREF(x);
        return -1.0;
    }
    r = PyNumber_TrueDivide(x, y);
    Py_DECREF(x);
    Py_DECREF(y);
    if (r == NULL)
        return -1.0;
    d = PyFloat_AsDouble(r);
    Py_DECREF(r);
    return d;
}

/* int / int, correctly rounded; -1.0 with an exception set on error. */
static inline double spy_int_truediv(SpyInt a, SpyInt b)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b)) && b != 0) {
        Py_ssize_t x = SPY_INT_VAL(a), y = SPY_INT_VAL(b);
        const Py_ssize_t lim = (Py_ssize_t)1 << 53;
        /* both exactly representable: one IEEE division, one rounding */
        if (x <= lim && x >= -lim && y <= lim && y >= -lim)
            return (double)x / (double)y;
    }
    return spy_int__truediv_slow(a, b);
}

/* Like int(d): truncates; ValueError/OverflowError for nan/inf. */
static inline SpyInt spy_int_from_double_trunc(double d)
{
    /* |d| < 2**62 (a power of two, so exact as a double) fits after trunc */
    const double lim = (double)((size_t)1 << (8 * sizeof(size_t) - 2));
    if (SPY_LIKELY(d < lim && d > -lim))
        return spy_int__tag_small((Py_ssize_t)d);
    return spy_int__steal(PyLong_FromDouble(d));
}

/* ---- comparisons (cannot fail) ---- */

static inline int spy_int__big_cmp(SpyInt a, SpyInt b, int op)
{
    int r;
    if (!SPY_INT_IS_SMALL(a) && !SPY_INT_IS_SMALL(b)) {
        r = PyObject_RichCompareBool(SPY_INT_OBJ(a), SPY_INT_OBJ(b), op);
        return r > 0; /* exact ints: never fails */
    }
    /* one small, one big: the big one is further from zero */
    if (SPY_INT_IS_SMALL(a))
        r = -spy_int__big_sign(SPY_INT_OBJ(b)); /* sign of (a - b) */
    else
        r = spy_int__big_sign(SPY_INT_OBJ(a));
    switch (op) {
    case Py_LT: return r < 0;
    case Py_LE: return r < 0;
    case Py_GT: return r > 0;
    case Py_GE: return r > 0;
    case Py_NE: return 1;
    default: return 0;
    }
}

static inline int spy_int_eq(SpyInt a, SpyInt b)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a) || SPY_INT_IS_SMALL(b)))
        return a == b; /* normalised: small never equals big */
    return spy_int__big_cmp(a, b, Py_EQ);
}

static inline int spy_int_ne(SpyInt a, SpyInt b)
{
    return !spy_int_eq(a, b);
}

static inline int spy_int_lt(SpyInt a, SpyInt b)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b)))
        return (Py_ssize_t)a < (Py_ssize_t)b;
    return spy_int__big_cmp(a, b, Py_LT);
}

static inline int spy_int_le(SpyInt a, SpyInt b)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b)))
        return (Py_ssize_t)a <= (Py_ssize_t)b;
    return spy_int__big_cmp(a, b, Py_LE);
}

static inline int spy_int_gt(SpyInt a, SpyInt b)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b)))
        return (Py_ssize_t)a > (Py_ssize_t)b;
    return spy_int__big_cmp(a, b, Py_GT);
}

static inline int spy_int_ge(SpyInt a, SpyInt b)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(a | b)))
        return (Py_ssize_t)a >= (Py_ssize_t)b;
    return spy_int__big_cmp(a, b, Py_GE);
}

static inline int spy_int_is_true(SpyInt x)
{
    return x != 0; /* a big value is never zero */
}

/* 0 and *out set, or -1 (no exception) if x does not fit in int64_t. */
static inline int spy_int_as_i64(SpyInt x, int64_t *out)
{
    int overflow;
    long long v;
    if (SPY_LIKELY(SPY_INT_IS_SMALL(x))) {
        *out = (int64_t)SPY_INT_VAL(x);
        return 0;
    }
    v = PyLong_AsLongLongAndOverflow(SPY_INT_OBJ(x), &overflow);
    if (overflow || (v == -1 && PyErr_Occurred())) {
        if (!overflow)
            PyErr_Clear();
        return -1;
    }
    *out = (int64_t)v;
    return 0;
}

#endif /* SPY_INT_H */
