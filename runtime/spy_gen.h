/* spy_gen.h — generator objects for compiled generator functions.
 *
 * A compiled generator function returns a SpyGen: its frame (what the
 * function keeps while suspended, a struct the generated code declares)
 * lives on the heap, and `resume` is the function's body turned into a resumable C
 * function: it switches on `resume_at` (0: start, k: after yield k, -1:
 * finished) to the point after the last yield, runs to the next yield and
 * returns the yielded value (a new reference), or returns NULL when the
 * body finished (no exception: plain exhaustion; StopIteration(value) for
 * `return value`) or raised.  `thrown` tells the body that gen.throw() /
 * close() left an exception to raise at the yield it resumes at.
 *
 * The type is a heap type per module (spy_gen_type_new, made by the
 * module's exec slot), so there is no global state.  Its instances
 * behave as the interpreter's generators do for iteration, send(),
 * throw(), close(), finalisation (an unfinished generator is closed when
 * it is collected, running its `finally` blocks) and "generator already
 * executing"; they are not types.GeneratorType and have no gi_frame /
 * gi_code (documented in docs/guide.md). */
#ifndef SPY_GEN_H
#define SPY_GEN_H

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>
#include "spy_int.h"

typedef struct SpyGen SpyGen;
typedef PyObject *(*SpyGenResume)(SpyGen *gen, PyObject *sent, int thrown);
/* Visits the frame's owned references at the current suspension point. */
typedef int (*SpyGenTraverse)(SpyGen *gen, visitproc visit, void *arg);

struct SpyGen {
    PyObject_HEAD
    SpyGenResume resume;
    SpyGenTraverse traverse;
    void *st;            /* the module state (kept alive by the type) */
    void *frame;         /* PyMem_Calloc'd struct of the function's variables */
    int resume_at;       /* 0 before the start, k after yield k, -1 finished */
    char running;
    PyObject *name, *qualname;
};

static int spy_gen__traverse(PyObject *self, visitproc visit, void *arg)
{
    SpyGen *g = (SpyGen *)self;
    Py_VISIT(Py_TYPE(self));
    /* While running, the frame is on the C stack and in flux: skip it
     * (the references are then also held by the running code). */
    if (g->resume_at >= 0 && !g->running && g->traverse)
        return g->traverse(g, visit, arg);
    return 0;
}

/* Finished before it started (throw(), close(), collected): the body,
 * entered with an exception thrown in at resume_at 0, releases the
 * arguments its frame holds and marks the generator finished. */
static void spy_gen__discard_unstarted(SpyGen *g)
{
    if (g->resume_at == 0)
        g->resume(g, NULL, 1);
}

/* Runs the body once; the value it yields, or NULL at its end (exception
 * set when it raised; StopIteration(value) for `return value`). */
static PyObject *spy_gen__step(SpyGen *g, PyObject *sent, int thrown)
{
    if (g->running) {
        PyErr_SetString(PyExc_ValueError, "generator already executing");
        return NULL;
    }
    if (g->resume_at < 0)
        return NULL; /* exhausted; a thrown exception propagates as it is */
    if (g->resume_at == 0 && thrown) {
        spy_gen__discard_unstarted(g); /* throw() before the start: raised at once */
        return NULL;
    }
    g->running = 1;
    PyObject *r = g->resume(g, sent, thrown);
    g->running = 0;
    return r;
}

static PyObject *spy_gen__iternext(PyObject *self)
{
    return spy_gen__step((SpyGen *)self, Py_None, 0);
}

/* NULL without an exception means "finished": send() and throw() raise
 * StopIteration then, as the interpreter's generators do. */
static PyObject *spy_gen__result(PyObject *r)
{
    if (!r && !PyErr_Occurred())
        PyErr_SetNone(PyExc_StopIteration);
    return r;
}

static PyObject *spy_gen__send(PyObject *self, PyObject *value)
{
    SpyGen *g = (SpyGen *)self;
    if (g->resume_at == 0 && value != Py_None) {
        PyErr_SetString(PyExc_TypeError,
                        "can't send non-None value to a just-started generator");
        return NULL;
    }
    return spy_gen__result(spy_gen__step(g, value, 0));
}

static PyObject *spy_gen__throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *typ = args[0], *val = nargs > 1 ? args[1] : NULL;
    PyObject *tb = nargs > 2 && args[2] != Py_None ? args[2] : NULL;
    if (tb && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    if (PyExceptionInstance_Check(typ)) {
        if (val && val != Py_None) {
            PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
            return NULL;
        }
        PyErr_SetObject((PyObject *)Py_TYPE(typ), typ);
    } else if (PyExceptionClass_Check(typ)) {
        if (val && val != Py_None)
            PyErr_SetObject(typ, val);
        else
            PyErr_SetNone(typ);
    } else {
        PyErr_Format(PyExc_TypeError, "exceptions must be classes or instances deriving from "
                     "BaseException, not %.100s", Py_TYPE(typ)->tp_name);
        return NULL;
    }
    if (tb) {
        PyObject *t, *v, *old_tb;
        PyErr_Fetch(&t, &v, &old_tb);
        Py_XDECREF(old_tb);
        Py_INCREF(tb);
        PyErr_Restore(t, v, tb);
    }
    return spy_gen__result(spy_gen__step((SpyGen *)self, Py_None, 1));
}

static PyObject *spy_gen__close(PyObject *self, PyObject *unused)
{
    SpyGen *g = (SpyGen *)self;
    (void)unused;
    if (g->resume_at <= 0) {
        spy_gen__discard_unstarted(g);
        Py_RETURN_NONE;
    }
    PyErr_SetNone(PyExc_GeneratorExit);
    PyObject *r = spy_gen__step(g, Py_None, 1);
    if (r) {
        Py_DECREF(r);
        PyErr_SetString(PyExc_RuntimeError, "generator ignored GeneratorExit");
        return NULL;
    }
    if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_GeneratorExit) ||
        PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

/* Collected while suspended: close it, so its finally blocks run and the
 * references its frame holds are released (PEP 442 finalizer). */
static void spy_gen__finalize(PyObject *self)
{
    SpyGen *g = (SpyGen *)self;
    if (g->resume_at <= 0)
        return;
    PyObject *et, *ev, *etb;
    PyErr_Fetch(&et, &ev, &etb);
    PyObject *r = spy_gen__close(self, NULL);
    if (r)
        Py_DECREF(r);
    else
        PyErr_WriteUnraisable(self);
    PyErr_Restore(et, ev, etb);
}

static void spy_gen__dealloc(PyObject *self)
{
    SpyGen *g = (SpyGen *)self;
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    if (g->resume_at > 0) {
        if (PyObject_CallFinalizerFromDealloc(self) < 0)
            return; /* resurrected */
    }
    spy_gen__discard_unstarted(g);
    /* A generator that ignored GeneratorExit keeps what its frame holds:
     * leaked, not freed under live references. */
    PyMem_Free(g->frame);
    Py_XDECREF(g->name);
    Py_XDECREF(g->qualname);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *spy_gen__repr(PyObject *self)
{
    return PyUnicode_FromFormat("<generator object %U at %p>", ((SpyGen *)self)->qualname, self);
}

static PyObject *spy_gen__get_name(PyObject *self, void *c)
{
    (void)c;
    PyObject *n = ((SpyGen *)self)->name;
    Py_INCREF(n);
    return n;
}

static PyObject *spy_gen__get_qualname(PyObject *self, void *c)
{
    (void)c;
    PyObject *n = ((SpyGen *)self)->qualname;
    Py_INCREF(n);
    return n;
}

static PyObject *spy_gen__get_running(PyObject *self, void *c)
{
    (void)c;
    return PyBool_FromLong(((SpyGen *)self)->running);
}

static PyMethodDef spy_gen__methods[] = {
    {"send", spy_gen__send, METH_O, "send(arg) -> send 'arg' into generator,\n"
     "return next yielded value or raise StopIteration."},
    {"throw", (PyCFunction)(void (*)(void))spy_gen__throw, METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator."},
    {"close", spy_gen__close, METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef spy_gen__getset[] = {
    {"__name__", spy_gen__get_name, NULL, NULL, NULL},
    {"__qualname__", spy_gen__get_qualname, NULL, NULL, NULL},
    {"gi_running", spy_gen__get_running, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot spy_gen__slots[] = {
    {Py_tp_dealloc, (void *)spy_gen__dealloc},
    {Py_tp_finalize, (void *)spy_gen__finalize},
    {Py_tp_traverse, (void *)spy_gen__traverse},
    {Py_tp_iter, (void *)PyObject_SelfIter},
    {Py_tp_iternext, (void *)spy_gen__iternext},
    {Py_tp_repr, (void *)spy_gen__repr},
    {Py_tp_methods, (void *)spy_gen__methods},
    {Py_tp_getset, (void *)spy_gen__getset},
    {0, NULL},
};

static PyType_Spec spy_gen__spec = {
    "generator", sizeof(SpyGen), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_FINALIZE, spy_gen__slots,
};

/* The generator type of one module (made once, by its exec slot). */
static inline PyTypeObject *spy_gen_type_new(PyObject *module)
{
    return (PyTypeObject *)PyType_FromModuleAndSpec(module, &spy_gen__spec, NULL);
}

/* A new generator of `tp` with a zeroed frame of frame_size bytes. */
static inline SpyGen *spy_gen_new(PyTypeObject *tp, void *st, size_t frame_size,
                                  SpyGenResume resume, SpyGenTraverse traverse,
                                  PyObject *name, PyObject *qualname)
{
    void *frame = PyMem_Calloc(1, frame_size ? frame_size : 1);
    if (!frame)
        return (SpyGen *)PyErr_NoMemory();
    SpyGen *g = PyObject_GC_New(SpyGen, tp);
    if (!g) {
        PyMem_Free(frame);
        return NULL;
    }
    g->resume = resume;
    g->traverse = traverse;
    g->st = st;
    g->frame = frame;
    g->resume_at = 0;
    g->running = 0;
    Py_INCREF(name);
    g->name = name;
    Py_INCREF(qualname);
    g->qualname = qualname;
    PyObject_GC_Track(g);
    return g;
}

/* The body ran to its end, or `return value`: finished. */
static inline PyObject *spy_gen_return(SpyGen *g, PyObject *value)
{
    g->resume_at = -1;
    if (value != Py_None) {
        /* StopIteration(value), even when value is a tuple or exception */
        PyObject *e = PyObject_CallOneArg(PyExc_StopIteration, value);
        if (e) {
            PyErr_SetObject(PyExc_StopIteration, e);
            Py_DECREF(e);
        }
    }
    Py_DECREF(value);
    return NULL;
}

/* The body raised: finished; a StopIteration escaping a generator becomes
 * RuntimeError (PEP 479). */
SPY_COLD PyObject *spy_gen_fail(SpyGen *g)
{
    g->resume_at = -1;
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyErr_NormalizeException(&t, &v, &tb);
        if (tb)
            PyException_SetTraceback(v, tb);
        PyErr_SetString(PyExc_RuntimeError, "generator raised StopIteration");
        PyObject *t2, *v2, *tb2;
        PyErr_Fetch(&t2, &v2, &tb2);
        PyErr_NormalizeException(&t2, &v2, &tb2);
        Py_INCREF(v);
        PyException_SetCause(v2, v);
        PyException_SetContext(v2, v);
        PyErr_Restore(t2, v2, tb2);
        Py_DECREF(t);
        Py_XDECREF(tb);
    }
    return NULL;
}

/* ---- yield from ------------------------------------------------------------------- */

/* iter(x) for `yield from x`. */
static inline PyObject *spy_yf_iter(PyObject *x)
{
    return PyObject_GetIter(x);
}

/* The next value of the delegation: next(it) when sent is None, else
 * it.send(sent). NULL without an exception when `it` finished. */
static inline PyObject *spy_yf_next(PyObject *it, PyObject *sent)
{
    PyObject *r;
    if (Py_EnterRecursiveCall(" in yield from"))
        return NULL;
    if (sent == Py_None && Py_TYPE(it)->tp_iternext)
        r = Py_TYPE(it)->tp_iternext(it);
    else
        r = PyObject_CallMethod(it, "send", "O", sent);
    Py_LeaveRecursiveCall();
    if (!r && PyErr_Occurred() && PyErr_ExceptionMatches(PyExc_StopIteration))
        PyErr_Clear(); /* the subiterator's return value is not used */
    return r;
}

/* gen.throw()/close() reached a generator suspended in `yield from it`:
 * GeneratorExit closes `it` first and is raised here; anything else is
 * thrown into `it` when it has throw(). Returns the value `it` yields
 * next (delegation goes on), or NULL: exception set (raised here), or
 * none (`it` finished). */
SPY_COLD PyObject *spy_yf_throw(PyObject *it)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (PyErr_GivenExceptionMatches(t, PyExc_GeneratorExit)) {
        PyObject *r = PyObject_CallMethod(it, "close", NULL);
        if (!r) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
                Py_XDECREF(t);
                Py_XDECREF(v);
                Py_XDECREF(tb);
                return NULL;
            }
            PyErr_Clear();
        }
        Py_XDECREF(r);
        PyErr_Restore(t, v, tb);
        return NULL;
    }
    PyObject *meth = PyObject_GetAttrString(it, "throw");
    if (!meth) {
        PyErr_Clear();
        PyErr_Restore(t, v, tb);
        return NULL;
    }
    PyErr_NormalizeException(&t, &v, &tb);
    if (tb)
        PyException_SetTraceback(v, tb);
    PyObject *r = PyObject_CallOneArg(meth, v);
    Py_DECREF(meth);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    if (!r && PyErr_ExceptionMatches(PyExc_StopIteration))
        PyErr_Clear();
    return r;
}

#endif /* SPY_GEN_H */
