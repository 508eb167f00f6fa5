/*
 * cgen_module.c — the parts of the C file around the functions: the
 * module state struct, constants, Python-visible wrappers (argument
 * binding, annotation checks, boxing), the method table, and multi-phase
 * module initialisation with traverse/clear for the state.
 */
#include "emit/lower.h"

#include <math.h>
#include <string.h>

/* ---- literals -------------------------------------------------------------------- */

/* A C string literal for arbitrary bytes (octal escapes are unambiguous). */
void c_string(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f || c == '?')
            fprintf(out, "\\%03o", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static void emit_constants(FILE *out, ModCtx *m)
{
    fprintf(out, "static int spy_init_constants(SpyModState *st)\n{\n");
    for (int i = 0; i < m->n_consts; i++) {
        Const *c = m->consts[i];
        fprintf(out, "    st->c[%d] = ", i);
        switch (c->kind) {
        case K_NAME:
        case K_STR:
            fprintf(out, "PyUnicode_DecodeUTF8(");
            c_string(out, c->s, c->len);
            fprintf(out, ", %zu, \"surrogatepass\");\n", c->len);
            if (c->kind == K_NAME)
                fprintf(out, "    if (st->c[%d]) PyUnicode_InternInPlace(&st->c[%d]);\n", i, i);
            break;
        case K_BYTES:
            fprintf(out, "PyBytes_FromStringAndSize(");
            c_string(out, c->s, c->len);
            fprintf(out, ", %zu);\n", c->len);
            break;
        case K_BIGINT:
            fprintf(out, "PyLong_FromString(");
            c_string(out, c->s, c->len);
            fprintf(out, ", NULL, 10);\n");
            break;
        case K_OBJ:
            fprintf(out, "%s;\n", c->s);
            break;
        case K_KWNAMES:
        case K_TUPLE:
            fprintf(out, "PyTuple_Pack(%d", c->n_items);
            for (int j = 0; j < c->n_items; j++)
                fprintf(out, ", st->c[%d]", c->items[j]);
            fprintf(out, ");\n");
            break;
        }
        fprintf(out, "    if (!st->c[%d]) return -1;\n", i);
    }
    fprintf(out, "    return 0;\n}\n\n");
}

/* ---- wrappers --------------------------------------------------------------------------- */

/* The C literal of a constant default in the representation of t, or
 * NULL when it has none (then the def stores it in a state slot). */
const char *cg_default_literal(ModCtx *m, const Expr *d, const TyType *t)
{
    if (!is_constant_default(d))
        return NULL;
    bool neg = d->kind == EX_UNARY && d->u.unary.op == UOP_NEG;
    const Expr *lit = d->kind == EX_UNARY ? d->u.unary.operand : d;
    if (ty_is_fixed(t)) {
        if (lit->kind != EX_INT || !lit->u.int_lit.fits_i64)
            return NULL;
        long long v = neg ? -(long long)lit->u.int_lit.value : (long long)lit->u.int_lit.value;
        bool fits = t->kind == TY_I64 || (t->kind == TY_I32 && v >= INT32_MIN && v <= INT32_MAX) ||
                    (t->kind == TY_I16 && v >= INT16_MIN && v <= INT16_MAX) ||
                    (t->kind == TY_U8 && v >= 0 && v <= 255);
        return fits ? arena_printf(m->a, "%lldLL", v) : NULL;
    }
    switch (lit->kind) {
    case EX_INT: {
        if (lit->u.int_lit.fits_i64 && lit->u.int_lit.value < ((int64_t)1 << 52)) {
            long long v = neg ? -(long long)lit->u.int_lit.value : (long long)lit->u.int_lit.value;
            return t->kind == TY_FLOAT ? arena_printf(m->a, "%lld.0", v)
                 : rep_of(t) == REP_OBJ ? NULL
                 : arena_printf(m->a, "SPY_INT_SMALL(%lldLL)", v);
        }
        return NULL;
    }
    case EX_FLOAT:
        if (isinf(lit->u.float_lit.value))
            return NULL;
        return arena_printf(m->a, "%s%.17g", neg ? "-" : "", lit->u.float_lit.value);
    case EX_TRUE: case EX_FALSE: {
        int v = lit->kind == EX_TRUE;
        return t->kind == TY_INT ? arena_printf(m->a, "SPY_INT_SMALL(%d)", v)
             : t->kind == TY_FLOAT ? arena_printf(m->a, "%d.0", v)
             : t->kind == TY_BOOL ? arena_printf(m->a, "%d", v) : NULL;
    }
    case EX_STR:
        return rep_of(t) == REP_OBJ ? const_ref(m, const_str(m, lit->u.str.s, lit->u.str.len)) : NULL;
    case EX_NONE:
        return rep_of(t) == REP_OBJ ? "Py_None" : NULL;
    default:
        return NULL;
    }
}

/* The C test that object v fits type t (see lower.h). */
const char *cg_type_test(ModCtx *m, const TyType *t, const char *v)
{
    if (ty_is_fixed(t))
        return arena_printf(m->a, "PyLong_Check(%s)", v);
    switch (t->kind) {
    case TY_INT: return arena_printf(m->a, "PyLong_Check(%s)", v);
    case TY_FLOAT: return arena_printf(m->a, "(PyFloat_Check(%s) || PyLong_Check(%s))", v, v);
    case TY_BOOL: return arena_printf(m->a, "PyBool_Check(%s)", v);
    case TY_CLASS:
        return arena_printf(m->a, "spy_instance_of(%s, st->types[%d])", v, t->cls->index);
    case TY_TUPLE:
        if (!t->variadic)
            return arena_printf(m->a, "(PyTuple_Check(%s) && PyTuple_GET_SIZE(%s) == %d)", v, v,
                                t->n_args);
        break;
    default:
        break;
    }
    unsigned mask = kind_mask(t);
    if (mask)
        return arena_printf(m->a, "spy_is_kind(%s, %uu)", v, mask);
    return union_class_check(m->a, t, v);
}

/* Converts the argument object a[ai] into the native parameter v. */
static void convert_arg(FILE *out, ModCtx *m, const TcFunc *f, int i, int ai, const char *v)
{
    const TcParam *p = &f->params[i];
    const char *check = cg_type_test(m, p->type, arena_printf(m->a, "a[%d]", ai));
    if (check)
        fprintf(out, "        if (!%s) {\n            spy_arg_type_error(spy_name, \"%s\", \"%s\", "
                "a[%d]);\n            goto fail;\n        }\n", check, p->param->name,
                ty_str(m->a, p->type), ai);
    if (ty_is_fixed(p->type)) {
        fprintf(out, "        %s = spy_unbox_fixed(a[%d], SPY_%c%s);\n"
                "        if (%s == SPY_I64_ERR && PyErr_Occurred()) goto fail;\n", v, ai,
                p->type->kind == TY_U8 ? 'U' : 'I',
                p->type->kind == TY_I64 ? "64" : p->type->kind == TY_I32 ? "32"
                : p->type->kind == TY_I16 ? "16" : "8", v);
        return;
    }
    switch (p->type->kind) {
    case TY_INT:
        fprintf(out, "        %s = spy_int_from_long_object(a[%d]);\n"
                "        if (%s == SPY_INT_ERR) goto fail;\n", v, ai, v);
        break;
    case TY_FLOAT:
        fprintf(out, "        %s = PyFloat_AsDouble(a[%d]);\n"
                "        if (%s == -1.0 && PyErr_Occurred()) goto fail;\n", v, ai, v);
        break;
    case TY_BOOL:
        fprintf(out, "        %s = (char)(a[%d] == Py_True);\n", v, ai);
        break;
    default:
        fprintf(out, "        %s = a[%d];\n", v, ai);
    }
}

/* Parameter i of f, passed as a[ai]. */
static void bind_param(FILE *out, ModCtx *m, const TcFunc *f, int i, int ai, const char *v)
{
    Expr *d = f->params[i].param->default_value;
    int k = m->default_slot[func_id(m, f)][i];
    if (d && k < 0)
        fprintf(out, "    if (a[%d] == NULL)\n        %s = %s;\n    else {\n", ai, v,
                cg_default_literal(m, d, f->params[i].type));
    else if (d && f->params[i].param->default_factory) /* released at fail: */
        fprintf(out, "    if (a[%d] == NULL && !(a[%d] = made_%d = spy_call_factory(st->d[%d], \"%s\")))\n"
                "        goto fail;\n    {\n", ai, ai, i, k, f->name);
    else if (d)
        fprintf(out, "    if (a[%d] == NULL && !(a[%d] = spy_get_default(st->d[%d], \"%s\")))\n"
                "        goto fail;\n    {\n", ai, ai, k, f->name);
    else
        fprintf(out, "    {\n");
    convert_arg(out, m, f, i, ai, v);
    fprintf(out, "    }\n");
}

/* The C type a native function returns for a result of this rep: float
 * and i64 come back as a value and a failure flag (runtime/spy_err.h). */
const char *ret_ctype(IrRep rep)
{
    switch (rep) {
    case REP_FLOAT: return "SpyRetFloat ";
    case REP_I64: return "SpyRetI64 ";
    default: return ir_rep_ctype(rep);
    }
}

/* `res = ` the boxed result r of a native function (of ret_ctype). */
const char *box_result(IrRep rep)
{
    switch (rep) {
    case REP_INT: return "    res = spy_int_box(r);\n    spy_int_decref(r);\n";
    case REP_FLOAT: return "    res = PyFloat_FromDouble(r.v);\n";
    case REP_BOOL: return "    res = spy_bool_box(r);\n";
    case REP_I64: return "    res = spy_i64_box(r.v);\n";
    default: return "    res = r;\n";
    }
}

/* Did the native function returning r (of ret_ctype) fail? */
const char *failed_result(IrRep rep)
{
    switch (rep) {
    case REP_INT: return "r == SPY_INT_ERR";
    case REP_FLOAT: case REP_I64: return "r.failed";
    case REP_BOOL: return "r == 2";
    default: return "r == NULL";
    }
}

/* The body of a Python-visible entry point, after `st` (and `self`) are
 * set: bind args/nargs/kwnames to the parameters from `first` on, check
 * and unbox them, call `callee(st, [self,] ...)`, box the result. */
void cg_wrapper_body(FILE *out, ModCtx *m, const IrFunc *nf, int first, const char *callee,
                     IrRep ret_rep)
{
    const TcFunc *f = nf->tc;
    bool pass_self = first == 1;
    if (first < 0)
        first = 1; /* a constructor: __init__'s parameters after self */
    int n = f->n_params, np = n - first;
    const char *qual = f->cls ? arena_printf(m->a, "%s.%s", f->cls->name, f->name) : f->name;
    if (f->n_kwonly) {
        fprintf(out, "    static const char kwonly_required[] = {");
        for (int i = f->n_pos; i < n; i++)
            fprintf(out, "%s%d", i > f->n_pos ? ", " : "", f->params[i].param->default_value == NULL);
        fprintf(out, "};\n");
    }
    /* 3.10 and later name methods by their qualname in argument errors. */
    fprintf(out, "#if PY_VERSION_HEX >= 0x030A0000\n    static const char spy_name[] = \"%s\";\n"
            "#else\n    static const char spy_name[] = \"%s\";\n#endif\n", qual, f->name);
    fprintf(out, "    static const SpyFuncSig sig = {spy_name, %d, %d, %d, %d, %s, %d, %d, %d};\n",
            f->n_pos - first, f->n_posonly ? f->n_posonly - first : 0, f->n_kwonly,
            f->n_required_pos - first, f->n_kwonly ? "kwonly_required" : "NULL", first,
            f->varargs, f->varkw);
    fprintf(out, "    PyObject *a[%d];\n    PyObject *res = NULL;\n", np ? np : 1);
    for (int i = first; i < n; i++) {
        const IrReg *p = nf->params[i];
        fprintf(out, "    %s%s = %s;\n", ir_rep_ctype(p->rep), cg_ident(m->a, "v_", p->name),
                p->rep == REP_INT ? "SPY_INT_ERR" : p->rep == REP_OBJ ? "NULL" : "0");
        if (f->params[i].param->default_factory)
            fprintf(out, "    PyObject *made_%d = NULL;\n", i);
    }
    fprintf(out, "    if (spy_parse_args(&sig, &st->c[%d], args, nargs, kwnames, a) < 0)\n"
            "        return NULL;\n", m->param_names[func_id(m, f)] + first);
    for (int i = first; i < n; i++)
        bind_param(out, m, f, i, i - first, cg_ident(m->a, "v_", nf->params[i]->name));
    fprintf(out, "    %sr = %s(st, depth%s", ret_ctype(ret_rep), callee, pass_self ? ", self" : "");
    for (int i = first; i < n; i++)
        fprintf(out, ", %s", cg_ident(m->a, "v_", nf->params[i]->name));
    fprintf(out, ");\n    if (%s)\n        goto fail;\n%s", failed_result(ret_rep),
            box_result(ret_rep));
    fprintf(out, "  fail:\n");
    for (int i = first; i < n; i++)
        if (nf->params[i]->rep == REP_INT)
            fprintf(out, "    spy_int_xdecref(%s);\n", cg_ident(m->a, "v_", nf->params[i]->name));
    for (int i = first; i < n; i++)
        if (f->params[i].param->default_factory)
            fprintf(out, "    Py_XDECREF(made_%d);\n", i);
    for (int i = n - f->varargs - f->varkw; i < n; i++) /* the tuple and dict parse made */
        fprintf(out, "    Py_DECREF(a[%d]);\n", i - first);
    fprintf(out, "    return res;\n");
}

void cg_wrapper(FILE *out, ModCtx *m, const IrFunc *nf)
{
    const TcFunc *f = nf->tc;
    if (f->cls) {
        fprintf(out, "/* Python-visible wrapper of %s */\n", f->qualname);
        fprintf(out, "static PyObject *%s(PyObject *self, PyTypeObject *defining_class, "
                "PyObject *const *args, size_t nargsf, PyObject *kwnames)\n{\n"
                "    SpyModState *st = (SpyModState *)PyType_GetModuleState(defining_class);\n"
                "    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);\n"
                "    const int depth = 0;\n",
                cg_ident(m->a, "w", nf->c_name));
        cg_wrapper_body(out, m, nf, 1, nf->c_name, nf->ret_rep);
        fprintf(out, "}\n\n");
        return;
    }
    /* wd_: the binding at a native call depth, which spy_call_any (a call
     * of this function through an object) goes on counting */
    const char *wd = func_wrapper_name(m->a, "wd_", f);
    fprintf(out, "/* Python-visible wrapper of %s (w_), binding its arguments in %s */\n",
            f->qualname, wd);
    fprintf(out, "static PyObject *%s(SpyModState *st, int depth, PyObject *const *args, "
            "Py_ssize_t nargs, PyObject *kwnames)\n{\n", wd);
    cg_wrapper_body(out, m, nf, 0, nf->c_name, nf->ret_rep);
    fprintf(out, "}\n\nstatic PyObject *%s(PyObject *self, PyObject *const *args, Py_ssize_t nargs,"
            " PyObject *kwnames)\n{\n"
            "    return %s((SpyModState *)PyModule_GetState(self), 0, args, nargs, kwnames);\n}\n\n",
            func_wrapper_name(m->a, "w_", f), wd);
}

/* ---- the module ----------------------------------------------------------------------------- */

static void emit_state(FILE *out, ModCtx *m)
{
    fprintf(out,
            "struct SpyModState {\n"
            "    PyObject *module;   /* borrowed: this state belongs to it */\n"
            "    PyObject *modname;\n"
            "    PyObject *globals;  /* the module's __dict__ */\n"
            "    PyObject *builtins; /* builtins.__dict__ */\n"
            "    PyObject *c[%d];    /* constants, made by spy_init_constants */\n"
            "    PyObject *d[%d];    /* default values, stored when their def runs */\n"
            "    PyTypeObject *types[%d]; /* native classes, made when their class runs */\n"
            "    SpyGlobalCache g[%d]; /* memos of global reads (borrowed values) */\n"
            "    PyObject *mc[%d];   /* per method-call site: the method descriptor of */\n"
            "    PyTypeObject *mct[%d]; /* the last static builtin type seen there */\n"
            "    int depth_limit;    /* of native calls: spy_depth_exceeded */\n"
            "    PyTypeObject *gen_type; /* generator objects, when the module has generators */\n"
            "    PyTypeObject *field_default_type; /* made by spy_field_default_install */\n"
            "};\n\n",
            m->n_consts ? m->n_consts : 1, m->n_defaults ? m->n_defaults : 1,
            m->tm->n_classes ? m->tm->n_classes : 1, m->n_gcache ? m->n_gcache : 1,
            m->n_mcache ? m->n_mcache : 1, m->n_mcache ? m->n_mcache : 1);
}

/* spy_call_any: a call through an object that may be a function of this
 * very module (a dispatch table, a callback) goes straight to its binding
 * wd_<name>, at the caller's native call depth, as a direct call would;
 * anything else is the interpreter's call. */
static void emit_call_any(FILE *out, ModCtx *m, int n)
{
    if (n == 0) { /* no function of its own to find */
        fprintf(out, "__attribute__((unused)) static PyObject *spy_call_any(SpyModState *st, int depth, "
                "PyObject *fn, PyObject *const *args, size_t nargsf, PyObject *kwnames)\n{\n"
                "    (void)st;\n    (void)depth;\n"
                "    return PyObject_Vectorcall(fn, args, nargsf, kwnames);\n}\n\n");
        return;
    }
    fprintf(out, "__attribute__((unused)) static PyObject *(*const spy_direct[])(SpyModState *, int, "
            "PyObject *const *, Py_ssize_t, PyObject *) = {\n");
    for (int i = 0; i < n; i++)
        fprintf(out, "    %s,\n", m->irs[i] ? func_wrapper_name(m->a, "wd_", m->irs[i]->tc) : "NULL");
    fprintf(out, "    NULL\n};\n\n"
            "__attribute__((unused)) static PyObject *spy_call_any(SpyModState *st, int depth, "
            "PyObject *fn, PyObject *const *args, size_t nargsf, PyObject *kwnames)\n{\n"
            "    if (Py_IS_TYPE(fn, &PyCFunction_Type) && PyCFunction_GET_SELF(fn) == st->module) {\n"
            "        uintptr_t k = ((uintptr_t)((PyCFunctionObject *)fn)->m_ml - (uintptr_t)spy_methods)"
            " / sizeof(PyMethodDef);\n"
            "        if (k < %d && spy_direct[k]) {\n"
            "            /* the callee may make no native call, so no check of its own */\n"
            "            if (SPY_UNLIKELY(depth + 1 > st->depth_limit)\n"
            "                && spy_depth_exceeded(depth + 1, &st->depth_limit))\n"
            "                return NULL;\n"
            "            return spy_direct[k](st, depth + 1, args, PyVectorcall_NARGS(nargsf), kwnames);\n"
            "        }\n"
            "    }\n"
            "    return PyObject_Vectorcall(fn, args, nargsf, kwnames);\n}\n\n", n);
}

static void emit_methods(FILE *out, ModCtx *m, int n)
{
    for (int i = 0; i < n; i++)
        if (m->irs[i])
            fprintf(out, "static PyObject *%s(PyObject *, PyObject *const *, Py_ssize_t, "
                    "PyObject *);\nstatic PyObject *%s(SpyModState *, int, PyObject *const *, "
                    "Py_ssize_t, PyObject *);\n", func_wrapper_name(m->a, "w_", m->irs[i]->tc),
                    func_wrapper_name(m->a, "wd_", m->irs[i]->tc));
    fprintf(out, "\n__attribute__((unused)) static PyMethodDef spy_methods[] = {\n");
    for (int i = 0; i < n; i++) {
        if (!m->irs[i]) { /* left to the interpreter: never bound from here */
            fprintf(out, "    {\"%s\", NULL, 0, NULL},\n", m->tm->funcs[i]->name);
            continue;
        }
        const TcFunc *f = m->irs[i]->tc;
        fprintf(out, "    {\"%s\", (PyCFunction)(void (*)(void))%s, METH_FASTCALL | METH_KEYWORDS, ",
                f->name, func_wrapper_name(m->a, "w_", f));
        cg_func_doc(out, m, f, false);
        fprintf(out, "},\n");
    }
    fprintf(out, "    {NULL, NULL, 0, NULL}\n};\n\n");
    emit_call_any(out, m, n);
}

static bool has_native_classes(const TcModule *tm)
{
    for (int i = 0; i < tm->n_classes; i++)
        if (!tm->classes[i]->dynamic)
            return true;
    return false;
}

/* The module's __staticpy_reconstruct__(cls): a blank instance of one of
 * its native classes, for the __reduce__ they get (spy_native_reduce), so
 * that pickle and copy can make one without calling __init__. */
static void emit_reconstruct(FILE *out, ModCtx *m)
{
    const TcModule *tm = m->tm;
    if (!has_native_classes(tm))
        return;
    /* a Python subclass's instance is its native base's blank one */
    fprintf(out, "static PyObject *spy_reconstruct(PyObject *module, PyObject *cls)\n{\n"
            "    SpyModState *st = (SpyModState *)PyModule_GetState(module);\n"
            "    PyTypeObject *native = PyType_Check(cls) ? spy_native_type((PyTypeObject *)cls)"
            " : NULL;\n");
    for (int i = 0; i < tm->n_classes; i++)
        if (!tm->classes[i]->dynamic)
            fprintf(out, "    if (native && native == st->types[%d])\n"
                    "        return %s(st, (PyTypeObject *)cls);\n", tm->classes[i]->index,
                    cg_ident(m->a, "spy_blank_", tm->classes[i]->name));
    fprintf(out, "    PyErr_Format(PyExc_TypeError, \"__staticpy_reconstruct__() argument must be "
            "a native class of module '%s', not %%R\", cls);\n    return NULL;\n}\n\n"
            "static PyMethodDef spy_module_methods[] = {\n"
            "    {\"__staticpy_reconstruct__\", spy_reconstruct, METH_O,\n"
            "     \"A native instance with no attribute assigned (pickle, copy).\"},\n"
            "    {NULL, NULL, 0, NULL}\n};\n\n", tm->ast->name);
}

static void emit_init(FILE *out, ModCtx *m)
{
    const Module *ast = m->tm->ast;
    fprintf(out,
        "static int spy_traverse(PyObject *module, visitproc visit, void *arg)\n{\n"
        "    SpyModState *st = (SpyModState *)PyModule_GetState(module);\n"
        "    if (!st)\n        return 0;\n"
        "    Py_VISIT(st->modname);\n    Py_VISIT(st->globals);\n    Py_VISIT(st->builtins);\n"
        "    for (size_t i = 0; i < sizeof st->c / sizeof *st->c; i++)\n        Py_VISIT(st->c[i]);\n"
        "    for (size_t i = 0; i < sizeof st->d / sizeof *st->d; i++)\n        Py_VISIT(st->d[i]);\n"
        "    for (size_t i = 0; i < sizeof st->mc / sizeof *st->mc; i++)\n        Py_VISIT(st->mc[i]);\n"
        "    for (size_t i = 0; i < sizeof st->types / sizeof *st->types; i++)\n"
        "        Py_VISIT(st->types[i]);\n"
        "    Py_VISIT(st->gen_type);\n"
        "    Py_VISIT(st->field_default_type);\n"
        "    return 0;\n}\n\n"
        "static int spy_clear(PyObject *module)\n{\n"
        "    SpyModState *st = (SpyModState *)PyModule_GetState(module);\n"
        "    if (!st)\n        return 0;\n"
        "    Py_CLEAR(st->modname);\n    Py_CLEAR(st->globals);\n    Py_CLEAR(st->builtins);\n"
        "    for (size_t i = 0; i < sizeof st->c / sizeof *st->c; i++)\n        Py_CLEAR(st->c[i]);\n"
        "    for (size_t i = 0; i < sizeof st->d / sizeof *st->d; i++)\n        Py_CLEAR(st->d[i]);\n"
        "    for (size_t i = 0; i < sizeof st->mc / sizeof *st->mc; i++)\n        Py_CLEAR(st->mc[i]);\n"
        "    for (size_t i = 0; i < sizeof st->types / sizeof *st->types; i++)\n"
        "        Py_CLEAR(st->types[i]);\n"
        "    Py_CLEAR(st->gen_type);\n"
        "    Py_CLEAR(st->field_default_type);\n"
        "    return 0;\n}\n\n"
        "static void spy_free(void *module) { spy_clear((PyObject *)module); }\n\n"
        "static int spy_exec(PyObject *module)\n{\n"
        "    SpyModState *st = (SpyModState *)PyModule_GetState(module);\n"
        "    st->module = module;\n"
        "    st->modname = PyModule_GetNameObject(module);\n"
        "    if (!st->modname)\n        return -1;\n"
        "    st->globals = PyModule_GetDict(module);\n"
        "    Py_INCREF(st->globals);\n"
        "    PyObject *builtins = PyImport_ImportModule(\"builtins\");\n"
        "    if (!builtins)\n        return -1;\n"
        "    st->builtins = PyModule_GetDict(builtins);\n"
        "    Py_INCREF(st->builtins);\n"
        "    Py_DECREF(builtins);\n"
        "    if (spy_int_init_cache() < 0 || spy_str_init_cache() < 0 || spy_init_constants(st) < 0)\n        return -1;\n"
        "%s"
        "    PyObject *r = f___module__(st, 0);\n"
        "    if (!r)\n        return -1;\n"
        "    Py_DECREF(r);\n"
        "    return 0;\n}\n\n"
        "static PyModuleDef_Slot spy_slots[] = {\n"
        "    {Py_mod_exec, (void *)spy_exec},\n"
        "    {0, NULL}\n};\n\n"
        "static struct PyModuleDef spy_moduledef = {\n"
        "    PyModuleDef_HEAD_INIT,\n    \"%s\",\n    ",
        m->has_generators ? "    st->gen_type = spy_gen_type_new(module);\n"
                            "    if (!st->gen_type)\n        return -1;\n" : "",
        ast->name);
    if (ast->docstring)
        c_string(out, ast->docstring, strlen(ast->docstring));
    else
        fprintf(out, "NULL");
    fprintf(out, ",\n    sizeof(SpyModState),\n    %s,\n    spy_slots,\n"
            "    spy_traverse,\n    spy_clear,\n    spy_free,\n};\n\n"
            "PyMODINIT_FUNC PyInit_%s(void)\n{\n    return PyModuleDef_Init(&spy_moduledef);\n}\n",
            has_native_classes(m->tm) ? "spy_module_methods" : "NULL", ast->name);
}

int cg_module(FILE *out, ModCtx *m, IrFunc *body, const EmitOptions *o)
{
    TcModule *tm = m->tm;
    fprintf(out, "/* Generated by staticpyc from %s.  Do not edit: edit the Python. */\n",
            tm->ast->src->path);
    fprintf(out, "#include \"staticpy_rt.h\"\n\nstatic const char spy_source_path[] = ");
    c_string(out, m->src_path, strlen(m->src_path));
    fprintf(out, ";\n\ntypedef struct SpyModState SpyModState;\n\n");
    for (int i = 0; i < tm->n_classes; i++)
        if (!tm->classes[i]->dynamic)
            cg_class_decls(out, m, tm->classes[i]);
    emit_state(out, m);
    int sized = m->n_consts;
    for (int i = 0; i < m->n_ids; i++) {
        if (m->irs[i])
            cg_function_proto(out, m->irs[i], true);
        if (m->clones[i])
            cg_function_proto(out, m->clones[i], true);
        if (m->exact_clones[i])
            cg_function_proto(out, m->exact_clones[i], true);
    }
    cg_function_proto(out, body, true);
    for (int i = 0; i < tm->n_classes; i++)
        if (!tm->classes[i]->dynamic)
            cg_class_proto(out, m, tm->classes[i]);
    fprintf(out, "\n");
    for (int i = 0; i < m->n_helpers; i++)
        fputs(m->helpers[i], out);
    emit_methods(out, m, tm->n_funcs);
    for (int i = 0; i < m->n_ids; i++) {
        if (m->irs[i])
            cg_function(out, m, m->irs[i], o);
        if (m->clones[i])
            cg_function(out, m, m->clones[i], o);
        if (m->exact_clones[i])
            cg_function(out, m, m->exact_clones[i], o);
    }
    cg_function(out, m, body, o);
    for (int i = 0; i < tm->n_funcs; i++)
        if (m->irs[i])
            cg_wrapper(out, m, m->irs[i]);
    for (int i = 0; i < tm->n_classes; i++)
        if (!tm->classes[i]->dynamic)
            cg_class_defs(out, m, tm->classes[i]);
    emit_constants(out, m);
    emit_reconstruct(out, m);
    emit_init(out, m);
    return sized;
}
