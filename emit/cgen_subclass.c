/*
 * cgen_subclass.c — what lets Python code subclass a native class.
 *
 * An instance of a Python subclass of native class C has C's struct (the
 * subclass adds its dict and weakref list after it) and C's vtable
 * layout, but its vtable is C's trampoline vtable: one trampoline per
 * method (an inherited method's is its defining class's).  A trampoline
 * looks the method up on the instance's type, as
 * the interpreter's method call would; when the subclass leaves it as C
 * has it, it calls C's native code, else it boxes the arguments, calls
 * the override and checks its result against the declared return type.
 * So compiled callers see the overrides, and calls on C's own instances
 * (whose vtable is C's) pay nothing.
 *
 * Construction follows the interpreter's two steps for every type but C
 * itself: tp_new makes a blank instance (the subclass's size, C's field
 * defaults, the trampoline vtable), tp_init runs C's __init__ (which a
 * subclass's own __init__ replaces, and reaches through super()).  C(...)
 * itself is one step, by the type's vectorcall (never inherited).
 */
#include "emit/lower.h"

#include <string.h>

static const IrFunc *ir_of(ModCtx *m, const TcFunc *f) { return m->irs[func_id(m, f)]; }

static const char *N(ModCtx *m, const char *prefix, const TcClass *c)
{
    return cg_ident(m->a, prefix, c->name);
}

static const char *tramp_name(ModCtx *m, const TcClass *c, const TcFunc *f)
{
    return arena_printf(m->a, "%s__%s", N(m, "spy_tramp_", c), cg_ident(m->a, "", f->name));
}

/* A new reference to the object for native value `v` of type t, or the
 * C expression of a borrowed one (`*borrowed`). */
static const char *box_value(ModCtx *m, const TyType *t, const char *v, bool *borrowed)
{
    *borrowed = false;
    switch (rep_of(t)) {
    case REP_INT: return arena_printf(m->a, "spy_int_box(%s)", v);
    case REP_FLOAT: return arena_printf(m->a, "PyFloat_FromDouble(%s)", v);
    case REP_BOOL: return arena_printf(m->a, "spy_bool_box(%s)", v);
    case REP_I64: return arena_printf(m->a, "spy_i64_box(%s)", v);
    default: *borrowed = true; return v;
    }
}

/* The C test that object r (in `st`'s module) is a t, or NULL when any
 * object is: what the override's result must pass. */
static const char *result_check(ModCtx *m, const TyType *t)
{
    if (t->kind == TY_NONE || t->kind == TY_ANY || t->kind == TY_OBJECT)
        return NULL;
    if (t->kind == TY_CLASS)
        return arena_printf(m->a, "spy_expect_type(r, st->types[%d]) == 0", t->cls->index);
    unsigned mask = kind_mask(t);
    if (mask)
        return arena_printf(m->a, "spy_expect(r, %uu, \"%s\") == 0", mask, ty_str(m->a, t));
    const char *test = union_class_check(m->a, t, "r"); /* Optional[C], ... */
    return test ? arena_printf(m->a, "spy_expect_ok(%s, r, \"%s\") == 0", test, ty_str(m->a, t))
                : NULL;
}

/* `return` the override's result r (a new reference, not NULL) as the
 * native function returns f's type. */
static void return_result(FILE *out, ModCtx *m, const TcFunc *f)
{
    const TyType *t = f->ret;
    if (ty_is_fixed(t)) {
        fprintf(out, "    int64_t v = spy_unbox_fixed(r, %s);\n    Py_DECREF(r);\n"
                "    return (SpyRetI64){v, v == SPY_I64_ERR && PyErr_Occurred() != NULL};\n",
                fixed_kind(t));
        return;
    }
    switch (rep_of(t)) {
    case REP_INT:
        fprintf(out, "    SpyInt v = spy_unbox_int(r);\n    Py_DECREF(r);\n    return v;\n");
        break;
    case REP_FLOAT:
        fprintf(out, "    double v = spy_unbox_float(r);\n    Py_DECREF(r);\n"
                "    return (SpyRetFloat){v, v == -1.0 && PyErr_Occurred() != NULL};\n");
        break;
    case REP_BOOL:
        fprintf(out, "    char v = spy_unbox_bool(r);\n    Py_DECREF(r);\n    return v;\n");
        break;
    default: {
        const char *check = result_check(m, t);
        if (check)
            fprintf(out, "    if (!(%s)) {\n        Py_DECREF(r);\n        return NULL;\n    }\n",
                    check);
        fprintf(out, "    return r;\n");
    }
    }
}

/* Entry f of c's vtable, for an instance of a Python subclass. */
static void emit_trampoline(FILE *out, ModCtx *m, const TcClass *c, const TcFunc *f)
{
    const IrFunc *nf = ir_of(m, f);
    int name = const_name(m, f->name);
    fprintf(out, "/* %s.%s on an instance of a Python subclass: its override, if any */\n"
            "static %s%s(SpyModState *st, int depth", c->name, f->name, ret_ctype(nf->ret_rep),
            tramp_name(m, c, f));
    for (int i = 0; i < nf->n_params; i++)
        fprintf(out, ", %s%s", ir_rep_ctype(nf->params[i]->rep),
                cg_ident(m->a, "v_", nf->params[i]->name));
    const char *self = cg_ident(m->a, "v_", nf->params[0]->name);
    fprintf(out, ")\n{\n    if (spy_inherits_method(Py_TYPE(%s), st->types[%d], st->c[%d]))\n"
            "        return %s(st, depth", self, c->index, name, nf->c_name);
    for (int i = 0; i < nf->n_params; i++)
        fprintf(out, ", %s", cg_ident(m->a, "v_", nf->params[i]->name));
    fprintf(out, ");\n");
    int n = nf->n_params;
    fprintf(out, "    PyObject *args[%d] = {%s", n, self);
    for (int i = 1; i < n; i++)
        fprintf(out, ", NULL");
    fprintf(out, "};\n    PyObject *r = NULL;\n");
    bool boxes = false;
    for (int i = 1; i < n; i++) {
        bool borrowed;
        const char *v = box_value(m, f->params[i].type, cg_ident(m->a, "v_", nf->params[i]->name),
                                  &borrowed);
        if (borrowed)
            fprintf(out, "    args[%d] = %s;\n", i, v);
        else
            fprintf(out, "    if (!(args[%d] = %s))\n        goto done;\n", i, v);
        boxes |= !borrowed;
    }
    if (f->is_property)
        fprintf(out, "    r = PyObject_GetAttr(args[0], st->c[%d]);\n", name);
    else
        fprintf(out, "    r = PyObject_VectorcallMethod(st->c[%d], args, %d, NULL);\n", name, n);
    if (boxes)
        fprintf(out, "  done:\n");
    for (int i = 1; i < n; i++) {
        bool borrowed;
        box_value(m, f->params[i].type, "", &borrowed);
        if (!borrowed)
            fprintf(out, "    Py_XDECREF(args[%d]);\n", i);
    }
    fprintf(out, "    (void)depth;\n    if (!r)\n        return %s;\n", cg_error_value(nf->ret_rep));
    return_result(out, m, f);
    fprintf(out, "}\n\n");
}

/* The class whose trampoline for f entry f of c's vtable uses: the class
 * that defines f, emitted before c, when f is inherited.  The two tests
 * are the same one: a Python subclass of c that leaves the name alone
 * finds what the defining class has (no class in between defines it, or
 * f would not be the entry), and so one trampoline per method serves a
 * whole hierarchy instead of one per class and inherited method. */
static const TcClass *tramp_class(const TcClass *c, const TcFunc *f)
{
    return f->cls && f->cls != c && !f->cls->dynamic && f->cls->index < c->index ? f->cls : c;
}

void cg_subclass_vtable(FILE *out, ModCtx *m, const TcClass *c)
{
    for (int i = 0; i < c->n_vtable; i++)
        if (tramp_class(c, c->vtable[i]) == c)
            emit_trampoline(out, m, c, c->vtable[i]);
    fprintf(out, "/* the vtable of Python subclasses' instances */\n"
            "static const struct %s %s = {\n", N(m, "spy_vt_", c), N(m, "spy_vtramp_", c));
    for (int i = 0; i < c->n_vtable; i++)
        fprintf(out, "    %s,\n", tramp_name(m, tramp_class(c, c->vtable[i]), c->vtable[i]));
    if (!c->n_vtable)
        fprintf(out, "    0\n");
    fprintf(out, "};\n\n");
}
