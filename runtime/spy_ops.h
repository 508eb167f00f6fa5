/* spy_ops.h — small helpers the lowering of statements and expressions
 * calls: bool->int, exact int/float comparison, rich comparison to a C
 * truth value, list packing, default-value lookup, raise/assert, range
 * step checks, sequence unpacking and `from m import x`.  Failing helpers
 * set an exception and return the error value named in each comment. */
#ifndef SPY_OPS_H
#define SPY_OPS_H

#include <stdarg.h>

static inline SpyInt spy_int_from_bool(char b) { return SPY_INT_SMALL(b != 0); }

/* min(a, b) / max(a, b) of ints: a new reference to the one chosen. */
static inline SpyInt spy_int_min(SpyInt a, SpyInt b)
{
    SpyInt r = spy_int_lt(b, a) ? b : a;
    spy_int_incref(r);
    return r;
}

static inline SpyInt spy_int_max(SpyInt a, SpyInt b)
{
    SpyInt r = spy_int_gt(b, a) ? b : a;
    spy_int_incref(r);
    return r;
}

/* 0/1, or 2 with an exception set. */
static inline char spy_richcompare_bool(PyObject *a, PyObject *b, int op)
{
    PyObject *r = PyObject_RichCompare(a, b, op);
    if (!r)
        return 2;
    int t = PyObject_IsTrue(r);
    Py_DECREF(r);
    return t < 0 ? 2 : (char)t;
}

/* Compares an int with a float exactly (no rounding of big ints, no
 * OverflowError), as Python does.  swapped: the float is the left
 * operand.  0/1, or 2 with an exception set. */
static inline char spy_int_float_cmp(SpyInt i, double f, int op, int swapped)
{
    if (SPY_INT_IS_SMALL(i)) {
        Py_ssize_t v = SPY_INT_VAL(i);
        if (v > -((Py_ssize_t)1 << 53) && v < ((Py_ssize_t)1 << 53)) {
            double d = (double)v, l = swapped ? f : d, r = swapped ? d : f;
            switch (op) {
            case Py_LT: return l < r;
            case Py_LE: return l <= r;
            case Py_EQ: return l == r;
            case Py_NE: return l != r;
            case Py_GT: return l > r;
            default: return l >= r;
            }
        }
    }
    PyObject *io = spy_int_box(i);
    PyObject *fo = io ? PyFloat_FromDouble(f) : NULL;
    char r = 2;
    if (fo)
        r = swapped ? spy_richcompare_bool(fo, io, op) : spy_richcompare_bool(io, fo, op);
    Py_XDECREF(io);
    Py_XDECREF(fo);
    return r;
}

/* A new list of n items (not stolen).  NULL on error. */
static inline PyObject *spy_list_pack(Py_ssize_t n, ...)
{
    PyObject *list = PyList_New(n);
    if (!list)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = va_arg(ap, PyObject *);
        Py_INCREF(o);
        PyList_SET_ITEM(list, i, o);
    }
    va_end(ap);
    return list;
}

/* A default value stored when its def ran; NameError before that, as the
 * interpreter would fail to find the function.  Borrowed; NULL on error. */
static inline PyObject *spy_get_default(PyObject *slot, const char *func)
{
    if (SPY_LIKELY(slot != NULL))
        return slot;
    PyErr_Format(PyExc_NameError, "name '%s' is not defined", func);
    return NULL;
}

/* A dataclass field's default_factory, stored when the class statement
 * ran, called for an argument not given.  A new reference, or NULL. */
static inline PyObject *spy_call_factory(PyObject *slot, const char *func)
{
    PyObject *factory = spy_get_default(slot, func);
    return factory ? PyObject_CallNoArgs(factory) : NULL;
}

/* `raise exc`: always returns NULL with the exception set. */
__attribute__((unused, noinline, cold)) static PyObject *spy_raise(PyObject *exc)
{
    if (PyExceptionClass_Check(exc)) {
        PyObject *inst = PyObject_CallNoArgs(exc);
        if (!inst)
            return NULL;
        if (!PyExceptionInstance_Check(inst)) {
            PyErr_Format(PyExc_TypeError,
                         "calling %R should have returned an instance of "
                         "BaseException, not %s", exc, Py_TYPE(inst)->tp_name);
            Py_DECREF(inst);
            return NULL;
        }
        PyErr_SetObject(exc, inst);
        Py_DECREF(inst);
    } else if (PyExceptionInstance_Check(exc)) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    } else {
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
    }
    return NULL;
}

/* `assert` failure, with an optional message object.  Returns NULL. */
__attribute__((unused, noinline, cold)) static PyObject *spy_raise_assert(PyObject *msg)
{
    if (msg)
        PyErr_SetObject(PyExc_AssertionError, msg);
    else
        PyErr_SetNone(PyExc_AssertionError);
    return NULL;
}

/* 0 if a local is assigned, else -1 with the interpreter's
 * UnboundLocalError. */
static inline int spy_check_assigned(int assigned, const char *name)
{
    if (SPY_LIKELY(assigned))
        return 0;
#if PY_VERSION_HEX >= 0x030B0000
    PyErr_Format(PyExc_UnboundLocalError,
                 "cannot access local variable '%s' where it is not associated with a value",
                 name);
#else
    PyErr_Format(PyExc_UnboundLocalError, "local variable '%s' referenced before assignment",
                 name);
#endif
    return -1;
}

/* A read of a local that a nested function may rebind (nonlocal): the
 * value in its cell, a new reference, or UnboundLocalError. */
static inline PyObject *spy_cell_read(PyObject *cell, const char *name)
{
    PyObject *v = PyCell_GET(cell);
    if (SPY_UNLIKELY(!v)) {
        spy_check_assigned(0, name);
        return NULL;
    }
    Py_INCREF(v);
    return v;
}

/* del of a local: releases the value, returns the "unbound" sentinel. */
static inline PyObject *spy_clear_obj(PyObject *o)
{
    Py_XDECREF(o);
    return NULL;
}

static inline SpyInt spy_clear_int(SpyInt x)
{
    spy_int_xdecref(x);
    return SPY_INT_ERR;
}

/* del of a module global: 0, or -1 with the interpreter's NameError. */
static inline int spy_del_global(PyObject *globals, PyObject *name)
{
    if (PyDict_DelItem(globals, name) == 0)
        return 0;
    if (PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        PyErr_Format(PyExc_NameError, "name '%U' is not defined", name);
    }
    return -1;
}

/* Gives the module dict a __builtins__ entry, as a module the interpreter
 * runs has (3.9 needs it to find builtins from code run in it). */
static inline int spy_ensure_builtins(PyObject *globals)
{
    if (PyDict_GetItemString(globals, "__builtins__"))
        return 0;
    PyObject *b = PyImport_ImportModule("builtins");
    int r = b ? PyDict_SetItemString(globals, "__builtins__", b) : -1;
    Py_XDECREF(b);
    return r;
}

/* Compiles src (a module of one expression or def) once into *slot: the
 * first code object among its constants. 0, or -1 with the exception. */
__attribute__((unused, noinline)) static int spy__code_once(PyObject **slot, PyObject *globals,
                                                           PyObject *src, PyObject *filename)
{
    if (*slot)
        return 0;
    const char *text = PyUnicode_AsUTF8(src);
    if (!text || spy_ensure_builtins(globals) < 0)
        return -1;
    PyCompilerFlags flags = {0, PY_MINOR_VERSION};
    PyObject *mod = Py_CompileStringObject(text, filename, Py_file_input, &flags, -1);
    if (!mod)
        return -1;
    PyObject *consts = ((PyCodeObject *)mod)->co_consts;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(consts) && !*slot; i++)
        if (PyCode_Check(PyTuple_GET_ITEM(consts, i))) {
            *slot = PyTuple_GET_ITEM(consts, i);
            Py_INCREF(*slot);
        }
    Py_DECREF(mod);
    if (!*slot) {
        PyErr_SetString(PyExc_SystemError, "staticpyc: lambda source has no code object");
        return -1;
    }
    return 0;
}

/* A lambda: its code object is compiled from source on first use (kept
 * in *slot, a module-state reference) and each call makes a new function
 * with the module's globals, as the interpreter does.  NULL + exception. */
__attribute__((unused, noinline)) static PyObject *spy_make_lambda(PyObject **slot,
                                                                   PyObject *globals,
                                                                   PyObject *src,
                                                                   PyObject *filename,
                                                                   PyObject *qualname)
{
    if (spy__code_once(slot, globals, src, filename) < 0)
        return NULL;
    return PyFunction_NewWithQualName(*slot, globals, qualname);
}

/* fn (a new reference, or NULL) with its defaults set when they are not
 * None; fn or NULL. */
static inline PyObject *spy_func_defaults(PyObject *fn, PyObject *defaults, PyObject *kwdefaults)
{
    if (fn && ((defaults != Py_None && PyFunction_SetDefaults(fn, defaults) < 0) ||
               (kwdefaults != Py_None && PyFunction_SetKwDefaults(fn, kwdefaults) < 0)))
        Py_CLEAR(fn);
    return fn;
}

/* A def nested in compiled code. Its code object is compiled once from
 * `def __spy_outer__(): <the def> ...` in which the enclosing function's
 * captured names are locals, so the interpreter makes the ones the def
 * uses its free variables; each run of the def makes a function of that
 * code whose closure holds the enclosing function's cells of those names
 * (`names` and `cells` run in parallel). New reference, or NULL. */
__attribute__((unused, noinline)) static PyObject *spy_make_closure(
    PyObject **slot, PyObject *globals, PyObject *src, PyObject *filename, PyObject *name,
    PyObject *qualname, PyObject *names, PyObject *cells, PyObject *defaults,
    PyObject *kwdefaults)
{
    if (!*slot) {
        if (spy__code_once(slot, globals, src, filename) < 0)
            return NULL;
        /* *slot is now __spy_outer__'s code; the def's is among its consts */
        PyObject *consts = ((PyCodeObject *)*slot)->co_consts, *code = NULL;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(consts) && !code; i++) {
            PyObject *c = PyTuple_GET_ITEM(consts, i);
            if (PyCode_Check(c) && PyUnicode_Compare(((PyCodeObject *)c)->co_name, name) == 0)
                code = c;
        }
        if (!code) {
            Py_CLEAR(*slot);
            PyErr_SetString(PyExc_SystemError, "staticpyc: nested def source has no code object");
            return NULL;
        }
        Py_INCREF(code);
        Py_SETREF(*slot, code);
    }
    PyObject *fv = PyObject_GetAttrString(*slot, "co_freevars");
    if (!fv)
        return NULL;
    PyObject *closure = PyTuple_New(PyTuple_GET_SIZE(fv)), *fn = NULL;
    for (Py_ssize_t i = 0; closure && i < PyTuple_GET_SIZE(fv); i++) {
        Py_ssize_t j = 0;
        while (j < PyTuple_GET_SIZE(names) &&
               PyUnicode_Compare(PyTuple_GET_ITEM(names, j), PyTuple_GET_ITEM(fv, i)) != 0)
            j++;
        if (j == PyTuple_GET_SIZE(names)) {
            PyErr_Format(PyExc_SystemError, "staticpyc: no cell for free variable %R",
                         PyTuple_GET_ITEM(fv, i));
            Py_CLEAR(closure);
            break;
        }
        Py_INCREF(PyTuple_GET_ITEM(cells, j));
        PyTuple_SET_ITEM(closure, i, PyTuple_GET_ITEM(cells, j));
    }
    Py_DECREF(fv);
    if (closure)
        fn = PyFunction_NewWithQualName(*slot, globals, qualname);
    if (fn && (PyFunction_SetClosure(fn, closure) < 0 ||
               (defaults != Py_None && PyFunction_SetDefaults(fn, defaults) < 0) ||
               (kwdefaults != Py_None && PyFunction_SetKwDefaults(fn, kwdefaults) < 0)))
        Py_CLEAR(fn);
    Py_XDECREF(closure);
    return fn;
}

/* A def the compiler left to the interpreter: compile its source (padded
 * so line numbers match the file) and run it in the module's namespace.
 * 0, or -1 with the exception. */
__attribute__((unused, noinline)) static int spy_exec_def(PyObject *globals, PyObject *src,
                                                         PyObject *filename, int future_ann)
{
    const char *text = PyUnicode_AsUTF8(src);
    if (!text)
        return -1;
    if (spy_ensure_builtins(globals) < 0)
        return -1;
    PyCompilerFlags flags = {0, PY_MINOR_VERSION};
    if (future_ann)
        flags.cf_flags |= CO_FUTURE_ANNOTATIONS;
    PyObject *code = Py_CompileStringObject(text, filename, Py_file_input, &flags, -1);
    if (!code)
        return -1;
    PyObject *r = PyEval_EvalCode(code, globals, globals);
    Py_DECREF(code);
    if (!r)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* Setting (or deleting) a property that has no setter (deleter): the
 * interpreter's AttributeError, in its version's words. */
SPY_COLD void spy_property_readonly(PyObject *obj, const char *name, int deleting)
{
#if PY_VERSION_HEX >= 0x030B0000
    const char *type = strrchr(Py_TYPE(obj)->tp_name, '.');
    PyErr_Format(PyExc_AttributeError, "property '%s' of '%s' object has no %s", name,
                 type ? type + 1 : Py_TYPE(obj)->tp_name, deleting ? "deleter" : "setter");
#elif PY_VERSION_HEX >= 0x030A0000
    (void)obj;
    PyErr_Format(PyExc_AttributeError, "can't %s attribute '%s'", deleting ? "delete" : "set",
                 name);
#else
    (void)obj;
    (void)name;
    PyErr_Format(PyExc_AttributeError, "can't %s attribute", deleting ? "delete" : "set");
#endif
}

/* type.name = staticmethod(f) or classmethod(f), f the compiled function
 * made from def (as a module-level def makes it).  0, or -1. */
__attribute__((unused, noinline)) static int spy_set_static(PyObject *type, PyObject *name,
                                                           PyMethodDef *def, PyObject *module,
                                                           PyObject *modname, int classmethod)
{
    PyObject *fn = PyCFunction_NewEx(def, module, modname);
    if (!fn)
        return -1;
    PyObject *wrapped = classmethod ? PyClassMethod_New(fn) : PyStaticMethod_New(fn);
    Py_DECREF(fn);
    int rc = wrapped ? PyObject_SetAttr(type, name, wrapped) : -1;
    Py_XDECREF(wrapped);
    return rc;
}

/* A function of a method left to the interpreter: its __qualname__ is
 * the class's, and its __class__ cell (made when its def ran inside a
 * stand-in class statement) holds the native type, as super() needs. */
static int spy__adopt_function(PyObject *fn, PyObject *type, PyObject *name)
{
    PyObject *code = PyFunction_GetCode(fn), *closure = PyFunction_GetClosure(fn);
    PyObject *freevars = PyObject_GetAttrString(code, "co_freevars");
    if (!freevars)
        return -1;
    for (Py_ssize_t i = 0; closure && i < PyTuple_GET_SIZE(freevars); i++)
        if (PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(freevars, i), "__class__") == 0 &&
            PyCell_Set(PyTuple_GET_ITEM(closure, i), type) < 0) {
            Py_DECREF(freevars);
            return -1;
        }
    Py_DECREF(freevars);
    PyObject *qual = PyUnicode_FromFormat("%U.%U", ((PyHeapTypeObject *)type)->ht_qualname, name);
    int rc = qual ? PyObject_SetAttrString(fn, "__qualname__", qual) : -1;
    Py_XDECREF(qual);
    return rc;
}

/* The functions inside what a decorated def made: a staticmethod's or
 * classmethod's __func__, a property's fget/fset/fdel. */
static int spy__adopt_method(PyObject *obj, PyObject *type, PyObject *name)
{
    if (PyFunction_Check(obj))
        return spy__adopt_function(obj, type, name);
    static const char *const parts[] = {"__func__", "fget", "fset", "fdel"};
    for (int i = 0; i < 4; i++) {
        PyObject *f = PyObject_GetAttrString(obj, parts[i]);
        if (!f) {
            PyErr_Clear();
            continue;
        }
        int rc = PyFunction_Check(f) ? spy__adopt_function(f, type, name) : 0;
        Py_DECREF(f);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* A method left to the interpreter: run its def (in_class: inside a
 * stand-in `class <name>:` statement, for the __class__ cell of super())
 * in a fresh namespace with the module dict as globals, and set what it
 * made on the native type.  0, or -1 with the exception. */
__attribute__((unused, noinline)) static int spy_attach_def(PyObject *type, PyObject *globals,
                                                           PyObject *src, PyObject *filename,
                                                           PyObject *name, int future_ann,
                                                           int in_class)
{
    const char *text = PyUnicode_AsUTF8(src);
    if (!text || spy_ensure_builtins(globals) < 0)
        return -1;
    PyCompilerFlags flags = {0, PY_MINOR_VERSION};
    if (future_ann)
        flags.cf_flags |= CO_FUTURE_ANNOTATIONS;
    PyObject *code = Py_CompileStringObject(text, filename, Py_file_input, &flags, -1);
    PyObject *ns = code ? PyDict_New() : NULL;
    /* What the class body has bound to the name so far, as a class
     * statement's namespace would have it: `@label.setter` reads the
     * property the previous def made. */
    PyObject *prev = ns && !in_class
                         ? PyDict_GetItemWithError(((PyTypeObject *)type)->tp_dict, name) : NULL;
    if (prev && PyDict_SetItem(ns, name, prev) < 0)
        Py_CLEAR(ns);
    PyObject *r = ns && !PyErr_Occurred() ? PyEval_EvalCode(code, globals, ns) : NULL;
    PyObject *holder = ns;
    if (r && in_class) {
        PyObject *stand_in = PyDict_GetItemWithError(ns, ((PyHeapTypeObject *)type)->ht_name);
        holder = stand_in && PyType_Check(stand_in) ? ((PyTypeObject *)stand_in)->tp_dict : NULL;
    }
    PyObject *fn = holder ? PyDict_GetItemWithError(holder, name) : NULL;
    int rc = fn && spy__adopt_method(fn, type, name) == 0 ? PyObject_SetAttr(type, name, fn) : -1;
    if (r && !fn && !PyErr_Occurred())
        PyErr_SetObject(PyExc_NameError, name);
    Py_XDECREF(r);
    Py_XDECREF(ns);
    Py_XDECREF(code);
    return rc;
}

/* range() with a zero step.  0 ok, -1 with ValueError. */
static inline int spy_range_check_step(SpyInt step)
{
    if (SPY_LIKELY(step != SPY_INT_SMALL(0)))
        return 0;
    PyErr_SetString(PyExc_ValueError, "range() arg 3 must not be zero");
    return -1;
}

/* 0 if o is a tuple of n items, else -1 with TypeError. */
static inline int spy_check_tuple(PyObject *o, Py_ssize_t n)
{
    if (SPY_LIKELY(PyTuple_CheckExact(o) && PyTuple_GET_SIZE(o) == n))
        return 0;
    if (PyTuple_Check(o))
        PyErr_Format(PyExc_TypeError, "expected a tuple of %zd items, got %zd", n,
                     PyTuple_GET_SIZE(o));
    else
        PyErr_Format(PyExc_TypeError, "expected tuple, got %s", Py_TYPE(o)->tp_name);
    return -1;
}

/* The iterator of what an assignment unpacks, with the interpreter's
 * TypeError for a value that cannot be iterated. */
SPY_COLD PyObject *spy__unpack_iter(PyObject *o)
{
    PyObject *it = PyObject_GetIter(o);
    if (!it && PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %s object", Py_TYPE(o)->tp_name);
    }
    return it;
}

/* `a, b = o`: a new tuple of exactly n items from any iterable, with the
 * interpreter's ValueError messages.  NULL on error. */
__attribute__((unused, noinline)) static PyObject *spy_unpack(PyObject *o, Py_ssize_t n)
{
    if (PyTuple_CheckExact(o) && PyTuple_GET_SIZE(o) == n) {
        Py_INCREF(o);
        return o;
    }
    PyObject *it = spy__unpack_iter(o);
    if (!it)
        return NULL;
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; t && i < n; i++) {
        PyObject *x = PyIter_Next(it);
        if (!x) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError,
                             "not enough values to unpack (expected %zd, got %zd)", n, i);
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, i, x);
    }
    if (t) {
        PyObject *extra = PyIter_Next(it);
        if (extra || PyErr_Occurred()) {
            if (extra)
                PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %zd)", n);
            Py_XDECREF(extra);
            Py_CLEAR(t);
        }
    }
    Py_DECREF(it);
    return t;
}

/* `a, *b, c = o`: a tuple of before + 1 + after items whose item `before`
 * is a new list of what lies between, with the interpreter's errors.  A
 * new reference, or NULL. */
__attribute__((unused, noinline)) static PyObject *spy_unpack_ex(PyObject *o, Py_ssize_t before,
                                                                 Py_ssize_t after)
{
    PyObject *it = spy__unpack_iter(o);
    if (!it)
        return NULL;
    PyObject *t = PyTuple_New(before + 1 + after), *rest = NULL;
    for (Py_ssize_t i = 0; t && i < before; i++) {
        PyObject *x = PyIter_Next(it);
        if (!x) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError,
                             "not enough values to unpack (expected at least %zd, got %zd)",
                             before + after, i);
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, i, x);
    }
    if (t && !(rest = PySequence_List(it)))
        Py_CLEAR(t);
    Py_DECREF(it);
    if (!t)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(rest);
    if (n < after) {
        PyErr_Format(PyExc_ValueError,
                     "not enough values to unpack (expected at least %zd, got %zd)",
                     before + after, before + n);
        Py_DECREF(rest);
        Py_DECREF(t);
        return NULL;
    }
    /* the last `after` items move to the tuple, references and all, and the
     * list just ends before them (as the interpreter's UNPACK_EX does) */
    for (Py_ssize_t j = 0; j < after; j++)
        PyTuple_SET_ITEM(t, before + 1 + j, PyList_GET_ITEM(rest, n - after + j));
    Py_SET_SIZE(rest, n - after);
    PyTuple_SET_ITEM(t, before, rest);
    return t;
}

/* ---- calls with unpacking: f(*a, k=v, **m) ------------------------------- */

/* "mod.f()" for messages about a call of x, as the interpreter names a
 * callable (its __qualname__, with __module__ unless builtins). */
SPY_COLD PyObject *spy__function_str(PyObject *x)
{
    PyObject *qualname = PyObject_GetAttrString(x, "__qualname__");
    if (!qualname) {
        PyErr_Clear();
        return PyObject_Str(x);
    }
    PyObject *module = PyObject_GetAttrString(x, "__module__"), *r = NULL;
    if (!module)
        PyErr_Clear();
    int other = module && module != Py_None &&
                (!PyUnicode_Check(module) || PyUnicode_CompareWithASCIIString(module, "builtins"));
    r = other ? PyUnicode_FromFormat("%S.%S()", module, qualname)
              : PyUnicode_FromFormat("%S()", qualname);
    Py_XDECREF(module);
    Py_DECREF(qualname);
    return r;
}

/* The positional arguments of f(*x) alone: x as a tuple, with the
 * interpreter's TypeError naming f for a value that cannot be iterated. */
SPY_COLD PyObject *spy_call_star_args(PyObject *f, PyObject *x)
{
    if (PyTuple_CheckExact(x)) {
        Py_INCREF(x);
        return x;
    }
    if (Py_TYPE(x)->tp_iter == NULL && !PySequence_Check(x)) {
        PyObject *fs = spy__function_str(f);
        if (fs) {
            PyErr_Format(PyExc_TypeError, "%U argument after * must be an iterable, not %.200s",
                         fs, Py_TYPE(x)->tp_name);
            Py_DECREF(fs);
        }
        return NULL;
    }
    return PySequence_Tuple(x);
}

SPY_COLD void spy__multiple_values(PyObject *f, PyObject *key)
{
    PyObject *fs = spy__function_str(f);
    if (fs) {
        PyErr_Format(PyExc_TypeError, "%U got multiple values for keyword argument '%S'", fs,
                     key);
        Py_DECREF(fs);
    }
}

/* k=v of a call with **: a key given twice is the interpreter's TypeError. */
SPY_COLD int spy_call_kw_set(PyObject *f, PyObject *kw, PyObject *key, PyObject *v)
{
    int has = PyDict_Contains(kw, key);
    if (has != 0) {
        if (has > 0)
            spy__multiple_values(f, key);
        return -1;
    }
    return PyDict_SetItem(kw, key, v);
}

/* **m of a call: its keys and values added to kw, as DICT_MERGE does (a
 * mapping's keys(), then each value; a key given twice, or a value that
 * is not a mapping, is the interpreter's TypeError naming f). */
SPY_COLD int spy_call_kw_merge(PyObject *f, PyObject *kw, PyObject *m)
{
    PyObject *keys = PyDict_Check(m) ? PyDict_Keys(m) : PyMapping_Keys(m);
    if (!keys) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            PyObject *fs = spy__function_str(f);
            if (fs) {
                PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s",
                             fs, Py_TYPE(m)->tp_name);
                Py_DECREF(fs);
            }
        }
        return -1;
    }
    PyObject *it = PyObject_GetIter(keys), *key;
    Py_DECREF(keys);
    if (!it)
        return -1;
    while ((key = PyIter_Next(it))) {
        int r = PyDict_Contains(kw, key); /* a key given twice: no __getitem__ */
        if (r > 0)
            spy__multiple_values(f, key);
        PyObject *v = r == 0 ? PyObject_GetItem(m, key) : NULL;
        r = v ? PyDict_SetItem(kw, key, v) : -1;
        Py_XDECREF(v);
        Py_DECREF(key);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* Item i of a tuple made by spy_unpack or PyTuple_Pack: a new reference. */
static inline PyObject *spy_tuple_item(PyObject *t, Py_ssize_t i)
{
    PyObject *x = PyTuple_GET_ITEM(t, i);
    Py_INCREF(x);
    return x;
}

/* `from module import name`: a new reference, or ImportError.  As the
 * interpreter's IMPORT_FROM, a submodule not yet bound as an attribute of
 * its package (a circular import under way) is taken from sys.modules. */
__attribute__((unused, noinline)) static PyObject *spy_import_from(PyObject *module,
                                                                     PyObject *name)
{
    PyObject *x = PyObject_GetAttr(module, name);
    if (x || !PyErr_ExceptionMatches(PyExc_AttributeError))
        return x;
    PyErr_Clear();
    PyObject *modname = PyObject_GetAttrString(module, "__name__");
    if (!modname) {
        PyErr_Clear();
        PyErr_Format(PyExc_ImportError, "cannot import name %R", name);
        return NULL;
    }
    PyObject *full = PyUnicode_Check(modname) ? PyUnicode_FromFormat("%U.%U", modname, name)
                                              : NULL;
    x = full ? PyImport_GetModule(full) : NULL;
    Py_XDECREF(full);
    if (x) {
        Py_DECREF(modname);
        return x;
    }
    PyErr_Clear();
    PyObject *file = PyObject_GetAttrString(module, "__file__");
    if (file && file != Py_None)
        PyErr_Format(PyExc_ImportError, "cannot import name %R from %R (%S)", name,
                     modname, file);
    else {
        PyErr_Clear();
        PyErr_Format(PyExc_ImportError, "cannot import name %R from %R (unknown location)",
                     name, modname);
    }
    Py_XDECREF(file);
    Py_DECREF(modname);
    return NULL;
}

/* `import a.b as c`: the submodule a.b from sys.modules.  New reference. */
static inline PyObject *spy_import_submodule(PyObject *name)
{
    PyObject *m = PyImport_GetModule(name);
    if (!m && !PyErr_Occurred())
        PyErr_Format(PyExc_ImportError, "No module named %R", name);
    return m;
}

/* Stores a new reference to v in a module-state slot, releasing the old. */
static inline void spy_set_slot(PyObject **slot, PyObject *v)
{
    Py_INCREF(v);
    Py_XSETREF(*slot, v);
}

/* 0, or -1 when an iteration ended by an exception rather than exhaustion. */
static inline int spy_iter_error(void) { return PyErr_Occurred() ? -1 : 0; }

/* tp's plain method `name` (a method descriptor), or None when it has
 * none (a staticmethod, a classmethod, no such attribute). New reference. */
SPY_COLD PyObject *spy__method_descr(PyTypeObject *tp, PyObject *name)
{
    PyObject *d = PyObject_GetAttr((PyObject *)tp, name);
    if (d == NULL)
        PyErr_Clear(); /* the generic path raises the interpreter's error */
    else if (Py_IS_TYPE(d, &PyMethodDescr_Type))
        return d;
    Py_XDECREF(d);
    Py_INCREF(Py_None);
    return Py_None;
}

/* args[0].name(args[1..]): a one-entry cache per call site (*slot_type,
 * *slot) of the method descriptor, as the interpreter's method cache
 * would, kept only for static types without instance dicts (list, dict,
 * str, ...): their methods cannot change or be shadowed, and the type
 * keeps the descriptor alive. Subclasses (heap types), staticmethods,
 * classmethods and anything else take the generic lookup. nargsf counts
 * the receiver. New reference, or NULL. */
static inline PyObject *spy_call_method_cached(PyObject **slot, PyTypeObject **slot_type,
                                               PyObject *name, PyObject *const *args,
                                               size_t nargsf, PyObject *kwnames)
{
    PyTypeObject *tp = Py_TYPE(args[0]);
    if (SPY_LIKELY(tp == *slot_type))
        return PyObject_Vectorcall(*slot, args, nargsf, kwnames);
    if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE) && tp->tp_dictoffset == 0) {
        PyObject *d = spy__method_descr(tp, name);
        if (d != Py_None) {
            Py_XSETREF(*slot, d);
            *slot_type = tp;
            return PyObject_Vectorcall(d, args, nargsf, kwnames);
        }
        Py_DECREF(d);
    }
    return PyObject_VectorcallMethod(name, args, nargsf, kwnames);
}

#endif /* SPY_OPS_H */
