/* spy_args.h — argument binding for the Python-visible wrappers, which are
 * METH_FASTCALL | METH_KEYWORDS functions. Entry points: spy_parse_args
 * (positional + keyword arguments to parameter slots, defaults left to the
 * caller) and spy_arg_type_error. The binding order and every TypeError
 * text follow CPython's own (ceval.c: initialize_locals, too_many_positional,
 * missing_arguments, positional_only_passed_as_keyword), so a compiled
 * function fails exactly like the pure-Python `def` it came from. */
#ifndef SPY_ARGS_H
#define SPY_ARGS_H

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>
#include <string.h>
#include "spy_int.h"

typedef struct SpyFuncSig {
    const char *name;          /* qualname used in messages, e.g. "f" */
    int n_pos;                 /* positional parameters (including positional-only) */
    int n_posonly;             /* leading positional-only parameters (before '/') */
    int n_kwonly;              /* keyword-only parameters (after '*') */
    int n_required_pos;        /* the first n_required_pos positional params have no default */
    const char *kwonly_required; /* n_kwonly chars, 1 = required; may be NULL if none required */
    int n_self;                /* 1 for a method: self is bound before the
                                  arguments but counts in messages */
    int varargs, varkw;        /* has *args / **kwargs: out[] gets the tuple of
                                  extra positionals, then the dict of extra
                                  keywords (new references) after the others */
} SpyFuncSig;

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" from the reprs of the names. */
SPY_COLD PyObject *spy_args__join_names(PyObject *list)
{
    Py_ssize_t len = PyList_GET_SIZE(list);
    PyObject *tail, *head, *r;
    if (len == 1) {
        Py_INCREF(PyList_GET_ITEM(list, 0));
        return PyList_GET_ITEM(list, 0);
    }
    if (len == 2)
        return PyUnicode_FromFormat("%U and %U", PyList_GET_ITEM(list, 0),
                                    PyList_GET_ITEM(list, 1));
    tail = PyUnicode_FromFormat(", %U, and %U", PyList_GET_ITEM(list, len - 2),
                                PyList_GET_ITEM(list, len - 1));
    if (tail == NULL)
        return NULL;
    if (PyList_SetSlice(list, len - 2, len, NULL) < 0) {
        Py_DECREF(tail);
        return NULL;
    }
    {
        PyObject *sep = PyUnicode_FromString(", ");
        if (sep == NULL) {
            Py_DECREF(tail);
            return NULL;
        }
        head = PyUnicode_Join(sep, list);
        Py_DECREF(sep);
    }
    if (head == NULL) {
        Py_DECREF(tail);
        return NULL;
    }
    r = PyUnicode_Concat(head, tail);
    Py_DECREF(head);
    Py_DECREF(tail);
    return r;
}

/* TypeError "f() missing 2 required positional arguments: 'a' and 'b'". */
SPY_COLD int spy_args__missing(const SpyFuncSig *sig, PyObject *const *names,
                               PyObject **out, int positional)
{
    int start = positional ? 0 : sig->n_pos;
    int end = positional ? sig->n_required_pos : sig->n_pos + sig->n_kwonly;
    int i;
    Py_ssize_t n;
    PyObject *list = PyList_New(0), *joined;
    if (list == NULL)
        return -1;
    for (i = start; i < end; i++) {
        if (out[i] != NULL)
            continue;
        if (!positional && !(sig->kwonly_required && sig->kwonly_required[i - sig->n_pos]))
            continue;
        {
            PyObject *r = PyObject_Repr(names[i]);
            if (r == NULL || PyList_Append(list, r) < 0) {
                Py_XDECREF(r);
                Py_DECREF(list);
                return -1;
            }
            Py_DECREF(r);
        }
    }
    n = PyList_GET_SIZE(list);
    joined = spy_args__join_names(list);
    Py_DECREF(list);
    if (joined == NULL)
        return -1;
    PyErr_Format(PyExc_TypeError, "%s() missing %i required %s argument%s: %U",
                 sig->name, (int)n, positional ? "positional" : "keyword-only",
                 n == 1 ? "" : "s", joined);
    Py_DECREF(joined);
    return -1;
}

/* TypeError "f() takes 1 positional argument but 2 were given" and kin. */
SPY_COLD int spy_args__too_many(const SpyFuncSig *sig, Py_ssize_t given,
                                PyObject **out)
{
    Py_ssize_t kwonly_given = 0;
    int i, plural;
    int defcount = sig->n_pos - sig->n_required_pos;
    int n_pos = sig->n_pos + sig->n_self, n_required = sig->n_required_pos + sig->n_self;
    PyObject *s, *kwonly_sig;
    given += sig->n_self;
    for (i = sig->n_pos; i < sig->n_pos + sig->n_kwonly; i++)
        if (out[i] != NULL)
            kwonly_given++;
    if (defcount) {
        plural = 1;
        s = PyUnicode_FromFormat("from %d to %d", n_required, n_pos);
    }
    else {
        plural = n_pos != 1;
        s = PyUnicode_FromFormat("%d", n_pos);
    }
    if (s == NULL)
        return -1;
    if (kwonly_given)
        kwonly_sig = PyUnicode_FromFormat(
            " positional argument%s (and %zd keyword-only argument%s)",
            given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    else
        kwonly_sig = PyUnicode_FromString("");
    if (kwonly_sig == NULL) {
        Py_DECREF(s);
        return -1;
    }
    PyErr_Format(PyExc_TypeError, "%s() takes %U positional argument%s but %zd%U %s given",
                 sig->name, s, plural ? "s" : "", given, kwonly_sig,
                 given == 1 && !kwonly_given ? "was" : "were");
    Py_DECREF(s);
    Py_DECREF(kwonly_sig);
    return -1;
}

/* 1 and TypeError set if some positional-only parameter was passed by
 * keyword; 0 if none was; -1 on other errors. */
SPY_COLD int spy_args__posonly_as_kw(const SpyFuncSig *sig, PyObject *const *names,
                                     PyObject *kwnames)
{
    Py_ssize_t kwcount = PyTuple_GET_SIZE(kwnames), k2;
    int k, conflicts = 0;
    PyObject *list = PyList_New(0), *comma, *joined;
    if (list == NULL)
        return -1;
    for (k = 0; k < sig->n_posonly; k++) {
        for (k2 = 0; k2 < kwcount; k2++) {
            PyObject *kw = PyTuple_GET_ITEM(kwnames, k2);
            int cmp = kw == names[k] ? 1 : PyObject_RichCompareBool(names[k], kw, Py_EQ);
            if (cmp < 0) {
                Py_DECREF(list);
                return -1;
            }
            if (cmp > 0) {
                if (PyList_Append(list, kw) < 0) {
                    Py_DECREF(list);
                    return -1;
                }
                conflicts++;
            }
        }
    }
    if (!conflicts) {
        Py_DECREF(list);
        return 0;
    }
    comma = PyUnicode_FromString(", ");
    joined = comma ? PyUnicode_Join(comma, list) : NULL;
    Py_XDECREF(comma);
    Py_DECREF(list);
    if (joined == NULL)
        return -1;
    PyErr_Format(PyExc_TypeError,
                 "%s() got some positional-only arguments passed as keyword arguments: '%U'",
                 sig->name, joined);
    Py_DECREF(joined);
    return 1;
}

/* TypeError "f() got an unexpected keyword argument 'z'"; 3.13 added a
 * "Did you mean" suggestion to the message itself. Its edit-distance code
 * (_Py_CalculateSuggestions) is not exported, so we ask the interpreter's
 * `_suggestions` module, which wraps it for traceback.py; if that fails we
 * fall back to the plain message. */
SPY_COLD void spy_args__unexpected(const SpyFuncSig *sig, PyObject *const *names,
                                   PyObject *keyword)
{
#if PY_VERSION_HEX >= 0x030D0000
    PyObject *suggestion = NULL;
    int total = sig->n_pos + sig->n_kwonly, k;
    if (total > sig->n_posonly) {
        PyObject *possible = PyList_New(total - sig->n_posonly);
        PyObject *mod = possible ? PyImport_ImportModule("_suggestions") : NULL;
        if (mod != NULL) {
            for (k = sig->n_posonly; k < total; k++) {
                Py_INCREF(names[k]);
                PyList_SET_ITEM(possible, k - sig->n_posonly, names[k]);
            }
            suggestion = PyObject_CallMethod(mod, "_generate_suggestions", "OO",
                                             possible, keyword);
            if (suggestion == Py_None)
                Py_CLEAR(suggestion);
        }
        Py_XDECREF(mod);
        Py_XDECREF(possible);
        PyErr_Clear();
    }
    if (suggestion != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "%s() got an unexpected keyword argument '%S'. Did you mean '%S'?",
                     sig->name, keyword, suggestion);
        Py_DECREF(suggestion);
        return;
    }
#else
    (void)names;
#endif
    PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%S'",
                 sig->name, keyword);
}

SPY_COLD int spy_args__bind(const SpyFuncSig *sig, PyObject *const *names,
                          PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                          PyObject **out, PyObject **xpos, PyObject **xkw)
{
    int total = sig->n_pos + sig->n_kwonly, j;
    Py_ssize_t n = nargs < sig->n_pos ? nargs : sig->n_pos, i, kwcount;

    for (i = 0; i < total; i++)
        out[i] = i < n ? args[i] : NULL;

    /* keywords first, as the interpreter does */
    kwcount = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (i = 0; i < kwcount; i++) {
        PyObject *keyword = PyTuple_GET_ITEM(kwnames, i);
        if (!PyUnicode_Check(keyword)) {
            PyErr_Format(PyExc_TypeError, "%s() keywords must be strings", sig->name);
            return -1;
        }
        for (j = sig->n_posonly; j < total; j++)
            if (names[j] == keyword)
                goto found;
        for (j = sig->n_posonly; j < total; j++) {
            int cmp = PyObject_RichCompareBool(keyword, names[j], Py_EQ);
            if (cmp > 0)
                goto found;
            if (cmp < 0)
                return -1;
        }
        if (xkw) { /* **kwargs takes it (a positional-only name included) */
            if (!*xkw && !(*xkw = PyDict_New()))
                return -1;
            if (PyDict_SetItem(*xkw, keyword, args[nargs + i]) < 0)
                return -1;
            continue;
        }
        if (sig->n_posonly) {
            int r = spy_args__posonly_as_kw(sig, names, kwnames);
            if (r != 0)
                return -1;
        }
        spy_args__unexpected(sig, names, keyword);
        return -1;
    found:
        if (out[j] != NULL) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%S'",
                         sig->name, keyword);
            return -1;
        }
        out[j] = args[nargs + i];
    }

    if (nargs > sig->n_pos && xpos) {
        *xpos = PyTuple_New(nargs - sig->n_pos);
        if (!*xpos)
            return -1;
        for (i = sig->n_pos; i < nargs; i++) {
            Py_INCREF(args[i]);
            PyTuple_SET_ITEM(*xpos, i - sig->n_pos, args[i]);
        }
    } else if (nargs > sig->n_pos) {
        return spy_args__too_many(sig, nargs, out);
    }

    if (nargs < sig->n_required_pos) {
        for (i = nargs; i < sig->n_required_pos; i++)
            if (out[i] == NULL)
                return spy_args__missing(sig, names, out, 1);
    }
    if (sig->kwonly_required) {
        for (j = 0; j < sig->n_kwonly; j++)
            if (sig->kwonly_required[j] && out[sig->n_pos + j] == NULL)
                return spy_args__missing(sig, names, out, 0);
    }
    return 0;
}

/* names: n_pos + n_kwonly interned str objects (parameter names in order).
 * out: n_pos + n_kwonly slots; on success each is a BORROWED reference or
 * NULL when the argument was not passed (the caller substitutes the
 * default). Returns 0, or -1 with TypeError set. */
SPY_COLD int spy_args__parse_slow(const SpyFuncSig *sig, PyObject *const *names,
                                  PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames, PyObject **out)
{
    PyObject *xpos = NULL, *xkw = NULL;
    int total = sig->n_pos + sig->n_kwonly;
    int r = spy_args__bind(sig, names, args, nargs, kwnames, out, sig->varargs ? &xpos : NULL,
                           sig->varkw ? &xkw : NULL);
    if (r == 0 && sig->varargs && !xpos && !(xpos = PyTuple_New(0)))
        r = -1;
    if (r == 0 && sig->varkw && !xkw && !(xkw = PyDict_New()))
        r = -1;
    if (r < 0) {
        Py_XDECREF(xpos);
        Py_XDECREF(xkw);
        return -1;
    }
    if (sig->varargs)
        out[total] = xpos;
    if (sig->varkw)
        out[total + sig->varargs] = xkw;
    return 0;
}

static inline int spy_parse_args(const SpyFuncSig *sig, PyObject *const *names,
                                 PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames, PyObject **out)
{
    if (SPY_LIKELY(kwnames == NULL && nargs == sig->n_pos
                   && sig->kwonly_required == NULL && !sig->varargs && !sig->varkw)) {
        int i;
        for (i = 0; i < sig->n_pos; i++)
            out[i] = args[i];
        for (; i < sig->n_pos + sig->n_kwonly; i++)
            out[i] = NULL;
        return 0;
    }
    return spy_args__parse_slow(sig, names, args, nargs, kwnames, out);
}

/* TypeError "f() argument 'x' must be int, not str". */
SPY_COLD void spy_arg_type_error(const char *fname, const char *argname,
                                 const char *expected, PyObject *got)
{
    PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be %s, not %.200s",
                 fname, argname, expected, Py_TYPE(got)->tp_name);
}

#endif /* SPY_ARGS_H */
