/*
 * cgen_class.c — C for native classes.
 *
 * Per class: the instance struct (object header, vtable pointer, a bitmap
 * of assigned unboxed fields, one field per attribute, inherited ones
 * first so a subclass struct starts like its base's), the vtable struct
 * and its constant instance, the native constructor spy_new_<C>, and the
 * type object's pieces: tp_new, dealloc/traverse/clear, attribute
 * descriptors, method wrappers and the PyType_Spec that
 * spy_create_type_<C> turns into a heap type when the class statement
 * runs.
 */
#include "emit/lower.h"

#include <string.h>

static const char *S(ModCtx *m, const TcClass *c) { return class_struct(m->a, c); }
static const char *N(ModCtx *m, const char *prefix, const TcClass *c)
{
    return cg_ident(m->a, prefix, c->name);
}
static const char *F(ModCtx *m, const TcAttr *a) { return cg_ident(m->a, "a_", a->name); }

static const IrFunc *ir_of(ModCtx *m, const TcFunc *f) { return m->irs[func_id(m, f)]; }

static const TcFunc *init_of(const TcClass *c)
{
    for (int i = 0; i < c->n_vtable; i++)
        if (!strcmp(c->vtable[i]->name, "__init__"))
            return c->vtable[i];
    return NULL;
}

/* ---- declarations ----------------------------------------------------------- */

static void vtable_member(FILE *out, ModCtx *m, const IrFunc *f)
{
    fprintf(out, "    %s(*%s)(SpyModState *, int", ret_ctype(f->ret_rep),
            cg_ident(m->a, "m_", f->tc->name));
    for (int i = 0; i < f->n_params; i++)
        fprintf(out, ", %s", ir_rep_ctype(f->params[i]->rep));
    fprintf(out, ");\n");
}

void cg_class_decls(FILE *out, ModCtx *m, const TcClass *c)
{
    fprintf(out, "/* class %s */\nstruct %s;\n%s {\n    PyObject_HEAD\n"
            "    const struct %s *vtable;\n"
            "    /* bit 0: an instance of a Python subclass; bit (n+1)%%64 of word\n"
            "     * (n+1)/64: unboxed attribute n is assigned */\n"
            "    uint64_t defined[%d];\n", c->name, N(m, "spy_vt_", c), S(m, c), N(m, "spy_vt_", c),
            defined_words(m->tm, c));
    for (int i = 0; i < c->n_attrs; i++)
        fprintf(out, "    %s%s;   /* %s: %s */\n", ir_rep_ctype(rep_of(c->attrs[i]->type)),
                F(m, c->attrs[i]), c->attrs[i]->name, ty_str(m->a, c->attrs[i]->type));
    fprintf(out, "};\n");
    /* Native callers cast a subclass instance to its base's struct: the
     * inherited fields must sit where the base has them. */
    for (int i = 0; c->base && i < c->n_attrs; i++)
        if (c->attrs[i]->owner != c)
            fprintf(out, "_Static_assert(offsetof(%s, %s) == offsetof(%s, %s), "
                    "\"layout of %s.%s\");\n", S(m, c), F(m, c->attrs[i]), S(m, c->base),
                    F(m, c->attrs[i]), c->name, c->attrs[i]->name);
    fprintf(out, "struct %s {\n", N(m, "spy_vt_", c));
    for (int i = 0; i < c->n_vtable; i++)
        vtable_member(out, m, ir_of(m, c->vtable[i]));
    if (!c->n_vtable)
        fprintf(out, "    char unused;\n");
    fprintf(out, "};\n\n");
}

/* ---- construction ------------------------------------------------------------ */

static void init_params(FILE *out, ModCtx *m, const TcFunc *init, bool decl)
{
    const IrFunc *f = init ? ir_of(m, init) : NULL;
    for (int i = 1; f && i < f->n_params; i++)
        fprintf(out, ", %s%s", decl ? ir_rep_ctype(f->params[i]->rep) : "",
                cg_ident(m->a, "v_", f->params[i]->name));
}

/* A class-body default that is not a literal: the object the class
 * statement of c, or of the base it has the default from, made
 * (st->d[k]), in the field's representation. */
static bool init_from_slot(FILE *out, ModCtx *m, const TcClass *c, const TcAttr *a,
                           const char *f)
{
    while (!tc_own_default(c, a->index))
        c = c->base;
    int k = m->attr_default_slot[c->index][a->index];
    if (k < 0)
        return false;
    const char *d = arena_printf(m->a, "st->d[%d]", k), *bit = arena_printf(
        m->a, "self->%s |= %s", defined_word(m->a, a->index), defined_mask(m->a, a->index));
    switch (rep_of(a->type)) {
    case REP_OBJ: fprintf(out, "    self->%s = %s;\n    Py_XINCREF(self->%s);\n", f, d, f); break;
    case REP_INT:
        fprintf(out, "    self->%s = %s ? spy_int_from_long_object(%s) : SPY_INT_ERR;\n", f, d, d);
        break;
    case REP_FLOAT:
        fprintf(out, "    self->%s = %s ? PyFloat_AS_DOUBLE(%s) : 0.0;\n    if (%s)\n        %s;\n",
                f, d, d, d, bit);
        break;
    case REP_BOOL:
        fprintf(out, "    self->%s = %s == Py_True;\n    if (%s)\n        %s;\n", f, d, d, bit);
        break;
    default: /* fixed-width: the int was range-checked when it was stored */
        fprintf(out, "    self->%s = %s ? PyLong_AsLongLong(%s) : 0;\n    if (%s)\n        %s;\n",
                f, d, d, d, bit);
    }
    return true;
}

static void init_field(FILE *out, ModCtx *m, const TcClass *c, const TcAttr *a)
{
    IrRep rep = rep_of(a->type);
    Expr *d = c->defaults[a->index];
    const char *lit = d ? cg_default_literal(m, d, a->type) : NULL;
    const char *f = F(m, a);
    if (!lit && d && init_from_slot(out, m, c, a, f))
        return;
    if (rep == REP_INT)
        fprintf(out, "    self->%s = %s;\n", f, lit ? lit : "SPY_INT_ERR");
    else if (rep == REP_OBJ && lit)
        fprintf(out, "    self->%s = %s;\n    Py_INCREF(self->%s);\n", f, lit, f);
    else if (lit)
        fprintf(out, "    self->%s = %s;\n    self->%s |= %s;\n", f, lit,
                defined_word(m->a, a->index), defined_mask(m->a, a->index));
    else
        fprintf(out, "    self->%s = %s;\n", f, rep == REP_OBJ ? "NULL" : "0");
}

void cg_class_proto(FILE *out, ModCtx *m, const TcClass *c)
{
    fprintf(out, "static PyObject *%s(SpyModState *st, int depth", N(m, "spy_new_", c));
    init_params(out, m, init_of(c), true);
    fprintf(out, ");\nstatic PyObject *%s(SpyModState *st);\n", N(m, "spy_create_type_", c));
    fprintf(out, "static PyObject *%s(SpyModState *st, PyTypeObject *tp);\n",
            N(m, "spy_blank_", c));
    /* accessors: also called by attribute accesses on untyped receivers */
    for (int i = 0; i < c->n_attrs; i++)
        if (c->attrs[i]->owner == c)
            fprintf(out, "__attribute__((unused)) static PyObject *%s(PyObject *, void *);\n"
                    "__attribute__((unused)) static int %s(PyObject *, PyObject *, void *);\n",
                    field_accessor(m->a, c->attrs[i], "get"), field_accessor(m->a, c->attrs[i], "set"));
    cg_dataclass_proto(out, m, c);
}

static bool needs_gc(const TcClass *c);

/* An ABC with abstract methods left: the interpreter's TypeError (its
 * wording changed in 3.12). */
static void emit_abstract_error(FILE *out, const TcClass *c)
{
    const char *s = c->n_abstract > 1 ? "s" : "";
    fprintf(out, "    (void)st;\n#if PY_VERSION_HEX >= 0x030C0000\n    PyErr_SetString(PyExc_TypeError, "
            "\"Can't instantiate abstract class %s without an implementation for abstract "
            "method%s ", c->name, s);
    for (int i = 0; i < c->n_abstract; i++)
        fprintf(out, "%s'%s'", i ? ", " : "", c->abstract_names[i]);
    fprintf(out, "\");\n#else\n    PyErr_SetString(PyExc_TypeError, \"Can't instantiate abstract "
            "class %s with abstract method%s ", c->name, s);
    for (int i = 0; i < c->n_abstract; i++)
        fprintf(out, "%s%s", i ? ", " : "", c->abstract_names[i]);
    fprintf(out, "\");\n#endif\n    return NULL;\n");
}

static void emit_new(FILE *out, ModCtx *m, const TcClass *c)
{
    const TcFunc *init = init_of(c);
    /* Every field is set here, so the object needs no zeroing (tp_alloc's
     * memset was a tenth of an allocation-heavy loop); the GC may see it
     * once the fields are valid. */
    fprintf(out, "/* A %s (or an instance of tp, a Python subclass) with no attribute\n"
            " * assigned but the class's defaults: what __init__ starts from, and\n"
            " * what unpickling and copying fill. */\n"
            "static PyObject *%s(SpyModState *st, PyTypeObject *tp)\n{\n    %s *self;\n"
            "    uint64_t python_subclass = 0;\n"
            "    if (SPY_LIKELY(tp == st->types[%d])) {\n"
            "        self = (%s *)spy_instance_alloc(tp, %d);\n        if (!self)\n"
            "            return NULL;\n        self->vtable = &%s;\n    } else {\n"
            "        self = (%s *)spy_subclass_alloc(tp);\n        if (!self)\n"
            "            return NULL;\n        self->vtable = &%s;\n"
            "        python_subclass = SPY_PYTHON_SUBCLASS_BIT;\n    }\n"
            "    memset(self->defined, 0, sizeof self->defined);\n"
            "    self->defined[0] = python_subclass;\n", c->name, N(m, "spy_blank_", c), S(m, c), c->index,
            S(m, c), needs_gc(c), N(m, "spy_vtable_", c), S(m, c), N(m, "spy_vtramp_", c));
    for (int i = 0; i < c->n_attrs; i++)
        init_field(out, m, c, c->attrs[i]);
    /* PyObject_GC_New never tracks; tp_alloc tracked a subclass's */
    if (needs_gc(c))
        fprintf(out, "    if (!python_subclass || !PyObject_GC_IsTracked((PyObject *)self))\n"
                "        PyObject_GC_Track(self);\n");
    fprintf(out, "    return (PyObject *)self;\n}\n\n");
    fprintf(out, "/* %s(...) from native code: a blank instance, then __init__ */\n"
            "static PyObject *%s(SpyModState *st, int depth", c->name, N(m, "spy_new_", c));
    init_params(out, m, init, true);
    fprintf(out, ")\n{\n");
    if (c->n_abstract)
        emit_abstract_error(out, c);
    fprintf(out, "    PyObject *self = %s(st, st->types[%d]);\n    if (!self)\n"
            "        return NULL;\n    (void)depth;\n", N(m, "spy_blank_", c), c->index);
    if (init) {
        fprintf(out, "    %sr = %s(st, depth, self", ret_ctype(ir_of(m, init)->ret_rep),
                func_cname(m->a, init));
        init_params(out, m, init, false);
        fprintf(out, ");\n    if (%s) {\n        Py_DECREF(self);\n        return NULL;\n    }\n",
                failed_result(ir_of(m, init)->ret_rep));
        if (ir_rep_refcounted(ir_of(m, init)->ret_rep))
            fprintf(out, "    %s(r);\n", ir_of(m, init)->ret_rep == REP_INT ? "spy_int_decref"
                                                                              : "Py_DECREF");
    }
    fprintf(out, "    return self;\n}\n\n");
}

/* Instantiating a Python subclass of an abstract class: the abstract
 * methods it still inherits as they are. */
static void emit_subclass_abstract_check(FILE *out, ModCtx *m, const TcClass *c)
{
    if (!c->n_abstract)
        return;
    fprintf(out, "    if (type != st->types[%d]) {\n        PyObject *const abstract[] = {", c->index);
    for (int i = 0; i < c->n_abstract; i++)
        fprintf(out, "%sst->c[%d]", i ? ", " : "", const_name(m, c->abstract_names[i]));
    fprintf(out, "};\n        if (spy_check_abstract(type, st->types[%d], abstract, %d) < 0)\n"
            "            return NULL;\n    }\n", c->index, c->n_abstract);
}

/* C(...) from Python is the type's vectorcall: a blank instance, then
 * __init__ natively.  Other ways in take the interpreter's two steps:
 * tp_new makes a blank instance of the type (C or a Python subclass),
 * tp_init runs __init__ (as C.__init__(self, ...) does). */
static void emit_tp_new(FILE *out, ModCtx *m, const TcClass *c)
{
    const TcFunc *init = init_of(c);
    fprintf(out, "static PyObject *%s(SpyModState *st, PyObject *const *args, Py_ssize_t nargs, "
            "PyObject *kwnames)\n{\n", N(m, "spy_make_", c));
    if (init) {
        fprintf(out, "    const int depth = 0;\n");
        cg_wrapper_body(out, m, ir_of(m, init), -1, N(m, "spy_new_", c), REP_OBJ);
    } else {
        fprintf(out, "    (void)args;\n    if (nargs || (kwnames && PyTuple_GET_SIZE(kwnames))) {\n"
                "        PyErr_SetString(PyExc_TypeError, \"%s() takes no arguments\");\n"
                "        return NULL;\n    }\n    return %s(st, 0);\n", c->name, N(m, "spy_new_", c));
    }
    fprintf(out, "}\n\nstatic PyObject *%s(PyObject *type, PyObject *const *args, size_t nargsf, "
            "PyObject *kwnames)\n{\n"
            "    SpyModState *st = (SpyModState *)spy_type_state((PyTypeObject *)type);\n"
            "    if (SPY_UNLIKELY(!st || type != (PyObject *)st->types[%d]))\n"
            "        return spy_type_call(type, args, nargsf, kwnames);\n"
            "    return %s(st, args, PyVectorcall_NARGS(nargsf), kwnames);\n}\n\n",
            N(m, "spy_vc_", c), c->index, N(m, "spy_make_", c));
    fprintf(out, "static PyObject *%s(PyTypeObject *type, PyObject *args, PyObject *kwds)\n{\n"
            "    SpyModState *st = (SpyModState *)spy_type_state(type);\n"
            "    if (!st)\n        return NULL;\n", N(m, "spy_tpnew_", c));
    if (c->n_abstract) {
        fprintf(out, "    if (type == st->types[%d]) {\n", c->index);
        emit_abstract_error(out, c);
        fprintf(out, "    }\n");
    }
    emit_subclass_abstract_check(out, m, c);
    if (!init) /* object.__new__'s check, as __init__ is object's */
        fprintf(out, "    if ((PyTuple_GET_SIZE(args) || (kwds && PyDict_GET_SIZE(kwds))) &&\n"
                "        type->tp_init == PyBaseObject_Type.tp_init) {\n"
                "        PyErr_Format(PyExc_TypeError, \"%%.200s() takes no arguments\", "
                "type->tp_name);\n        return NULL;\n    }\n");
    else
        fprintf(out, "    (void)args;\n    (void)kwds;\n");
    fprintf(out, "    return %s(st, type);\n}\n\n", N(m, "spy_blank_", c));
    if (!init || init->cls != c)
        return; /* an inherited __init__: the type inherits its base's tp_init */
    fprintf(out, "/* %s.__init__ of a native or Python subclass's instance */\n"
            "static PyObject *%s(SpyModState *st, PyObject *self, PyObject *const *args, "
            "Py_ssize_t nargs, PyObject *kwnames)\n{\n    const int depth = 0;\n",
            c->name, N(m, "spy_init_", c));
    cg_wrapper_body(out, m, ir_of(m, init), 1, func_cname(m->a, init), ir_of(m, init)->ret_rep);
    fprintf(out, "}\n\nstatic int %s(PyObject *self, PyObject *args, PyObject *kwds)\n{\n"
            "    SpyModState *st = (SpyModState *)spy_type_state(Py_TYPE(self));\n"
            "    PyObject **stack, *kwnames;\n    Py_ssize_t nargs;\n"
            "    if (!st || spy_vector_from(args, kwds, &stack, &nargs, &kwnames) < 0)\n"
            "        return -1;\n"
            "    PyObject *res = %s(st, self, stack, nargs, kwnames);\n"
            "    spy_vector_free(stack, kwnames);\n    if (!res)\n        return -1;\n"
            "    Py_DECREF(res);\n    return 0;\n}\n\n", N(m, "spy_tpinit_", c),
            N(m, "spy_init_", c));
}

/* ---- garbage collection ---------------------------------------------------------- */

/* An instance whose fields are all ints, floats and bools (a boxed int
 * is an exact int) can never be part of a reference cycle: its type
 * leaves the cyclic GC out, so creating and freeing one skips tracking
 * and it never makes a collection run.  A class with a native base or
 * native subclasses keeps GC (one layout rule for the whole hierarchy);
 * a Python subclass gets its own GC support from the interpreter. */
static bool needs_gc(const TcClass *c)
{
    if (c->base || c->has_subclasses)
        return true;
    for (int i = 0; i < c->n_attrs; i++)
        if (rep_of(c->attrs[i]->type) == REP_OBJ)
            return true;
    return false;
}

static void emit_gc(FILE *out, ModCtx *m, const TcClass *c)
{
    bool gc = needs_gc(c);
    if (gc)
        fprintf(out, "static int %s(PyObject *obj, visitproc visit, void *arg)\n{\n"
            "    %s *self = (%s *)obj;\n    (void)self;\n", N(m, "spy_traverse_", c), S(m, c), S(m, c));
    for (int i = 0; gc && i < c->n_attrs; i++)
        if (rep_of(c->attrs[i]->type) == REP_OBJ)
            fprintf(out, "    Py_VISIT(self->%s);\n", F(m, c->attrs[i]));
    if (gc)
        fprintf(out, "    Py_VISIT(Py_TYPE(obj));\n    return 0;\n}\n\n");
    fprintf(out, "static int %s(PyObject *obj)\n{\n    %s *self = (%s *)obj;\n    (void)self;\n",
            N(m, "spy_clear_", c), S(m, c), S(m, c));
    for (int i = 0; i < c->n_attrs; i++) {
        const char *f = F(m, c->attrs[i]);
        IrRep rep = rep_of(c->attrs[i]->type);
        if (rep == REP_OBJ)
            fprintf(out, "    Py_CLEAR(self->%s);\n", f);
        else if (rep == REP_INT)
            fprintf(out, "    {\n        SpyInt old = self->%s;\n        self->%s = SPY_INT_ERR;\n"
                    "        spy_int_xdecref(old);\n    }\n", f, f);
    }
    fprintf(out, "    return 0;\n}\n\n");
    const char *dealloc = N(m, "spy_dealloc_", c), *clear = N(m, "spy_clear_", c);
    if (!gc) {
        fprintf(out, "static void %s(PyObject *obj)\n{\n    PyTypeObject *tp = Py_TYPE(obj);\n"
                "    /* not tracked: only ints, floats and bools */\n"
                "    %s(obj);\n    tp->tp_free(obj);\n    Py_DECREF(tp);\n}\n\n", dealloc, clear);
        return;
    }
    /* Releasing a long chain of instances (a linked list dropped at once)
     * recurses as deep as the chain: past SPY_DEALLOC_NESTING_MAX nested
     * deallocs the interpreter's trashcan takes over, which defers the
     * deeper ones and frees them in a loop, as for its own containers. */
    fprintf(out, "static void %s(PyObject *obj)\n{\n    PyTypeObject *tp = Py_TYPE(obj);\n"
            "    PyObject_GC_UnTrack(obj);\n"
            "    if (SPY_LIKELY(spy_dealloc_nesting < SPY_DEALLOC_NESTING_MAX)) {\n"
            "        spy_dealloc_nesting++;\n        %s(obj);\n        spy_dealloc_nesting--;\n"
            "        tp->tp_free(obj);\n        Py_DECREF(tp);\n        return;\n    }\n"
            "    Py_TRASHCAN_BEGIN(obj, %s)\n    %s(obj);\n    tp->tp_free(obj);\n"
            "    Py_DECREF(tp);\n    Py_TRASHCAN_END\n}\n\n", dealloc, clear, dealloc, clear);
}

/* ---- attribute descriptors ---------------------------------------------------------- */

static void emit_getter(FILE *out, ModCtx *m, const TcClass *c, const TcAttr *a)
{
    const char *f = F(m, a);
    fprintf(out, "static PyObject *%s_%s(PyObject *obj, void *closure)\n{\n"
            "    %s *self = (%s *)obj;\n    (void)closure;\n", N(m, "spy_get_", c), f, S(m, c),
            S(m, c));
    switch (rep_of(a->type)) {
    case REP_INT:
        fprintf(out, "    if (self->%s != SPY_INT_ERR)\n        return spy_int_box(self->%s);\n", f, f);
        break;
    case REP_FLOAT: case REP_BOOL: case REP_I64:
        if (!a->always_defined)
            fprintf(out, "    if (self->%s & %s)\n    ", defined_word(m->a, a->index),
                    defined_mask(m->a, a->index));
        fprintf(out, "    return %s(self->%s);\n",
                rep_of(a->type) == REP_FLOAT ? "PyFloat_FromDouble"
                : rep_of(a->type) == REP_I64 ? "spy_i64_box" : "spy_bool_box", f);
        break;
    default:
        fprintf(out, "    if (self->%s) {\n        Py_INCREF(self->%s);\n        return self->%s;\n"
                "    }\n", f, f, f);
    }
    fprintf(out, "    spy_no_attr(obj, \"%s\");\n    return NULL;\n}\n\n", a->name);
}

/* A native @property: the getset entry's getter calls the method's
 * wrapper with no arguments (which dispatches through the vtable). */
static void emit_property_getter(FILE *out, ModCtx *m, const TcFunc *f)
{
    fprintf(out, "static PyObject *%s(PyObject *obj, void *closure)\n{\n"
            "    (void)closure;\n    return %s(obj, spy_native_type(Py_TYPE(obj)), NULL, 0, NULL);\n}\n\n",
            cg_ident(m->a, "spy_prop", func_cname(m->a, f)),
            cg_ident(m->a, "w", func_cname(m->a, f)));
    /* Setting it: its setter, through its Python-visible wrapper (which
     * checks the value); deleting it, or setting one without a setter:
     * the interpreter's AttributeError for a property. */
    fprintf(out, "static int %s(PyObject *obj, PyObject *value, void *closure)\n{\n"
            "    (void)closure;\n", cg_ident(m->a, "spy_propset", func_cname(m->a, f)));
    if (f->setter)
        fprintf(out, "    if (value) {\n"
                "        PyObject *r = %s(obj, spy_native_type(Py_TYPE(obj)), &value, 1, NULL);\n"
                "        Py_XDECREF(r);\n        return r ? 0 : -1;\n    }\n",
                cg_ident(m->a, "w", func_cname(m->a, f->setter)));
    fprintf(out, "    spy_property_readonly(obj, \"%s\", value == NULL);\n    return -1;\n}\n\n",
            f->name);
}

/* A parameter's test, but a tuple attribute's length is not checked. */
static const char *setter_check(ModCtx *m, const TyType *t)
{
    if (t->kind == TY_TUPLE)
        return arena_printf(m->a, "spy_is_kind(value, %uu)", kind_mask(t));
    return cg_type_test(m, t, "value");
}

static void emit_setter(FILE *out, ModCtx *m, const TcClass *c, const TcAttr *a)
{
    const char *f = F(m, a);
    IrRep rep = rep_of(a->type);
    fprintf(out, "static int %s_%s(PyObject *obj, PyObject *value, void *closure)\n{\n"
            "    %s *self = (%s *)obj;\n    (void)closure;\n"
            "    SpyModState *st = (SpyModState *)spy_type_state(Py_TYPE(obj));\n"
            "    if (!st)\n        return -1;\n", N(m, "spy_set_", c), f, S(m, c), S(m, c));
    fprintf(out, "    if (!value) {\n");
    if (a->always_defined)
        fprintf(out, "        PyErr_SetString(PyExc_AttributeError, \"attribute '%s' of '%s' "
                "objects cannot be deleted: compiled code relies on __init__ setting it\");\n"
                "        return -1;\n", a->name, c->name);
    else if (rep == REP_OBJ)
        fprintf(out, "        if (self->%s) {\n            Py_CLEAR(self->%s);\n            return 0;\n"
                "        }\n", f, f);
    else if (rep == REP_INT)
        fprintf(out, "        if (self->%s != SPY_INT_ERR) {\n            SpyInt old = self->%s;\n"
                "            self->%s = SPY_INT_ERR;\n            spy_int_decref(old);\n"
                "            return 0;\n        }\n", f, f, f);
    else
        fprintf(out, "        if (self->%s & %s) {\n            self->%s &= ~%s;\n"
                "            return 0;\n        }\n", defined_word(m->a, a->index),
                defined_mask(m->a, a->index), defined_word(m->a, a->index),
                defined_mask(m->a, a->index));
    fprintf(out, "        spy_no_attr(obj, \"%s\");\n        return -1;\n    }\n", a->name);
    const char *check = setter_check(m, a->type);
    if (check)
        fprintf(out, "    if (!%s) {\n        PyErr_Format(PyExc_TypeError, \"attribute '%s' of "
                "'%s' must be %s, not %%.100s\", Py_TYPE(value)->tp_name);\n        return -1;\n"
                "    }\n", check, a->name, c->name, ty_str(m->a, a->type));
    const char *mark = arena_printf(m->a, "    self->%s |= %s;\n", defined_word(m->a, a->index),
                                    defined_mask(m->a, a->index));
    switch (rep) {
    case REP_INT:
        fprintf(out, "    SpyInt v = spy_int_from_long_object(value);\n"
                "    if (v == SPY_INT_ERR)\n        return -1;\n"
                "    spy_field_set_int(&self->%s, v);\n    spy_int_decref(v);\n", f);
        break;
    case REP_FLOAT:
        fprintf(out, "    double v = PyFloat_AsDouble(value);\n"
                "    if (v == -1.0 && PyErr_Occurred())\n        return -1;\n"
                "    self->%s = v;\n%s", f, mark);
        break;
    case REP_BOOL:
        fprintf(out, "    self->%s = (char)(value == Py_True);\n%s", f, mark);
        break;
    case REP_I64:
        fprintf(out, "    int64_t v = spy_unbox_fixed(value, %d);\n"
                "    if (v == SPY_I64_ERR && PyErr_Occurred())\n        return -1;\n"
                "    self->%s = v;\n%s",
                a->type->kind == TY_I64 ? 0 : a->type->kind == TY_I32 ? 1
                : a->type->kind == TY_I16 ? 2 : 3, f, mark);
        break;
    default:
        fprintf(out, "    spy_field_set_obj(&self->%s, value);\n", f);
    }
    fprintf(out, "    return 0;\n}\n\n");
}

/* ---- the type ------------------------------------------------------------------------- */

/* A method in the type's dict.  __init__ is the tp_init slot instead,
 * whose wrapper `Base.__init__(self, ...)` and super() calls find. */
static bool is_exposed_method(const TcFunc *f)
{
    return !f->is_property && !f->is_setter && strcmp(f->name, "__init__") != 0;
}

static const TcFunc *method_named(const TcClass *c, const char *name)
{
    for (int i = 0; i < c->n_vtable; i++)
        if (!strcmp(c->vtable[i]->name, name))
            return c->vtable[i];
    return NULL;
}

/* tp_repr / tp_str: the (possibly inherited or overridden) method, called
 * through the vtable so a native subclass's override is used. */
static void emit_slot_wrapper(FILE *out, ModCtx *m, const TcClass *c, const char *dunder)
{
    const TcFunc *f = method_named(c, dunder);
    if (!f || f->cls != c)
        return;
    fprintf(out, "static PyObject *%s_%s(PyObject *self)\n{\n"
            "    SpyModState *st = (SpyModState *)spy_type_state(Py_TYPE(self));\n"
            "    if (!st)\n        return NULL;\n"
            "    return ((%s *)self)->vtable->%s(st, 0, self);\n}\n\n", N(m, "spy_slot_", c),
            dunder + 2, S(m, c), cg_ident(m->a, "m_", dunder));
}

/* A method's docstring as a C string, or NULL. */
static void emit_docstring(FILE *out, const TcFunc *f)
{
    const char *doc = f->def->u.funcdef.docstring;
    if (doc)
        c_string(out, doc, strlen(doc));
    else
        fprintf(out, "NULL");
}


/* Does the class or a base define one of names? */
static bool chain_defines(const TcClass *c, const char *const *names, size_t n)
{
    for (; c; c = c->base)
        for (size_t i = 0; i < n; i++)
            if (tc_class_defines_method(c, names[i]))
                return true;
    return false;
}

/* The __reduce__ a class gets for pickle and copy: none when it reduces
 * itself; its own __getstate__'s state; else its assigned attributes. */
static const char *reduce_method(const TcClass *c)
{
    static const char *const own[] = {"__reduce__", "__reduce_ex__", "__getnewargs__",
                                      "__getnewargs_ex__"};
    static const char *const getstate[] = {"__getstate__"};
    if (chain_defines(c, own, sizeof own / sizeof *own))
        return NULL;
    return chain_defines(c, getstate, 1) ? "spy_native_reduce_getstate" : "spy_native_reduce";
}

static void emit_tables(FILE *out, ModCtx *m, const TcClass *c)
{
    fprintf(out, "static PyMethodDef %s[] = {\n", N(m, "spy_methods_", c));
    /* pickle and copy: a blank instance, then the assigned attributes
     * (spy_native_reduce) */
    const char *reduce = reduce_method(c);
    if (reduce)
        fprintf(out, "    {\"__reduce__\", %s, METH_NOARGS, NULL},\n", reduce);
    /* a class of typing.Generic: C[int] is a types.GenericAlias, as for list */
    if (c->generic)
        fprintf(out, "    {\"__class_getitem__\", Py_GenericAlias, METH_O | METH_CLASS, NULL},\n");
    for (int i = 0; i < c->n_methods; i++) {
        const TcFunc *f = c->methods[i];
        if (!is_exposed_method(f))
            continue;
        fprintf(out, "    {\"%s\", (PyCFunction)(void (*)(void))%s, "
                "METH_METHOD | METH_FASTCALL | METH_KEYWORDS, ", f->name,
                cg_ident(m->a, "w", func_cname(m->a, f)));
        cg_func_doc(out, m, f, true);
        fprintf(out, "},\n");
    }
    fprintf(out, "    {NULL, NULL, 0, NULL}\n};\n\nstatic PyGetSetDef %s[] = {\n",
            N(m, "spy_getset_", c));
    for (int i = 0; i < c->n_attrs; i++)
        if (c->attrs[i]->owner == c)
            fprintf(out, "    {\"%s\", %s_%s, %s_%s, NULL, NULL},\n", c->attrs[i]->name,
                    N(m, "spy_get_", c), F(m, c->attrs[i]), N(m, "spy_set_", c), F(m, c->attrs[i]));
    for (int i = 0; i < c->n_methods; i++) {
        const TcFunc *f = c->methods[i];
        if (!f->is_property)
            continue;
        fprintf(out, "    {\"%s\", %s, %s, ", f->name,
                cg_ident(m->a, "spy_prop", func_cname(m->a, f)),
                cg_ident(m->a, "spy_propset", func_cname(m->a, f)));
        emit_docstring(out, f);
        fprintf(out, ", SPY_PROPERTY_CLOSURE},\n");
    }
    fprintf(out, "    {NULL, NULL, NULL, NULL, NULL}\n};\n\n");
}

/* The type's tp_doc: its text signature (where inspect.signature finds
 * the arguments the class takes), then the docstring; NULL for none. */
static const char *class_doc(ModCtx *m, const TcClass *c)
{
    const char *doc = c->def->u.classdef.docstring;
    const char *sig = cg_class_text_signature(m, c, init_of(c));
    return sig ? arena_printf(m->a, "%s%s", sig, doc ? doc : "") : doc;
}

static bool is_dunder(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && !strncmp(name, "__", 2) && !strcmp(name + n - 2, "__");
}


/* The special methods the class defines reach the type's slots (see
 * spy_type_wire_dunders); __repr__ and __str__ have direct slots. */
static void emit_wire_dunders(FILE *out, const TcClass *c)
{
    bool any = false, hash_none = tc_class_defines_method(c, "__eq__") &&
                                !tc_class_defines_method(c, "__hash__");
    for (int i = 0; i < c->n_methods; i++) {
        const char *n = c->methods[i]->name;
        if (!is_dunder(n) || !strcmp(n, "__init__") || !strcmp(n, "__repr__") ||
            !strcmp(n, "__str__"))
            continue;
        fprintf(out, "%s\"%s\"", any ? ", " : "    static const char *const dunders[] = {", n);
        any = true;
    }
    if (!any && !hash_none)
        return;
    fprintf(out, "%sNULL};\n", any ? ", " : "    static const char *const dunders[] = {");
    fprintf(out, "    if (spy_type_wire_dunders(t, dunders, %d) < 0) {\n"
            "        Py_DECREF(t);\n        return NULL;\n    }\n", hash_none);
}

static void emit_spec(FILE *out, ModCtx *m, const TcClass *c)
{
    fprintf(out, "static PyType_Slot %s[] = {\n"
            "    {Py_tp_new, (void *)%s},\n    {Py_tp_dealloc, (void *)%s},\n",
            N(m, "spy_slots_", c), N(m, "spy_tpnew_", c), N(m, "spy_dealloc_", c));
    if (init_of(c) && init_of(c)->cls == c)
        fprintf(out, "    {Py_tp_init, (void *)%s},\n", N(m, "spy_tpinit_", c));
    if (needs_gc(c))
        fprintf(out, "    {Py_tp_traverse, (void *)%s},\n    {Py_tp_clear, (void *)%s},\n",
                N(m, "spy_traverse_", c), N(m, "spy_clear_", c));
    fprintf(out, "    {Py_tp_methods, %s},\n    {Py_tp_getset, %s},\n",
            N(m, "spy_methods_", c), N(m, "spy_getset_", c));
    const TcFunc *repr = method_named(c, "__repr__"), *str = method_named(c, "__str__");
    if (repr && repr->cls == c)
        fprintf(out, "    {Py_tp_repr, (void *)%s_repr__},\n", N(m, "spy_slot_", c));
    if (str && str->cls == c)
        fprintf(out, "    {Py_tp_str, (void *)%s_str__},\n", N(m, "spy_slot_", c));
    const char *doc = class_doc(m, c);
    if (doc) {
        fprintf(out, "    {Py_tp_doc, (void *)");
        c_string(out, doc, strlen(doc));
        fprintf(out, "},\n");
    }
    fprintf(out, "    {0, NULL}\n};\n\nstatic PyType_Spec %s = {\n    \"%s.%s\",\n"
            "    sizeof(%s),\n    0,\n    Py_TPFLAGS_DEFAULT%s%s,\n    %s\n};\n\n",
            N(m, "spy_spec_", c), m->tm->ast->name, c->name, S(m, c),
            c->final_class ? "" : " | Py_TPFLAGS_BASETYPE",
            needs_gc(c) ? " | Py_TPFLAGS_HAVE_GC" : "", N(m, "spy_slots_", c));
    fprintf(out, "/* Runs when the class statement does; a new reference to the type. */\n"
            "static PyObject *%s(SpyModState *st)\n{\n", N(m, "spy_create_type_", c));
    if (c->base)
        fprintf(out, "    if (!st->types[%d]) {\n        PyErr_SetString(PyExc_SystemError, "
                "\"base class %s was not created\");\n        return NULL;\n    }\n",
                c->base->index, c->base->name);
    /* 3.9 takes the bases only as a tuple. */
    if (c->base)
        fprintf(out, "    PyObject *bases = PyTuple_Pack(1, (PyObject *)st->types[%d]);\n"
                "    if (!bases)\n        return NULL;\n", c->base->index);
    fprintf(out, "    PyObject *t = PyType_FromModuleAndSpec(st->module, &%s, %s);\n",
            N(m, "spy_spec_", c), c->base ? "bases" : "NULL");
    if (c->base)
        fprintf(out, "    Py_DECREF(bases);\n");
    /* A class statement's type is named "Vec" in the interpreter's
     * messages ("unhashable type: 'Vec'"), not "mod.Vec"; __module__ and
     * __qualname__ already come from the spec. */
    fprintf(out, "    if (!t)\n        return NULL;\n    ((PyTypeObject *)t)->tp_name = \"%s\";\n",
            c->name);
    /* The spec's name makes __module__ the source file's name; a package's
     * submodule is "pkg.mod", which a class statement gets from __name__
     * (repr, and pickle finding the class, depend on it). */
    fprintf(out, "    if (PyObject_SetAttrString(t, \"__module__\", st->modname) < 0) {\n"
            "        Py_DECREF(t);\n        return NULL;\n    }\n");
    if (cg_class_text_signature(m, c, init_of(c))) {
        /* only a text signature in tp_doc: __doc__ is None, as interpreted */
        if (!c->def->u.classdef.docstring)
            fprintf(out, "    if (PyDict_SetItemString(((PyTypeObject *)t)->tp_dict, \"__doc__\", "
                    "Py_None) < 0) {\n        Py_DECREF(t);\n        return NULL;\n    }\n");
        fprintf(out, "#if PY_VERSION_HEX < 0x030A0000\n    if (spy_type_restore_doc(t, ");
        c_string(out, doc, strlen(doc)); /* 3.9 cut the signature out of tp_doc */
        fprintf(out, ") < 0) {\n        Py_DECREF(t);\n        return NULL;\n    }\n#endif\n");
    }
    emit_wire_dunders(out, c);
    if (c->final_class) /* what typing.final does to a class since 3.11 */
        fprintf(out, "#if PY_VERSION_HEX >= 0x030B0000\n"
                "    if (PyObject_SetAttrString(t, \"__final__\", Py_True) < 0) {\n"
                "        Py_DECREF(t);\n        return NULL;\n    }\n#endif\n");
    /* C(...): a PyType_Spec cannot set it (before 3.14); no subclass
     * inherits it */
    fprintf(out, "    ((PyTypeObject *)t)->tp_vectorcall = %s;\n", N(m, "spy_vc_", c));
    fprintf(out, "    Py_INCREF(t);\n"
            "    Py_XSETREF(st->types[%d], (PyTypeObject *)t);\n    return t;\n}\n\n", c->index);
}

void cg_class_defs(FILE *out, ModCtx *m, const TcClass *c)
{
    fprintf(out, "/* ---- class %s ---- */\n\nstatic const struct %s %s = {\n", c->name,
            N(m, "spy_vt_", c), N(m, "spy_vtable_", c));
    for (int i = 0; i < c->n_vtable; i++)
        fprintf(out, "    %s,\n", exact_cname(m, c->vtable[i]));
    if (!c->n_vtable)
        fprintf(out, "    0\n");
    fprintf(out, "};\n\n");
    cg_subclass_vtable(out, m, c);
    emit_new(out, m, c);
    emit_tp_new(out, m, c);
    emit_gc(out, m, c);
    for (int i = 0; i < c->n_attrs; i++)
        if (c->attrs[i]->owner == c) {
            emit_getter(out, m, c, c->attrs[i]);
            emit_setter(out, m, c, c->attrs[i]);
        }
    for (int i = 0; i < c->n_methods; i++)
        if (is_exposed_method(c->methods[i]) || c->methods[i]->is_property ||
            c->methods[i]->is_setter)
            cg_wrapper(out, m, ir_of(m, c->methods[i]));
    for (int i = 0; i < c->n_methods; i++)
        if (c->methods[i]->is_property)
            emit_property_getter(out, m, c->methods[i]);
    emit_slot_wrapper(out, m, c, "__repr__");
    emit_slot_wrapper(out, m, c, "__str__");
    emit_tables(out, m, c);
    emit_spec(out, m, c);
    cg_dataclass_defs(out, m, c);
}
