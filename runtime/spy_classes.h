/* spy_classes.h — support for native classes: reading and writing the
 * struct fields that hold attributes (an unset attribute raises the
 * interpreter's AttributeError), instance type checks, and turning the
 * (tuple, dict) arguments of tp_new into the vectorcall form the
 * generated argument binder takes. */
#ifndef SPY_CLASSES_H
#define SPY_CLASSES_H

/* Deallocs of native instances in progress, one inside another
 * (spy_dealloc_<Class>): a bound on how deep freeing a chain of them
 * recurses before the interpreter's trashcan is used.  Counting here
 * costs an increment; the trashcan's calls on every dealloc cost more.
 * With the GIL the count is this module's, shared by its threads: each
 * thread's own depth is at most the count, so the bound still holds, and
 * a plain static costs no __tls_get_addr call (a _Thread_local in a
 * shared object does).  Without the GIL it is per thread. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((unused))
#endif
#ifdef Py_GIL_DISABLED
static _Thread_local int spy_dealloc_nesting;
#else
static int spy_dealloc_nesting;
#endif
#define SPY_DEALLOC_NESTING_MAX 100

/* A new instance of exactly a native class (spy_subclass_alloc makes a
 * Python subclass's): the object header is set and the heap
 * type referenced, as tp_alloc does, but the fields are left for the
 * caller to set and a GC type is not tracked yet.  The generated
 * spy_new_<Class> sets every field, then tracks the object. */
static inline PyObject *spy_instance_alloc(PyTypeObject *tp, int gc)
{
    return gc ? PyObject_GC_New(PyObject, tp) : PyObject_New(PyObject, tp);
}

/* Bit 0 of a native instance's defined[0]: it is an instance of a Python
 * subclass, whose vtable holds trampolines (see emit/cgen_subclass.c). */
#define SPY_PYTHON_SUBCLASS_BIT ((uint64_t)1)

/* The native class a type is or derives from: the first type up the
 * tp_base chain that a module made from a spec (a Python subclass has no
 * ht_module; its solid base, the native class, does). */
static inline PyTypeObject *spy_native_type(PyTypeObject *t)
{
    while (t && !((t->tp_flags & Py_TPFLAGS_HEAPTYPE) && ((PyHeapTypeObject *)t)->ht_module))
        t = t->tp_base;
    return t;
}

/* The closure of a native @property's getset entry, which tells it from
 * a field's: pickle and copy save fields only. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((unused))
#endif
static char spy_property_tag;
#define SPY_PROPERTY_CLOSURE ((void *)&spy_property_tag)

/* (mod.__staticpy_reconstruct__, (type,), state) for self; steals state. */
SPY_COLD PyObject *spy_reduce_with(PyObject *self, PyObject *state)
{
    if (!state)
        return NULL;
    PyTypeObject *native = spy_native_type(Py_TYPE(self));
    PyObject *mod = native ? PyType_GetModule(native) : NULL;
    PyObject *fn = mod ? PyObject_GetAttrString(mod, "__staticpy_reconstruct__") : NULL;
    PyObject *res = fn ? Py_BuildValue("(O(O)O)", fn, (PyObject *)Py_TYPE(self), state) : NULL;
    Py_XDECREF(fn);
    Py_DECREF(state);
    return res;
}

#if PY_VERSION_HEX < 0x030C0000
#define SPY_T_OBJECT_EX T_OBJECT_EX
#define SPY_READONLY READONLY
#else
#define SPY_T_OBJECT_EX Py_T_OBJECT_EX
#define SPY_READONLY Py_READONLY
#endif

/* The assigned `__slots__` of class t (a Python subclass or mixin) into
 * attrs, unless a class before it in the MRO put the name there.  0, or
 * -1 with an exception. */
SPY_COLD int spy_save_slots(PyObject *self, PyTypeObject *t, PyObject *attrs)
{
    if (!(t->tp_flags & Py_TPFLAGS_HEAPTYPE) || !t->tp_members)
        return 0;
    for (PyMemberDef *m = t->tp_members; m->name; m++) {
        if (m->type != SPY_T_OBJECT_EX || (m->flags & SPY_READONLY))
            continue;
        PyObject *v = PyMember_GetOne((const char *)self, m);
        if (!v) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError))
                return -1;
            PyErr_Clear(); /* not assigned */
            continue;
        }
        PyObject *key = PyUnicode_FromString(m->name);
        int r = key ? PyDict_SetDefault(attrs, key, v) ? 0 : -1 : -1;
        Py_XDECREF(key);
        Py_DECREF(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* obj.__reduce__() of a native instance (pickle, copy.copy, deepcopy):
 * (mod.__staticpy_reconstruct__, (type,), (None, {attribute: value})),
 * the None being a Python subclass's instance dict if it has one.
 * The reconstructor makes a blank instance (spy_blank_<Class>); pickle
 * and copy then set each attribute through its descriptor, checked as an
 * assignment from Python is.  The attributes are the fields (getset
 * entries with a setter) of the type and its native bases, and the
 * `__slots__` of its Python subclasses; unassigned ones are left out. */
SPY_COLD PyObject *spy_native_reduce(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *attrs = PyDict_New();
    if (!attrs)
        return NULL;
    PyObject *mro = Py_TYPE(self)->tp_mro;
    for (Py_ssize_t i = 0; mro && i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *t = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (spy_native_type(t) != t) { /* object, a Python subclass or mixin */
            if (spy_save_slots(self, t, attrs) < 0)
                goto fail;
            continue;
        }
        if (!t->tp_getset)
            continue;
        for (PyGetSetDef *g = t->tp_getset; g->name; g++) {
            if (!g->set || g->closure == SPY_PROPERTY_CLOSURE) /* a native @property */
                continue;
            PyObject *v = g->get(self, g->closure);
            if (!v && PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear(); /* not assigned */
                continue;
            }
            int r = v ? PyDict_SetItemString(attrs, g->name, v) : -1;
            Py_XDECREF(v);
            if (r < 0)
                goto fail;
        }
    }
    /* a Python subclass's instance dict, which copy and pickle update */
    PyObject *dict = spy_native_type(Py_TYPE(self)) == Py_TYPE(self) ? NULL
                   : PyObject_GetAttrString(self, "__dict__");
    if (!dict) {
        if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_AttributeError))
            goto fail;
        PyErr_Clear();
    }
    PyObject *state = PyTuple_Pack(2, dict && PyDict_GET_SIZE(dict) ? dict : Py_None, attrs);
    Py_XDECREF(dict);
    Py_DECREF(attrs);
    return spy_reduce_with(self, state);
fail:
    Py_DECREF(attrs);
    return NULL;
}

/* The same for a class with its own __getstate__: its state, which pickle
 * and copy hand to its __setstate__. */
SPY_COLD PyObject *spy_native_reduce_getstate(PyObject *self, PyObject *unused)
{
    (void)unused;
    return spy_reduce_with(self, PyObject_CallMethod(self, "__getstate__", NULL));
}

/* A class's name as the interpreter prints it in messages: a native
 * type's tp_name is "module.Class", a class statement's just "Class". */
static inline const char *spy_type_name(PyTypeObject *t)
{
    const char *dot = (t->tp_flags & Py_TPFLAGS_HEAPTYPE) ? strrchr(t->tp_name, '.') : NULL;
    return dot ? dot + 1 : t->tp_name;
}

/* A class statement run by the interpreter fills the type's slots from
 * its special methods (type_new's fixup_slot_dispatchers: __add__ becomes
 * nb_add, __eq__ tp_richcompare, __len__ sq_length and mp_length, ...),
 * and a class defining __eq__ without __hash__ gets __hash__ = None.  A
 * type made from a spec has only the methods in its dict; setting each
 * one again through type.__setattr__ runs the interpreter's update_slot
 * for it, so `a + b`, `len(a)`, `a == b` and friends reach them exactly as
 * they would reach the methods of a class statement.  names ends in NULL. */
SPY_COLD int spy_type_wire_dunders(PyObject *type, const char *const *names, int hash_none)
{
    if (hash_none && PyObject_SetAttrString(type, "__hash__", Py_None) < 0)
        return -1;
    for (; *names; names++) {
        PyObject *m = PyDict_GetItemString(((PyTypeObject *)type)->tp_dict, *names);
        if (m) {
            Py_INCREF(m);
            int rc = PyObject_SetAttrString(type, *names, m);
            Py_DECREF(m);
            if (rc < 0)
                return -1;
        }
    }
    return 0;
}

SPY_COLD void spy_no_attr(PyObject *self, const char *name)
{
    PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%.200s'",
                 spy_type_name(Py_TYPE(self)), name);
}

static inline PyObject *spy_field_get_obj(PyObject *v, PyObject *self, const char *name)
{
    if (SPY_LIKELY(v != NULL)) {
        Py_INCREF(v);
        return v;
    }
    spy_no_attr(self, name);
    return NULL;
}

static inline SpyInt spy_field_get_int(SpyInt v, PyObject *self, const char *name)
{
    if (SPY_LIKELY(v != SPY_INT_ERR)) {
        spy_int_incref(v);
        return v;
    }
    spy_no_attr(self, name);
    return SPY_INT_ERR;
}

/* The same reads without a reference of their own, where the value is only
 * looked at while nothing can change the field (emit/borrow.c).  Written
 * out rather than the get forms calling them: gcc keeps the incref inside
 * the likely branch only this way (richards +1.7% instructions otherwise). */
static inline PyObject *spy_field_borrow_obj(PyObject *v, PyObject *self, const char *name)
{
    if (SPY_LIKELY(v != NULL))
        return v;
    spy_no_attr(self, name);
    return NULL;
}

static inline SpyInt spy_field_borrow_int(SpyInt v, PyObject *self, const char *name)
{
    if (SPY_LIKELY(v != SPY_INT_ERR))
        return v;
    spy_no_attr(self, name);
    return SPY_INT_ERR;
}

static inline double spy_field_get_float(double v, uint64_t defined, PyObject *self,
                                         const char *name)
{
    if (SPY_LIKELY(defined))
        return v;
    spy_no_attr(self, name);
    return -1.0;
}

static inline char spy_field_get_bool(char v, uint64_t defined, PyObject *self, const char *name)
{
    if (SPY_LIKELY(defined))
        return v;
    spy_no_attr(self, name);
    return 2;
}

static inline int64_t spy_field_get_i64(int64_t v, uint64_t defined, PyObject *self,
                                        const char *name)
{
    if (SPY_LIKELY(defined))
        return v;
    spy_no_attr(self, name);
    return (int64_t)-113; /* SPY_I64_ERR */
}

static inline void spy_field_set_obj(PyObject **slot, PyObject *v)
{
    Py_INCREF(v);
    Py_XSETREF(*slot, v);
}

static inline void spy_field_set_int(SpyInt *slot, SpyInt v)
{
    SpyInt old = *slot;
    spy_int_incref(v);
    *slot = v;
    spy_int_xdecref(old);
}

/* isinstance(o, t) for a native class t (which has no __instancecheck__).
 * An instance of t or of a direct subclass answers without walking the
 * MRO: a subclass's tp_base is a base, so `tp_base == t` is never wrong,
 * and it is the usual case (a Python or native subclass of t; a subclass
 * mixing in plain Python classes keeps t's layout in tp_base).  Anything
 * else asks PyType_IsSubtype. */
static SPY_ALWAYS_INLINE inline int spy_instance_near(PyObject *o, PyTypeObject *t)
{
    return Py_IS_TYPE(o, t) || Py_TYPE(o)->tp_base == t;
}

static SPY_ALWAYS_INLINE inline int spy_instance_of(PyObject *o, PyTypeObject *t)
{
    return spy_instance_near(o, t) || PyType_IsSubtype(Py_TYPE(o), t);
}

/* 0 if o is an instance of t, else -1 with TypeError. */
SPY_COLD int spy_expect_type__slow(PyObject *o, PyTypeObject *t)
{
    if (PyType_IsSubtype(Py_TYPE(o), t))
        return 0;
    PyErr_Format(PyExc_TypeError, "expected %s, got %s", t->tp_name, Py_TYPE(o)->tp_name);
    return -1;
}

/* The exact type or a direct subclass inline (the common cases: a narrowed
 * local used again, a subclass instance where its base is expected),
 * deeper subclasses and the error out of line. */
static SPY_ALWAYS_INLINE inline int spy_expect_type(PyObject *o, PyTypeObject *t)
{
    if (SPY_LIKELY(spy_instance_near(o, t)))
        return 0;
    return spy_expect_type__slow(o, t);
}

/* 0 unless o is None (then -1 with TypeError "expected C, got NoneType"). */
static inline int spy_expect_not_none(PyObject *o, const char *expected)
{
    if (SPY_LIKELY(o != Py_None))
        return 0;
    PyErr_Format(PyExc_TypeError, "expected %s, got NoneType", expected);
    return -1;
}

/* The module state of a native class or of a Python subclass's native
 * base (PyType_GetModuleState fails for the subclass). */
static inline void *spy_type_state(PyTypeObject *t)
{
    t = spy_native_type(t);
    if (!t) {
        PyErr_SetString(PyExc_SystemError, "no native base class");
        return NULL;
    }
    return PyModule_GetState(((PyHeapTypeObject *)t)->ht_module);
}

/* tp_alloc's instance of a Python subclass of a native class: zeroed (a
 * valid blank for the fields), sized and GC-tracked as the subclass
 * needs; the caller sets the vtable and the fields. */
static inline PyObject *spy_subclass_alloc(PyTypeObject *tp)
{
    return tp->tp_alloc(tp, 0);
}

/* Does type leave method `name` as base defines it?  _PyType_Lookup is
 * the interpreter's cached lookup of the MRO; both results are
 * borrowed. */
static inline int spy_inherits_method(PyTypeObject *type, PyTypeObject *base, PyObject *name)
{
    return _PyType_Lookup(type, name) == _PyType_Lookup(base, name);
}

/* Instantiating a Python subclass of an abstract native class: the
 * interpreter's TypeError when it still leaves one of the abstract
 * methods (names, sorted as the interpreter lists them) as base has it. */
SPY_COLD int spy_check_abstract(PyTypeObject *type, PyTypeObject *base, PyObject *const *names,
                                int n)
{
    PyObject *left = PyList_New(0);
    if (!left)
        return -1;
    for (int i = 0; i < n; i++) {
        PyObject *q = NULL;
        if (!spy_inherits_method(type, base, names[i]))
            continue;
#if PY_VERSION_HEX >= 0x030C0000
        q = PyUnicode_FromFormat("'%U'", names[i]);
#else
        q = names[i];
        Py_INCREF(q);
#endif
        if (!q || PyList_Append(left, q) < 0) {
            Py_XDECREF(q);
            Py_DECREF(left);
            return -1;
        }
        Py_DECREF(q);
    }
    Py_ssize_t k = PyList_GET_SIZE(left);
    if (!k) {
        Py_DECREF(left);
        return 0;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, left) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(left);
    if (!joined)
        return -1;
#if PY_VERSION_HEX >= 0x030C0000
    PyErr_Format(PyExc_TypeError, "Can't instantiate abstract class %s without an implementation "
                 "for abstract method%s %U", type->tp_name, k > 1 ? "s" : "", joined);
#else
    PyErr_Format(PyExc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
                 type->tp_name, k > 1 ? "s" : "", joined);
#endif
    Py_DECREF(joined);
    return -1;
}

/* type(...) of a type whose vectorcall is not its own (never inherited,
 * but a guard costs one compare): the interpreter's type call. */
SPY_COLD PyObject *spy_type_call(PyObject *type, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames)
{
    PyObject *tuple = NULL, *kw = NULL, *res = NULL;
    Py_ssize_t n = PyVectorcall_NARGS(nargsf), nk = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    tuple = PyTuple_New(n);
    if (!tuple)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_INCREF(args[i]);
        PyTuple_SET_ITEM(tuple, i, args[i]);
    }
    if (nk && !(kw = PyDict_New()))
        goto done;
    for (Py_ssize_t i = 0; i < nk; i++)
        if (PyDict_SetItem(kw, PyTuple_GET_ITEM(kwnames, i), args[n + i]) < 0)
            goto done;
    res = PyType_Type.tp_call(type, tuple, kw);
done:
    Py_DECREF(tuple);
    Py_XDECREF(kw);
    return res;
}

/* Positional arguments then keyword values, with their names, as a
 * vectorcall would pass them.  *stack must be released with
 * spy_vector_free. */
static inline int spy_vector_from(PyObject *args, PyObject *kwds, PyObject ***stack,
                                  Py_ssize_t *nargs, PyObject **kwnames)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args), nk = kwds ? PyDict_GET_SIZE(kwds) : 0;
    *nargs = n;
    *kwnames = NULL;
    *stack = PyMem_Malloc(sizeof(PyObject *) * (size_t)(n + nk + 1));
    if (!*stack) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        (*stack)[i] = PyTuple_GET_ITEM(args, i);
    if (nk) {
        *kwnames = PyTuple_New(nk);
        if (!*kwnames) {
            PyMem_Free(*stack);
            return -1;
        }
        Py_ssize_t pos = 0, i = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            Py_INCREF(k);
            PyTuple_SET_ITEM(*kwnames, i, k);
            (*stack)[n + i++] = v;
        }
    }
    return 0;
}

static inline void spy_vector_free(PyObject **stack, PyObject *kwnames)
{
    PyMem_Free(stack);
    Py_XDECREF(kwnames);
}

/* A class statement whose bases are not native classes: the metaclass of
 * the bases called with (name, bases, namespace).  A new reference. */
/* PEP 560: a base that is not a class (Generic[T], a NamedTuple
 * base's function) is replaced by what its __mro_entries__(bases) gives.
 * A new reference to the resolved bases (orig itself when none changed). */
SPY_COLD PyObject *spy__resolve_bases(PyObject *orig)
{
    PyObject *list = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(orig);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *b = PyTuple_GET_ITEM(orig, i), *meth;
        if (PyType_Check(b) || !(meth = PyObject_GetAttrString(b, "__mro_entries__"))) {
            if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_AttributeError))
                goto fail;
            PyErr_Clear();
            if (list && PyList_Append(list, b) < 0)
                goto fail;
            continue;
        }
        PyObject *entries = PyObject_CallOneArg(meth, orig);
        Py_DECREF(meth);
        if (!entries)
            goto fail;
        if (!PyTuple_Check(entries)) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            Py_DECREF(entries);
            goto fail;
        }
        if (!list) { /* the bases before this one, unchanged */
            PyObject *head = PyTuple_GetSlice(orig, 0, i);
            list = head ? PySequence_List(head) : NULL;
            Py_XDECREF(head);
            if (!list) {
                Py_DECREF(entries);
                goto fail;
            }
        }
        Py_ssize_t end = PyList_GET_SIZE(list);
        int r = PyList_SetSlice(list, end, end, entries);
        Py_DECREF(entries);
        if (r < 0)
            goto fail;
    }
    if (!list) {
        Py_INCREF(orig);
        return orig;
    }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
fail:
    Py_XDECREF(list);
    return NULL;
}

/* ns[key] = an int. */
__attribute__((unused)) static int spy__set_int_item(PyObject *ns, const char *key, long v)
{
    PyObject *x = PyLong_FromLong(v);
    int r = x ? PyMapping_SetItemString(ns, key, x) : -1;
    Py_XDECREF(x);
    return r;
}

/* The metaclass of a class with these bases: the most derived of their
 * types, or the interpreter's TypeError when two are unrelated. */
SPY_COLD PyObject *spy__metaclass(PyObject *bases)
{
    PyTypeObject *winner = &PyType_Type;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
        PyTypeObject *t = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, t))
            continue;
        if (PyType_IsSubtype(t, winner)) {
            winner = t;
            continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    Py_INCREF(winner);
    return (PyObject *)winner;
}

/* `class Name(bases): k = v ...` for bases that are not native classes,
 * as the interpreter's __build_class__ does it: bases resolved (PEP 560),
 * the metaclass found, its __prepare__ asked for the namespace (an Enum's
 * records members as they are set), the body's names set in order
 * (items: __module__, __qualname__, then the body's name, value, ...; from
 * 3.13 __firstlineno__ after __qualname__ and __static_attributes__ last,
 * as the interpreter's compiler adds them), then the metaclass called. */
static inline PyObject *spy_build_class(PyObject *name, PyObject *orig_bases, PyObject *items,
                                        int firstlineno)
{
    PyObject *bases = spy__resolve_bases(orig_bases), *meta = NULL, *ns = NULL, *cls = NULL;
    if (!bases || !(meta = spy__metaclass(bases)))
        goto done;
    PyObject *prepare = PyObject_GetAttrString(meta, "__prepare__");
    if (prepare) {
        ns = PyObject_CallFunctionObjArgs(prepare, name, bases, NULL);
        Py_DECREF(prepare);
        if (ns && !PyMapping_Check(ns)) {
            PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                         ((PyTypeObject *)meta)->tp_name, Py_TYPE(ns)->tp_name);
            Py_CLEAR(ns);
        }
    } else if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        ns = PyDict_New();
    }
    if (!ns)
        goto done;
    for (Py_ssize_t i = 0; i + 1 < PyTuple_GET_SIZE(items); i += 2) {
#if PY_VERSION_HEX >= 0x030D0000
        if (i == 4 && spy__set_int_item(ns, "__firstlineno__", firstlineno) < 0)
            goto done;
#endif
        if (PyObject_SetItem(ns, PyTuple_GET_ITEM(items, i), PyTuple_GET_ITEM(items, i + 1)) < 0)
            goto done;
    }
#if PY_VERSION_HEX >= 0x030D0000
    if (PyTuple_GET_SIZE(items) <= 4 && spy__set_int_item(ns, "__firstlineno__", firstlineno) < 0)
        goto done;
    PyObject *none = PyTuple_New(0); /* no method: no attribute assigned through self */
    int r = none ? PyMapping_SetItemString(ns, "__static_attributes__", none) : -1;
    Py_XDECREF(none);
    if (r < 0)
        goto done;
#else
    (void)firstlineno;
#endif
    if (bases != orig_bases && PyMapping_SetItemString(ns, "__orig_bases__", orig_bases) < 0)
        goto done;
    cls = PyObject_CallFunctionObjArgs(meta, name, bases, ns, NULL);
done:
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(bases);
    return cls;
}

/* ---- class-body defaults read through the class ----------------------------

 * `x: int = 0` in a native class body makes a field of every instance,
 * whose getset descriptor sits in the type's dict.  The interpreter's
 * `C.x` gives the class attribute, 0: this descriptor wraps the getset
 * (instances read and write their own field through it) and gives the
 * default when read through the class. */
typedef struct SpyFieldDefault {
    PyObject_HEAD
    PyObject *field;     /* the getset descriptor */
    PyObject *dflt;      /* the class-body value */
} SpyFieldDefault;

static PyObject *spy_field_default__get(PyObject *self, PyObject *obj, PyObject *type)
{
    SpyFieldDefault *fd = (SpyFieldDefault *)self;
    if (obj == NULL) {
        Py_INCREF(fd->dflt);
        return fd->dflt;
    }
    return Py_TYPE(fd->field)->tp_descr_get(fd->field, obj, type);
}

static int spy_field_default__set(PyObject *self, PyObject *obj, PyObject *value)
{
    SpyFieldDefault *fd = (SpyFieldDefault *)self;
    return Py_TYPE(fd->field)->tp_descr_set(fd->field, obj, value);
}

static int spy_field_default__traverse(PyObject *self, visitproc visit, void *arg)
{
    SpyFieldDefault *fd = (SpyFieldDefault *)self;
    Py_VISIT(fd->field);
    Py_VISIT(fd->dflt);
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static int spy_field_default__clear(PyObject *self)
{
    SpyFieldDefault *fd = (SpyFieldDefault *)self;
    Py_CLEAR(fd->field);
    Py_CLEAR(fd->dflt);
    return 0;
}

static void spy_field_default__dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    spy_field_default__clear(self);
    PyObject_GC_Del(self);
    Py_DECREF(tp);
}

static PyType_Slot spy_field_default__slots[] = {
    {Py_tp_descr_get, (void *)spy_field_default__get},
    {Py_tp_descr_set, (void *)spy_field_default__set},
    {Py_tp_traverse, (void *)spy_field_default__traverse},
    {Py_tp_clear, (void *)spy_field_default__clear},
    {Py_tp_dealloc, (void *)spy_field_default__dealloc},
    {0, NULL},
};

static PyType_Spec spy_field_default__spec = {
    "staticpy.field_default", sizeof(SpyFieldDefault), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, spy_field_default__slots,
};

/* Wraps the descriptor of field `name` of native type `type` so that the
 * class reads `dflt`; *tp is the module's wrapper type, made on first use.
 * 0, or -1 with an exception. */
static inline int spy_field_default_install(PyObject *module, PyTypeObject **tp, PyObject *type,
                                            PyObject *name, PyObject *dflt)
{
    if (!*tp && !(*tp = (PyTypeObject *)PyType_FromModuleAndSpec(module, &spy_field_default__spec,
                                                                   NULL)))
        return -1;
    /* the field's descriptor: in the type's dict, or, for a default a
     * subclass gives an inherited field, the base's (under its default) */
    PyObject *field = _PyType_Lookup((PyTypeObject *)type, name);
    if (!field)
        return 0;
    if (Py_TYPE(field) == *tp)
        field = ((SpyFieldDefault *)field)->field;
    SpyFieldDefault *fd = PyObject_GC_New(SpyFieldDefault, *tp);
    if (!fd)
        return -1;
    Py_INCREF(field);
    Py_INCREF(dflt);
    fd->field = field;
    fd->dflt = dflt;
    PyObject_GC_Track(fd);
    int r = PyObject_SetAttr(type, name, (PyObject *)fd);
    Py_DECREF(fd);
    return r;
}

#if PY_VERSION_HEX < 0x030A0000
/* 3.9's PyType_FromSpec keeps tp_doc without its text signature (later
 * versions keep it whole): the type's doc is put back, so that
 * __text_signature__ and inspect.signature() find it.  __doc__ stays. */
__attribute__((unused)) static int spy_type_restore_doc(PyObject *type, const char *doc)
{
    size_t n = strlen(doc) + 1;
    char *copy = PyObject_Malloc(n);
    if (!copy) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, doc, n);
    PyObject_Free((void *)((PyTypeObject *)type)->tp_doc);
    ((PyTypeObject *)type)->tp_doc = copy;
    return 0;
}
#endif

#endif /* SPY_CLASSES_H */
