/*
 * lower_call.c — calls to IR: direct calls of native functions, methods
 * and constructors (arguments in source order, passed in parameter order,
 * defaults filled in), native @property reads, builtins with typed fast
 * paths (len, isinstance, numeric and str conversions, the namespace
 * builtins), math functions, and the generic vectorcall path.
 */
#include "emit/lower.h"

#include <stdlib.h>
#include <string.h>

/* ---- calls ------------------------------------------------------------------------------- */

bool is_constant_default(const Expr *e)
{
    switch (e->kind) {
    case EX_INT: case EX_FLOAT: case EX_STR: case EX_TRUE: case EX_FALSE: case EX_NONE:
        return true;
    case EX_UNARY:
        return (e->u.unary.op == UOP_NEG || e->u.unary.op == UOP_POS) &&
               (e->u.unary.operand->kind == EX_INT || e->u.unary.operand->kind == EX_FLOAT);
    default:
        return false;
    }
}

static IrReg *default_value(Lower *l, const TcFunc *f, int slot)
{
    const TcParam *p = &f->params[slot];
    Expr *d = p->param->default_value;
    int k = l->m->default_slot[func_id(l->m, f)][slot];
    if (k < 0)
        return lower_expr_as(l, d, p->type);
    if (p->param->default_factory) {
        const char *c = arena_printf(A(l), "spy_call_factory(st->d[%d], \"%s\")", k, f->name);
        return coerce(l, emit_call(l, c, REP_OBJ, ERR_NULL, NULL, 0), ty_simple(TY_ANY), p->type);
    }
    const char *c = arena_printf(A(l), "spy_get_default(st->d[%d], \"%s\")", k, f->name);
    IrReg *o = emit_call(l, c, REP_OBJ, ERR_NULL, NULL, 0);
    o->borrowed = true;
    return coerce(l, o, ty_simple(TY_ANY), p->type);
}

static int arg_slot(const TcFunc *f, const TcCall *call, const Arg *arg)
{
    for (int i = 0; f && i < f->n_params; i++)
        if (call->slots[i] == arg->value)
            return i;
    return -1;
}

/* Does this call go to the callee's int64_t clone (lower_clone.c)?  When
 * every parameter the clone takes as int64_t gets an argument that is one
 * already (a machine local, a literal), or a literal default. */
static bool wants_i64_clone(Lower *l, const Expr *e, const TcCall *call)
{
    const TcFunc *f = call->target;
    if (!lower_clonable(f))
        return false;
    bool *given = ARENA_ARRAY(A(l), bool, f->n_params);
    bool local = false; /* literals alone: a tagged constant folds as well */
    for (int i = 0; i < e->u.call.n_args; i++) {
        Arg *arg = e->u.call.args[i];
        int slot = arg_slot(f, call, arg);
        if (lower_clone_param(f, slot) && !machine_able(arg->value))
            return false;
        given[slot] = true;
        local |= lower_clone_param(f, slot) && (machine_local(arg->value) ||
                                                ty_is_fixed(arg->value->type));
    }
    if (!local)
        return false;
    for (int i = 0; i < f->n_params; i++) {
        const Expr *d = f->params[i].param->default_value;
        if (lower_clone_param(f, i) && !given[i] && !(d && machine_able(d)))
            return false;
    }
    return true;
}

/* How a native function returning rep reports failure. */
static IrErrKind native_err(IrRep rep)
{
    return rep == REP_INT ? ERR_INT : rep == REP_FLOAT || rep == REP_I64 ? ERR_RET
         : rep == REP_BOOL ? ERR_BOOL : ERR_NULL;
}

/* A guarded method call (cgen_func.c) on the method's own self: none in
 * its exact-receiver copy, and the reason to make one (lower_clone.c). */
static void guard_own_self(Lower *l, IrOp *op, bool own_self)
{
    if (!op->vclass || op->callee->overridden || !own_self)
        return;
    if (l->m->exact_self_of == l->tf)
        op->exact_recv = true;
    else
        l->m->wants_exact[func_id(l->m, l->tf)] = true;
}

/* A direct call of a module function, method (self given) or class
 * constructor: arguments evaluated in source order, passed in parameter
 * order, defaults filled in. */
static IrReg *lower_native_call(Lower *l, Expr *e, const TcCall *call, IrReg *self,
                                const TcClass *ctor, const TcClass *vclass, bool own_self)
{
    const TcFunc *f = call->target;
    int n = f ? f->n_params : 0, first = self || ctor ? 1 : 0;
    IrReg **vals = ARENA_ARRAY(A(l), IrReg *, n ? n : 1);
    bool clone = !self && !ctor && wants_i64_clone(l, e, call);
    for (int i = 0; i < e->u.call.n_args; i++) {
        Arg *arg = e->u.call.args[i];
        int slot = arg_slot(f, call, arg);
        vals[slot] = clone && lower_clone_param(f, slot) ? lower_machine(l, arg->value)
                   : lower_expr_as(l, arg->value, f->params[slot].type);
    }
    for (int i = first; i < n; i++)
        if (!vals[i])
            vals[i] = clone && lower_clone_param(f, i)
                    ? lower_machine(l, f->params[i].param->default_value)
                    : default_value(l, f, i);
    if (self)
        vals[0] = self;
    IrOp *op = lower_op(l, IR_CALL_NATIVE);
    op->callee = f;
    op->ctor = ctor;
    op->vclass = vclass;
    op->i64_clone = clone;
    guard_own_self(l, op, own_self);
    if (clone)
        l->m->wants_clone[func_id(l->m, f)] = true;
    ir_set_args(l->f, op, vals + (ctor ? 1 : 0), ctor ? (n ? n - 1 : 0) : n);
    const TyType *ret = ctor ? ctor->type : f->ret;
    IrRep rep = rep_of(ret);
    op->err = native_err(rep);
    op->dst = ir_reg(l->f, rep, NULL);
    return coerce(l, op->dst, ret, e->type);
}

/* The class a direct call of a @classmethod passes: C for C.f(...), the
 * instance's type for obj.f(...). */
static IrReg *classmethod_cls(Lower *l, const TcCall *call)
{
    if (call->cls_arg)
        return emit_const(l, REP_OBJ, arena_printf(A(l), "(PyObject *)st->types[%d]",
                                                   call->cls_arg->index), true);
    IrReg *obj = box(l, lower_expr(l, call->receiver), call->receiver->type);
    return emit_call(l, "spy_new_ref((PyObject *)Py_TYPE(%0))", REP_OBJ, ERR_NEVER, &obj, 1);
}

static IrReg *lower_native_method_call(Lower *l, Expr *e, const TcCall *call)
{
    Expr *recv = call->receiver;
    IrReg *self = lower_expr_as(l, recv, call->target->params[0].type);
    const TcClass *vclass = call->virtual_call ? recv->type->cls : NULL;
    return lower_native_call(l, e, call, self, NULL, vclass, lower_is_own_self(l, recv));
}

/* math.f(x): the runtime's C version, arguments as doubles. */
static IrReg *lower_math_call(Lower *l, Expr *e, const TcCall *call)
{
    int n = e->u.call.n_args;
    const TyType *tfloat = ty_simple(TY_FLOAT);
    Expr *x = e->u.call.args[0]->value;
    bool to_int = !strcmp(call->method, "floor") || !strcmp(call->method, "ceil");
    if (to_int && x->type->kind != TY_FLOAT) /* floor(int) is the int itself */
        return coerce(l, lower_expr_as(l, x, ty_simple(TY_INT)), ty_simple(TY_INT), e->type);
    IrReg **args = ARENA_ARRAY(A(l), IrReg *, n);
    for (int i = 0; i < n; i++)
        args[i] = lower_expr_as(l, e->u.call.args[i]->value, tfloat);
    IrReg *r = emit_call(l, arena_printf(A(l), "spy_math_%s", call->method),
                         to_int ? REP_INT : REP_FLOAT, to_int ? ERR_INT : ERR_FLOAT, args, n);
    return coerce(l, r, ty_simple(to_int ? TY_INT : TY_FLOAT), e->type);
}


/* len(x) of a known builtin container reads its size directly. */
static IrReg *lower_len(Lower *l, Expr *e)
{
    if (e->u.call.n_args != 1 || e->u.call.args[0]->name)
        return NULL;
    Expr *fn = e->u.call.func, *x = e->u.call.args[0]->value;
    TcSymbol *s = fn->kind == EX_NAME ? fn->sema : NULL;
    if (!s || s->kind != SYM_BUILTIN || strcmp(s->name, "len") != 0)
        return NULL;
    const char *size = NULL;
    switch (x->type->kind) {
    case TY_LIST: size = "PyList"; break;
    case TY_STR: size = "PyUnicode"; break;
    case TY_DICT: size = "PyDict"; break;
    case TY_SET: size = "PySet"; break;
    case TY_TUPLE: size = "PyTuple"; break;
    default: return NULL;
    }
    /* Exact instances read their size; subclasses may override __len__. */
    IrReg *o = lower_expr(l, x);
    if (tc_native_array(x))
        return coerce(l, call1(l, "SPY_INT_SMALL(spy_arr_len(%0))", REP_INT, ERR_NEVER, o),
                      ty_simple(TY_INT), e->type);
    IrReg *n = call1(l, arena_printf(A(l), "spy_len_%s(%%0)", size), REP_INT, ERR_INT, o);
    return coerce(l, n, ty_simple(TY_INT), e->type);
}

/* The C test for isinstance(x, C) of a builtin type or a native class
 * named C (a template on %0), or NULL. */
static const char *isinstance_check(Lower *l, const Expr *cls)
{
    static const struct { const char *name, *check; } builtin[] = {
        {"int", "PyLong_Check(%0)"}, {"float", "PyFloat_Check(%0)"},
        {"bool", "PyBool_Check(%0)"}, {"str", "PyUnicode_Check(%0)"},
        {"bytes", "PyBytes_Check(%0)"}, {"list", "PyList_Check(%0)"},
        {"dict", "PyDict_Check(%0)"}, {"tuple", "PyTuple_Check(%0)"},
        {"set", "PySet_Check(%0)"}, {"frozenset", "PyFrozenSet_Check(%0)"},
    };
    const TcSymbol *s = cls->kind == EX_NAME ? cls->sema : NULL;
    if (!s)
        return NULL;
    if (s->kind == SYM_BUILTIN) {
        for (size_t i = 0; i < sizeof builtin / sizeof *builtin; i++)
            if (!strcmp(s->name, builtin[i].name))
                return builtin[i].check;
        return NULL;
    }
    if (s->type && s->type->kind == TY_TYPE && s->type->cls && !s->type->cls->dynamic)
        return arena_printf(A(l), "spy_instance_of(%%0, st->types[%d])", s->type->cls->index);
    return NULL;
}

/* isinstance(x, C) and isinstance(x, (C, D)) with builtin types and
 * native classes: a type test in C (none of them has __instancecheck__),
 * NULL for anything else. */
static IrReg *lower_isinstance(Lower *l, Expr *e)
{
    Expr *fn = e->u.call.func;
    const TcSymbol *s = fn->kind == EX_NAME ? fn->sema : NULL;
    if (!s || s->kind != SYM_BUILTIN || strcmp(s->name, "isinstance") || e->u.call.n_args != 2 ||
        e->u.call.args[0]->name || e->u.call.args[1]->name)
        return NULL;
    Expr *cls = e->u.call.args[1]->value;
    const Expr *one = cls;
    int n = 1;
    if (cls->kind == EX_TUPLE) {
        n = cls->u.seq.elts.n;
        if (n == 0)
            return NULL;
    }
    const char *test = NULL;
    for (int i = 0; i < n; i++) {
        if (cls->kind == EX_TUPLE)
            one = cls->u.seq.elts.v[i];
        const char *c = isinstance_check(l, one);
        if (!c)
            return NULL;
        test = test ? arena_printf(A(l), "%s || %s", test, c) : c;
    }
    Expr *x = e->u.call.args[0]->value;
    IrReg *o = box(l, lower_expr(l, x), x->type);
    IrReg *r = call1(l, arena_printf(A(l), "(char)(%s)", test), REP_BOOL, ERR_NEVER, o);
    return coerce(l, r, ty_simple(TY_BOOL), e->type);
}

/* 3 for strip, 1 for lstrip, 2 for rstrip (the ends), else 0. */
static int strip_sides(const char *m)
{
    return !strcmp(m, "strip") ? 3 : !strcmp(m, "lstrip") ? 1 : !strcmp(m, "rstrip") ? 2 : 0;
}

/* s.strip(chars) with chars an ASCII literal: its characters as a
 * 256-bit set made at compile time (a constant of the C), else NULL. */
static const char *strip_set(Lower *l, const Expr *e)
{
    if (e->u.call.n_args != 1 || e->u.call.args[0]->value->kind != EX_STR)
        return NULL;
    const Expr *chars = e->u.call.args[0]->value;
    uint64_t set[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < chars->u.str.len; i++) {
        unsigned char c = (unsigned char)chars->u.str.s[i];
        if (c >= 0x80)
            return NULL;
        set[c >> 6] |= (uint64_t)1 << (c & 63);
    }
    return arena_printf(A(l), "(const uint64_t[4]){0x%llxu, 0x%llxu, 0x%llxu, 0x%llxu}",
                        (unsigned long long)set[0], (unsigned long long)set[1],
                        (unsigned long long)set[2], (unsigned long long)set[3]);
}

/* Fast paths for a few methods of known builtin types; NULL otherwise. */
static IrReg *method_fast_path(Lower *l, const Expr *e, const TcCall *call, IrReg **args, int n)
{
    TyKind k = call->receiver->type->kind;
    const char *m = call->method;
    if (k == TY_LIST && !strcmp(m, "append") && n == 2)
        return emit_call(l, "spy_list_append", REP_OBJ, ERR_NULL, args, 2);
    if (k == TY_SET && !strcmp(m, "add") && n == 2)
        return emit_call(l, "spy_set_add", REP_OBJ, ERR_NULL, args, 2);
    if (k == TY_SET && !call->receiver->type->frozen && n == 2 &&
        (!strcmp(m, "remove") || !strcmp(m, "discard")))
        return emit_call(l, !strcmp(m, "remove") ? "spy_set_remove(%0, %1, 1)"
                                                 : "spy_set_remove(%0, %1, 0)",
                         REP_OBJ, ERR_NULL, args, 2);
    if (k == TY_LIST && !strcmp(m, "pop") && n == 1)
        return emit_call(l, "spy_list_pop", REP_OBJ, ERR_NULL, args, 1);
    bool any_append = !strcmp(m, "append") && n == 2, any_pop = !strcmp(m, "pop") && n == 1;
    bool any_get = !strcmp(m, "get") && (n == 2 || n == 3);
    if (k == TY_ANY && (any_append || any_pop || any_get)) {
        /* a list's or dict's own operation, else the cached method call */
        int mc = l->m->n_mcache++;
        const char *c = arena_printf(A(l), "%s(&st->mc[%d], &st->mct[%d], %s, %s)",
                                     any_append ? "spy_any_append" : any_pop ? "spy_any_pop"
                                                                    : "spy_any_get",
                                     mc, mc, const_ref(l->m, const_name(l->m, m)),
                                     any_append ? "%0, %1" : any_pop ? "%0"
                                     : n == 3 ? "%0, %1, %2" : "%0, %1, NULL");
        return emit_call(l, c, REP_OBJ, ERR_NULL, args, n);
    }
    if (k == TY_DICT && !strcmp(m, "get") && (n == 2 || n == 3)) {
        IrReg *a[3] = {args[0], args[1], n == 3 ? args[2] : emit_const(l, REP_OBJ, "Py_None", true)};
        return emit_call(l, "spy_dict_get", REP_OBJ, ERR_NULL, a, 3);
    }
    if (k == TY_STR && !strcmp(m, "join") && n == 2)
        return emit_call(l, "PyUnicode_Join", REP_OBJ, ERR_NULL, args, 2);
    if (k == TY_STR && n == 1 && (!strcmp(m, "lower") || !strcmp(m, "upper")))
        return emit_call(l, m[0] == 'l' ? "spy_str_lower" : "spy_str_upper", REP_OBJ, ERR_NULL,
                         args, 1);
    int sides = strip_sides(m);
    const char *set = k == TY_STR && sides ? strip_set(l, e) : NULL;
    if (set)
        return emit_call(l, arena_printf(A(l), "spy_str_strip_set(%%0, %%1, %s, %d)", set, sides),
                         REP_OBJ, ERR_NULL, args, n);
    if (k == TY_STR && sides && n <= 2)
        return emit_call(l, arena_printf(A(l), "spy_str_strip(%%0, %s, %d)", n == 2 ? "%1" : "NULL",
                                         sides),
                         REP_OBJ, ERR_NULL, args, n);
    return NULL;
}

/* `s.strip(...).lower()` (upper, lstrip, rstrip) on a typed str: one
 * string made instead of two (spy_str_strip_case); NULL otherwise. */
static IrReg *lower_strip_case(Lower *l, Expr *e, const TcCall *call)
{
    const Expr *inner = call->receiver;
    const TcCall *ic = inner->kind == EX_CALL ? inner->sema : NULL;
    bool lower = !strcmp(call->method, "lower");
    if (e->u.call.n_args || (!lower && strcmp(call->method, "upper")) || !ic ||
        ic->kind != CALL_METHOD || !ic->receiver || ic->receiver->type->kind != TY_STR ||
        !strip_sides(ic->method) || inner->u.call.n_args > 1 ||
        (inner->u.call.n_args && inner->u.call.args[0]->name))
        return NULL;
    const char *set = strip_set(l, inner);
    if (inner->u.call.n_args && !set)
        return NULL; /* characters known at run time only: two steps */
    IrReg *args[2];
    args[0] = box(l, lower_expr(l, ic->receiver), ic->receiver->type);
    int n = 1;
    if (set) {
        Expr *chars = inner->u.call.args[0]->value;
        args[n++] = box(l, lower_expr(l, chars), chars->type);
    }
    const char *c = arena_printf(A(l), "spy_str_strip_case(%%0, %s, %s, %d, %d)",
                                 set ? "%1" : "NULL", set ? set : "NULL", strip_sides(ic->method),
                                 !lower);
    return coerce(l, emit_call(l, c, REP_OBJ, ERR_NULL, args, n), ty_simple(TY_ANY), e->type);
}

static IrReg *lower_method_call(Lower *l, Expr *e, const TcCall *call)
{
    IrReg *fused = call->receiver->type->kind == TY_STR ? lower_strip_case(l, e, call) : NULL;
    if (fused)
        return fused;
    int n = e->u.call.n_args;
    IrReg **args = ARENA_ARRAY(A(l), IrReg *, n + 1);
    const char **kw = ARENA_ARRAY(A(l), const char *, n ? n : 1);
    int n_kw = 0;
    args[0] = box(l, lower_expr(l, call->receiver), call->receiver->type);
    for (int i = 0; i < n; i++) {
        Arg *arg = e->u.call.args[i];
        args[i + 1] = box(l, lower_expr(l, arg->value), arg->value->type);
        if (arg->name)
            kw[n_kw++] = arg->name;
    }
    IrReg *r = n_kw ? NULL : method_fast_path(l, e, call, args, n + 1);
    if (!r) {
        IrOp *op = lower_op(l, IR_VCALL);
        ir_set_args(l->f, op, args, n + 1);
        op->n_pos = n - n_kw;
        op->c = n_kw ? const_ref(l->m, const_kwnames(l->m, kw, n_kw)) : NULL;
        op->method = const_ref(l->m, const_name(l->m, call->method));
        op->mcache = l->m->n_mcache++;
        op->err = ERR_NULL;
        op->dst = r = ir_reg(l->f, REP_OBJ, NULL);
    }
    /* `s.add(x)` as a statement: whatever a subclass's add returns is
     * dropped, as the interpreter drops it, not checked against None */
    if (l->discarded == e)
        return r;
    return coerce(l, r, ty_simple(TY_ANY), e->type);
}

/* float(x), int(x), abs(x), bool(x), min(a, b), max(a, b) on typed
 * numbers: computed in place (builtins are bound early, like len). */
static IrReg *lower_numeric_builtin(Lower *l, Expr *e)
{
    Expr *fn = e->u.call.func;
    TcSymbol *s = fn->kind == EX_NAME ? fn->sema : NULL;
    int n = e->u.call.n_args;
    if (!s || s->kind != SYM_BUILTIN || n < 1 || n > 2)
        return NULL;
    for (int i = 0; i < n; i++)
        if (e->u.call.args[i]->name || !ty_is_numeric(e->u.call.args[i]->value->type))
            return NULL;
    Expr *x = e->u.call.args[0]->value;
    const TyType *xt = x->type, *tint = ty_simple(TY_INT), *tfloat = ty_simple(TY_FLOAT);
    const char *f = s->name;
    if (n == 1 && !strcmp(f, "float"))
        return coerce(l, lower_expr_as(l, x, tfloat), tfloat, e->type);
    if (n == 1 && !strcmp(f, "int")) {
        IrReg *r = xt->kind == TY_FLOAT
                       ? call1(l, "spy_int_from_double_trunc", REP_INT, ERR_INT, lower_expr(l, x))
                       : lower_expr_as(l, x, tint);
        return coerce(l, r, tint, e->type);
    }
    if (n == 1 && !strcmp(f, "bool"))
        return coerce(l, call1(l, "(char)(%0 != 0)", REP_BOOL, ERR_NEVER,
                               truth_of(l, lower_expr(l, x), xt)), ty_simple(TY_BOOL), e->type);
    if (n == 1 && !strcmp(f, "abs") && (xt->kind == TY_INT || xt->kind == TY_BOOL))
        return coerce(l, call1(l, "spy_int_abs", REP_INT, ERR_INT, lower_expr_as(l, x, tint)),
                      tint, e->type);
    if (n == 1 && !strcmp(f, "abs") && xt->kind == TY_FLOAT)
        return coerce(l, call1(l, "fabs", REP_FLOAT, ERR_NEVER, lower_expr(l, x)), tfloat, e->type);
    bool mn = !strcmp(f, "min"), mx = !strcmp(f, "max");
    Expr *y = n == 2 ? e->u.call.args[1]->value : NULL;
    if (n == 2 && (mn || mx) && xt->kind == y->type->kind &&
        (xt->kind == TY_INT || xt->kind == TY_FLOAT)) {
        /* min(a, b) is b if b < a else a; max(a, b) is b if b > a else a. */
        IrReg *a = lower_expr(l, x), *b = lower_expr(l, y);
        const char *c = xt->kind == TY_FLOAT ? (mn ? "(%1 < %0 ? %1 : %0)" : "(%1 > %0 ? %1 : %0)")
                                              : (mn ? "spy_int_min(%0, %1)" : "spy_int_max(%0, %1)");
        return coerce(l, call2(l, c, rep_of(xt), ERR_NEVER, a, b), xt, e->type);
    }
    return NULL;
}

/* ord(s) for a str s: the code point, read straight from the string;
 * int(s): a short decimal read in place. */
static IrReg *lower_str_builtin(Lower *l, Expr *e)
{
    Expr *fn = e->u.call.func;
    TcSymbol *s = fn->kind == EX_NAME ? fn->sema : NULL;
    if (!s || s->kind != SYM_BUILTIN || e->u.call.n_args != 1 || e->u.call.args[0]->name ||
        e->u.call.args[0]->value->type->kind != TY_STR)
        return NULL;
    const char *c = !strcmp(s->name, "ord") ? "spy_str_ord"
                    : !strcmp(s->name, "int") ? "spy_str_to_int" : NULL;
    if (!c)
        return NULL;
    IrReg *r = call1(l, c, REP_INT, ERR_INT, lower_expr(l, e->u.call.args[0]->value));
    return coerce(l, r, ty_simple(TY_INT), e->type);
}

/* globals() is the module dict, and so are locals() and vars() in the
 * module body, where dir() lists it; compiled code has no frame for the
 * builtins to look at.  (The checker leaves functions that read their own
 * namespace to the interpreter.)  eval and exec: lower_generic_call. */
static IrReg *lower_namespace_builtin(Lower *l, Expr *e)
{
    Expr *fn = e->u.call.func;
    TcSymbol *s = fn->kind == EX_NAME ? fn->sema : NULL;
    if (!s || s->kind != SYM_BUILTIN)
        return NULL;
    const char *f = s->name;
    bool globals = !strcmp(f, "globals") && e->u.call.n_args == 0;
    bool module_ns = tc_reads_frame(e, f) && strcmp(f, "eval") && strcmp(f, "exec");
    if (!globals && !module_ns)
        return NULL;
    IrReg *d = emit_const(l, REP_OBJ, "st->globals", true);
    if (!strcmp(f, "dir"))
        d = call1(l, "spy_namespace_dir", REP_OBJ, ERR_NULL, d);
    return coerce(l, d, ty_simple(TY_ANY), e->type);
}

static bool has_unpacking(const Expr *e)
{
    for (int i = 0; i < e->u.call.n_args; i++) {
        ExprKind k = e->u.call.args[i]->value->kind;
        if (k == EX_STARRED || k == EX_DOUBLESTARRED)
            return true;
    }
    return false;
}

/* f(a, *b, k=v, **m), as CALL_FUNCTION_EX: the positional arguments
 * (starred ones spread, in order) make a tuple, then the keywords (each
 * mapping merged, a key given twice an error) a dict, and f is called
 * with both.  As the interpreter's compiler orders them, every positional
 * argument is evaluated before any keyword one. */
static IrReg *lower_unpacking_call(Lower *l, Expr *e)
{
    Expr *fe = e->u.call.func;
    IrReg *f = box(l, lower_expr(l, fe), fe->type);
    int n = e->u.call.n_args, n_pos = 0;
    Arg *only = NULL;
    for (int i = 0; i < n; i++) {
        Arg *a = e->u.call.args[i];
        if (!a->name && a->value->kind != EX_DOUBLESTARRED) {
            n_pos++;
            only = a;
        }
    }
    IrReg *pos;
    if (n_pos == 1 && only->value->kind == EX_STARRED) { /* f(*x): x itself, as a tuple */
        Expr *x = only->value->u.starred.value;
        pos = call2(l, "spy_call_star_args", REP_OBJ, ERR_NULL, f, box(l, lower_expr(l, x), x->type));
    } else {
        IrReg *list = emit_call(l, "spy_list_pack(0)", REP_OBJ, ERR_NULL, NULL, 0);
        for (int i = 0; i < n; i++) {
            Arg *a = e->u.call.args[i];
            if (a->name || a->value->kind == EX_DOUBLESTARRED)
                continue;
            bool star = a->value->kind == EX_STARRED;
            Expr *x = star ? a->value->u.starred.value : a->value;
            IrReg *args[2] = {list, box(l, lower_expr(l, x), x->type)};
            emit_call(l, star ? "spy_list_extend_star" : "PyList_Append", (IrRep)-1, ERR_NEG, args, 2);
        }
        pos = call1(l, "PyList_AsTuple", REP_OBJ, ERR_NULL, list);
    }
    IrReg *kw = NULL;
    for (int i = 0; i < n; i++) {
        Arg *a = e->u.call.args[i];
        if (!a->name && a->value->kind != EX_DOUBLESTARRED)
            continue;
        if (!kw)
            kw = emit_call(l, "spy_dict_pack(0)", REP_OBJ, ERR_NULL, NULL, 0);
        Expr *x = a->name ? a->value : a->value->u.starred.value;
        IrReg *v = box(l, lower_expr(l, x), x->type);
        if (a->name) {
            IrReg *key = emit_const(l, REP_OBJ, const_ref(l->m, const_name(l->m, a->name)), true);
            emit_call(l, "spy_call_kw_set", (IrRep)-1, ERR_NEG, (IrReg *[]){f, kw, key, v}, 4);
        } else {
            emit_call(l, "spy_call_kw_merge", (IrRep)-1, ERR_NEG, (IrReg *[]){f, kw, v}, 3);
        }
    }
    IrReg *r = kw ? emit_call(l, "PyObject_Call", REP_OBJ, ERR_NULL, (IrReg *[]){f, pos, kw}, 3)
                  : emit_call(l, "PyObject_Call(%0, %1, NULL)", REP_OBJ, ERR_NULL,
                              (IrReg *[]){f, pos}, 2);
    return coerce(l, r, ty_simple(TY_ANY), e->type);
}

static IrReg *lower_generic_call(Lower *l, Expr *e)
{
    const TcCall *call = e->sema;
    if (call && call->super_class) { /* super(): super(<class>, <first parameter>) */
        IrReg *self = box(l, lower_expr(l, call->receiver), call->receiver->type);
        const char *c = arena_printf(A(l), "PyObject_CallFunctionObjArgs((PyObject *)&PySuper_Type, "
                                     "(PyObject *)st->types[%d], %%0, NULL)", call->super_class->index);
        return coerce(l, emit_call(l, c, REP_OBJ, ERR_NULL, &self, 1), ty_simple(TY_ANY), e->type);
    }
    if (has_unpacking(e))
        return lower_unpacking_call(l, e);
    if (is_any_all_genexp(e))
        return coerce(l, lower_any_all(l, e), ty_simple(TY_BOOL), e->type);
    IrReg *fast = lower_len(l, e);
    if (!fast)
        fast = lower_isinstance(l, e);
    if (!fast)
        fast = lower_numeric_builtin(l, e);
    if (!fast)
        fast = lower_str_builtin(l, e);
    if (!fast)
        fast = lower_namespace_builtin(l, e);
    if (fast)
        return fast;
    int n = e->u.call.n_args;
    IrReg **args = ARENA_ARRAY(A(l), IrReg *, n + 2);
    const char **kw = ARENA_ARRAY(A(l), const char *, n ? n : 1);
    int n_kw = 0;
    args[0] = box(l, lower_expr(l, e->u.call.func), e->u.call.func->type);
    for (int i = 0; i < n; i++) {
        Arg *arg = e->u.call.args[i];
        args[i + 1] = box(l, lower_expr(l, arg->value), arg->value->type);
        if (arg->name)
            kw[n_kw++] = arg->name;
    }
    const TcSymbol *fs = e->u.call.func->kind == EX_NAME ? e->u.call.func->sema : NULL;
    if (fs && fs->kind == SYM_BUILTIN && tc_reads_frame(e, fs->name)) /* eval(src), exec(src) */
        args[++n] = emit_const(l, REP_OBJ, "st->globals", true);
    IrOp *op = lower_op(l, IR_VCALL);
    ir_set_args(l->f, op, args, n + 1);
    op->n_pos = n - n_kw;
    op->c = n_kw ? const_ref(l->m, const_kwnames(l->m, kw, n_kw)) : NULL;
    op->err = ERR_NULL;
    op->dst = ir_reg(l->f, REP_OBJ, NULL);
    return coerce(l, op->dst, ty_simple(TY_ANY), e->type);
}

/* obj.prop of a native @property: a native call of the getter, through
 * the vtable (a subclass, native or Python, may override it). */
IrReg *lower_property(Lower *l, Expr *e, const TcFunc *f)
{
    Expr *recv = e->u.attribute.value;
    IrReg *self = lower_expr_as(l, recv, f->params[0].type);
    IrOp *op = lower_op(l, IR_CALL_NATIVE);
    op->callee = f;
    op->vclass = recv->type->cls->final_class ? NULL : recv->type->cls;
    guard_own_self(l, op, lower_is_own_self(l, recv));
    ir_set_args(l->f, op, &self, 1);
    IrRep rep = rep_of(f->ret);
    op->err = native_err(rep);
    op->dst = ir_reg(l->f, rep, NULL);
    return coerce(l, op->dst, f->ret, e->type);
}

/* obj.prop = v for a native property with a native setter (no subclass
 * redefines it: the checker made sure): a direct call of the setter. */
void lower_property_set(Lower *l, Expr *target, IrReg *v, const TyType *vt)
{
    const TcFunc *set = ((const TcFunc *)target->u.attribute.property)->setter;
    IrReg *args[2] = {lower_expr_as(l, target->u.attribute.value, set->params[0].type),
                      coerce(l, v, vt, set->params[1].type)};
    IrOp *op = lower_op(l, IR_CALL_NATIVE);
    op->callee = set;
    ir_set_args(l->f, op, args, 2);
    IrRep rep = rep_of(set->ret);
    op->err = native_err(rep);
    op->dst = ir_reg(l->f, rep, NULL);
}

IrReg *lower_call(Lower *l, Expr *e)
{
        TcCall *call = e->sema;
        switch (call->kind) {
        case CALL_NATIVE:
            if (call->target->is_classmethod) /* the class goes first */
                return lower_native_call(l, e, call, classmethod_cls(l, call), NULL, NULL, false);
            return lower_native_call(l, e, call, NULL, NULL, NULL, false);
        case CALL_CTOR: return lower_native_call(l, e, call, NULL, e->type->cls, NULL, false);
        case CALL_NATIVE_METHOD: return lower_native_method_call(l, e, call);
        case CALL_METHOD: return lower_method_call(l, e, call);
        case CALL_MATH: return lower_math_call(l, e, call);
        case CALL_FIXED: {
            Expr *x = e->u.call.args[0]->value;
            return coerce(l, lower_expr(l, x), x->type, e->type);
        }
        case CALL_GENERIC: break;
        }
        return lower_generic_call(l, e);
    }
