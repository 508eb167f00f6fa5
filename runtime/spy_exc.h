/* spy_exc.h — try/except support: taking the raised exception as the
 * handled one (what sys.exc_info() reports inside the handler), matching
 * it against an except clause, restoring the previously handled
 * exception when the handler ends, and re-raising.  3.11 and later have
 * the handled-exception API; 3.9 and 3.10 use the exc_info triple. */
#ifndef SPY_EXC_H
#define SPY_EXC_H

/* The exception being handled, or None: a new reference. */
static inline PyObject *spy_exc_handled(void)
{
#if PY_VERSION_HEX >= 0x030B0000
    PyObject *e = PyErr_GetHandledException();
#else
    PyObject *t, *e, *tb;
    PyErr_GetExcInfo(&t, &e, &tb);
    Py_XDECREF(t);
    Py_XDECREF(tb);
#endif
    if (!e) {
        e = Py_None;
        Py_INCREF(e);
    }
    return e;
}

/* Makes e (borrowed; None for none) the handled exception. */
static inline void spy_exc_set_handled(PyObject *e)
{
#if PY_VERSION_HEX >= 0x030B0000
    PyErr_SetHandledException(e == Py_None ? NULL : e);
#else
    if (e == Py_None) {
        PyErr_SetExcInfo(NULL, NULL, NULL);
        return;
    }
    PyObject *t = (PyObject *)Py_TYPE(e);
    Py_INCREF(t);
    Py_INCREF(e);
    PyErr_SetExcInfo(t, e, PyException_GetTraceback(e));
#endif
}

/* Takes the raised exception (with its traceback) out of the error
 * indicator and makes it the handled one.  A new reference. */
static inline PyObject *spy_exc_take(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    if (tb && v)
        PyException_SetTraceback(v, tb);
    Py_XDECREF(t);
    Py_XDECREF(tb);
    if (!v) {
        v = Py_None;
        Py_INCREF(v);
    }
    spy_exc_set_handled(v);
    return v;
}

/* `except cls:` — 1 match, 0 no match, -1 when cls is not an exception
 * class (or a tuple of them), with the interpreter's TypeError. */
static inline int spy_exc_matches(PyObject *exc, PyObject *cls)
{
    if (PyTuple_Check(cls)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(cls); i++)
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(cls, i)))
                goto bad;
    } else if (!PyExceptionClass_Check(cls)) {
        goto bad;
    }
    return PyErr_GivenExceptionMatches(exc, cls);
bad:
    PyErr_SetString(PyExc_TypeError,
                     "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* Raises exc again (its traceback kept) and restores the previously
 * handled exception.  Always NULL. */
static inline PyObject *spy_exc_reraise(PyObject *exc, PyObject *prev)
{
    spy_exc_set_handled(prev);
    Py_INCREF(exc);
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *t = (PyObject *)Py_TYPE(exc);
    Py_INCREF(t);
    PyErr_Restore(t, exc, tb);
    return NULL;
}

/* Bare `raise`: the handled exception again, or RuntimeError. */
static inline PyObject *spy_exc_reraise_handled(void)
{
    PyObject *e = spy_exc_handled();
    if (e == Py_None) {
        Py_DECREF(e);
        PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
        return NULL;
    }
    PyObject *tb = PyException_GetTraceback(e);
    PyObject *t = (PyObject *)Py_TYPE(e);
    Py_INCREF(t);
    PyErr_Restore(t, e, tb);
    return NULL;
}

/* Leaving a handler: the previous handled exception is back.  Always 0. */
static inline int spy_exc_end(PyObject *prev)
{
    spy_exc_set_handled(prev);
    return 0;
}

/* Lets an error keep propagating after a handler's cleanup.  Always 0;
 * the generated code then jumps to the next error target. */
static inline int spy_propagate(void) { return 0; }

/* `raise exc from cause`: always NULL. */
static inline PyObject *spy_raise_from(PyObject *exc, PyObject *cause)
{
    PyObject *value = exc;
    if (PyExceptionClass_Check(exc)) {
        value = PyObject_CallNoArgs(exc);
        if (!value)
            return NULL;
        if (!PyExceptionInstance_Check(value)) {
            PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance of "
                         "BaseException, not %s", exc, Py_TYPE(value)->tp_name);
            Py_DECREF(value);
            return NULL;
        }
    } else if (!PyExceptionInstance_Check(exc)) {
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        return NULL;
    } else {
        Py_INCREF(value);
    }
    PyObject *c = NULL;
    if (PyExceptionClass_Check(cause)) {
        c = PyObject_CallNoArgs(cause);
        if (!c) {
            Py_DECREF(value);
            return NULL;
        }
        if (!PyExceptionInstance_Check(c)) {
            PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance of "
                         "BaseException, not %s", cause, Py_TYPE(c)->tp_name);
            Py_DECREF(c);
            Py_DECREF(value);
            return NULL;
        }
    } else if (PyExceptionInstance_Check(cause)) {
        c = cause;
        Py_INCREF(c);
    } else if (cause != Py_None) {
        PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
        Py_DECREF(value);
        return NULL;
    }
    PyException_SetCause(value, c); /* steals c; NULL (from None) suppresses context */
    PyErr_SetObject((PyObject *)Py_TYPE(value), value);
    Py_DECREF(value);
    return NULL;
}

/* ---- with ---------------------------------------------------------------- */

/* type(o).name bound to o, like the interpreter's special-method lookup;
 * NULL without an exception when there is none. */
static inline PyObject *spy_lookup_special(PyObject *o, const char *name)
{
    PyObject *f = PyObject_GetAttrString((PyObject *)Py_TYPE(o), name);
    if (!f) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
        return NULL;
    }
    descrgetfunc get = Py_TYPE(f)->tp_descr_get;
    if (get) {
        PyObject *bound = get(f, o, (PyObject *)Py_TYPE(o));
        Py_DECREF(f);
        return bound;
    }
    return f;
}

SPY_COLD PyObject *spy_with__not_cm(PyObject *mgr, const char *missing)
{
#if PY_VERSION_HEX >= 0x030B0000
    if (!strcmp(missing, "__enter__"))
        PyErr_Format(PyExc_TypeError,
                     "'%.200s' object does not support the context manager protocol",
                     Py_TYPE(mgr)->tp_name);
    else
        PyErr_Format(PyExc_TypeError,
                     "'%.200s' object does not support the context manager protocol "
                     "(missed __exit__ method)", Py_TYPE(mgr)->tp_name);
#else
    (void)mgr;
    PyErr_SetString(PyExc_AttributeError, missing);
#endif
    return NULL;
}

/* The bound __exit__ of a context manager (after checking __enter__
 * exists, in the interpreter's order).  A new reference. */
static inline PyObject *spy_with_exit_fn(PyObject *mgr)
{
    PyObject *enter = spy_lookup_special(mgr, "__enter__");
    if (!enter)
        return PyErr_Occurred() ? NULL : spy_with__not_cm(mgr, "__enter__");
    Py_DECREF(enter);
    PyObject *exit = spy_lookup_special(mgr, "__exit__");
    if (!exit && !PyErr_Occurred())
        return spy_with__not_cm(mgr, "__exit__");
    return exit;
}

/* mgr.__enter__(): a new reference. */
static inline PyObject *spy_with_enter(PyObject *mgr)
{
    PyObject *enter = spy_lookup_special(mgr, "__enter__");
    if (!enter)
        return PyErr_Occurred() ? NULL : spy_with__not_cm(mgr, "__enter__");
    PyObject *r = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    return r;
}

/* __exit__(None, None, None) after the body completed or left. */
static inline PyObject *spy_with_exit_ok(PyObject *exit)
{
    return PyObject_CallFunctionObjArgs(exit, Py_None, Py_None, Py_None, NULL);
}

/* __exit__(type, value, traceback) for an exception: 1 to suppress it. */
static inline int spy_with_exit_exc(PyObject *exit, PyObject *exc)
{
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *r = PyObject_CallFunctionObjArgs(exit, (PyObject *)Py_TYPE(exc), exc,
                                               tb ? tb : Py_None, NULL);
    Py_XDECREF(tb);
    if (!r)
        return -1;
    int t = PyObject_IsTrue(r);
    Py_DECREF(r);
    return t;
}

#endif /* SPY_EXC_H */
