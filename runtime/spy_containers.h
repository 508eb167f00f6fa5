/* spy_containers.h — fast paths for typed containers and strings: list
 * indexing with Python's negative-index and IndexError rules, dict item
 * access that honours subclasses (__missing__), packing of displays,
 * f-string formatting, and the kind checks that guard values flowing
 * into typed slots.  Every accessor returns a new reference. */
#ifndef SPY_CONTAINERS_H
#define SPY_CONTAINERS_H

#include <stdarg.h>

/* Kinds a typed slot accepts (a union accepts several). */
enum {
    SPY_K_NONE = 1, SPY_K_INT = 2, SPY_K_FLOAT = 4, SPY_K_BOOL = 8, SPY_K_STR = 16,
    SPY_K_BYTES = 32, SPY_K_LIST = 64, SPY_K_DICT = 128, SPY_K_SET = 256, SPY_K_TUPLE = 512,
    SPY_K_FROZENSET = 1024, SPY_K_CALLABLE = 2048,
};

static inline int spy_is_kind(PyObject *o, unsigned mask)
{
    if ((mask & SPY_K_NONE) && o == Py_None) return 1;
    if ((mask & (SPY_K_INT | SPY_K_FLOAT)) && PyLong_Check(o)) return 1;
    if ((mask & SPY_K_FLOAT) && PyFloat_Check(o)) return 1;
    if ((mask & SPY_K_BOOL) && PyBool_Check(o)) return 1;
    if ((mask & SPY_K_STR) && PyUnicode_Check(o)) return 1;
    if ((mask & SPY_K_BYTES) && PyBytes_Check(o)) return 1;
    if ((mask & SPY_K_LIST) && PyList_Check(o)) return 1;
    if ((mask & SPY_K_DICT) && PyDict_Check(o)) return 1;
    if ((mask & SPY_K_SET) && PySet_Check(o)) return 1;
    if ((mask & SPY_K_TUPLE) && PyTuple_Check(o)) return 1;
    if ((mask & SPY_K_FROZENSET) && PyFrozenSet_Check(o)) return 1;
    if ((mask & SPY_K_CALLABLE) && Py_TYPE(o)->tp_call) return 1; /* PyCallable_Check */
    return 0;
}

/* 0, or -1 with TypeError "expected list[int], got str". */
static inline int spy_expect(PyObject *o, unsigned mask, const char *expected)
{
    if (SPY_LIKELY(spy_is_kind(o, mask)))
        return 0;
    PyErr_Format(PyExc_TypeError, "expected %s, got %s", expected, Py_TYPE(o)->tp_name);
    return -1;
}

/* 0 when ok (a union's test, computed by the caller), else -1 with the
 * TypeError spy_expect raises. */
static inline int spy_expect_ok(int ok, PyObject *o, const char *expected)
{
    if (SPY_LIKELY(ok))
        return 0;
    PyErr_Format(PyExc_TypeError, "expected %s, got %s", expected, Py_TYPE(o)->tp_name);
    return -1;
}

/* A new reference to None that the C compiler cannot see is None: the
 * typed result of a function whose end is reached only exceptionally
 * (lower_func.c) is converted from it at run time, and gcc does not warn
 * about the conversion's branches it cannot rule out for a constant. */
__attribute__((noinline, unused)) static PyObject *spy_none_opaque(void)
{
    Py_INCREF(Py_None);
    return Py_None;
}

/* Py_NewRef, which 3.9 lacks. */
static inline PyObject *spy_new_ref(PyObject *o)
{
    Py_INCREF(o);
    return o;
}

/* ---- lists ---------------------------------------------------------------- */

/* list[i] for a tagged index, negative from the end.  NULL + IndexError. */
static inline PyObject *spy_list_getitem(PyObject *list, SpyInt index)
{
    if (SPY_LIKELY(PyList_CheckExact(list) && SPY_INT_IS_SMALL(index))) {
        Py_ssize_t n = PyList_GET_SIZE(list), i = SPY_INT_VAL(index);
        if (i < 0)
            i += n;
        if (SPY_LIKELY((size_t)i < (size_t)n)) {
            PyObject *x = PyList_GET_ITEM(list, i);
            Py_INCREF(x);
            return x;
        }
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    PyObject *i = spy_int_box(index);
    if (!i)
        return NULL;
    PyObject *x = PyObject_GetItem(list, i);
    Py_DECREF(i);
    return x;
}

/* list[i] = v.  0, or -1 + IndexError. */
static inline int spy_list_setitem(PyObject *list, SpyInt index, PyObject *v)
{
    if (SPY_LIKELY(PyList_CheckExact(list) && SPY_INT_IS_SMALL(index))) {
        Py_ssize_t n = PyList_GET_SIZE(list), i = SPY_INT_VAL(index);
        if (i < 0)
            i += n;
        if (SPY_LIKELY((size_t)i < (size_t)n)) {
            PyObject *old = PyList_GET_ITEM(list, i);
            Py_INCREF(v);
            PyList_SET_ITEM(list, i, v);
            Py_DECREF(old);
            return 0;
        }
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    PyObject *i = spy_int_box(index);
    if (!i)
        return -1;
    int r = PyObject_SetItem(list, i, v);
    Py_DECREF(i);
    return r;
}

/* list[i] for a machine-int index. */
static inline PyObject *spy_list_getitem_i64(PyObject *list, int64_t i)
{
    if (SPY_LIKELY(PyList_CheckExact(list))) {
        Py_ssize_t n = PyList_GET_SIZE(list);
        if (i < 0)
            i += n;
        if (SPY_LIKELY((uint64_t)i < (uint64_t)n)) {
            PyObject *x = PyList_GET_ITEM(list, (Py_ssize_t)i);
            Py_INCREF(x);
            return x;
        }
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    SpyInt t = spy_int_from_i64(i);
    if (t == SPY_INT_ERR)
        return NULL;
    PyObject *x = spy_list_getitem(list, t);
    spy_int_decref(t);
    return x;
}

/* The slot of item i of an exact list, negative from the end; NULL with
 * the interpreter's IndexError. */
static inline PyObject **spy_list__store_slot(PyObject *list, int64_t i)
{
    Py_ssize_t n = PyList_GET_SIZE(list);
    if (i < 0)
        i += n;
    if (SPY_LIKELY((uint64_t)i < (uint64_t)n))
        return &((PyListObject *)list)->ob_item[i];
    PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
    return NULL;
}

/* The general path, for list subclasses and indexes that are not small:
 * list[index] = v (v is a new reference, consumed; NULL: already failed). */
SPY_COLD int spy_list__set_slow(PyObject *list, SpyInt index, PyObject *v)
{
    int r = v ? spy_list_setitem(list, index, v) : -1;
    Py_XDECREF(v);
    return r;
}

SPY_COLD int spy_list__set_slow_i64(PyObject *list, int64_t i, PyObject *v)
{
    SpyInt t = v ? spy_int_from_i64(i) : SPY_INT_ERR;
    if (t == SPY_INT_ERR) {
        Py_XDECREF(v);
        return -1;
    }
    int r = spy_list__set_slow(list, t, v);
    spy_int_decref(t);
    return r;
}

/* A store that finds v already in the slot writes nothing: no
 * reference-count traffic (in a loop storing True/False those writes to
 * the one shared object serialise). */
static inline int spy_list_setitem_i64(PyObject *list, int64_t i, PyObject *v)
{
    if (SPY_UNLIKELY(!PyList_CheckExact(list)))
        return spy_list__set_slow_i64(list, i, spy_new_ref(v));
    PyObject **slot = spy_list__store_slot(list, i);
    if (SPY_UNLIKELY(!slot))
        return -1;
    PyObject *old = *slot;
    if (old != v) {
        *slot = spy_new_ref(v);
        Py_DECREF(old);
    }
    return 0;
}

/* Item i of a list whose length was just checked: a new reference. */
static inline PyObject *spy_list_item(PyObject *list, int64_t i)
{
    PyObject *x = PyList_GET_ITEM(list, (Py_ssize_t)i);
    Py_INCREF(x);
    return x;
}

/* len() of a builtin container, honouring a subclass's __len__. */
#define SPY_LEN_(T, size)                                                     \
    static inline SpyInt spy_len_##T(PyObject *o)                             \
    {                                                                         \
        if (SPY_LIKELY(T##_CheckExact(o)))                                    \
            return spy_int_from_ssize(size(o));                               \
        Py_ssize_t n = PyObject_Size(o);                                      \
        return n < 0 ? SPY_INT_ERR : spy_int_from_ssize(n);                   \
    }
SPY_LEN_(PyList, PyList_GET_SIZE)
SPY_LEN_(PyDict, PyDict_GET_SIZE)
SPY_LEN_(PyTuple, PyTuple_GET_SIZE)
SPY_LEN_(PyUnicode, PyUnicode_GET_LENGTH)
static inline SpyInt spy_len_PySet(PyObject *o)
{
    if (SPY_LIKELY(Py_IS_TYPE(o, &PySet_Type) || Py_IS_TYPE(o, &PyFrozenSet_Type)))
        return spy_int_from_ssize(PySet_GET_SIZE(o));
    Py_ssize_t n = PyObject_Size(o);
    return n < 0 ? SPY_INT_ERR : spy_int_from_ssize(n);
}

/* xs.append(x) / s.add(x): None, or NULL; subclasses' overrides are called. */
static inline PyObject *spy_list_append(PyObject *list, PyObject *x)
{
    if (SPY_LIKELY(PyList_CheckExact(list))) {
        if (PyList_Append(list, x) < 0)
            return NULL;
        Py_INCREF(Py_None);
        return Py_None;
    }
    return PyObject_CallMethod(list, "append", "O", x);
}

static inline PyObject *spy_set_add(PyObject *set, PyObject *x)
{
    if (SPY_LIKELY(Py_IS_TYPE(set, &PySet_Type))) {
        if (PySet_Add(set, x) < 0)
            return NULL;
        Py_INCREF(Py_None);
        return Py_None;
    }
    return PyObject_CallMethod(set, "add", "O", x);
}

/* set.remove / set.discard on an exact set, else the method. */
static inline PyObject *spy_set_remove(PyObject *set, PyObject *x, int must_exist)
{
    if (SPY_LIKELY(Py_IS_TYPE(set, &PySet_Type))) {
        int r = PySet_Discard(set, x);
        if (r < 0)
            return NULL;
        if (r == 0 && must_exist) {
            PyObject *t = PyTuple_Pack(1, x); /* KeyError(x), as set.remove */
            if (t) {
                PyErr_SetObject(PyExc_KeyError, t);
                Py_DECREF(t);
            }
            return NULL;
        }
        Py_INCREF(Py_None);
        return Py_None;
    }
    return PyObject_CallMethod(set, must_exist ? "remove" : "discard", "O", x);
}

/* list.pop() of the last item once the list is under half full: it gives
 * memory back, to the size list_resize (Objects/listobject.c, 3.9-3.13)
 * picks, so sys.getsizeof agrees with the interpreter's.  (list_resize
 * calls realloc also when that size is the current one; we skip it.) */
SPY_COLD PyObject *spy_list__pop_shrink(PyObject *list)
{
    PyListObject *l = (PyListObject *)list;
    Py_ssize_t m = Py_SIZE(l) - 1;
    if (m < 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty list");
        return NULL;
    }
    size_t want = m == 0 ? 0 : ((size_t)m + ((size_t)m >> 3) + 6) & ~(size_t)3;
    PyObject *x = l->ob_item[m];
    if (want != (size_t)l->allocated) {
        PyObject **items = (PyObject **)PyMem_Realloc(l->ob_item, want * sizeof(PyObject *));
        if (!items)
            return PyErr_NoMemory();
        l->ob_item = items;
        l->allocated = (Py_ssize_t)want;
    }
    Py_SET_SIZE(l, m);
    return x;
}

/* xs.pop() of an exact list: the last item, handed over by shrinking the
 * list (as list.pop does); else the method. */
static inline PyObject *spy_list_pop(PyObject *list)
{
    if (SPY_LIKELY(PyList_CheckExact(list))) {
        Py_ssize_t n = PyList_GET_SIZE(list);
        if (SPY_LIKELY(n - 1 >= (((PyListObject *)list)->allocated >> 1))) {
            PyObject *x = PyList_GET_ITEM(list, n - 1);
            Py_SET_SIZE(list, n - 1);
            return x;
        }
        return spy_list__pop_shrink(list);
    }
    return PyObject_CallMethod(list, "pop", NULL);
}

/* The list a `for` over a list[T] walks: the list itself, or for a
 * subclass what its __iter__ yields.  A new reference. */
static inline PyObject *spy_list_for_iter(PyObject *o)
{
    if (SPY_LIKELY(PyList_CheckExact(o))) {
        Py_INCREF(o);
        return o;
    }
    return PySequence_List(o);
}

/* ---- dicts ------------------------------------------------------------------ */

static inline PyObject *spy_dict_getitem(PyObject *d, PyObject *key)
{
    if (SPY_LIKELY(PyDict_CheckExact(d))) {
        PyObject *x = PyDict_GetItemWithError(d, key);
        if (SPY_LIKELY(x != NULL)) {
            Py_INCREF(x);
            return x;
        }
        if (!PyErr_Occurred()) {
            PyObject *args = PyTuple_Pack(1, key);
            if (args) {
                PyErr_SetObject(PyExc_KeyError, args);
                Py_DECREF(args);
            }
        }
        return NULL;
    }
    return PyObject_GetItem(d, key);
}

static inline int spy_dict_setitem(PyObject *d, PyObject *key, PyObject *v)
{
    if (SPY_LIKELY(PyDict_CheckExact(d)))
        return PyDict_SetItem(d, key, v);
    return PyObject_SetItem(d, key, v);
}

/* d.get(key, default) */
static inline PyObject *spy_dict_get(PyObject *d, PyObject *key, PyObject *dflt)
{
    if (SPY_LIKELY(PyDict_CheckExact(d))) {
        PyObject *x = PyDict_GetItemWithError(d, key);
        if (!x) {
            if (PyErr_Occurred())
                return NULL;
            x = dflt;
        }
        Py_INCREF(x);
        return x;
    }
    return PyObject_CallMethod(d, "get", "OO", key, dflt);
}

/* ---- displays -------------------------------------------------------------- */

/* {k0: v0, k1: v1, ...} from 2n arguments (not stolen). */
static inline PyObject *spy_dict_pack(Py_ssize_t n, ...)
{
    PyObject *d = PyDict_New();
    if (!d)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = va_arg(ap, PyObject *);
        PyObject *v = va_arg(ap, PyObject *);
        if (PyDict_SetItem(d, k, v) < 0) {
            Py_CLEAR(d);
            break;
        }
    }
    va_end(ap);
    return d;
}

/* A tuple display's new tuple t whose items are typed str, int, float,
 * bool, bytes or None (NULL passes through).  The interpreter's collector
 * untracks such a tuple at the first collection it survives
 * (_PyTuple_MaybeUntrack), as it cannot be part of a cycle; untracked now,
 * it costs no collection a visit (a list of (kind, text) tokens is most
 * of a parser's heap).  An item of a subclass that the collector tracks
 * (a str subclass instance with a __dict__) keeps t tracked. */
static inline PyObject *spy_tuple_untrack_atomic(PyObject *t)
{
    if (!t)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++)
        if (PyType_IS_GC(Py_TYPE(PyTuple_GET_ITEM(t, i))))
            return t;
    PyObject_GC_UnTrack(t);
    return t;
}

static inline PyObject *spy_set_pack(Py_ssize_t n, ...)
{
    PyObject *s = PySet_New(NULL);
    if (!s)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (Py_ssize_t i = 0; i < n; i++)
        if (PySet_Add(s, va_arg(ap, PyObject *)) < 0) {
            Py_CLEAR(s);
            break;
        }
    va_end(ap);
    return s;
}

/* ---- unpacking in displays: [a, *b], (*a, b), {*a}, {**m, k: v} ------------ */

/* list.extend of `*x` in a list or tuple display, with the interpreter's
 * TypeError for a value that cannot be iterated.  0, or -1. */
static inline int spy_list_extend_star(PyObject *list, PyObject *x)
{
    if (Py_TYPE(x)->tp_iter == NULL && !PySequence_Check(x)) {
        PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                     Py_TYPE(x)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    return PyList_SetSlice(list, n, n, x); /* what list.extend does for any iterable */
}

/* set.update of `*x` in a set display.  0, or -1. */
static inline int spy_set_update_star(PyObject *set, PyObject *x)
{
    PyObject *it = PyObject_GetIter(x);
    if (!it)
        return -1;
    PyObject *item;
    while ((item = PyIter_Next(it))) {
        int r = PySet_Add(set, item);
        Py_DECREF(item);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* dict.update of `**m` in a dict display, with the interpreter's
 * TypeError for a value that is not a mapping.  0, or -1. */
static inline int spy_dict_update_star(PyObject *dict, PyObject *m)
{
    if (PyDict_Update(dict, m) == 0)
        return 0;
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(m)->tp_name);
    }
    return -1;
}

/* `x in s`, `x in set`, `x in dict` straight to the type's own lookup
 * when the container is exactly that type (a subclass may override
 * __contains__). 1/0, or -1 with an exception. */
static inline int spy_str_contains(PyObject *s, PyObject *x)
{
    if (SPY_LIKELY(PyUnicode_CheckExact(s) && PyUnicode_Check(x))) {
        /* one character in a Latin-1 string (ch in "{}[],:"): a memchr,
         * no call into the interpreter's general search */
        if (PyUnicode_GET_LENGTH(x) == 1 && PyUnicode_KIND(s) == PyUnicode_1BYTE_KIND) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(x, 0);
            return ch < 256 && memchr(PyUnicode_DATA(s), (int)ch,
                                      (size_t)PyUnicode_GET_LENGTH(s)) != NULL;
        }
        return PyUnicode_Contains(s, x);
    }
    return PySequence_Contains(s, x);
}

static inline int spy_set_contains(PyObject *s, PyObject *x)
{
    /* a set key is looked up as a frozenset: set.__contains__ does that,
     * PySet_Contains does not */
    if (SPY_LIKELY(PyAnySet_CheckExact(s)) &&
        (PyLong_CheckExact(x) || PyUnicode_CheckExact(x) || !PySet_Check(x)))
        return PySet_Contains(s, x);
    return PySequence_Contains(s, x);
}

/* x in s for a tagged int x: the probe of CPython's set_lookkey (3.9-3.13:
 * runs of LINEAR_PROBES entries, then perturbation), read straight from
 * the table with the int's own hash and value, so a lookup boxes nothing
 * and calls nothing.  An entry with x's hash that is not an exact int or
 * bool of small value (a float 1.0, an int subclass, a big int) could
 * need its __eq__: the whole lookup is then the interpreter's. */
SPY_COLD int spy_set__contains_int_slow(PyObject *s, SpyInt x)
{
    PyObject *o = spy_int_box(x);
    if (!o)
        return -1;
    int r = spy_set_contains(s, o);
    Py_DECREF(o);
    return r;
}

/* The value of an exact int or bool stored small, else 0. */
static SPY_ALWAYS_INLINE inline int spy_set__small_key(PyObject *k, Py_ssize_t *v)
{
    if (PyBool_Check(k)) {
        *v = k == Py_True;
        return 1;
    }
    return PyLong_CheckExact(k) && spy_long__small_value(k, v);
}

static inline int spy_set_contains_int(PyObject *s, SpyInt x)
{
#if PY_VERSION_HEX < 0x030E0000
    if (SPY_LIKELY(PyAnySet_CheckExact(s) && SPY_INT_IS_SMALL(x))) {
        int64_t v = SPY_INT_VAL(x);
        /* long_hash: the value modulo 2**61 - 1 with its sign, -1 -> -2 */
        const uint64_t P = ((uint64_t)1 << 61) - 1;
        uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        if (SPY_UNLIKELY(m >= P))
            m %= P;
        Py_hash_t hash = v < 0 ? -(Py_hash_t)m : (Py_hash_t)m;
        if (hash == -1)
            hash = -2;
        PySetObject *so = (PySetObject *)s;
        size_t perturb = (size_t)hash, mask = (size_t)so->mask, i = (size_t)hash & mask;
        for (;;) {
            setentry *entry = &so->table[i];
            int probes = i + 9 <= mask ? 9 : 0;
            do {
                if (entry->hash == 0 && entry->key == NULL)
                    return 0;
                if (entry->hash == hash) {
                    Py_ssize_t k;
                    if (!spy_set__small_key(entry->key, &k))
                        return spy_set__contains_int_slow(s, x);
                    if (k == v)
                        return 1;
                }
                entry++;
            } while (probes--);
            perturb >>= 5;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }
#endif
    return spy_set__contains_int_slow(s, x);
}

static inline int spy_dict_contains(PyObject *d, PyObject *x)
{
    if (SPY_LIKELY(PyDict_CheckExact(d)))
        return PyDict_Contains(d, x);
    return PySequence_Contains(d, x);
}

/* format(v, spec) as an f-string field; spec may be NULL. */
static inline PyObject *spy_format(PyObject *v, PyObject *spec)
{
    if (!spec && PyUnicode_CheckExact(v)) {
        Py_INCREF(v);
        return v;
    }
    if (!spec && PyLong_CheckExact(v))
        return PyObject_Str(v);
    PyObject *empty = spec ? NULL : PyUnicode_New(0, 0);
    if (!spec && !empty)
        return NULL;
    PyObject *r = PyObject_Format(v, spec ? spec : empty);
    Py_XDECREF(empty);
    return r;
}

/* The concatenation of n str objects (not stolen). */
static inline PyObject *spy_str_concat_n(Py_ssize_t n, ...)
{
    PyObject *parts = PyTuple_New(n);
    if (!parts)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = va_arg(ap, PyObject *);
        Py_INCREF(s);
        PyTuple_SET_ITEM(parts, i, s);
    }
    va_end(ap);
    PyObject *empty = PyUnicode_New(0, 0);
    PyObject *r = empty ? PyUnicode_Join(empty, parts) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(parts);
    return r;
}

/* ---- machine ints (int64_t locals such as range() indices) ------------- */

/* Error sentinel of int64_t-returning helpers (with an exception set). */
#define SPY_I64_ERR ((int64_t)-113)

/* i + step for a range() counter: saturates instead of overflowing, which
 * ends the loop just the same. */
static inline int64_t spy_i64_step(int64_t i, int64_t step)
{
    int64_t r;
    if (SPY_UNLIKELY(__builtin_add_overflow(i, step, &r)))
        return step > 0 ? INT64_MAX : INT64_MIN;
    return r;
}

SPY_COLD int64_t spy_i64__overflow(void)
{
    PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int64_t");
    return SPY_I64_ERR;
}

static inline int64_t spy_i64_add(int64_t a, int64_t b)
{
    int64_t r;
    if (SPY_UNLIKELY(__builtin_add_overflow(a, b, &r)))
        return spy_i64__overflow();
    return r;
}

static inline int64_t spy_i64_sub(int64_t a, int64_t b)
{
    int64_t r;
    if (SPY_UNLIKELY(__builtin_sub_overflow(a, b, &r)))
        return spy_i64__overflow();
    return r;
}

/* A tagged int as int64_t, or OverflowError. */
static inline int64_t spy_int_to_i64(SpyInt x)
{
    int64_t r;
    if (SPY_UNLIKELY(spy_int_as_i64(x, &r) < 0))
        return spy_i64__overflow();
    return r;
}

/* xs[i] of a list[float] / list[int] / list[bool] straight into its
 * unboxed form: the element is only borrowed, which is safe because
 * unboxing a float, int or bool runs no Python code. Subclasses of list
 * take the general path (their __getitem__ may be overridden). */
SPY_COLD PyObject *spy_list__index_error(void)
{
    PyErr_SetString(PyExc_IndexError, "list index out of range");
    return NULL;
}

static inline PyObject *spy_list__borrow_i64(PyObject *list, int64_t i)
{
    Py_ssize_t n = PyList_GET_SIZE(list);
    if (i < 0)
        i += n;
    if (SPY_LIKELY((uint64_t)i < (uint64_t)n))
        return PyList_GET_ITEM(list, (Py_ssize_t)i);
    return spy_list__index_error();
}

/* For each unboxed kind: the general path (subclasses, errors), the
 * int64-index reader and the tagged-index reader. A float element is read
 * inline when it is an exact float. */
#define SPY_LIST_GETTER(kind, ctype, unbox, err, fast)                          \
    SPY_COLD ctype spy_list__get##kind##_slow(PyObject *list, SpyInt i)        \
    {                                                                           \
        PyObject *x = spy_list_getitem(list, i);                                \
        ctype v = x ? unbox(x) : (err);                                         \
        Py_XDECREF(x);                                                          \
        return v;                                                               \
    }                                                                           \
    SPY_COLD ctype spy_list__get##kind##_slow_i64(PyObject *list, int64_t i)   \
    {                                                                           \
        SpyInt t = spy_int_from_i64(i);                                         \
        if (t == SPY_INT_ERR)                                                   \
            return (err);                                                       \
        ctype v = spy_list__get##kind##_slow(list, t);                          \
        spy_int_decref(t);                                                      \
        return v;                                                               \
    }                                                                           \
    static inline ctype spy_list_get##kind##_i64(PyObject *list, int64_t i)     \
    {                                                                           \
        if (SPY_UNLIKELY(!PyList_CheckExact(list)))                             \
            return spy_list__get##kind##_slow_i64(list, i);                     \
        PyObject *x = spy_list__borrow_i64(list, i);                            \
        if (SPY_UNLIKELY(!x))                                                   \
            return (err);                                                       \
        return fast;                                                            \
    }                                                                           \
    static inline ctype spy_list_get##kind(PyObject *list, SpyInt i)            \
    {                                                                           \
        if (SPY_LIKELY(SPY_INT_IS_SMALL(i)))                                    \
            return spy_list_get##kind##_i64(list, SPY_INT_VAL(i));              \
        return spy_list__get##kind##_slow(list, i);                             \
    }

SPY_LIST_GETTER(int, SpyInt, spy_unbox_int, SPY_INT_ERR, spy_unbox_int(x))
SPY_LIST_GETTER(bool, char, spy_unbox_bool, 2, spy_unbox_bool(x))
#undef SPY_LIST_GETTER

/* A float element comes back with a separate failure flag, as a compiled
 * function returning float does (runtime/spy_err.h): the caller's test of
 * the flag folds away on the inline path, where a -1.0 sentinel would cost
 * a comparison of every element read (and PyErr_Occurred() when equal). */
SPY_COLD SpyRetFloat spy_list__getfloat_slow(PyObject *list, SpyInt i)
{
    PyObject *x = spy_list_getitem(list, i);
    if (!x)
        return (SpyRetFloat){-1.0, 1};
    double v = spy_unbox_float(x);
    Py_DECREF(x);
    return (SpyRetFloat){v, v == -1.0 && PyErr_Occurred()};
}

SPY_COLD SpyRetFloat spy_list__getfloat_slow_i64(PyObject *list, int64_t i)
{
    SpyInt t = spy_int_from_i64(i);
    if (t == SPY_INT_ERR)
        return (SpyRetFloat){-1.0, 1};
    SpyRetFloat r = spy_list__getfloat_slow(list, t);
    spy_int_decref(t);
    return r;
}

static inline SpyRetFloat spy_list_getfloat_i64(PyObject *list, int64_t i)
{
    if (SPY_LIKELY(PyList_CheckExact(list))) {
        Py_ssize_t n = PyList_GET_SIZE(list);
        int64_t k = i < 0 ? i + n : i;
        if (SPY_LIKELY((uint64_t)k < (uint64_t)n)) {
            PyObject *x = PyList_GET_ITEM(list, (Py_ssize_t)k);
            if (SPY_LIKELY(PyFloat_CheckExact(x)))
                return (SpyRetFloat){PyFloat_AS_DOUBLE(x), 0};
        }
    }
    /* a subclass, an index out of range, an element to convert or reject */
    return spy_list__getfloat_slow_i64(list, i);
}

static inline SpyRetFloat spy_list_getfloat(PyObject *list, SpyInt i)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(i)))
        return spy_list_getfloat_i64(list, SPY_INT_VAL(i));
    return spy_list__getfloat_slow(list, i);
}

/* list[i] = v for an unboxed bool or float, without the box/store/release
 * round trip on every store.  A float store overwrites the old element in
 * place when it is an exact float only the list holds: no other reference
 * can observe it, and floats have no weak references. */

static inline int spy_list_setbool_i64(PyObject *list, int64_t i, char b)
{
    return spy_list_setitem_i64(list, i, b ? Py_True : Py_False);
}

/* Puts the new reference v (NULL: making it failed) in a list slot and
 * releases what the slot held: 0, or -1 with an exception. */
static inline int spy_list__replace(PyObject **slot, PyObject *v)
{
    if (SPY_UNLIKELY(!v))
        return -1;
    PyObject *old = *slot;
    *slot = v;
    Py_DECREF(old);
    return 0;
}

static inline int spy_list_setfloat_i64(PyObject *list, int64_t i, double d)
{
    if (SPY_UNLIKELY(!PyList_CheckExact(list)))
        return spy_list__set_slow_i64(list, i, PyFloat_FromDouble(d));
    PyObject **slot = spy_list__store_slot(list, i);
    if (SPY_UNLIKELY(!slot))
        return -1;
    PyObject *old = *slot;
    if (PyFloat_CheckExact(old) && Py_REFCNT(old) == 1) {
        ((PyFloatObject *)old)->ob_fval = d;
        return 0;
    }
    return spy_list__replace(slot, PyFloat_FromDouble(d));
}

/* An int is boxed straight into the slot (a small one is the interpreter's
 * cached object, runtime/spy_int.h): one reference made, none dropped. */
static inline int spy_list_setint_i64(PyObject *list, int64_t i, SpyInt v)
{
    if (SPY_UNLIKELY(!PyList_CheckExact(list)))
        return spy_list__set_slow_i64(list, i, spy_int_box(v));
    PyObject **slot = spy_list__store_slot(list, i);
    if (SPY_UNLIKELY(!slot))
        return -1;
    return spy_list__replace(slot, spy_int_box(v));
}

static inline int spy_list_setint(PyObject *list, SpyInt index, SpyInt v)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(index)))
        return spy_list_setint_i64(list, SPY_INT_VAL(index), v);
    return spy_list__set_slow(list, index, spy_int_box(v));
}

static inline int spy_list_setbool(PyObject *list, SpyInt index, char b)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(index)))
        return spy_list_setbool_i64(list, SPY_INT_VAL(index), b);
    return spy_list__set_slow(list, index, spy_new_ref(b ? Py_True : Py_False));
}

static inline int spy_list_setfloat(PyObject *list, SpyInt index, double d)
{
    if (SPY_LIKELY(SPY_INT_IS_SMALL(index)))
        return spy_list_setfloat_i64(list, SPY_INT_VAL(index), d);
    return spy_list__set_slow(list, index, PyFloat_FromDouble(d));
}

/* A range() stop as int64_t, saturated: a stop beyond the int64 range is
 * replaced by the nearest limit, which a counting loop from an int64 start
 * would need 2**63 iterations to reach (the one place this differs). */
static inline int64_t spy_int_to_i64_sat(SpyInt x)
{
    int64_t r;
    if (SPY_LIKELY(SPY_INT_IS_SMALL(x)))
        return (int64_t)SPY_INT_VAL(x);
    if (spy_int_as_i64(x, &r) == 0)
        return r;
    PyErr_Clear();
    return _PyLong_Sign(SPY_INT_OBJ(x)) > 0 ? INT64_MAX : INT64_MIN;
}

/* len(o) for any object; -1 with an exception. */
static inline int64_t spy_len_i64(PyObject *o) { return (int64_t)PyObject_Size(o); }

static inline int spy_range_check_step_i64(int64_t step)
{
    if (SPY_LIKELY(step != 0))
        return 0;
    PyErr_SetString(PyExc_ValueError, "range() arg 3 must not be zero");
    return -1;
}

/* dir() in the module body: the sorted names of the module dict. */
static inline PyObject *spy_namespace_dir(PyObject *d)
{
    PyObject *names = PyDict_Keys(d);
    if (names && PyList_Sort(names) < 0)
        Py_CLEAR(names);
    return names;
}

#endif /* SPY_CONTAINERS_H */
