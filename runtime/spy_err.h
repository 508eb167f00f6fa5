/* spy_err.h — exceptions and values crossing the typed/untyped boundary.
 * Entry points: spy_traceback_add (a traceback entry naming the Python
 * file, line and function), spy_load_global (module globals, then builtins,
 * else the interpreter's NameError), the checked unboxers spy_unbox_int /
 * spy_unbox_float / spy_unbox_bool / spy_check_str / spy_check_none (for
 * values of unknown type flowing into typed slots; their "expected int, got
 * str" wording is the project's), and the boxers spy_bool_box / spy_none. */
#ifndef SPY_ERR_H
#define SPY_ERR_H

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>
#include "spy_int.h"
#include "spy_float.h"

#if PY_VERSION_HEX >= 0x030D0000
/* Exported by libpython 3.9–3.13, but 3.13 moved its declaration to the
 * internal headers (pycore_traceback.h), which need Py_BUILD_CORE. It is the
 * only way to add a frame-like traceback entry without building code and
 * frame objects ourselves. */
PyAPI_FUNC(void) _PyTraceback_Add(const char *, const char *, int);
#endif

/* What a compiled function declared to return `float` or a fixed-width int
 * hands back: the value and, apart from it, whether it failed.  A caller
 * that inlines the function then sees the flag is a constant 0 on the
 * normal path and drops its test; a sentinel value (-1.0, then
 * PyErr_Occurred()) could never be dropped, since -1.0 is also a result.
 * In registers both ways (x86-64 and AArch64 return such a pair in two). */
typedef struct SpyRetFloat {
    double v;
    int failed;
} SpyRetFloat;

typedef struct SpyRetI64 {
    int64_t v;
    int failed;
} SpyRetI64;

/* Add (filename, line, funcname) to the current exception's traceback, as
 * the interpreter does when an exception passes through a Python frame. */
SPY_COLD void spy_traceback_add(const char *funcname, const char *filename, int line)
{
    _PyTraceback_Add(funcname, filename, line);
}

/* Calls between compiled functions are plain C calls, which the
 * interpreter's recursion check never sees; without a check of our own an
 * unbounded recursion overflows the C stack. Every native function takes
 * its depth (0 when entered from Python, caller's + 1 from native code) and
 * one that makes native calls compares it with st->depth_limit: a compare
 * of a register with a load, no stores, so recursive code stays fast. The
 * limit is sys.getrecursionlimit(), re-read here whenever the cached one is
 * passed (so raising it takes effect), and never more than SPY_DEPTH_MAX,
 * which keeps native frames well inside an 8 MiB stack. Returns nonzero,
 * with RecursionError set, when the call must not proceed. */
#define SPY_DEPTH_MAX 8000
SPY_COLD int spy_depth_exceeded(int depth, int *limit)
{
    int lim = Py_GetRecursionLimit();
    if (lim > SPY_DEPTH_MAX)
        lim = SPY_DEPTH_MAX;
    *limit = lim;
    if (depth <= lim)
        return 0;
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    return 1;
}

/* NameError "name 'x' is not defined", as LOAD_GLOBAL raises it (3.10+
 * also sets the exception's `name` attribute, used for suggestions). */
SPY_COLD PyObject *spy_err__name_error(PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    PyObject *msg, *exc;
    if (s == NULL)
        return NULL;
    msg = PyUnicode_FromFormat("name '%.200s' is not defined", s);
    if (msg == NULL)
        return NULL;
    exc = PyObject_CallOneArg(PyExc_NameError, msg);
    Py_DECREF(msg);
    if (exc == NULL)
        return NULL;
#if PY_VERSION_HEX >= 0x030A0000
    if (PyObject_SetAttrString(exc, "name", name) < 0) {
        Py_DECREF(exc);
        return NULL;
    }
#endif
    PyErr_SetObject(PyExc_NameError, exc);
    Py_DECREF(exc);
    return NULL;
}

SPY_COLD PyObject *spy_err__load_builtin(PyObject *builtins, PyObject *name)
{
    PyObject *v;
    if (PyDict_Check(builtins)) {
        v = PyDict_GetItemWithError(builtins, name);
        if (v != NULL) {
            Py_INCREF(v);
            return v;
        }
        if (PyErr_Occurred())
            return NULL;
        return spy_err__name_error(name);
    }
    v = PyObject_GetItem(builtins, name);
    if (v == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        return spy_err__name_error(name);
    }
    return v;
}

/* New reference to globals[name], else builtins[name], else NameError.
 * `builtins` is the builtins dict, passed in: the runtime keeps no state. */
/* A global read site's memo: the value found when the module dict (and
 * the builtins dict) had these versions.  Every change to a dict gives it
 * a new version, so an equal version means the borrowed value is still
 * the one bound to the name. */
typedef struct SpyGlobalCache {
    uint64_t globals_version, builtins_version;
    PyObject *value; /* borrowed from one of the two dicts */
    /* What a typed read site learnt about that value, reset with it: */
    SpyInt small;          /* the value as a small int, else SPY_INT_ERR */
    PyTypeObject *checked; /* a native class the value is an instance of */
} SpyGlobalCache;

#if PY_VERSION_HEX >= 0x030C0000
/* ma_version_tag is deprecated from 3.12 on (still maintained through
 * 3.13, which is as far as this runtime goes). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
static inline uint64_t spy_dict_version(PyObject *d)
{
    return ((PyDictObject *)d)->ma_version_tag;
}
#if PY_VERSION_HEX >= 0x030C0000
#pragma GCC diagnostic pop
#endif

static inline PyObject *spy_load_global(PyObject *globals, PyObject *builtins,
                                        PyObject *name);

/* spy_load_global through a memo: a new reference, or NULL + NameError. */
static inline PyObject *spy_load_global_cached(PyObject *globals, PyObject *builtins,
                                               PyObject *name, SpyGlobalCache *c)
{
    uint64_t gv = spy_dict_version(globals), bv = spy_dict_version(builtins);
    if (SPY_LIKELY(c->value && c->globals_version == gv && c->builtins_version == bv)) {
        Py_INCREF(c->value);
        return c->value;
    }
    PyObject *v = spy_load_global(globals, builtins, name);
    if (v) {
        c->value = v;
        c->globals_version = gv;
        c->builtins_version = bv;
        c->small = SPY_INT_ERR;
        c->checked = NULL;
    }
    return v;
}

static inline int spy_global_memo_valid(PyObject *globals, PyObject *builtins,
                                        const SpyGlobalCache *c)
{
    return c->value && c->globals_version == spy_dict_version(globals) &&
           c->builtins_version == spy_dict_version(builtins);
}

static inline SpyInt spy_unbox_int(PyObject *o);
static SPY_ALWAYS_INLINE inline int spy_expect_type(PyObject *o, PyTypeObject *t);

/* A global read where an int is expected (a module constant without
 * Final): while the dicts are unchanged, a small value is returned from
 * the memo with no lookup, incref or unboxing. */
SPY_COLD SpyInt spy_load_global_int__slow(PyObject *globals, PyObject *builtins,
                                          PyObject *name, SpyGlobalCache *c)
{
    PyObject *v = spy_load_global_cached(globals, builtins, name, c);
    if (!v)
        return SPY_INT_ERR;
    SpyInt r = spy_unbox_int(v);
    Py_DECREF(v);
    if (r != SPY_INT_ERR && SPY_INT_IS_SMALL(r))
        c->small = r;
    return r;
}

static SPY_ALWAYS_INLINE inline SpyInt spy_load_global_int(PyObject *globals,
                                                           PyObject *builtins, PyObject *name,
                                                           SpyGlobalCache *c)
{
    if (SPY_LIKELY(c->small != SPY_INT_ERR && spy_global_memo_valid(globals, builtins, c)))
        return c->small;
    return spy_load_global_int__slow(globals, builtins, name, c);
}

/* A loop copy's read of a module global int (emit/lower_version.c): the
 * value if it is a small int, else SPY_INT_ERR with no exception (the
 * copy then stops at the statement reading it, where the general code
 * reads it again and raises what the interpreter would). */
SPY_COLD SpyInt spy_peek_global_int__not_small(SpyInt r)
{
    if (r == SPY_INT_ERR)
        PyErr_Clear();
    else
        spy_int_decref(r);
    return SPY_INT_ERR;
}

static inline SpyInt spy_peek_global_int(PyObject *globals, PyObject *builtins, PyObject *name,
                                         SpyGlobalCache *c)
{
    SpyInt r = spy_load_global_int(globals, builtins, name, c);
    return SPY_LIKELY(SPY_INT_IS_SMALL(r)) ? r : spy_peek_global_int__not_small(r);
}

/* A global read where an instance of native class t is expected: the
 * type is checked once per binding. */
SPY_COLD PyObject *spy_load_global_typed__slow(PyObject *globals, PyObject *builtins,
                                               PyObject *name, SpyGlobalCache *c,
                                               PyTypeObject *t)
{
    PyObject *v = spy_load_global_cached(globals, builtins, name, c);
    if (SPY_LIKELY(v && c->checked == t))
        return v;
    if (v && spy_expect_type(v, t) < 0)
        Py_CLEAR(v);
    else if (v)
        c->checked = t;
    return v;
}

static SPY_ALWAYS_INLINE inline PyObject *spy_load_global_typed(PyObject *globals,
                                                               PyObject *builtins,
                                                               PyObject *name, SpyGlobalCache *c,
                                                               PyTypeObject *t)
{
    if (SPY_LIKELY(c->checked == t && spy_global_memo_valid(globals, builtins, c))) {
        Py_INCREF(c->value);
        return c->value;
    }
    return spy_load_global_typed__slow(globals, builtins, name, c, t);
}

static inline PyObject *spy_load_global(PyObject *globals, PyObject *builtins,
                                        PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(globals, name);
    if (SPY_LIKELY(v != NULL)) {
        Py_INCREF(v);
        return v;
    }
    if (PyErr_Occurred())
        return NULL;
    return spy_err__load_builtin(builtins, name);
}

SPY_COLD void spy_err__expected(const char *what, PyObject *got)
{
    PyErr_Format(PyExc_TypeError, "expected %s, got %.200s", what,
                 Py_TYPE(got)->tp_name);
}

/* int or a subclass (bool included); SPY_INT_ERR + TypeError otherwise. */
SPY_COLD SpyInt spy_unbox_int__slow(PyObject *o)
{
    if (PyLong_Check(o))
        return spy_int__from_long_slow(o);
    spy_err__expected("int", o);
    return SPY_INT_ERR;
}

/* An exact int of one digit inline; anything else out of line. */
static inline SpyInt spy_unbox_int(PyObject *o)
{
    if (SPY_LIKELY(PyLong_CheckExact(o)))
        return spy_int_from_long_object(o);
    return spy_unbox_int__slow(o);
}

/* float or int; -1.0 + exception otherwise. */
static inline double spy_unbox_float(PyObject *o)
{
    return spy_float_from_object(o);
}

/* Exactly bool: 0 or 1; 2 + TypeError otherwise. */
static inline char spy_unbox_bool(PyObject *o)
{
    if (SPY_LIKELY(o == Py_True))
        return 1;
    if (SPY_LIKELY(o == Py_False))
        return 0;
    spy_err__expected("bool", o);
    return 2;
}

/* o itself (borrowed) if it is a str, else NULL + TypeError. */
static inline PyObject *spy_check_str(PyObject *o)
{
    if (SPY_LIKELY(PyUnicode_Check(o)))
        return o;
    spy_err__expected("str", o);
    return NULL;
}

/* 0 if o is None, else -1 + TypeError. */
static inline int spy_check_none(PyObject *o)
{
    if (SPY_LIKELY(o == Py_None))
        return 0;
    spy_err__expected("None", o);
    return -1;
}

static inline PyObject *spy_bool_box(int b)
{
    PyObject *r = b ? Py_True : Py_False;
    Py_INCREF(r);
    return r;
}

static inline PyObject *spy_none(void)
{
    Py_INCREF(Py_None);
    return Py_None;
}

#endif /* SPY_ERR_H */
