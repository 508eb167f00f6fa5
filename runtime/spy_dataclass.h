/*
 * spy_dataclass.h — native @dataclass classes at run time: the stand-in
 * class the real decorator runs on, whose methods are copied onto the
 * native type (spy_dataclass_finish), the decorator's __eq__, __hash__,
 * order methods and __repr__ in C, and the __setstate__ of frozen ones.
 */
#ifndef SPY_DATACLASS_H
#define SPY_DATACLASS_H

/* Is key one of the space-separated names of own (which starts and ends
 * with a space)? */
static int spy__own_name(PyObject *key, const char *own)
{
    const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
    if (!k)
        return 0;
    size_t n = strlen(k);
    for (const char *p = strstr(own, k); p; p = strstr(p + 1, k))
        if (p[-1] == ' ' && p[n] == ' ')
            return 1;
    return 0;
}

/* __setstate__ of a native frozen dataclass: the state of its __reduce__
 * (spy_native_reduce: None and {field: value}) stored as object.__setattr__
 * stores, around the decorator's __setattr__, which raises
 * FrozenInstanceError (pickle and copy would call it). */
static PyObject *spy__frozen_setstate(PyObject *self, PyObject *state)
{
    PyObject *attrs = PyTuple_Check(state) && PyTuple_GET_SIZE(state) == 2
                          ? PyTuple_GET_ITEM(state, 1) : NULL;
    if (!attrs || !PyDict_Check(attrs)) {
        PyErr_SetString(PyExc_TypeError, "__setstate__ expects (None, {field: value})");
        return NULL;
    }
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(attrs, &pos, &key, &value))
        if (PyObject_GenericSetAttr(self, key, value) < 0)
            return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef spy__frozen_setstate_def = {
    "__setstate__", spy__frozen_setstate, METH_O,
    "Restores the fields of a frozen dataclass (pickle, copy)."};

/* The accessor of a native field (its getset getter). */
typedef PyObject *(*SpyFieldGetter)(PyObject *, void *);

/* Is other.__class__ self's type (the test of the decorator's __eq__)? */
static int spy__same_class(PyObject *self, PyObject *other)
{
    if (Py_TYPE(other) == Py_TYPE(self))
        return 1;
    PyObject *cls = PyObject_GetAttrString(other, "__class__");
    int same = cls == (PyObject *)Py_TYPE(self);
    Py_XDECREF(cls);
    return cls ? same : -1;
}

/* (self.f1, self.f2, ...) of a native dataclass's fields. */
static PyObject *spy__field_tuple(PyObject *self, const SpyFieldGetter *get, int n)
{
    PyObject *t = PyTuple_New(n);
    for (int i = 0; t && i < n; i++) {
        PyObject *v = get[i](self, NULL);
        if (!v)
            Py_CLEAR(t);
        else
            PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

/* The decorator's __eq__, natively: on 3.13 `self is other or
 * (same class and self.f1 == other.f1 and ...)`, before it the fields'
 * tuples compared (same class), else NotImplemented. */
__attribute__((unused, noinline)) static PyObject *spy_dataclass_eq(PyObject *self, PyObject *other,
                                                                   const SpyFieldGetter *get, int n)
{
#if PY_VERSION_HEX >= 0x030D0000
    if (self == other)
        Py_RETURN_TRUE;
#endif
    int same = spy__same_class(self, other);
    if (same <= 0)
        return same < 0 ? NULL : spy_new_ref(Py_NotImplemented);
#if PY_VERSION_HEX >= 0x030D0000
    if (n == 0)
        Py_RETURN_TRUE;
    for (int i = 0; i < n; i++) {
        PyObject *a = get[i](self, NULL), *b = a ? get[i](other, NULL) : NULL;
        PyObject *r = b ? PyObject_RichCompare(a, b, Py_EQ) : NULL;
        Py_XDECREF(a);
        Py_XDECREF(b);
        if (!r || i == n - 1)
            return r;
        int t = PyObject_IsTrue(r);
        if (t <= 0) { /* `and` gives the first false operand */
            if (t < 0)
                Py_CLEAR(r);
            return r;
        }
        Py_DECREF(r);
    }
    Py_RETURN_TRUE;
#else
    PyObject *a = spy__field_tuple(self, get, n), *b = a ? spy__field_tuple(other, get, n) : NULL;
    PyObject *r = b ? PyObject_RichCompare(a, b, Py_EQ) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    return r;
#endif
}

/* The decorator's __lt__, __le__, __gt__ and __ge__ (order=True),
 * natively: the fields' tuples compared (same class), else
 * NotImplemented. */
__attribute__((unused, noinline)) static PyObject *spy_dataclass_order(PyObject *self, PyObject *other,
                                                                      const SpyFieldGetter *get, int n,
                                                                      int op)
{
    int same = spy__same_class(self, other);
    if (same <= 0)
        return same < 0 ? NULL : spy_new_ref(Py_NotImplemented);
    PyObject *a = spy__field_tuple(self, get, n), *b = a ? spy__field_tuple(other, get, n) : NULL;
    PyObject *r = b ? PyObject_RichCompare(a, b, op) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    return r;
}

/* The decorator's __repr__, natively: `Qualname(f1=repr1, f2=repr2)`,
 * "..." for an instance already being repr'd in this thread (as its
 * reprlib.recursive_repr wrapper does). */
__attribute__((unused, noinline)) static PyObject *spy_dataclass_repr(PyObject *self,
                                                                     const SpyFieldGetter *get,
                                                                     const char *const *names, int n)
{
    int busy = Py_ReprEnter(self);
    if (busy != 0)
        return busy > 0 ? PyUnicode_FromString("...") : NULL;
    /* self.__class__.__qualname__: native types are heap types, and
     * assigning __qualname__ sets ht_qualname */
    PyObject *qual = ((PyHeapTypeObject *)Py_TYPE(self))->ht_qualname;
    PyObject *parts = PyTuple_New(n);
    for (int i = 0; parts && i < n; i++) {
        PyObject *v = get[i](self, NULL);
        PyObject *item = v ? PyUnicode_FromFormat("%s=%R", names[i], v) : NULL;
        Py_XDECREF(v);
        if (!item)
            Py_CLEAR(parts);
        else
            PyTuple_SET_ITEM(parts, i, item);
    }
    PyObject *sep = parts ? PyUnicode_FromString(", ") : NULL;
    PyObject *inner = sep ? PyUnicode_Join(sep, parts) : NULL;
    PyObject *r = inner ? PyUnicode_FromFormat("%U(%U)", qual, inner) : NULL;
    Py_XDECREF(inner);
    Py_XDECREF(sep);
    Py_XDECREF(parts);
    Py_ReprLeave(self);
    return r;
}

/* The decorator's __hash__, natively: hash((self.f1, self.f2, ...)). */
__attribute__((unused, noinline)) static PyObject *spy_dataclass_hash(PyObject *self,
                                                                     const SpyFieldGetter *get, int n)
{
    PyObject *t = spy__field_tuple(self, get, n);
    Py_hash_t h = t ? PyObject_Hash(t) : -1;
    Py_XDECREF(t);
    return h == -1 ? NULL : PyLong_FromSsize_t(h);
}

/* A native @dataclass: run the stand-in class statements srcs[0..n) (the
 * decorator, the header and the field statements of the class, after
 * those of the dataclasses it derives from, root first, so that each
 * header finds its base's stand-in) in one namespace with the module's
 * globals, and copy onto the native type what the decorator put
 * in the stand-in's namespace (__repr__, __eq__, __hash__, the order
 * methods, __match_args__, __dataclass_fields__, ...), except the names
 * in own: what the class body defines itself (the decorator leaves those
 * alone too), its fields' defaults and the generated __init__, which is
 * native.  0, or -1 with the exception (the decorator's, for a field it
 * rejects, as interpreted). */
__attribute__((unused, noinline)) static int spy_dataclass_finish(PyObject *type, PyObject *globals,
                                                                 PyObject *const *srcs, int n,
                                                                 PyObject *filename, int future_ann,
                                                                 const char *own, PyMethodDef *native)
{
    /* (__getstate__/__setstate__: slots=True's, for a state the native
     * __reduce__ does not make) */
    static const char *const never =
        " __module__ __qualname__ __dict__ __weakref__ __init__ __firstlineno__"
        " __static_attributes__ __getstate__ __setstate__ ";
    if (spy_ensure_builtins(globals) < 0)
        return -1;
    PyCompilerFlags flags = {0, PY_MINOR_VERSION};
    if (future_ann)
        flags.cf_flags |= CO_FUTURE_ANNOTATIONS;
    PyObject *ns = PyDict_New();
    int rc = ns ? 0 : -1;
    for (int i = 0; i < n && rc == 0; i++) {
        const char *text = PyUnicode_AsUTF8(srcs[i]);
        PyObject *code = text ? Py_CompileStringObject(text, filename, Py_file_input, &flags, -1)
                              : NULL;
        PyObject *r = code ? PyEval_EvalCode(code, globals, ns) : NULL;
        rc = r ? 0 : -1;
        Py_XDECREF(r);
        Py_XDECREF(code);
    }
    PyObject *stand_in = rc == 0 ? PyDict_GetItemWithError(ns, ((PyHeapTypeObject *)type)->ht_name)
                                 : NULL;
    if (rc == 0 && !(stand_in && PyType_Check(stand_in))) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "the dataclass decorator did not return a class");
        rc = -1;
    }
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    PyTypeObject *tp = (PyTypeObject *)type;
    while (rc == 0 && PyDict_Next(((PyTypeObject *)stand_in)->tp_dict, &pos, &key, &value)) {
        if (spy__own_name(key, never) || spy__own_name(key, own))
            continue;
        PyMethodDef *d = native; /* __eq__ and __hash__ made natively */
        while (d && d->ml_name && PyUnicode_CompareWithASCIIString(key, d->ml_name) != 0)
            d++;
        PyObject *made = NULL;
        if (d && d->ml_name && value != Py_None && !(made = PyDescr_NewMethod(tp, d))) {
            rc = -1;
            break;
        }
        rc = PyObject_SetAttr(type, key, made ? made : value);
        Py_XDECREF(made);
    }
    Py_XDECREF(ns);
    if (rc == 0 && tp->tp_setattro != PyObject_GenericSetAttr &&
        !strstr(own, " __setstate__ ")) {
        PyObject *d = PyDescr_NewMethod(tp, &spy__frozen_setstate_def);
        rc = d ? PyObject_SetAttrString(type, "__setstate__", d) : -1;
        Py_XDECREF(d);
    }
    return rc;
}

#endif /* SPY_DATACLASS_H */
