/* test_runtime.c — cmocka tests for runtime/ (staticpy_rt.h), embedding the
 * interpreter it is built against. Expected values and exception texts are
 * computed at test time by the running interpreter executing the same
 * operation in pure Python (PyRun_String / calling a pure-Python `def`), so
 * the tests check byte-identical behaviour on whichever CPython 3.9–3.13
 * they are built with. Build: cc -Iruntime $(python3-config --includes)
 * tests/unit/test_runtime.c $(python3-config --embed --ldflags) -lcmocka */
#include "staticpy_rt.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

/* ---------------------------------------------------------------- helpers */

static PyObject *ns; /* namespace the Python halves of the tests run in */

static void py_run(const char *src)
{
    PyObject *r = PyRun_String(src, Py_file_input, ns, ns);
    if (r == NULL) {
        PyErr_Print();
        fail_msg("Python setup code failed:\n%s", src);
    }
    Py_DECREF(r);
}

/* Borrowed reference to ns[name]. */
static PyObject *py_get(const char *name)
{
    PyObject *v = PyDict_GetItemString(ns, name);
    if (v == NULL)
        fail_msg("no Python name %s", name);
    return v;
}

/* The pending exception as "Type: message" (clears it); "" if none. */
static void take_exc(char *buf, size_t size)
{
    PyObject *t, *v, *tb, *s;
    const char *msg;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        buf[0] = '\0';
        return;
    }
    PyErr_NormalizeException(&t, &v, &tb);
    s = PyObject_Str(v);
    msg = s ? PyUnicode_AsUTF8(s) : "<unprintable>";
    snprintf(buf, size, "%s: %s", ((PyTypeObject *)t)->tp_name, msg ? msg : "?");
    Py_XDECREF(s);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    PyErr_Clear();
}

static const char *repr_of(PyObject *o, char *buf, size_t size)
{
    PyObject *r = PyObject_Repr(o);
    snprintf(buf, size, "%s", r ? PyUnicode_AsUTF8(r) : "?");
    Py_XDECREF(r);
    PyErr_Clear();
    return buf;
}

/* Python's list ns[name] as a new C array of new references. */
static PyObject **py_list(const char *name, Py_ssize_t *n)
{
    PyObject *l = py_get(name);
    Py_ssize_t i;
    PyObject **a;
    *n = PyList_GET_SIZE(l);
    a = malloc(sizeof(PyObject *) * (size_t)(*n ? *n : 1));
    for (i = 0; i < *n; i++) {
        a[i] = PyList_GET_ITEM(l, i);
        Py_INCREF(a[i]);
    }
    return a;
}

static void free_list(PyObject **a, Py_ssize_t n)
{
    Py_ssize_t i;
    for (i = 0; i < n; i++)
        Py_DECREF(a[i]);
    free(a);
}

/* A SpyInt result satisfies the representation invariant. */
static void check_normalised(SpyInt r, const char *what)
{
    if (r & 1) {
        PyObject *o = SPY_INT_OBJ(r);
        int overflow;
        long long v;
        if (o == NULL || !PyLong_CheckExact(o))
            fail_msg("%s: tagged pointer is not an exact int", what);
        v = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (!overflow && v >= SPY_INT_MIN_SMALL && v <= SPY_INT_MAX_SMALL)
            fail_msg("%s: boxed value %lld should have been small", what, v);
    }
}

/* Compare a SpyInt result (or error, whose text the caller took into got_exc
 * before running Python) with Python's result (or pending error). */
static void check_int_result(SpyInt r, const char *got_exc, PyObject *expected,
                             const char *what)
{
    char want_exc[512];
    if (expected == NULL) {
        take_exc(want_exc, sizeof want_exc);
        if (r != SPY_INT_ERR)
            fail_msg("%s: expected %s, got a value", what, want_exc);
        if (strcmp(got_exc, want_exc) != 0)
            fail_msg("%s: expected [%s], got [%s]", what, want_exc, got_exc);
        return;
    }
    if (r == SPY_INT_ERR)
        fail_msg("%s: unexpected error %s", what, got_exc);
    check_normalised(r, what);
    {
        PyObject *b = spy_int_box(r);
        int eq = PyObject_RichCompareBool(b, expected, Py_EQ);
        if (eq != 1) {
            char x[256], y[256];
            fail_msg("%s: got %s, expected %s", what, repr_of(b, x, sizeof x),
                     repr_of(expected, y, sizeof y));
        }
        Py_DECREF(b);
    }
    Py_DECREF(expected);
    spy_int_decref(r);
}

/* Run the C expression first (taking its error text), then Python. */
#define CHECK_INT(c_expr, py_expr, what)                    \
    do {                                                    \
        SpyInt r_ = (c_expr);                               \
        char got_[512];                                     \
        take_exc(got_, sizeof got_);                        \
        check_int_result(r_, got_, (py_expr), (what));      \
    } while (0)

static int same_double(double a, double b)
{
    if (isnan(a) && isnan(b))
        return 1;
    return memcmp(&a, &b, sizeof a) == 0;
}

/* Compare a double result (or -1.0 + error, taken into got_exc) with
 * Python's float result (or pending error). */
static void check_double_result(double r, const char *got_exc, PyObject *expected,
                                const char *what)
{
    char want_exc[512];
    if (expected == NULL) {
        take_exc(want_exc, sizeof want_exc);
        if (!(r == -1.0 && got_exc[0]))
            fail_msg("%s: expected %s, got %.17g", what, want_exc, r);
        if (strcmp(got_exc, want_exc) != 0)
            fail_msg("%s: expected [%s], got [%s]", what, want_exc, got_exc);
        return;
    }
    if (got_exc[0])
        fail_msg("%s: unexpected error %s", what, got_exc);
    if (!PyFloat_Check(expected))
        fail_msg("%s: Python result is not a float", what);
    if (!same_double(r, PyFloat_AS_DOUBLE(expected)))
        fail_msg("%s: got %.17g, expected %.17g", what, r, PyFloat_AS_DOUBLE(expected));
    Py_DECREF(expected);
}

#define CHECK_DOUBLE(c_expr, py_expr, what)                 \
    do {                                                    \
        double r_ = (c_expr);                               \
        char got_[512];                                     \
        take_exc(got_, sizeof got_);                        \
        check_double_result(r_, got_, (py_expr), (what));   \
    } while (0)

static PyObject *call2(const char *fn, PyObject *a, PyObject *b)
{
    return PyObject_CallFunctionObjArgs(py_get(fn), a, b, NULL);
}

static PyObject *call1(const char *fn, PyObject *a)
{
    return PyObject_CallFunctionObjArgs(py_get(fn), a, NULL);
}

/* ------------------------------------------------------------ group setup */

static int setup(void **state)
{
    (void)state;
    Py_Initialize();
    if (spy_int_init_cache() < 0 || spy_str_init_cache() < 0) /* as a module's exec does */
        return -1;
    ns = PyDict_New();
    if (ns == NULL || PyDict_SetItemString(ns, "__builtins__", PyEval_GetBuiltins()) < 0)
        return -1;
    py_run(
        "import math, operator, traceback\n"
        "INTS = [0, 1, -1, 2, -2, 3, -3, 5, -7, 10, 63, 64, 1000003,\n"
        "        2**31, -(2**31), 2**32 + 1, 2**53, 2**53 + 1, -(2**53) - 1,\n"
        "        2**61, 2**62 - 1, 2**62 - 2, -(2**62), -(2**62) + 1, 2**62,\n"
        "        -(2**62) - 1, 2**62 + 1, 2**63 - 1, -(2**63), 2**63, -(2**63) - 1,\n"
        "        2**64, -(2**64), 2**64 + 3, 10**30, -(10**30), 3**100, -(7**90),\n"
        "        3037000499, 3037000500, -3037000500, 2147483647]\n"
        "SHIFTS = [-1, -(10**30), 0, 1, 2, 30, 31, 32, 60, 61, 62, 63, 64, 65, 100, 200]\n"
        "EXPS = [0, 1, 2, 3, 5, 10, 31, 32, 39, 40, 61, 62, 63, 64, 100]\n"
        "nan = float('nan'); inf = float('inf')\n"
        "FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -2.5, 2.0, 3.0, -3.0, 7.0,\n"
        "          0.1, 10.0, 1e16, 123.456, -7.25, 1e308, -1e308, 5e-324, -5e-324,\n"
        "          1e-300, 2.0**53 + 2, inf, -inf, nan, 1e300, 4.0, -4.0, 0.75]\n"
        "def op_add(a, b): return a + b\n"
        "def op_sub(a, b): return a - b\n"
        "def op_mul(a, b): return a * b\n"
        "def op_floordiv(a, b): return a // b\n"
        "def op_mod(a, b): return a % b\n"
        "def op_and(a, b): return a & b\n"
        "def op_or(a, b): return a | b\n"
        "def op_xor(a, b): return a ^ b\n"
        "def op_lshift(a, b): return a << b\n"
        "def op_rshift(a, b): return a >> b\n"
        "def op_pow(a, b): return a ** b\n"
        "def op_truediv(a, b): return a / b\n"
        "def op_neg(a): return -a\n"
        "def op_invert(a): return ~a\n"
        "def op_abs(a): return abs(a)\n"
        "def op_float(a): return float(a)\n"
        "def op_int(a): return int(a)\n"
        "class IntSub(int): pass\n"
        "class FloatSub(float): pass\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    Py_CLEAR(ns);
    return Py_FinalizeEx() < 0 ? -1 : 0;
}

/* ------------------------------------------------------------ tagged ints */

typedef SpyInt (*IntBinop)(SpyInt, SpyInt);
typedef SpyInt (*IntUnop)(SpyInt);

static void run_int_binop(const char *pyfn, IntBinop op, const char *left,
                          const char *right)
{
    Py_ssize_t na, nb, i, j;
    PyObject **as = py_list(left, &na), **bs = py_list(right, &nb);
    char what[512], x[128], y[128];
    for (i = 0; i < na; i++) {
        for (j = 0; j < nb; j++) {
            SpyInt a = spy_int_from_long_object(as[i]);
            SpyInt b = spy_int_from_long_object(bs[j]);
            snprintf(what, sizeof what, "%s(%s, %s)", pyfn, repr_of(as[i], x, sizeof x),
                     repr_of(bs[j], y, sizeof y));
            check_normalised(a, what);
            check_normalised(b, what);
            CHECK_INT(op(a, b), call2(pyfn, as[i], bs[j]), what);
            spy_int_decref(a);
            spy_int_decref(b);
        }
    }
    free_list(as, na);
    free_list(bs, nb);
}

static void test_int_add_sub_mul(void **state)
{
    (void)state;
    run_int_binop("op_add", spy_int_add, "INTS", "INTS");
    run_int_binop("op_sub", spy_int_sub, "INTS", "INTS");
    run_int_binop("op_mul", spy_int_mul, "INTS", "INTS");
}

static void test_int_floordiv_mod(void **state)
{
    (void)state;
    /* all sign combinations, zero divisors and MIN_SMALL // -1 are in INTS */
    run_int_binop("op_floordiv", spy_int_floordiv, "INTS", "INTS");
    run_int_binop("op_mod", spy_int_mod, "INTS", "INTS");
}

static void test_int_bitwise(void **state)
{
    (void)state;
    run_int_binop("op_and", spy_int_and, "INTS", "INTS");
    run_int_binop("op_or", spy_int_or, "INTS", "INTS");
    run_int_binop("op_xor", spy_int_xor, "INTS", "INTS");
}

static void test_int_shifts(void **state)
{
    (void)state;
    run_int_binop("op_lshift", spy_int_lshift, "INTS", "SHIFTS");
    run_int_binop("op_rshift", spy_int_rshift, "INTS", "SHIFTS");
    py_run("HUGE_SHIFT = [10**30, 2**62, 2**63]\nZERO = [0, 1, -1, 2**70, -(2**70)]\n");
    run_int_binop("op_rshift", spy_int_rshift, "ZERO", "HUGE_SHIFT");
    py_run("ZERO = [0]\n");
    run_int_binop("op_lshift", spy_int_lshift, "ZERO", "HUGE_SHIFT");
}

static void test_int_pow(void **state)
{
    (void)state;
    run_int_binop("op_pow", spy_int_pow, "INTS", "EXPS");
    {
        SpyInt r = spy_int_pow(SPY_INT_SMALL(2), SPY_INT_SMALL(-1));
        char buf[256];
        assert_true(r == SPY_INT_ERR);
        take_exc(buf, sizeof buf);
        assert_true(strncmp(buf, "ValueError: ", 12) == 0);
    }
    {
        PyObject *o = PyRun_String("-(10**30)", Py_eval_input, ns, ns);
        SpyInt big = spy_int_from_long_object(o), r;
        char buf[256];
        r = spy_int_pow(SPY_INT_SMALL(2), big);
        assert_true(r == SPY_INT_ERR);
        take_exc(buf, sizeof buf);
        assert_true(strncmp(buf, "ValueError: ", 12) == 0);
        spy_int_decref(big);
        Py_DECREF(o);
    }
}

static void test_int_unary(void **state)
{
    Py_ssize_t n, i;
    PyObject **as = py_list("INTS", &n);
    char what[512], x[128];
    static const struct { const char *py; IntUnop op; } ops[] = {
        {"op_neg", spy_int_neg}, {"op_invert", spy_int_invert}, {"op_abs", spy_int_abs},
    };
    size_t k;
    (void)state;
    for (k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        for (i = 0; i < n; i++) {
            SpyInt a = spy_int_from_long_object(as[i]);
            snprintf(what, sizeof what, "%s(%s)", ops[k].py, repr_of(as[i], x, sizeof x));
            CHECK_INT(ops[k].op(a), call1(ops[k].py, as[i]), what);
            spy_int_decref(a);
        }
    }
    free_list(as, n);
}

static void test_int_truediv_and_to_double(void **state)
{
    Py_ssize_t n, i, j;
    PyObject **as;
    char what[512], x[128], y[128];
    (void)state;
    py_run("DIVS = INTS + [2**53 - 1, -(2**53) + 1, 3 * 2**52 + 1, 10**308 * 7, 10**400]\n");
    as = py_list("DIVS", &n);
    for (i = 0; i < n; i++) {
        SpyInt a = spy_int_from_long_object(as[i]);
        snprintf(what, sizeof what, "float(%s)", repr_of(as[i], x, sizeof x));
        CHECK_DOUBLE(spy_int_to_double(a), call1("op_float", as[i]), what);
        for (j = 0; j < n; j++) {
            SpyInt b = spy_int_from_long_object(as[j]);
            snprintf(what, sizeof what, "%s / %s", repr_of(as[i], x, sizeof x),
                     repr_of(as[j], y, sizeof y));
            CHECK_DOUBLE(spy_int_truediv(a, b), call2("op_truediv", as[i], as[j]), what);
            spy_int_decref(b);
        }
        spy_int_decref(a);
    }
    free_list(as, n);
}

static void test_int_compare(void **state)
{
    Py_ssize_t n, i, j;
    PyObject **as = py_list("INTS", &n);
    static const int pyops[] = {Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE};
    int (*const cops[])(SpyInt, SpyInt) = {spy_int_eq, spy_int_ne, spy_int_lt,
                                           spy_int_le, spy_int_gt, spy_int_ge};
    size_t k;
    (void)state;
    for (i = 0; i < n; i++) {
        SpyInt a = spy_int_from_long_object(as[i]);
        assert_int_equal(spy_int_is_true(a), PyObject_IsTrue(as[i]));
        for (j = 0; j < n; j++) {
            SpyInt b = spy_int_from_long_object(as[j]);
            for (k = 0; k < 6; k++) {
                int want = PyObject_RichCompareBool(as[i], as[j], pyops[k]);
                if (cops[k](a, b) != want) {
                    char x[128], y[128];
                    fail_msg("compare op %d (%s, %s) != %d", pyops[k], repr_of(as[i], x, 128),
                             repr_of(as[j], y, 128), want);
                }
            }
            spy_int_decref(b);
        }
        spy_int_decref(a);
    }
    free_list(as, n);
}

static void test_int_conversions(void **state)
{
    Py_ssize_t n, i;
    PyObject **as = py_list("INTS", &n);
    static const int64_t i64s[] = {0, 1, -1, INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1,
                                   ((int64_t)1 << 62) - 1, -((int64_t)1 << 62),
                                   (int64_t)1 << 62, -((int64_t)1 << 62) - 1};
    size_t k;
    (void)state;
    /* as_i64 agrees with Python's range check and round-trips */
    for (i = 0; i < n; i++) {
        SpyInt a = spy_int_from_long_object(as[i]);
        int64_t v = 0;
        int overflow;
        long long want = PyLong_AsLongLongAndOverflow(as[i], &overflow);
        int r = spy_int_as_i64(a, &v);
        assert_false(PyErr_Occurred());
        if (overflow) {
            assert_int_equal(r, -1);
        }
        else {
            assert_int_equal(r, 0);
            assert_true(v == want);
        }
        spy_int_decref(a);
    }
    free_list(as, n);
    /* from_i64 / from_ssize at the small/big boundary */
    for (k = 0; k < sizeof i64s / sizeof i64s[0]; k++) {
        SpyInt a = spy_int_from_i64(i64s[k]), b = spy_int_from_ssize((Py_ssize_t)i64s[k]);
        PyObject *want = PyLong_FromLongLong(i64s[k]);
        CHECK_INT(a, want, "from_i64");
        CHECK_INT(b, PyLong_FromLongLong(i64s[k]), "from_ssize");
    }
    assert_true(SPY_INT_SMALL(5) == spy_int_from_ssize(5));
    assert_true(SPY_INT_SMALL(-5) == spy_int_from_ssize(-5));
    assert_true(SPY_INT_MAX_SMALL == (Py_ssize_t)(((size_t)1 << (8 * sizeof(size_t) - 2)) - 1));
    assert_true(SPY_INT_MIN_SMALL == -SPY_INT_MAX_SMALL - 1);
    assert_true(SPY_INT_SMALL(SPY_INT_MIN_SMALL) == spy_int_from_ssize(SPY_INT_MIN_SMALL));
    assert_true(SPY_INT_SMALL(SPY_INT_MAX_SMALL) == spy_int_from_ssize(SPY_INT_MAX_SMALL));
}

static void test_int_normalisation_and_refs(void **state)
{
    PyObject *o, *p;
    SpyInt a, b, r;
    (void)state;
    /* a big result that shrinks back becomes small */
    o = PyRun_String("10**30", Py_eval_input, ns, ns);
    p = PyRun_String("10**30 - 5", Py_eval_input, ns, ns);
    a = spy_int_from_long_object(o);
    b = spy_int_from_long_object(p);
    assert_true((a & 1) && (b & 1));
    r = spy_int_sub(a, b);
    assert_true(r == SPY_INT_SMALL(5));
    r = spy_int_floordiv(a, b);
    assert_true(r == SPY_INT_SMALL(1));
    r = spy_int_floordiv(b, a);
    assert_true(r == SPY_INT_SMALL(0));
    r = spy_int_add(a, spy_int_neg(SPY_INT_SMALL(0)));
    assert_true(r & 1);
    spy_int_decref(r);
    /* small overflow becomes big, and back */
    r = spy_int_add(SPY_INT_SMALL(SPY_INT_MAX_SMALL), SPY_INT_SMALL(1));
    assert_true(r & 1);
    {
        SpyInt s = spy_int_sub(r, SPY_INT_SMALL(1));
        assert_true(s == SPY_INT_SMALL(SPY_INT_MAX_SMALL));
    }
    /* refcounts: results own exactly their reference, args are untouched */
    {
        Py_ssize_t before = Py_REFCNT(o);
        SpyInt t = spy_int_mul(a, SPY_INT_SMALL(1));
        assert_true(Py_REFCNT(o) == before || SPY_INT_OBJ(t) == o);
        assert_true(Py_REFCNT(SPY_INT_OBJ(t)) >= 1);
        spy_int_decref(t);
        assert_true(Py_REFCNT(o) == before);
        spy_int_incref(a);
        assert_true(Py_REFCNT(o) == before + 1);
        spy_int_decref(a);
        assert_true(Py_REFCNT(o) == before);
    }
    spy_int_decref(r);
    spy_int_decref(a);
    spy_int_decref(b);
    spy_int_xdecref(SPY_INT_ERR);
    spy_int_xdecref(SPY_INT_SMALL(3));
    Py_DECREF(o);
    Py_DECREF(p);
    /* subclasses and bool unbox to exact values */
    o = PyRun_String("IntSub(10**30)", Py_eval_input, ns, ns);
    a = spy_int_from_long_object(o);
    assert_true(a & 1);
    assert_true(PyLong_CheckExact(SPY_INT_OBJ(a)));
    assert_true(SPY_INT_OBJ(a) != o);
    CHECK_INT(a, PyRun_String("10**30", Py_eval_input, ns, ns), "IntSub big");
    Py_DECREF(o);
    o = PyRun_String("IntSub(-7)", Py_eval_input, ns, ns);
    assert_true(spy_int_from_long_object(o) == SPY_INT_SMALL(-7));
    Py_DECREF(o);
    assert_true(spy_int_from_long_object(Py_True) == SPY_INT_SMALL(1));
    assert_true(spy_int_from_long_object(Py_False) == SPY_INT_SMALL(0));
    /* box */
    o = spy_int_box(SPY_INT_SMALL(-42));
    assert_true(PyLong_CheckExact(o) && PyLong_AsLong(o) == -42);
    Py_DECREF(o);
}

static void test_int_from_double_trunc(void **state)
{
    Py_ssize_t n, i;
    PyObject **ds;
    char what[512];
    (void)state;
    py_run("TRUNC = FLOATS + [3.7, -3.7, 0.999, -0.999, 2.0**62, -(2.0**62), 2.0**62 - 512,\n"
           "   -(2.0**62) + 512, 2.0**63, -(2.0**63), 2.0**64, 1e30, -1e30]\n");
    ds = py_list("TRUNC", &n);
    for (i = 0; i < n; i++) {
        double d = PyFloat_AsDouble(ds[i]);
        snprintf(what, sizeof what, "int(%.17g)", d);
        CHECK_INT(spy_int_from_double_trunc(d), call1("op_int", ds[i]), what);
    }
    free_list(ds, n);
}

/* ----------------------------------------------------------------- floats */

typedef double (*FloatBinop)(double, double);

static void run_float_binop(const char *pyfn, FloatBinop op, int only_real)
{
    Py_ssize_t n, i, j;
    PyObject **fs = py_list("FLOATS", &n);
    char what[512];
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
            double a = PyFloat_AS_DOUBLE(fs[i]), b = PyFloat_AS_DOUBLE(fs[j]);
            PyObject *want = call2(pyfn, fs[i], fs[j]);
            if (only_real && want != NULL && !PyFloat_Check(want)) {
                Py_DECREF(want); /* complex: the compiler never emits this */
                continue;
            }
            if (want == NULL)
                PyErr_Clear();
            else
                Py_DECREF(want);
            snprintf(what, sizeof what, "%s(%.17g, %.17g)", pyfn, a, b);
            CHECK_DOUBLE(op(a, b), call2(pyfn, fs[i], fs[j]), what);
        }
    }
    free_list(fs, n);
}

static void test_float_ops(void **state)
{
    (void)state;
    run_float_binop("op_truediv", spy_float_truediv, 0);
    run_float_binop("op_floordiv", spy_float_floordiv, 0);
    run_float_binop("op_mod", spy_float_mod, 0);
    run_float_binop("op_pow", spy_float_pow, 1);
}

static void test_float_from_object(void **state)
{
    static const char *const exprs[] = {"1.5", "-0.0", "FloatSub(2.5)", "7", "True",
                                        "2**53 + 1", "10**400", "-(10**400)", "'x'",
                                        "None", "[1]", "IntSub(3)"};
    size_t k;
    char what[512], got[256], want[256];
    (void)state;
    for (k = 0; k < sizeof exprs / sizeof exprs[0]; k++) {
        PyObject *o = PyRun_String(exprs[k], Py_eval_input, ns, ns);
        snprintf(what, sizeof what, "spy_float_from_object(%s)", exprs[k]);
        if (PyFloat_Check(o) || PyLong_Check(o)) {
            CHECK_DOUBLE(spy_float_from_object(o), call1("op_float", o), what);
            CHECK_DOUBLE(spy_unbox_float(o), call1("op_float", o), what);
        }
        else {
            double r = spy_float_from_object(o);
            assert_true(r == -1.0 && PyErr_Occurred());
            take_exc(got, sizeof got);
            snprintf(want, sizeof want, "TypeError: expected float, got %s", Py_TYPE(o)->tp_name);
            assert_string_equal(got, want);
            r = spy_unbox_float(o);
            assert_true(r == -1.0 && PyErr_Occurred());
            take_exc(got, sizeof got);
            assert_string_equal(got, want);
        }
        Py_DECREF(o);
    }
    {
        PyObject *b = spy_float_box(-0.0);
        assert_true(PyFloat_CheckExact(b) && same_double(PyFloat_AS_DOUBLE(b), -0.0));
        Py_DECREF(b);
    }
}

/* ---------------------------------------------------------- argument parsing */

/* Signatures tested: each becomes a pure-Python def returning locals(); the
 * SpyFuncSig is derived from its code object, as the compiler would. */
static const char *const sig_defs[] = {
    "def f0(): return locals()",
    "def f1(x): return locals()",
    "def f2(a, b): return locals()",
    "def f3(a, b, c): return locals()",
    "def fd(a, b=S): return locals()",
    "def fdd(a=S, b=S): return locals()",
    "def fk(a, *, k): return locals()",
    "def fk2(a, *, k, j, m=S): return locals()",
    "def fko(*, k=S): return locals()",
    "def fpo(x, /, y): return locals()",
    "def fpo2(x, y, /, z=S, *, k=S): return locals()",
    "def fpo3(x, y, /): return locals()",
    "def g(alpha, /, beta, *, gamma, delta=S): return locals()",
    "def many(a, b, c, d, e=S, *, kw1, kw2, kw3=S): return locals()",
    "def h(value, other=S, *, flag): return locals()",
};

#define MAXP 16

typedef struct {
    SpyFuncSig sig;
    char name[64];
    char kwreq[MAXP];
    PyObject *names[MAXP];
    PyObject *func;
} TestSig;

static void load_sig(const char *def, TestSig *t)
{
    PyObject *code, *v, *varnames, *kwdefaults, *defaults;
    char *src = malloc(strlen(def) + 32);
    int i, total;
    const char *p = def + 4;
    size_t len = strcspn(p, "(");
    memcpy(t->name, p, len);
    t->name[len] = '\0';
    sprintf(src, "%s\n", def);
    py_run(src);
    free(src);
    t->func = py_get(t->name);
    code = PyObject_GetAttrString(t->func, "__code__");
#define GETINT(attr, field)                                 \
    v = PyObject_GetAttrString(code, attr);                 \
    t->sig.field = (int)PyLong_AsLong(v);                   \
    Py_DECREF(v);
    GETINT("co_argcount", n_pos)
    GETINT("co_posonlyargcount", n_posonly)
    GETINT("co_kwonlyargcount", n_kwonly)
#undef GETINT
    total = t->sig.n_pos + t->sig.n_kwonly;
    assert_true(total <= MAXP);
    varnames = PyObject_GetAttrString(code, "co_varnames");
    for (i = 0; i < total; i++)
        t->names[i] = PyTuple_GET_ITEM(varnames, i); /* kept alive by the code */
    Py_DECREF(varnames);
    defaults = PyObject_GetAttrString(t->func, "__defaults__");
    t->sig.n_required_pos = t->sig.n_pos - (defaults == Py_None ? 0 : (int)PyTuple_GET_SIZE(defaults));
    Py_DECREF(defaults);
    kwdefaults = PyObject_GetAttrString(t->func, "__kwdefaults__");
    {
        int any = 0;
        for (i = 0; i < t->sig.n_kwonly; i++) {
            PyObject *nm = t->names[t->sig.n_pos + i];
            t->kwreq[i] = !(kwdefaults != Py_None && PyDict_GetItem(kwdefaults, nm));
            any |= t->kwreq[i];
        }
        t->sig.kwonly_required = any ? t->kwreq : NULL;
    }
    Py_DECREF(kwdefaults);
    Py_DECREF(code);
    t->sig.name = t->name;
    t->sig.varargs = t->sig.varkw = 0;
}

/* Run one call shape through Python and through spy_parse_args; compare. */
static void check_call(TestSig *t, Py_ssize_t nargs, PyObject *const *kws, int nkw,
                       int copy_names, int *ncases)
{
    PyObject *stack[MAXP * 2], *out[MAXP], *kwnames = NULL, *want;
    PyObject *sentinel = py_get("S");
    char what[512], want_exc[512], got_exc[512];
    int i, rc, total = t->sig.n_pos + t->sig.n_kwonly;
    size_t wl;
    for (i = 0; i < nargs + nkw; i++)
        stack[i] = PyLong_FromLong(1000 + i);
    if (nkw) {
        kwnames = PyTuple_New(nkw);
        for (i = 0; i < nkw; i++) {
            PyObject *k = kws[i];
            if (copy_names) /* equal but not identical: the slow name match */
                k = PyUnicode_FromString(PyUnicode_AsUTF8(kws[i]));
            else
                Py_INCREF(k);
            PyTuple_SET_ITEM(kwnames, i, k);
        }
    }
    wl = (size_t)snprintf(what, sizeof what, "%s: %zd positional, keywords:", t->name, nargs);
    for (i = 0; i < nkw && wl < sizeof what - 40; i++)
        wl += (size_t)snprintf(what + wl, sizeof what - wl, " %s", PyUnicode_AsUTF8(kws[i]));
    want = PyObject_Vectorcall(t->func, stack, (size_t)nargs, kwnames);
    if (want == NULL)
        take_exc(want_exc, sizeof want_exc);
    for (i = 0; i < MAXP; i++)
        out[i] = (PyObject *)(uintptr_t)0xdeadbeef;
    rc = spy_parse_args(&t->sig, t->names, stack, nargs, kwnames, out);
    if (want == NULL) {
        if (rc != -1)
            fail_msg("%s: expected [%s], parse succeeded", what, want_exc);
        take_exc(got_exc, sizeof got_exc);
        if (strcmp(got_exc, want_exc) != 0)
            fail_msg("%s:\n  expected [%s]\n  got      [%s]", what, want_exc, got_exc);
    }
    else {
        if (rc != 0) {
            take_exc(got_exc, sizeof got_exc);
            fail_msg("%s: unexpected error [%s]", what, got_exc);
        }
        assert_false(PyErr_Occurred());
        for (i = 0; i < total; i++) {
            PyObject *v = PyDict_GetItem(want, t->names[i]);
            PyObject *expect = v == sentinel ? NULL : v;
            if (out[i] != expect)
                fail_msg("%s: slot %d bound wrongly", what, i);
        }
        Py_DECREF(want);
    }
    Py_XDECREF(kwnames);
    for (i = 0; i < nargs + nkw; i++)
        Py_DECREF(stack[i]);
    (*ncases)++;
}

static void test_parse_args(void **state)
{
    size_t s;
    int ncases = 0;
    (void)state;
    py_run("S = object()\n");
    for (s = 0; s < sizeof sig_defs / sizeof sig_defs[0]; s++) {
        TestSig t;
        PyObject *cands[MAXP + 8];
        int ncand = 0, i, j, k, copy;
        Py_ssize_t nargs;
        static const char *const extra[] = {"zz", "bet", "gamme", "flga", "valeu", "kw4"};
        memset(&t, 0, sizeof t);
        load_sig(sig_defs[s], &t);
        for (i = 0; i < t.sig.n_pos + t.sig.n_kwonly; i++)
            cands[ncand++] = t.names[i];
        for (i = 0; i < (int)(sizeof extra / sizeof extra[0]); i++) {
            cands[ncand] = PyUnicode_FromString(extra[i]);
            PyUnicode_InternInPlace(&cands[ncand]);
            ncand++;
        }
        for (copy = 0; copy < 2; copy++) {
            for (nargs = 0; nargs <= t.sig.n_pos + 2; nargs++) {
                check_call(&t, nargs, NULL, 0, copy, &ncases);
                for (i = 0; i < ncand; i++) {
                    PyObject *kw1[1] = {cands[i]};
                    check_call(&t, nargs, kw1, 1, copy, &ncases);
                    for (j = 0; j < ncand; j++) {
                        PyObject *kw2[2] = {cands[i], cands[j]};
                        if (j == i)
                            continue;
                        check_call(&t, nargs, kw2, 2, copy, &ncases);
                        if (ncand > 12)
                            continue;
                        for (k = 0; k < ncand; k++) {
                            PyObject *kw3[3] = {cands[i], cands[j], cands[k]};
                            if (k == i || k == j)
                                continue;
                            check_call(&t, nargs, kw3, 3, copy, &ncases);
                        }
                    }
                }
            }
        }
        for (i = t.sig.n_pos + t.sig.n_kwonly; i < ncand; i++)
            Py_DECREF(cands[i]);
    }
    assert_true(ncases > 10000);
}

static void test_parse_args_fast_path(void **state)
{
    PyObject *names[3], *args[2], *out[3];
    static const SpyFuncSig sig = {"f", 2, 0, 1, 2, NULL, 0, 0, 0};
    int i;
    (void)state;
    for (i = 0; i < 3; i++)
        names[i] = PyUnicode_FromFormat("p%d", i);
    args[0] = Py_None;
    args[1] = Py_True;
    out[2] = Py_False;
    assert_int_equal(spy_parse_args(&sig, names, args, 2, NULL, out), 0);
    assert_true(out[0] == Py_None && out[1] == Py_True && out[2] == NULL);
    /* an empty kwnames tuple behaves like NULL */
    {
        PyObject *empty = PyTuple_New(0);
        assert_int_equal(spy_parse_args(&sig, names, args, 2, empty, out), 0);
        assert_true(out[0] == Py_None && out[1] == Py_True && out[2] == NULL);
        Py_DECREF(empty);
    }
    for (i = 0; i < 3; i++)
        Py_DECREF(names[i]);
}

static void test_arg_type_error(void **state)
{
    char buf[256];
    PyObject *s = PyUnicode_FromString("x");
    (void)state;
    spy_arg_type_error("f", "x", "int", s);
    take_exc(buf, sizeof buf);
    assert_string_equal(buf, "TypeError: f() argument 'x' must be int, not str");
    spy_arg_type_error("C.m", "y", "list[int]", Py_None);
    take_exc(buf, sizeof buf);
    assert_string_equal(buf, "TypeError: C.m() argument 'y' must be list[int], not NoneType");
    Py_DECREF(s);
}

/* ------------------------------------------------------ unboxing and boxing */

static void expect_exc(const char *want)
{
    char buf[256];
    assert_true(PyErr_Occurred() != NULL);
    take_exc(buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void test_unbox(void **state)
{
    PyObject *o;
    SpyInt r;
    (void)state;
    o = PyRun_String("10**30", Py_eval_input, ns, ns);
    r = spy_unbox_int(o);
    assert_true((r & 1) && SPY_INT_OBJ(r) == o);
    spy_int_decref(r);
    Py_DECREF(o);
    o = PyLong_FromLong(-12);
    assert_true(spy_unbox_int(o) == SPY_INT_SMALL(-12));
    Py_DECREF(o);
    assert_true(spy_unbox_int(Py_True) == SPY_INT_SMALL(1));
    o = PyUnicode_FromString("s");
    assert_true(spy_unbox_int(o) == SPY_INT_ERR);
    expect_exc("TypeError: expected int, got str");
    assert_true(spy_unbox_float(o) == -1.0);
    expect_exc("TypeError: expected float, got str");
    assert_true(spy_check_str(o) == o);
    assert_int_equal(spy_unbox_bool(o), 2);
    expect_exc("TypeError: expected bool, got str");
    assert_int_equal(spy_check_none(o), -1);
    expect_exc("TypeError: expected None, got str");
    Py_DECREF(o);
    assert_true(spy_unbox_int(Py_None) == SPY_INT_ERR);
    expect_exc("TypeError: expected int, got NoneType");
    o = PyFloat_FromDouble(1.0);
    assert_true(spy_unbox_int(o) == SPY_INT_ERR);
    expect_exc("TypeError: expected int, got float");
    Py_DECREF(o);
    o = PyLong_FromLong(1);
    assert_int_equal(spy_unbox_bool(o), 2);
    expect_exc("TypeError: expected bool, got int");
    assert_null(spy_check_str(o));
    expect_exc("TypeError: expected str, got int");
    assert_int_equal(spy_check_none(o), -1);
    expect_exc("TypeError: expected None, got int");
    assert_true(spy_unbox_float(o) == 1.0);
    Py_DECREF(o);
    assert_int_equal(spy_unbox_bool(Py_True), 1);
    assert_int_equal(spy_unbox_bool(Py_False), 0);
    assert_int_equal(spy_check_none(Py_None), 0);
    assert_false(PyErr_Occurred());
    o = spy_bool_box(7);
    assert_true(o == Py_True);
    Py_DECREF(o);
    o = spy_bool_box(0);
    assert_true(o == Py_False);
    Py_DECREF(o);
    o = spy_none();
    assert_true(o == Py_None);
    Py_DECREF(o);
}

/* ------------------------------------------------------- globals, tracebacks */

static void test_load_global(void **state)
{
    PyObject *globals = PyDict_New(), *builtins = PyEval_GetBuiltins();
    PyObject *name, *v, *exc, *t, *tb;
    char got[256], want[256];
    (void)state;
    name = PyUnicode_InternFromString("here");
    PyDict_SetItem(globals, name, Py_Ellipsis);
    v = spy_load_global(globals, builtins, name);
    assert_true(v == Py_Ellipsis);
    Py_DECREF(v);
    Py_DECREF(name);
    name = PyUnicode_InternFromString("len");
    v = spy_load_global(globals, builtins, name);
    assert_true(v == PyDict_GetItemString(builtins, "len"));
    Py_DECREF(v);
    Py_DECREF(name);
    /* the interpreter's NameError, including its `name` attribute */
    py_run("try:\n    undefined_name_xyz\nexcept NameError as e:\n"
           "    NE_TEXT = 'NameError: ' + str(e)\n    NE_NAME = getattr(e, 'name', 'missing')\n");
    name = PyUnicode_InternFromString("undefined_name_xyz");
    v = spy_load_global(globals, builtins, name);
    assert_null(v);
    PyErr_Fetch(&t, &exc, &tb);
    PyErr_NormalizeException(&t, &exc, &tb);
    {
        PyObject *nm = PyObject_GetAttrString(exc, "name");
        if (nm == NULL) {
            PyErr_Clear();
            nm = PyUnicode_FromString("missing");
        }
        if (nm == Py_None) {
            Py_DECREF(nm);
            nm = PyUnicode_FromString("missing");
        }
        assert_int_equal(PyObject_RichCompareBool(nm, py_get("NE_NAME"), Py_EQ), 1);
        Py_DECREF(nm);
    }
    PyErr_Restore(t, exc, tb);
    take_exc(got, sizeof got);
    snprintf(want, sizeof want, "%s", PyUnicode_AsUTF8(py_get("NE_TEXT")));
    assert_string_equal(got, want);
    Py_DECREF(name);
    Py_DECREF(globals);
}

static PyObject *native_call(PyObject *self, PyObject *cb)
{
    PyObject *r;
    (void)self;
    r = PyObject_CallNoArgs(cb);
    if (r == NULL) {
        spy_traceback_add("native_fn", "native.py", 42);
        return NULL;
    }
    return r;
}

static PyObject *native_raise(PyObject *self, PyObject *arg)
{
    (void)self;
    (void)arg;
    PyErr_SetString(PyExc_ValueError, "boom");
    spy_traceback_add("native_fn", "native.py", 42);
    return NULL;
}

static PyMethodDef native_defs[] = {
    {"native_call", native_call, METH_O, NULL},
    {"native_raise", native_raise, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static void test_traceback(void **state)
{
    PyObject *f1 = PyCFunction_New(&native_defs[0], NULL);
    PyObject *f2 = PyCFunction_New(&native_defs[1], NULL);
    (void)state;
    PyDict_SetItemString(ns, "native_call", f1);
    PyDict_SetItemString(ns, "native_raise", f2);
    Py_DECREF(f1);
    Py_DECREF(f2);
    /* The same program twice: once through the C functions, once with pure
     * Python stand-ins compiled as native.py with the call on line 42. */
    py_run(
        "def run(native):\n"
        "    def inner():\n"
        "        raise KeyError(1)\n"
        "    def outer():\n"
        "        return native(inner)\n"
        "    def outer2():\n"
        "        return outer()\n"
        "    try:\n"
        "        outer2()\n"
        "    except Exception as e:\n"
        "        return [(f.filename, f.lineno, f.name) for f in traceback.extract_tb(e.__traceback__)]\n"
        "def native_py(body):\n"
        "    d = {}\n"
        "    src = '\\n' * 40 + 'def native_fn(cb):\\n    ' + body + '\\n'\n"
        "    exec(compile(src, 'native.py', 'exec'), d)\n"
        "    return d['native_fn']\n"
        "TB_C = run(native_call)\n"
        "TB_PY = run(native_py('return cb()'))\n"
        "TB_C2 = run(native_raise)\n"
        "TB_PY2 = run(native_py('raise ValueError(\"boom\")'))\n"
        "TB_OK = TB_C == TB_PY and len(TB_C) == 5 and TB_C2 == TB_PY2 and len(TB_C2) == 4\n"
        "TB_MSG = repr((TB_C, TB_PY, TB_C2, TB_PY2))\n");
    if (!PyObject_IsTrue(py_get("TB_OK")))
        fail_msg("traceback mismatch: %s", PyUnicode_AsUTF8(py_get("TB_MSG")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_int_add_sub_mul),
        cmocka_unit_test(test_int_floordiv_mod),
        cmocka_unit_test(test_int_bitwise),
        cmocka_unit_test(test_int_shifts),
        cmocka_unit_test(test_int_pow),
        cmocka_unit_test(test_int_unary),
        cmocka_unit_test(test_int_truediv_and_to_double),
        cmocka_unit_test(test_int_compare),
        cmocka_unit_test(test_int_conversions),
        cmocka_unit_test(test_int_normalisation_and_refs),
        cmocka_unit_test(test_int_from_double_trunc),
        cmocka_unit_test(test_float_ops),
        cmocka_unit_test(test_float_from_object),
        cmocka_unit_test(test_parse_args),
        cmocka_unit_test(test_parse_args_fast_path),
        cmocka_unit_test(test_arg_type_error),
        cmocka_unit_test(test_unbox),
        cmocka_unit_test(test_load_global),
        cmocka_unit_test(test_traceback),
    };
    int n = (int)(sizeof tests / sizeof tests[0]);
    int failed = cmocka_run_group_tests(tests, setup, teardown);
    /* the summary line the project's runners end with (cmocka writes
     * part of its report to stderr: keep the order) */
    fflush(stderr);
    printf("%d passed, %d failed\n", failed < 0 ? 0 : n - failed, failed < 0 ? n : failed);
    return failed != 0;
}
