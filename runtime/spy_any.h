/* spy_any.h — arithmetic and comparisons on dynamic values (unannotated
 * code), with a fast path for two exact ints that fit a tagged word.
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

/* An exact int that fits a tagged word, as one (then 1); else 0. */
static inline int spy_any__small(PyObject *o, SpyInt *v)
{
    if (!PyLong_CheckExact(o))
        return 0;
    SpyInt t = spy_int_from_long_object(o);
    if (SPY_UNLIKELY(!SPY_INT_IS_SMALL(t))) {
        spy_int_xdecref(t); /* a big value (or an error: none for an int) */
        PyErr_Clear();
        return 0;
    }
    *v = t;
    return 1;
}

/* a op b: intop is the tagged operation (spy_int_add, ...: overflow and
 * zero divisors take its own slow path, which is the interpreter's),
 * generic the number protocol's.  A new reference, or NULL. */
static inline PyObject *spy_any_binop(PyObject *a, PyObject *b, SpyInt (*intop)(SpyInt, SpyInt),
                                      binaryfunc generic)
{
    SpyInt x, y;
    if (spy_any__small(a, &x) && spy_any__small(b, &y)) {
        SpyInt r = intop(x, y);
        if (r == SPY_INT_ERR)
            return NULL;
        PyObject *o = spy_int_box(r);
        spy_int_decref(r);
        return o;
    }
    return generic(a, b);
}

/* a < b and friends (op: Py_LT ...), a new reference. */
static inline PyObject *spy_any_richcompare(PyObject *a, PyObject *b, int op)
{
    SpyInt ta, tb;
    if (spy_any__small(a, &ta) && spy_any__small(b, &tb)) {
        /* signed tagged words order as their values */
        Py_ssize_t x = (Py_ssize_t)ta, y = (Py_ssize_t)tb;
        int r = op == Py_LT ? x < y : op == Py_LE ? x <= y : op == Py_EQ ? x == y
              : op == Py_NE ? x != y : op == Py_GT ? x > y : x >= y;
        return spy_new_ref(r ? Py_True : Py_False);
    }
    return PyObject_RichCompare(a, b, op);
}

/* o.append(x) and o.pop() on a value of unknown type: an exact list's own
 * operation inline (list.append and list.pop are what its method would
 * run), anything else the call site's cached method call (spy_ops.h).
 * slot/slot_type are the site's cache, name the interned method name.  A
 * new reference, or NULL. */
static inline PyObject *spy_any_append(PyObject **slot, PyTypeObject **slot_type, PyObject *name,
                                       PyObject *o, PyObject *x)
{
    if (SPY_LIKELY(PyList_CheckExact(o)))
        return spy_list_append(o, x);
    PyObject *args[3] = {NULL, o, x};
    return spy_call_method_cached(slot, slot_type, name, args + 1,
                                  2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* o.get(k) / o.get(k, d) on a value of unknown type: an exact dict's
 * lookup inline (dflt NULL when the call gave none), else the site's
 * cached method call. */
static inline PyObject *spy_any_get(PyObject **slot, PyTypeObject **slot_type, PyObject *name,
                                    PyObject *o, PyObject *k, PyObject *dflt)
{
    if (SPY_LIKELY(PyDict_CheckExact(o)))
        return spy_dict_get(o, k, dflt ? dflt : Py_None);
    PyObject *args[4] = {NULL, o, k, dflt};
    return spy_call_method_cached(slot, slot_type, name, args + 1,
                                  (dflt ? 3 : 2) | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

static inline PyObject *spy_any_pop(PyObject **slot, PyTypeObject **slot_type, PyObject *name,
                                    PyObject *o)
{
    if (SPY_LIKELY(PyList_CheckExact(o)))
        return spy_list_pop(o);
    PyObject *args[2] = {NULL, o};
    return spy_call_method_cached(slot, slot_type, name, args + 1,
                                  1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

#endif /* SPY_ANY_H */
