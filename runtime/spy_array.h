/* spy_array.h — native arrays: the lists that never leave their function.
 *
 * The checker proves that a local list[bool], list[int] or list[float] is
 * only made by `[x] * n` or `list(range(...))`, indexed, assigned through
 * an index and measured by len() (typecheck/native_array.c).  No other code
 * can see it, so its elements need no boxes: it is a C array of bytes,
 * doubles or tagged ints.  The array is still a PyObject, so the IR owns
 * and releases it like any local.  Its type has no methods and no GC
 * support (its elements are ints or floats, which make no cycles); it is
 * readied all the same, because gc.get_referents() of a suspended
 * generator can hand an array to Python code.
 *
 * What Python code could observe matches a list's: the IndexError and
 * OverflowError messages of list indexing and `[x] * n`, and a MemoryError
 * where the list would not fit (an array may fit where a list of 8-byte
 * pointers would not; docs/guide.md). */
#ifndef STATICPY_ARRAY_H
#define STATICPY_ARRAY_H

enum { SPY_ARR_BOOL, SPY_ARR_FLOAT, SPY_ARR_INT };

typedef struct SpyArray {
    PyObject_VAR_HEAD              /* ob_size: the length */
    int kind;                      /* SPY_ARR_* */
    union {
        unsigned char *b;
        double *f;
        SpyInt *i;
        void *p;
    } u;
} SpyArray;

#define SPY_ARR(o) ((SpyArray *)(o))

static inline void spy_arr__dealloc(PyObject *o)
{
    SpyArray *a = SPY_ARR(o);
    if (a->kind == SPY_ARR_INT)
        for (Py_ssize_t k = 0; k < Py_SIZE(o); k++)
            spy_int_decref(a->u.i[k]);
    PyMem_Free(a->u.p);
    PyObject_Free(o);
}

static inline PyTypeObject *spy_arr_type(void)
{
    static PyTypeObject type = {
        PyVarObject_HEAD_INIT(NULL, 0)
        .tp_name = "staticpy.native_list",
        .tp_basicsize = sizeof(SpyArray),
        .tp_dealloc = spy_arr__dealloc,
        .tp_flags = Py_TPFLAGS_DEFAULT,
    };
    return &type;
}

/* The repeat count of `[x] * n` as list repetition reads it: a negative
 * count makes an empty list, one beyond Py_ssize_t an OverflowError, one
 * whose list of pointers could not be addressed a MemoryError. */
SPY_COLD Py_ssize_t spy_arr__big_count(SpyInt n)
{
    PyObject *o = spy_int_box(n);
    if (!o)
        return -1;
    Py_ssize_t r = PyNumber_AsSsize_t(o, PyExc_OverflowError);
    Py_DECREF(o);
    return r;
}

/* An array of n (>= 0) elements of the given kind, not yet set, or NULL. */
static inline PyObject *spy_arr__alloc(int kind, Py_ssize_t n)
{
    if (n > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(PyObject *))
        return PyErr_NoMemory();
    PyTypeObject *type = spy_arr_type();
    if (SPY_UNLIKELY(!(type->tp_flags & Py_TPFLAGS_READY)) && PyType_Ready(type) < 0)
        return NULL;
    size_t size = kind == SPY_ARR_BOOL ? 1 : kind == SPY_ARR_FLOAT ? sizeof(double)
                                                                   : sizeof(SpyInt);
    SpyArray *a = PyObject_Malloc(sizeof(SpyArray));
    if (!a)
        return PyErr_NoMemory();
    a->u.p = PyMem_Malloc(n ? (size_t)n * size : 1);
    if (!a->u.p) {
        PyObject_Free(a);
        return PyErr_NoMemory();
    }
    a->kind = kind;
    PyObject_InitVar((PyVarObject *)a, type, n);
    return (PyObject *)a;
}

/* An array of `[x] * count`'s length, or NULL. */
static inline PyObject *spy_arr__repeat(int kind, SpyInt count)
{
    Py_ssize_t n = SPY_INT_IS_SMALL(count) ? SPY_INT_VAL(count) : spy_arr__big_count(count);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    return spy_arr__alloc(kind, n < 0 ? 0 : n);
}

/* [x] * n */
static inline PyObject *spy_arr_new_bool(char x, SpyInt n)
{
    PyObject *o = spy_arr__repeat(SPY_ARR_BOOL, n);
    if (o)
        memset(SPY_ARR(o)->u.b, x, (size_t)Py_SIZE(o));
    return o;
}

static inline PyObject *spy_arr_new_float(double x, SpyInt n)
{
    PyObject *o = spy_arr__repeat(SPY_ARR_FLOAT, n);
    if (o)
        for (Py_ssize_t k = 0; k < Py_SIZE(o); k++)
            SPY_ARR(o)->u.f[k] = x;
    return o;
}

static inline PyObject *spy_arr_new_int(SpyInt x, SpyInt n)
{
    PyObject *o = spy_arr__repeat(SPY_ARR_INT, n);
    if (!o)
        return NULL;
    for (Py_ssize_t k = 0; k < Py_SIZE(o); k++) {
        spy_int_incref(x);
        SPY_ARR(o)->u.i[k] = x;
    }
    return o;
}

/* An int array holding the tagged ints of the list l (a new reference to
 * each); NULL with TypeError if an element is not an int. */
SPY_COLD PyObject *spy_arr__from_list(PyObject *l)
{
    PyObject *o = spy_arr__alloc(SPY_ARR_INT, PyList_GET_SIZE(l));
    if (!o)
        return NULL;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(l); k++) {
        SpyInt v = spy_unbox_int(PyList_GET_ITEM(l, k));
        if (v == SPY_INT_ERR) {
            Py_SET_SIZE(o, k);
            Py_DECREF(o);
            return NULL;
        }
        SPY_ARR(o)->u.i[k] = v;
    }
    return o;
}

/* list(range(start, stop)) of ints beyond int64: the interpreter's own
 * range and list, with their errors, then converted. */
SPY_COLD PyObject *spy_arr__range_slow(SpyInt start, SpyInt stop)
{
    PyObject *a = spy_int_box(start), *b = a ? spy_int_box(stop) : NULL, *l = NULL;
    PyObject *r = b ? PyObject_CallFunctionObjArgs((PyObject *)&PyRange_Type, a, b, NULL)
                    : NULL;
    if (r)
        l = PySequence_List(r);
    PyObject *o = l ? spy_arr__from_list(l) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(r);
    Py_XDECREF(l);
    return o;
}

/* list(range(start, stop)) */
static inline PyObject *spy_arr_new_range(SpyInt start, SpyInt stop)
{
    if (SPY_UNLIKELY(!SPY_INT_IS_SMALL(start) || !SPY_INT_IS_SMALL(stop)))
        return spy_arr__range_slow(start, stop);
    Py_ssize_t a = SPY_INT_VAL(start), b = SPY_INT_VAL(stop);
    PyObject *o = spy_arr__alloc(SPY_ARR_INT, b > a ? b - a : 0);
    if (o)
        for (Py_ssize_t k = 0; k < Py_SIZE(o); k++)
            SPY_ARR(o)->u.i[k] = SPY_INT_SMALL(a + k);
    return o;
}

static SPY_ALWAYS_INLINE inline int64_t spy_arr_len(PyObject *o)
{
    return (int64_t)Py_SIZE(o);
}

/* ---- indexing: the list's rules and messages ----------------------------
 *
 * Every accessor is forced inline with its failure out of line: gcc left
 * to itself outlined part of the int reader (a call per element read). */

#define SPY_ARR_GET_MSG "list index out of range"
#define SPY_ARR_SET_MSG "list assignment index out of range"

/* Out of line but not `cold`: with the attribute, gcc judged the loops
 * that index an array cold as well and moved them, optimised for size, to
 * the function's cold section (fannkuch 0.063 s -> 0.085 s; without it
 * 0.056 s).  The callers' SPY_UNLIKELY tests say enough. */
#if defined(__GNUC__)
#define SPY_ARR_OUTLINED static __attribute__((noinline, unused))
#else
#define SPY_ARR_OUTLINED static
#endif

/* IndexError(msg) for an index out of range, or the IndexError of an
 * index beyond Py_ssize_t (big: a boxed tagged index); -1. */
SPY_ARR_OUTLINED int spy_arr__index_error(SpyInt big, const char *msg)
{
    if (big != SPY_INT_ERR && !SPY_INT_IS_SMALL(big)) {
        PyObject *o = spy_int_box(big);
        if (!o)
            return -1;
        Py_ssize_t r = PyNumber_AsSsize_t(o, PyExc_IndexError);
        Py_DECREF(o);
        if (r == -1 && PyErr_Occurred())
            return -1;
    }
    PyErr_SetString(PyExc_IndexError, msg);
    return -1;
}

/* The position of index i in o (negative counts from the end), or -1 when
 * it is out of range (the caller raises). */
static SPY_ALWAYS_INLINE inline Py_ssize_t spy_arr__pos(PyObject *o, int64_t i)
{
    Py_ssize_t n = Py_SIZE(o);
    if (i < 0)
        i += n;
    return (uint64_t)i < (uint64_t)n ? (Py_ssize_t)i : -1;
}

/* The same for a tagged index: a boxed one is beyond any array's length. */
static SPY_ALWAYS_INLINE inline Py_ssize_t spy_arr__tpos(PyObject *o, SpyInt i)
{
    return SPY_LIKELY(SPY_INT_IS_SMALL(i)) ? spy_arr__pos(o, SPY_INT_VAL(i)) : -1;
}

/* An element as read: a bool, a float with its failure flag, an int as a
 * new reference. */
#define SPY_ARR_LOAD_bool(o, k) ((char)SPY_ARR(o)->u.b[k])
#define SPY_ARR_LOAD_float(o, k) ((SpyRetFloat){SPY_ARR(o)->u.f[k], 0})
#define SPY_ARR_LOAD_int(o, k) spy_arr__load_int(o, k)
#define SPY_ARR_STORE_bool(o, k, v) (SPY_ARR(o)->u.b[k] = (unsigned char)(v))
#define SPY_ARR_STORE_float(o, k, v) (SPY_ARR(o)->u.f[k] = (v))
#define SPY_ARR_STORE_int(o, k, v) spy_arr__store_int(o, k, v)

static SPY_ALWAYS_INLINE inline SpyInt spy_arr__load_int(PyObject *o, Py_ssize_t k)
{
    SpyInt v = SPY_ARR(o)->u.i[k];
    spy_int_incref(v);
    return v;
}

/* Stores v (borrowed) in slot k, releasing what it held. */
static SPY_ALWAYS_INLINE inline void spy_arr__store_int(PyObject *o, Py_ssize_t k, SpyInt v)
{
    SpyInt old = SPY_ARR(o)->u.i[k];
    spy_int_incref(v);
    SPY_ARR(o)->u.i[k] = v;
    spy_int_decref(old);
}

/* For each element kind: spy_arr_get<kind>[_i64] and spy_arr_set<kind>[_i64],
 * with an int64 index (_i64) or a tagged one; a failed read returns the
 * kind's failure value (the IR's ERR_BOOL / ERR_RET / ERR_INT), a failed
 * write -1. */
#define SPY_ARR_ACCESSORS(kind, ctype, rtype, failed)                                 \
    static SPY_ALWAYS_INLINE inline rtype spy_arr_get##kind##_i64(PyObject *o, int64_t i) \
    {                                                                                 \
        Py_ssize_t k = spy_arr__pos(o, i);                                            \
        if (SPY_UNLIKELY(k < 0)) {                                                    \
            spy_arr__index_error(SPY_INT_ERR, SPY_ARR_GET_MSG);                       \
            return failed;                                                            \
        }                                                                             \
        return SPY_ARR_LOAD_##kind(o, k);                                             \
    }                                                                                 \
    static SPY_ALWAYS_INLINE inline rtype spy_arr_get##kind(PyObject *o, SpyInt i)     \
    {                                                                                 \
        Py_ssize_t k = spy_arr__tpos(o, i);                                           \
        if (SPY_UNLIKELY(k < 0)) {                                                    \
            spy_arr__index_error(i, SPY_ARR_GET_MSG);                                 \
            return failed;                                                            \
        }                                                                             \
        return SPY_ARR_LOAD_##kind(o, k);                                             \
    }                                                                                 \
    static SPY_ALWAYS_INLINE inline int spy_arr_set##kind##_i64(PyObject *o, int64_t i, \
                                                                ctype v)              \
    {                                                                                 \
        Py_ssize_t k = spy_arr__pos(o, i);                                            \
        if (SPY_UNLIKELY(k < 0))                                                      \
            return spy_arr__index_error(SPY_INT_ERR, SPY_ARR_SET_MSG);                \
        SPY_ARR_STORE_##kind(o, k, v);                                                \
        return 0;                                                                     \
    }                                                                                 \
    static SPY_ALWAYS_INLINE inline int spy_arr_set##kind(PyObject *o, SpyInt i, ctype v) \
    {                                                                                 \
        Py_ssize_t k = spy_arr__tpos(o, i);                                           \
        if (SPY_UNLIKELY(k < 0))                                                      \
            return spy_arr__index_error(i, SPY_ARR_SET_MSG);                          \
        SPY_ARR_STORE_##kind(o, k, v);                                                \
        return 0;                                                                     \
    }

SPY_ARR_ACCESSORS(bool, char, char, 2)
SPY_ARR_ACCESSORS(float, double, SpyRetFloat, ((SpyRetFloat){-1.0, 1}))
SPY_ARR_ACCESSORS(int, SpyInt, SpyInt, SPY_INT_ERR)
#undef SPY_ARR_ACCESSORS

#endif /* STATICPY_ARRAY_H */
