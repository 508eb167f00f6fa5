/* spy_any.h — arithmetic and comparisons on dynamic values (unannotated
 * code), with a fast path for two exact ints of at most 62 bits.
 *
 * The interpreter's long_mul, l_mod and long_bitwise work digit by digit
 * on anything over one 30-bit digit (an LCG state, a hash), and every
 * operator goes through the number protocol's dispatch first.  Exact ints
 * have no user-defined methods, so computing their result directly is
 * what the interpreter would compute: the same value, and an equal new
 * object (small values come from the interpreter's own cache, as in
 * CPython).  Anything else, and any result that overflows 64 bits, takes
 * PyNumber_* / PyObject_RichCompare. */
#ifndef SPY_ANY_H
#define SPY_ANY_H

/* The value of an exact int that fits in 62 bits (then 1), else 0. */
static inline int spy_any__small(PyObject *o, Py_ssize_t *v)
{
    if (!PyLong_CheckExact(o))
        return 0;
    SpyInt t = spy_int_from_long_object(o);
    if (SPY_UNLIKELY(!SPY_INT_IS_SMALL(t))) {
        spy_int_xdecref(t); /* a big value (or an error: none for an int) */
        PyErr_Clear();
        return 0;
    }
    *v = SPY_INT_VAL(t);
    return 1;
}

/* Python's floor division and modulo on machine values, y != 0. */
static inline Py_ssize_t spy_any__floordiv(Py_ssize_t x, Py_ssize_t y)
{
    Py_ssize_t q = x / y; /* |x| < 2**62: no overflow */
    return (x % y != 0 && (x ^ y) < 0) ? q - 1 : q;
}

static inline Py_ssize_t spy_any__mod(Py_ssize_t x, Py_ssize_t y)
{
    Py_ssize_t r = x % y;
    return (r != 0 && (r ^ y) < 0) ? r + y : r;
}

/* op is a BinOp-like code: one of the SPY_ANY_* below.  Returns a new
 * reference, or NULL (exception set) from the generic path. */
enum { SPY_ANY_ADD, SPY_ANY_SUB, SPY_ANY_MUL, SPY_ANY_FLOORDIV, SPY_ANY_MOD,
       SPY_ANY_AND, SPY_ANY_OR, SPY_ANY_XOR };

static inline int spy_any__int_op(int op, Py_ssize_t x, Py_ssize_t y, Py_ssize_t *r)
{
    switch (op) {
    case SPY_ANY_ADD: return !__builtin_add_overflow(x, y, r);
    case SPY_ANY_SUB: return !__builtin_sub_overflow(x, y, r);
    case SPY_ANY_MUL: return !__builtin_mul_overflow(x, y, r);
    case SPY_ANY_FLOORDIV: return y != 0 && (*r = spy_any__floordiv(x, y), 1);
    case SPY_ANY_MOD: return y != 0 && (*r = spy_any__mod(x, y), 1);
    case SPY_ANY_AND: return (*r = x & y), 1;
    case SPY_ANY_OR: return (*r = x | y), 1;
    default: return (*r = x ^ y), 1;
    }
}

static inline PyObject *spy_any_binop(PyObject *a, PyObject *b, int op, binaryfunc generic)
{
    Py_ssize_t x, y, r;
    if (spy_any__small(a, &x) && spy_any__small(b, &y) && spy_any__int_op(op, x, y, &r))
        return spy_i64_box((int64_t)r);
    return generic(a, b);
}

/* a < b and friends (op: Py_LT ...), a new reference. */
static inline PyObject *spy_any_richcompare(PyObject *a, PyObject *b, int op)
{
    Py_ssize_t x, y;
    if (spy_any__small(a, &x) && spy_any__small(b, &y)) {
        int r = op == Py_LT ? x < y : op == Py_LE ? x <= y : op == Py_EQ ? x == y
              : op == Py_NE ? x != y : op == Py_GT ? x > y : x >= y;
        return spy_new_ref(r ? Py_True : Py_False);
    }
    return PyObject_RichCompare(a, b, op);
}

#endif /* SPY_ANY_H */
