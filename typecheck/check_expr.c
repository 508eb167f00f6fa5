/*
 * check_expr.c — types of expressions and resolution of calls.
 *
 * check_expr() sets Expr.type for every node it visits and Expr.sema for
 * names (the TcSymbol) and calls (a TcCall).  Calls to module functions
 * are bound here: positional and keyword arguments are mapped to parameter
 * slots so emit/ can make a direct C call.  Error messages follow mypy's.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

static TyType *any(void) { return ty_simple(TY_ANY); }

static const char *tstr(Tc *tc, const TyType *t) { return ty_str(tc->a, t); }

/* ---- names ------------------------------------------------------------- */

/* A compiled function used as a value: Callable[[its parameters], its
 * return type], when positional arguments alone call it fully. */
static TyType *function_value_type(Tc *tc, const TcFunc *f)
{
    if (f->interpreted || f->n_kwonly || f->n_required_pos != f->n_pos ||
        f->n_pos != f->n_params)
        return ty_simple(TY_FUNC);
    TyType **ps = ARENA_ARRAY(tc->a, TyType *, f->n_params ? f->n_params : 1);
    for (int i = 0; i < f->n_params; i++)
        ps[i] = f->params[i].type;
    return ty_callable(tc->a, ps, f->n_params, f->ret);
}

static TyType *check_name(Tc *tc, Expr *e)
{
    TcSymbol *s = scope_lookup(tc, e->u.name.id);
    if (!s && tc->func->cls && !strcmp(e->u.name.id, "__class__")) {
        /* the method's class cell: the interpreter runs such a method */
        tc_unsupported(tc, e->span, "'__class__' in a method");
        return any();
    }
    if (!s) {
        tc_error(tc, e->span, "name '%s' is not defined", e->u.name.id);
        return any();
    }
    e->sema = s;
    if (s->kind == SYM_LOCAL && !tc->assigned.unreachable &&
        (s->index >= tc->assigned.n || !tc->assigned.v[s->index])) {
        /* Not assigned on every path here: checked at run time, with the
         * interpreter's UnboundLocalError. */
        e->maybe_unbound = true;
        s->maybe_unbound = true;
    }
    if (s->kind == SYM_FUNC && s->func)
        return function_value_type(tc, s->func);
    TyType *n = narrowed_type(tc, s);
    return n ? n : s->type ? s->type : any();
}

/* ---- operators ------------------------------------------------------------ */

static bool is_intlike(const TyType *t) { return t->kind == TY_INT || t->kind == TY_BOOL; }

static bool is_dynamic(const TyType *t) { return t->kind == TY_ANY; }

static bool nonneg_int_literal(const Expr *e)
{
    return e->kind == EX_INT;
}

static TyType *binop_error(Tc *tc, Span span, BinOp op, TyType *l, TyType *r)
{
    tc_error(tc, span, "unsupported operand types for %s: \"%s\" and \"%s\"",
             ast_binop_str(op), tstr(tc, l), tstr(tc, r));
    return any();
}

/* Arithmetic with a fixed-width operand: float wins, otherwise the fixed
 * type (an int operand is converted to it, checked); two different fixed
 * types combine only when one contains the other. */
static TyType *fixed_binop(Tc *tc, Expr *e, TyType *l, TyType *r)
{
    BinOp op = e->u.binop.op;
    if (l->kind == TY_FLOAT || r->kind == TY_FLOAT || op == OP_DIV) {
        if (op == OP_DIV || op == OP_ADD || op == OP_SUB || op == OP_MUL || op == OP_FLOORDIV ||
            op == OP_MOD)
            return ty_simple(TY_FLOAT);
        return binop_error(tc, e->span, op, l, r);
    }
    if (op == OP_POW || op == OP_MATMUL)
        return binop_error(tc, e->span, op, l, r);
    if (ty_is_fixed(l) && ty_is_fixed(r) && l->kind != r->kind) {
        if (ty_assignable(l, r))
            return l;
        if (ty_assignable(r, l))
            return r;
        return binop_error(tc, e->span, op, l, r);
    }
    return ty_is_fixed(l) ? l : r;
}

static TyType *numeric_binop(Tc *tc, Expr *e, TyType *l, TyType *r)
{
    BinOp op = e->u.binop.op;
    if (ty_is_fixed(l) || ty_is_fixed(r))
        return fixed_binop(tc, e, l, r);
    bool ints = is_intlike(l) && is_intlike(r);
    switch (op) {
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_FLOORDIV: case OP_MOD:
        return ty_simple(ints ? TY_INT : TY_FLOAT);
    case OP_DIV:
        return ty_simple(TY_FLOAT);
    case OP_POW:
        /* int ** int is an int only for a non-negative exponent, and
         * float ** x is real only for an integral x: otherwise the result
         * type depends on the values, so it stays dynamic. */
        if (nonneg_int_literal(e->u.binop.right))
            return ty_simple(ints ? TY_INT : TY_FLOAT);
        return any();
    case OP_BITAND: case OP_BITOR: case OP_BITXOR:
        if (l->kind == TY_BOOL && r->kind == TY_BOOL)
            return ty_simple(TY_BOOL);
        /* fallthrough */
    case OP_LSHIFT: case OP_RSHIFT:
        if (ints)
            return ty_simple(TY_INT);
        return binop_error(tc, e->span, op, l, r);
    case OP_MATMUL: case OP__COUNT:
        break;
    }
    return binop_error(tc, e->span, op, l, r);
}

/* The method `name` of a native class instance of type t, or NULL. */
static const TcFunc *dunder(Tc *tc, const TyType *t, const char *name)
{
    if (t->kind != TY_CLASS || t->cls->dynamic)
        return NULL;
    return tc_class_method(t->cls, strtab_intern(tc->names, name, strlen(name)));
}

/* `a + b` with a native class instance: the type its __add__ (for `a +=
 * b` first __iadd__), else the right operand's __radd__, declares — as
 * mypy types it.  The operation itself goes through the type's slots, as
 * in the interpreter; the result is checked against that type. */
static TyType *dunder_binop(Tc *tc, BinOp op, TyType *l, TyType *r, bool inplace)
{
    static const char *const names[OP__COUNT] = {
        [OP_ADD] = "add", [OP_SUB] = "sub", [OP_MUL] = "mul", [OP_DIV] = "truediv",
        [OP_FLOORDIV] = "floordiv", [OP_MOD] = "mod", [OP_POW] = "pow", [OP_MATMUL] = "matmul",
        [OP_LSHIFT] = "lshift", [OP_RSHIFT] = "rshift", [OP_BITAND] = "and",
        [OP_BITOR] = "or", [OP_BITXOR] = "xor",
    };
    const char *n = names[op];
    const TcFunc *m = inplace ? dunder(tc, l, arena_printf(tc->a, "__i%s__", n)) : NULL;
    if (!m)
        m = dunder(tc, l, arena_printf(tc->a, "__%s__", n));
    if (!m)
        m = dunder(tc, r, arena_printf(tc->a, "__r%s__", n));
    return m ? m->ret : NULL;
}

/* Drops the errors reported since the list had n (a quiet trial). */
static bool errors_since(Tc *tc, int n, int n_errors)
{
    bool failed = tc->d->n_errors > n_errors;
    tc->d->n = n;
    tc->d->n_errors = n_errors;
    return failed;
}

/* `a + b` with a union operand (`int | float`): fine when it is for every
 * pair of members, as mypy checks it; the type is then the members'
 * common result, else dynamic. */
static TyType *union_binop(Tc *tc, Expr *e, TyType *l, TyType *r, bool inplace)
{
    int nl = l->kind == TY_UNION ? l->n_args : 1, nr = r->kind == TY_UNION ? r->n_args : 1;
    int n = tc->d->n, n_errors = tc->d->n_errors;
    TyType *result = NULL;
    for (int i = 0; i < nl; i++)
        for (int j = 0; j < nr; j++) {
            TyType *t = binop_type(tc, e, l->kind == TY_UNION ? l->args[i] : l,
                                   r->kind == TY_UNION ? r->args[j] : r, inplace);
            result = !result ? t : ty_equal(result, t) ? result : any();
        }
    if (errors_since(tc, n, n_errors))
        return binop_error(tc, e->span, e->u.binop.op, l, r);
    return result;
}

TyType *binop_type(Tc *tc, Expr *e, TyType *l, TyType *r, bool inplace)
{
    BinOp op = e->u.binop.op;
    if (is_dynamic(l) || is_dynamic(r))
        return any();
    if (l->kind == TY_UNION || r->kind == TY_UNION)
        return union_binop(tc, e, l, r, inplace);
    TyType *t = dunder_binop(tc, op, l, r, inplace);
    if (t)
        return t;
    if (ty_is_numeric(l) && ty_is_numeric(r))
        return numeric_binop(tc, e, l, r);
    if (l->kind == TY_STR && r->kind == TY_STR && op == OP_ADD)
        return ty_simple(TY_STR);
    if (op == OP_MUL && ((l->kind == TY_STR && is_intlike(r)) ||
                         (is_intlike(l) && r->kind == TY_STR)))
        return ty_simple(TY_STR);
    if (l->kind == TY_STR && op == OP_MOD)
        return ty_simple(TY_STR);
    if ((l->kind == TY_BYTES && r->kind == TY_BYTES && op == OP_ADD) ||
        (op == OP_MUL && ((l->kind == TY_BYTES && is_intlike(r)) ||
                          (is_intlike(l) && r->kind == TY_BYTES))) ||
        (l->kind == TY_BYTES && op == OP_MOD))
        return ty_simple(TY_BYTES);
    /* Sequence repetition and concatenation keep the element type. */
    if (op == OP_MUL && l->kind == TY_LIST && is_intlike(r))
        return l;
    if (op == OP_MUL && r->kind == TY_LIST && is_intlike(l))
        return r;
    if (op == OP_ADD && l->kind == TY_LIST && r->kind == TY_LIST)
        return ty_equal(l, r) || r->args[0]->kind == TY_ANY ? l
             : l->args[0]->kind == TY_ANY ? r : ty_generic(tc->a, TY_LIST, any(), NULL);
    if (l->kind == TY_TUPLE && r->kind == TY_TUPLE && op == OP_ADD) {
        if (l->variadic || r->variadic)
            return any();
        TyType **elts = ARENA_ARRAY(tc->a, TyType *, l->n_args + r->n_args + 1);
        for (int i = 0; i < l->n_args; i++)
            elts[i] = l->args[i];
        for (int i = 0; i < r->n_args; i++)
            elts[l->n_args + i] = r->args[i];
        return ty_tuple(tc->a, elts, l->n_args + r->n_args);
    }
    if (op == OP_MUL && l->kind == TY_TUPLE && is_intlike(r))
        return any();
    if (l->kind == TY_SET && r->kind == TY_SET &&
        (op == OP_BITOR || op == OP_BITAND || op == OP_SUB || op == OP_BITXOR))
        return ty_set(tc->a, ty_equal(l->args[0], r->args[0]) ? l->args[0] : any(), l->frozen);
    if (l->kind == TY_DICT && r->kind == TY_DICT && op == OP_BITOR)
        return any();
    return binop_error(tc, e->span, op, l, r);
}

static TyType *check_binop(Tc *tc, Expr *e)
{
    TyType *l = check_expr(tc, e->u.binop.left);
    TyType *r = check_expr(tc, e->u.binop.right);
    TyType *t = binop_type(tc, e, l, r, false);
    tc_fold_binop(tc, e);
    return t;
}

static TyType *check_unary(Tc *tc, Expr *e)
{
    TyType *t = check_expr(tc, e->u.unary.operand);
    UnaryOp op = e->u.unary.op;
    if (op == UOP_NOT)
        return ty_simple(TY_BOOL);
    if (is_dynamic(t))
        return any();
    if (is_intlike(t))
        return ty_simple(TY_INT);
    if (ty_is_fixed(t))
        return t;
    if (t->kind == TY_FLOAT && op != UOP_INVERT)
        return t;
    bool numbers = t->kind == TY_UNION;
    for (int i = 0; numbers && i < t->n_args; i++) /* -x of an int | float */
        numbers = ty_is_numeric(t->args[i]) && (op != UOP_INVERT || is_intlike(t->args[i]));
    if (numbers)
        return t;
    const TcFunc *m = dunder(tc, t, op == UOP_NEG ? "__neg__" : op == UOP_POS ? "__pos__"
                                                               : "__invert__");
    if (m)
        return m->ret;
    tc_error(tc, e->span, "unsupported operand type for unary %s: \"%s\"",
             ast_unaryop_str(op), tstr(tc, t));
    return any();
}

/* The type of `a or b` / `x if c else y`: the operands' type when they
 * agree, else dynamic (a float slot would turn an int result into 1.0). */
static TyType *join(TyType *a, TyType *b)
{
    return ty_equal(a, b) ? a : any();
}

/* `x is not None and x > 3`: each operand is checked with what the ones
 * before it being true (and) or false (or) implies. */
static TyType *check_boolop(Tc *tc, Expr *e)
{
    ExprList *vs = &e->u.boolop.values;
    Narrow *saved = tc->narrow;
    TyType *t = check_expr(tc, vs->v[0]);
    for (int i = 1; i < vs->n; i++) {
        Narrow *pos = tc->narrow, *neg = tc->narrow;
        narrow_from_test(tc, vs->v[i - 1], &pos, &neg);
        tc->narrow = e->u.boolop.op == BOOL_AND ? pos : neg;
        t = join(t, check_expr(tc, vs->v[i]));
    }
    tc->narrow = saved;
    return t;
}

/* `a if test else b`: each branch sees what the test implies, as in an
 * if statement (`0 if d is None else d.value`). */
static TyType *check_ifexp(Tc *tc, Expr *e)
{
    check_expr(tc, e->u.ifexp.test);
    Narrow *saved = tc->narrow, *pos = saved, *neg = saved;
    narrow_from_test(tc, e->u.ifexp.test, &pos, &neg);
    tc->narrow = pos;
    TyType *a = check_expr(tc, e->u.ifexp.body);
    tc->narrow = neg;
    TyType *b = check_expr(tc, e->u.ifexp.orelse);
    tc->narrow = saved;
    return join(a, b);
}

/* `a < b` with a native class instance: its __lt__ (or the right
 * operand's reflection, __gt__) decides; a bool when it returns one.
 * Sets *found. */
static bool dunder_compare(Tc *tc, CmpOp op, TyType *l, TyType *r, bool *found)
{
    static const char *const names[] = {
        [CMP_EQ] = "__eq__", [CMP_NE] = "__ne__", [CMP_LT] = "__lt__",
        [CMP_LE] = "__le__", [CMP_GT] = "__gt__", [CMP_GE] = "__ge__",
    };
    static const CmpOp reflected[] = {
        [CMP_EQ] = CMP_EQ, [CMP_NE] = CMP_NE, [CMP_LT] = CMP_GT,
        [CMP_LE] = CMP_GE, [CMP_GT] = CMP_LT, [CMP_GE] = CMP_LE,
    };
    const TcFunc *m = dunder(tc, l, names[op]);
    if (!m)
        m = dunder(tc, r, names[reflected[op]]);
    if (!m && op == CMP_NE) /* object.__ne__ inverts __eq__ */
        m = dunder(tc, l, "__eq__") ? dunder(tc, l, "__eq__") : dunder(tc, r, "__eq__");
    *found = m != NULL;
    return m && m->ret->kind == TY_BOOL;
}

/* One link `l op r` of a comparison chain; true when it yields a bool. */
static bool compare_link(Tc *tc, Span span, CmpOp op, TyType *l, TyType *r)
{
    if (op == CMP_IS || op == CMP_IS_NOT)
        return true;
    if (op <= CMP_GE && (l->kind == TY_CLASS || r->kind == TY_CLASS)) {
        bool found, b = dunder_compare(tc, op, l, r, &found);
        if (found)
            return b;
        if ((l->kind == TY_CLASS && l->cls->dataclass_order) ||
            (r->kind == TY_CLASS && r->cls->dataclass_order))
            return false; /* the decorator's methods, at run time */
    }
    if (op == CMP_IN || op == CMP_NOT_IN) {
        if (r->kind == TY_STR && l->kind != TY_STR && !is_dynamic(l)) {
            tc_error(tc, span, "unsupported operand types for in: \"%s\" and \"str\"",
                     tstr(tc, l));
        }
        if (ty_is_numeric(r) || r->kind == TY_NONE)
            tc_error(tc, span, "unsupported right operand type for in (\"%s\")",
                     tstr(tc, r));
        return true;
    }
    if (is_dynamic(l) || is_dynamic(r) || l->kind == TY_OBJECT || r->kind == TY_OBJECT)
        return false;
    bool same_family = (ty_is_numeric(l) && ty_is_numeric(r)) ||
                       (l->kind == TY_STR && r->kind == TY_STR) ||
                       (l->kind == TY_BYTES && r->kind == TY_BYTES);
    if (op == CMP_EQ || op == CMP_NE)
        return true;
    bool containers = l->kind == r->kind &&
                      (l->kind == TY_TUPLE || l->kind == TY_LIST || l->kind == TY_SET);
    if (!same_family && !containers) {
        tc_error(tc, span, "unsupported operand types for %s: \"%s\" and \"%s\"",
                 ast_cmpop_str(op), tstr(tc, l), tstr(tc, r));
        return true;
    }
    return !containers;
}

static TyType *check_compare(Tc *tc, Expr *e)
{
    ExprList *xs = &e->u.compare.operands;
    TyType *l = check_expr(tc, xs->v[0]);
    bool all_bool = true;
    for (int i = 0; i < e->u.compare.n_ops; i++) {
        TyType *r = check_expr(tc, xs->v[i + 1]);
        if (!compare_link(tc, e->span, e->u.compare.ops[i], l, r))
            all_bool = false;
        l = r;
    }
    return all_bool ? ty_simple(TY_BOOL) : any();
}

/* ---- calls ------------------------------------------------------------- */

static int param_index(TcFunc *f, const char *name, int first)
{
    for (int i = first; i < f->n_params; i++)
        if (f->params[i].param->name == name)
            return i;
    return -1;
}

static void check_arg_type(Tc *tc, TcFunc *f, int slot, Arg *arg, int position)
{
    TyType *want = f->params[slot].type;
    TyType *got = arg->value->type;
    if (ty_assignable(want, got))
        return;
    if (arg->name)
        tc_error(tc, arg->value->span,
                 "argument \"%s\" to \"%s\" has incompatible type \"%s\"; expected \"%s\"",
                 arg->name, f->name, tstr(tc, got), tstr(tc, want));
    else
        tc_error(tc, arg->value->span,
                 "argument %d to \"%s\" has incompatible type \"%s\"; expected \"%s\"",
                 position, f->name, tstr(tc, got), tstr(tc, want));
}

static void report_missing(Tc *tc, Expr *call, TcFunc *f, Expr **slots, int first)
{
    for (int i = first; i < f->n_params; i++) {
        const Param *p = f->params[i].param;
        if (slots[i] || p->default_value)
            continue;
        if (p->kind == PARAM_KWONLY)
            tc_error(tc, call->span, "missing named argument \"%s\" for \"%s\"",
                     p->name, f->name);
        else
            tc_error(tc, call->span,
                     "missing positional argument \"%s\" in call to \"%s\"",
                     p->name, f->name);
    }
}

/* Maps each argument to its parameter; reports what does not fit.
 * `first` skips parameters the call does not pass (self of a method). */
static void bind_native_call(Tc *tc, Expr *e, TcFunc *f, TcCall *call, int first)
{
    Expr **slots = ARENA_ARRAY(tc->a, Expr *, f->n_params ? f->n_params : 1);
    int n_positional = first;
    for (int i = 0; i < e->u.call.n_args; i++) {
        Arg *arg = e->u.call.args[i];
        int slot;
        if (!arg->name) {
            slot = n_positional++;
            if (slot >= f->n_pos) {
                if (slot == f->n_pos)
                    tc_error(tc, arg->value->span, "too many arguments for \"%s\"",
                             f->name);
                continue;
            }
        } else {
            slot = param_index(f, arg->name, first);
            if (slot < 0 || f->params[slot].param->kind == PARAM_POSONLY) {
                tc_error(tc, arg->span, "unexpected keyword argument \"%s\" for \"%s\"",
                         arg->name, f->name);
                continue;
            }
            if (slots[slot]) {
                tc_error(tc, arg->span,
                         "\"%s\" gets multiple values for keyword argument \"%s\"",
                         f->name, arg->name);
                continue;
            }
        }
        slots[slot] = arg->value;
        check_arg_type(tc, f, slot, arg, i + 1);
    }
    report_missing(tc, e, f, slots, first);
    if (call->kind == CALL_GENERIC)
        call->kind = CALL_NATIVE;
    call->target = f;
    call->slots = slots;
}

/* f(*a, **m): the call is made with the spread arguments, generically
 * (the callee binds them, as in the interpreter). */
static bool has_star_args(Expr *e)
{
    for (int i = 0; i < e->u.call.n_args; i++) {
        ExprKind k = e->u.call.args[i]->value->kind;
        if (k == EX_STARRED || k == EX_DOUBLESTARRED)
            return true;
    }
    return false;
}

/* C(...): allocation, then the __init__ found by lookup. */
static TyType *check_ctor(Tc *tc, Expr *e, TcCall *call, TcClass *c)
{
    TcFunc *init = tc_class_method(c, strtab_cstr(tc->names, "__init__"));
    if (init && (init->varargs || init->varkw)) {
        call->kind = CALL_GENERIC; /* the type's tp_init wrapper binds the extras */
        return c->type;
    }
    call->kind = CALL_CTOR;
    if (init) {
        bind_native_call(tc, e, init, call, 1);
        call->kind = CALL_CTOR;
    } else if (e->u.call.n_args) {
        tc_error(tc, e->u.call.args[0]->value->span, "too many arguments for \"%s\"", c->name);
    }
    call->target = init;
    call->method = c->name;
    return c->type;
}

/* obj.m(...) on a native instance, or super().m(...) in a method. */
static TyType *check_native_method(Tc *tc, Expr *e, TcCall *call, TcClass *c, bool via_super)
{
    const char *m = call->method;
    TcFunc *f = tc_class_method(c, m);
    if (!f && tc_class_interp_method(c, m) && !via_super) {
        call->kind = CALL_METHOD; /* an interpreted method: called generically */
        return any();
    }
    const TcFunc *sf = f ? NULL : tc_class_static(c, m);
    if (sf && !via_super) { /* a static or class method, looked up at run time */
        call->kind = CALL_METHOD;
        return sf->interpreted ? any() : sf->ret;
    }
    TcAttr *field = f || via_super ? NULL : tc_class_attr(c, m);
    if (!f && !via_super && !field && tc_class_has_classvar(c, m)) {
        call->kind = CALL_METHOD; /* a class variable's value, called */
        return any();
    }
    if (field) { /* a callable stored in a field: read, then called generically */
        TyType *ft = field->type;
        call->kind = CALL_METHOD;
        if (ft->kind == TY_FUNC && ft->n_args > 0)
            return ft->args[0]; /* its result, checked when it arrives */
        if (ft->kind != TY_ANY && ft->kind != TY_OBJECT && ft->kind != TY_FUNC)
            tc_error(tc, e->u.call.func->span, "\"%s\" not callable", tstr(tc, ft));
        return any();
    }
    if (!f && !via_super && tc_class_runtime_attr(c, m)) {
        call->kind = CALL_METHOD; /* object's, or what @dataclass added */
        return any();
    }
    if (!f) {
        tc_error(tc, e->u.call.func->span, "\"%s\" has no attribute \"%s\"", c->name, m);
        return any();
    }
    if (f->is_property) { /* obj.prop(...) calls the property's value */
        if (f->ret->kind != TY_ANY && f->ret->kind != TY_OBJECT)
            tc_error(tc, e->u.call.func->span, "\"%s\" not callable", tstr(tc, f->ret));
        call->kind = CALL_METHOD;
        return any();
    }
    if (f->varargs || f->varkw) {
        /* the extras are bound by its Python-visible wrapper: called as
         * the interpreter calls it (overrides found by attribute lookup),
         * its result checked when it arrives */
        call->kind = CALL_METHOD;
        return f->ret;
    }
    call->kind = CALL_NATIVE_METHOD;
    bind_native_call(tc, e, f, call, 1);
    call->kind = CALL_NATIVE_METHOD;
    /* a Python subclass may override any method: through the vtable,
     * unless the class is final */
    call->virtual_call = !via_super && !c->final_class;
    return f->ret;
}

static bool is_super_call(const Expr *e)
{
    return e->kind == EX_CALL && e->u.call.n_args == 0 && e->u.call.func->kind == EX_NAME &&
           !strcmp(e->u.call.func->u.name.id, "super");
}

static TyType *check_attribute(Tc *tc, Expr *e)
{
    TyType *v = check_expr(tc, e->u.attribute.value);
    TyType *mc = math_constant(tc, e);
    if (mc)
        return mc;
    if (v->kind == TY_CLASS) {
        TcAttr *a = tc_class_attr(v->cls, e->u.attribute.attr);
        if (a) {
            e->sema = a;
            Expr *base = e->u.attribute.value;
            TyType *n = base->kind == EX_NAME && base->sema
                            ? narrowed_attr_type(tc, base->sema, a) : NULL;
            return n ? n : a->type;
        }
        TcFunc *m = tc_class_method(v->cls, e->u.attribute.attr);
        if (m && m->is_property) {
            e->u.attribute.property = m;
            return m->ret;
        }
        /* a class variable: read through the type, as any value */
        if (!m && !tc_class_interp_method(v->cls, e->u.attribute.attr) &&
            !tc_class_has_classvar(v->cls, e->u.attribute.attr) &&
            !tc_class_static(v->cls, e->u.attribute.attr) &&
            !tc_class_runtime_attr(v->cls, e->u.attribute.attr))
            tc_error(tc, e->span, "\"%s\" has no attribute \"%s\"", v->cls->name,
                     e->u.attribute.attr);
        return any();
    }
    if (v->kind == TY_NONE || (v->kind == TY_UNION && ty_has_none(v)))
        tc_error(tc, e->span, "item \"None\" of \"%s\" has no attribute \"%s\"", tstr(tc, v),
                 e->u.attribute.attr);
    return any();
}

static void check_method_args(Tc *tc, Expr *e, TyType *recv, const char *m, TyType **args, int n)
{
    TyType *want = NULL;
    if ((recv->kind == TY_LIST && (!strcmp(m, "append") || !strcmp(m, "remove"))) ||
        (recv->kind == TY_SET && (!strcmp(m, "add") || !strcmp(m, "discard"))))
        want = recv->args[0];
    if (want && n == 1 && !ty_assignable(want, args[0]))
        tc_error(tc, e->u.call.args[0]->value->span,
                 "argument 1 to \"%s\" of \"%s\" has incompatible type \"%s\"; expected \"%s\"",
                 m, tstr(tc, recv), tstr(tc, args[0]), tstr(tc, want));
}

/* A lambda is made by the interpreter from its source (emit/ compiles it
 * once and makes a new function each time the expression runs), so the
 * function around it still compiles.  Its body is checked for names with
 * its parameters as Any; its defaults are evaluated here, natively; one
 * that reads locals of the enclosing function gets its cells. */
static void count_target(Expr *target, void *n)
{
    (void)target;
    ++*(int *)n;
}

/* Does e hold a `:=` (in its comprehensions too, not in lambdas)? */
static bool has_walrus(Expr *e)
{
    int n = 0;
    ast_expr_named_targets(e, count_target, &n);
    return n > 0;
}

static TyType *check_lambda(Tc *tc, Expr *e)
{
    ParamList *ps = &e->u.lambda.params;
    Overlay ov = {{0}, tc->overlay, true};
    if (has_walrus(e->u.lambda.body)) { /* it would bind a name of the lambda's own */
        tc_unsupported(tc, e->span, "assignment expressions in lambdas");
        return any();
    }
    for (int i = 0; i < ps->n; i++)
        if (ps->v[i]->default_value)
            check_expr(tc, ps->v[i]->default_value);
    for (int i = 0; i < ps->n; i++) {
        TcSymbol *s = ARENA_NEW(tc->a, TcSymbol);
        s->kind = SYM_GLOBAL; /* only for checking: the body is not compiled */
        s->name = ps->v[i]->name;
        s->type = any();
        s->decl = ps->v[i]->span;
        symtab_put(tc->a, &ov.names, s);
    }
    const char *outer_capture = tc->captured;
    Narrow *saved = tc->narrow;
    tc->captured = NULL;
    tc->overlay = &ov;
    check_expr(tc, e->u.lambda.body);
    tc->overlay = ov.outer;
    tc->narrow = saved;
    const char *captured = tc->captured;
    tc->captured = outer_capture;
    /* A lambda reading locals of a plain function is made with its cells
     * (e->sema marks it; lowering wraps its source in a def, which needs
     * a line above it and room for an indented `_=(` before it). */
    if (captured && (tc->func->is_module_body || e->span.line < 2 || e->span.col < 4)) {
        tc_unsupported(tc, e->span, arena_printf(tc->a, "'%s' read by a lambda: closures",
                                                  captured));
        return any();
    }
    e->sema = captured ? tc->func : NULL;
    return ty_callable(tc->a, NULL, 0, any());
}

/* A generator expression handed straight to a builtin that consumes all
 * of it (sum, min, max, sorted, list, tuple, set, frozenset, str.join)
 * is built as a list comprehension: the consumer sees the same values in
 * the same order, without a generator frame per element.  (any/all stop
 * early, so they keep theirs.)  See docs/guide.md, "Differences". */
static void eager_genexps(Expr *e, const char *consumer)
{
    static const char *const eager[] = {"sum", "min", "max", "sorted", "list", "tuple",
                                        "set", "frozenset", "join", NULL};
    bool consumes = false;
    for (int i = 0; eager[i]; i++)
        consumes |= consumer && !strcmp(consumer, eager[i]);
    for (int i = 0; consumes && i < e->u.call.n_args; i++)
        if (!e->u.call.args[i]->name && e->u.call.args[i]->value->kind == EX_GENEXP)
            e->u.call.args[i]->value->kind = EX_LISTCOMP;
}

/* C.f(...) or obj.f(...) for a @staticmethod/@classmethod f of a native
 * class: a direct call.  The receiver is a name (nothing to evaluate but
 * a classmethod's class); on an instance only where no subclass may hold
 * another f.  NULL when it is not such a call. */
static TyType *check_static_call(Tc *tc, Expr *e, TcCall *call, TyType *rt)
{
    Expr *recv = call->receiver;
    if (recv->kind != EX_NAME || !rt->cls || rt->cls->dynamic ||
        (rt->kind != TY_TYPE && rt->kind != TY_CLASS))
        return NULL;
    TcFunc *f = tc_class_static(rt->cls, call->method);
    if (!f || f->interpreted || f->varargs || f->varkw ||
        (rt->kind == TY_CLASS && tc_name_redefined_below(tc->mod, rt->cls, call->method)))
        return NULL;
    bind_native_call(tc, e, f, call, f->is_classmethod ? 1 : 0);
    call->kind = CALL_NATIVE;
    call->target = f;
    call->cls_arg = rt->kind == TY_TYPE ? rt->cls : NULL;
    return f->ret;
}

/* recv.m(...): a method of a builtin type, or a dynamic attribute call. */
static TyType *check_method_call(Tc *tc, Expr *e, TcCall *call, TyType **args, int n)
{
    Expr *fn = e->u.call.func;
    Expr *recv = fn->u.attribute.value;
    call->receiver = recv;
    call->method = fn->u.attribute.attr;
    fn->type = any();
    bool super = is_super_call(recv);
    const TcFunc *sm = super && tc->func->cls && tc->func->cls->base
                           ? tc_class_method(tc->func->cls->base, call->method) : NULL;
    if (super && !(sm && (sm->varargs || sm->varkw))) {
        /* (a method taking *args or **kwargs binds them in its wrapper: a
         * call on super(<class>, self), below) */
        TcFunc *cur = tc->func;
        if (!cur->cls || !cur->cls->base || !cur->n_params) {
            tc_unsupported(tc, recv->span, "super() outside a method of a derived native class");
            return any();
        }
        /* super().m(...) is m of the base class, called on self. */
        Expr *self = ARENA_NEW(tc->a, Expr);
        self->kind = EX_NAME;
        self->span = recv->span;
        self->u.name.id = cur->params[0].param->name;
        call->receiver = self;
        check_expr(tc, self);
        for (int i = 0; i < n; i++)
            args[i] = check_expr(tc, e->u.call.args[i]->value);
        return check_native_method(tc, e, call, cur->cls->base, true);
    }
    TyType *rt = check_expr(tc, recv);
    if (rt->kind == TY_STR && !strcmp(call->method, "join"))
        eager_genexps(e, "join");
    for (int i = 0; i < n; i++)
        args[i] = check_expr(tc, e->u.call.args[i]->value);
    TyType *mt = math_call(tc, e, call, args, n);
    if (mt)
        return mt;
    TyType *st = check_static_call(tc, e, call, rt);
    if (st)
        return st;
    if (rt->kind == TY_CLASS)
        return check_native_method(tc, e, call, rt->cls, false);
    call->kind = CALL_METHOD;
    if (rt->kind == TY_NONE || (rt->kind == TY_UNION && ty_has_none(rt))) {
        tc_error(tc, fn->span, "item \"None\" of \"%s\" has no attribute \"%s\"", tstr(tc, rt),
                 call->method);
        return any();
    }
    TyType *r = method_result(tc, rt, call->method, args, n, fn->span);
    if (!r)
        return any();
    check_method_args(tc, e, rt, call->method, args, n);
    return r;
}

/* A call through a Callable[[...], R]: the arguments are checked against
 * its parameters; the result, R, is checked when it arrives. */
static TyType *check_callable_call(Tc *tc, Expr *e, TyType *ft, TyType **args, int n)
{
    if (ft->variadic)
        return ft->args[0];
    for (int i = 0; i < n; i++)
        if (e->u.call.args[i]->name) {
            tc_error(tc, e->u.call.args[i]->value->span,
                     "unexpected keyword argument \"%s\" for \"%s\"",
                     e->u.call.args[i]->name, tstr(tc, ft));
            return ft->args[0];
        }
    if (n != ft->n_args - 1) {
        tc_error(tc, e->span, "too %s arguments for \"%s\"",
                 n < ft->n_args - 1 ? "few" : "many", tstr(tc, ft));
        return ft->args[0];
    }
    for (int i = 0; i < n; i++)
        if (!ty_assignable(ft->args[1 + i], args[i]))
            tc_error(tc, e->u.call.args[i]->value->span,
                     "argument %d has incompatible type \"%s\"; expected \"%s\"", i + 1,
                     tstr(tc, args[i]), tstr(tc, ft->args[1 + i]));
    return ft->args[0];
}

/* any(genexp) / all(genexp) with the builtin: emit/ runs the generator as
 * a loop that stops at the first true (false) element, as the builtin
 * does. */
bool is_any_all_genexp(const Expr *e)
{
    if (e->kind != EX_CALL || e->u.call.n_args != 1 || e->u.call.args[0]->name ||
        e->u.call.args[0]->value->kind != EX_GENEXP || e->u.call.func->kind != EX_NAME)
        return false;
    const TcSymbol *s = e->u.call.func->sema;
    return s && s->kind == SYM_BUILTIN && (!strcmp(s->name, "any") || !strcmp(s->name, "all"));
}

static TyType *check_call(Tc *tc, Expr *e)
{
    TcCall *call = ARENA_NEW(tc->a, TcCall);
    call->kind = CALL_GENERIC;
    e->sema = call;
    Expr *fn = e->u.call.func;
    bool star = has_star_args(e);
    if (fn->kind == EX_ATTRIBUTE && !star) {
        int n = e->u.call.n_args;
        return check_method_call(tc, e, call, ARENA_ARRAY(tc->a, TyType *, n ? n : 1), n);
    }
    TyType *fn_type = check_expr(tc, fn);
    TcSymbol *callee = fn->kind == EX_NAME ? fn->sema : NULL;
    if (callee && callee->kind == SYM_BUILTIN && is_super_call(e)) {
        /* zero-argument super() finds its class and self in the caller's
         * frame, which compiled code has not got: they are passed */
        TcFunc *cur = tc->func;
        if (!cur->cls || !cur->n_params || cur->params[0].param->kind == PARAM_KWONLY) {
            tc_unsupported(tc, e->span, "super() outside a method of a native class");
            return any();
        }
        Expr *self = ARENA_NEW(tc->a, Expr);
        self->kind = EX_NAME;
        self->span = e->span;
        self->u.name.id = cur->params[0].param->name;
        check_expr(tc, self);
        call->receiver = self;
        call->super_class = cur->cls;
        return any();
    }
    if (callee && callee->kind == SYM_BUILTIN && strcmp(callee->name, "join") != 0)
        eager_genexps(e, callee->name);
    if (is_any_all_genexp(e))
        tc->lazy_genexp = e->u.call.args[0]->value;
    int n = e->u.call.n_args;
    TyType **arg_types = ARENA_ARRAY(tc->a, TyType *, n ? n : 1);
    for (int i = 0; i < n; i++) {
        Expr *v = e->u.call.args[i]->value;
        if (v->kind == EX_STARRED || v->kind == EX_DOUBLESTARRED) {
            TyType *t = check_expr(tc, v->u.starred.value);
            v->type = t;
            if (v->kind == EX_STARRED && !ty_iter_elem(t))
                tc_error(tc, v->u.starred.value->span, "\"%s\" object is not iterable",
                         tstr(tc, t));
            else if (v->kind == EX_DOUBLESTARRED && t->kind != TY_DICT && t->kind != TY_ANY &&
                     t->kind != TY_OBJECT && t->kind != TY_CLASS)
                tc_error(tc, v->u.starred.value->span, "\"%s\" object is not a mapping",
                         tstr(tc, t));
            arg_types[i] = any();
            continue;
        }
        arg_types[i] = check_expr(tc, v);
    }
    if (star) { /* a native function's result is checked when it arrives */
        TcSymbol *f = fn->kind == EX_NAME ? fn->sema : NULL;
        return f && f->kind == SYM_FUNC && f->func && !f->func->interpreted ? f->func->ret : any();
    }
    TcSymbol *s = fn->kind == EX_NAME ? fn->sema : NULL;
    if (s && s->kind == SYM_FUNC && s->func && !s->func->interpreted && !s->func->varargs &&
        !s->func->varkw) { /* those take the wrapper's argument binding */
        bind_native_call(tc, e, s->func, call, 0);
        return s->func->ret;
    }
    if (fn_type->kind == TY_TYPE)
        return check_ctor(tc, e, call, fn_type->cls);
    TyType *fixed = s ? scope_fixed_type(s) : NULL;
    if (fixed) {
        if (n != 1 || e->u.call.args[0]->name ||
            !(ty_is_numeric(arg_types[0]) || arg_types[0]->kind == TY_ANY))
            tc_error(tc, e->span, "%s() takes one int, float or bool argument", s->name);
        call->kind = CALL_FIXED;
        return fixed;
    }
    TyType *mt = math_call(tc, e, call, arg_types, n);
    if (mt)
        return mt;
    if (is_any_all_genexp(e))
        return ty_simple(TY_BOOL);
    if (s && s->kind == SYM_BUILTIN) {
        builtin_check_frame_use(tc, e, s->name);
        return builtin_result_type(tc, s->name, arg_types, n);
    }
    if (fn_type->kind == TY_FUNC && fn_type->n_args > 0)
        return check_callable_call(tc, e, fn_type, arg_types, n);
    const TcFunc *call_method = dunder(tc, fn_type, "__call__");
    if (call_method)
        return call_method->ret; /* called through tp_call, as in the interpreter */
    if (fn_type->kind != TY_ANY && fn_type->kind != TY_FUNC &&
        fn_type->kind != TY_OBJECT && fn_type->kind != TY_MODULE)
        tc_error(tc, fn->span, "\"%s\" not callable", tstr(tc, fn_type));
    return any();
}

/* range(...) with 1 to 3 arguments and no keywords. */
static bool is_range_call(Tc *tc, Expr *e)
{
    if (e->kind != EX_CALL || e->u.call.func->kind != EX_NAME ||
        e->u.call.func->u.name.id != tc->n_range)
        return false;
    TcSymbol *s = scope_lookup(tc, tc->n_range);
    if (!s || s->kind != SYM_BUILTIN || e->u.call.n_args < 1 || e->u.call.n_args > 3)
        return false;
    for (int i = 0; i < e->u.call.n_args; i++)
        if (e->u.call.args[i]->name || e->u.call.args[i]->value->kind == EX_STARRED ||
            e->u.call.args[i]->value->kind == EX_DOUBLESTARRED)
            return false;
    return true;
}

TcForRange *check_range(Tc *tc, Expr *iter)
{
    if (!is_range_call(tc, iter))
        return NULL;
    TcForRange *r = ARENA_NEW(tc->a, TcForRange);
    Arg **args = iter->u.call.args;
    int n = iter->u.call.n_args;
    for (int i = 0; i < n; i++) {
        TyType *t = check_expr(tc, args[i]->value);
        if (t->kind != TY_INT && t->kind != TY_BOOL && t->kind != TY_ANY && !ty_is_fixed(t))
            tc_error(tc, args[i]->value->span,
                     "argument %d to \"range\" has incompatible type \"%s\"; "
                     "expected \"int\"", i + 1, tstr(tc, t));
    }
    r->start = n > 1 ? args[0]->value : NULL;
    r->stop = n > 1 ? args[1]->value : args[0]->value;
    r->step = n > 2 ? args[2]->value : NULL;
    iter->type = ty_generic(tc->a, TY_ITER, ty_simple(TY_INT), NULL);
    return r;
}

/* ---- comprehensions -------------------------------------------------------- */

static void bind_comp_target(Tc *tc, Overlay *ov, Expr *t, TyType *elem)
{
    if (t->kind == EX_NAME) {
        TcSymbol *s = scope_hidden_local(tc, t->u.name.id, t->span);
        s->type = elem;
        symtab_put(tc->a, &ov->names, s);
        t->sema = s;
        t->type = elem;
        assigned_set(tc, s);
        return;
    }
    if (t->kind != EX_TUPLE && t->kind != EX_LIST) {
        tc_unsupported(tc, t->span, "this comprehension target");
        return;
    }
    int n = t->u.seq.elts.n;
    bool fits = elem->kind == TY_TUPLE && !elem->variadic && elem->n_args == n;
    if (!fits && elem->kind != TY_ANY)
        tc_error(tc, t->span, "cannot unpack \"%s\" into %d names", tstr(tc, elem), n);
    for (int i = 0; i < n; i++)
        bind_comp_target(tc, ov, t->u.seq.elts.v[i], fits ? elem->args[i] : any());
    t->type = elem;
}

static TyType *check_comp(Tc *tc, Expr *e)
{
    Overlay ov = {{0}, tc->overlay, false};
    TcComp *comp = ARENA_NEW(tc->a, TcComp);
    comp->ranges = ARENA_ARRAY(tc->a, TcForRange *, e->u.comp.n_gens);
    e->sema = comp;
    for (int g = 0; g < e->u.comp.n_gens; g++) {
        Comprehension *gen = e->u.comp.gens[g];
        if (gen->is_async)
            tc_unsupported(tc, e->span, "async comprehensions");
        TyType *elem = ty_simple(TY_INT);
        comp->ranges[g] = check_range(tc, gen->iter);
        if (!comp->ranges[g]) {
            TyType *it = check_expr(tc, gen->iter);
            elem = ty_iter_elem(it);
            if (!elem) {
                tc_error(tc, gen->iter->span, "\"%s\" object is not iterable", tstr(tc, it));
                elem = any();
            }
        }
        /* The first iterable is evaluated in the enclosing scope; the
         * names bound here are visible from the next part on. */
        tc->overlay = &ov;
        bind_comp_target(tc, &ov, gen->target, elem);
        for (int i = 0; i < gen->ifs.n; i++)
            check_expr(tc, gen->ifs.v[i]);
    }
    TyType *elt = check_expr(tc, e->u.comp.elt);
    TyType *value = e->kind == EX_DICTCOMP ? check_expr(tc, e->u.comp.value) : NULL;
    tc->overlay = ov.outer;
    switch (e->kind) {
    case EX_LISTCOMP: return ty_generic(tc->a, TY_LIST, elt, NULL);
    case EX_SETCOMP: return ty_generic(tc->a, TY_SET, elt, NULL);
    case EX_GENEXP: return ty_generic(tc->a, TY_ITER, elt, NULL);
    default: return ty_generic(tc->a, TY_DICT, elt, value);
    }
}

/* ---- everything else ---------------------------------------------------------- */

static TyType *tuple_index(Tc *tc, Expr *e, TyType *v, Expr *ix)
{
    if (v->variadic)
        return v->args[0];
    bool neg = ix->kind == EX_UNARY && ix->u.unary.op == UOP_NEG &&
               ix->u.unary.operand->kind == EX_INT;
    const Expr *lit = neg ? ix->u.unary.operand : ix;
    if (lit->kind != EX_INT)
        return ty_iter_elem(v);
    int64_t i = lit->u.int_lit.fits_i64 ? lit->u.int_lit.value : INT64_MAX;
    if (neg)
        i = v->n_args - i;
    if (i < 0 || i >= v->n_args) {
        tc_error(tc, e->span, "tuple index out of range");
        return any();
    }
    return v->args[i];
}

static TyType *check_subscript(Tc *tc, Expr *e)
{
    TyType *v = check_expr(tc, e->u.subscript.value);
    Expr *ix = e->u.subscript.index;
    TyType *it = check_expr(tc, ix);
    bool slice = ix->kind == EX_SLICE;
    switch (v->kind) {
    case TY_LIST:
        if (slice)
            return v;
        if (is_intlike(it) || ty_is_fixed(it))
            return v->args[0];
        if (is_dynamic(it))
            return any(); /* the index may be a slice */
        tc_error(tc, ix->span, "list indices must be integers or slices, not \"%s\"", tstr(tc, it));
        return any();
    case TY_DICT:
        if (!ty_assignable(v->args[0], it))
            tc_error(tc, ix->span, "invalid index type \"%s\" for \"%s\"; expected type \"%s\"",
                     tstr(tc, it), tstr(tc, v), tstr(tc, v->args[0]));
        return v->args[1];
    case TY_TUPLE:
        if (slice)
            return any();
        if (is_intlike(it) || is_dynamic(it))
            return tuple_index(tc, e, v, ix);
        tc_error(tc, ix->span, "tuple indices must be integers or slices, not \"%s\"", tstr(tc, it));
        return any();
    case TY_STR:
        if (slice || is_intlike(it) || is_dynamic(it))
            return v;
        tc_error(tc, ix->span, "string indices must be integers, not \"%s\"", tstr(tc, it));
        return any();
    case TY_BYTES: /* b[i] is an int, b[i:j] bytes */
        if (slice)
            return v;
        if (is_intlike(it) || is_dynamic(it))
            return ty_simple(TY_INT);
        tc_error(tc, ix->span, "byte indices must be integers or slices, not \"%s\"", tstr(tc, it));
        return any();
    case TY_INT: case TY_FLOAT: case TY_BOOL: case TY_NONE: case TY_SET: case TY_UNION:
        tc_error(tc, e->span, "value of type \"%s\" is not indexable", tstr(tc, v));
        return any();
    default:
        return any();
    }
}

static TyType *check_slice(Tc *tc, Expr *e)
{
    Expr *parts[3] = {e->u.slice.lower, e->u.slice.upper, e->u.slice.step};
    for (int i = 0; i < 3; i++)
        if (parts[i]) {
            TyType *t = check_expr(tc, parts[i]);
            if (!is_intlike(t) && !is_dynamic(t) && t->kind != TY_NONE)
                tc_error(tc, parts[i]->span,
                         "slice index must be an int or None, not \"%s\"", tstr(tc, t));
        }
    return any();
}

/* `*x` in a display: the element type of the iterable x (its own type is
 * recorded on the starred node for lowering). */
static TyType *check_star_item(Tc *tc, Expr *star)
{
    TyType *t = check_expr(tc, star->u.starred.value), *e = ty_iter_elem(t);
    star->type = t;
    if (!e) {
        tc_error(tc, star->u.starred.value->span, "\"%s\" object is not iterable", tstr(tc, t));
        return any();
    }
    return e;
}

/* The type two items of a display share: theirs when they agree. */
static TyType *join_item(TyType *t, TyType *x)
{
    return !t ? x : ty_equal(t, x) ? t : any();
}

static TyType *check_tuple(Tc *tc, Expr *e)
{
    int n = e->u.seq.elts.n;
    TyType **ts = ARENA_ARRAY(tc->a, TyType *, n ? n : 1);
    bool starred = false;
    for (int i = 0; i < n; i++) {
        Expr *x = e->u.seq.elts.v[i];
        starred |= x->kind == EX_STARRED;
        ts[i] = x->kind == EX_STARRED ? check_star_item(tc, x) : check_expr(tc, x);
    }
    if (!starred)
        return ty_tuple(tc->a, ts, n);
    /* (a, *b): a tuple of as many items as b has, of the items' type */
    TyType *t = NULL;
    for (int i = 0; i < n; i++)
        t = join_item(t, ts[i]);
    TyType *r = ty_tuple(tc->a, &t, 1);
    r->variadic = true;
    return r;
}

/* The element type of a display: the items' type when they agree (a
 * starred item counts with its iterable's element type). */
static TyType *items_type(Tc *tc, ExprList *items)
{
    TyType *t = NULL;
    for (int i = 0; i < items->n; i++) {
        Expr *x = items->v[i];
        t = join_item(t, x->kind == EX_STARRED ? check_star_item(tc, x) : check_expr(tc, x));
    }
    return t ? t : any();
}

/* {k: v, **m}: keys and values agree with each mapping's own, which
 * must be a dict (or of unknown type). */
static TyType *check_dict_display(Tc *tc, Expr *e)
{
    TyType *k = NULL, *v = NULL;
    for (int i = 0; i < e->u.dict.keys.n; i++) {
        Expr *key = e->u.dict.keys.v[i], *val = e->u.dict.values.v[i];
        if (key) {
            k = join_item(k, check_expr(tc, key));
            v = join_item(v, check_expr(tc, val));
            continue;
        }
        TyType *m = check_expr(tc, val);
        if (m->kind == TY_DICT) {
            k = join_item(k, m->args[0]);
            v = join_item(v, m->args[1]);
        } else {
            if (m->kind != TY_ANY && m->kind != TY_OBJECT && m->kind != TY_CLASS)
                tc_error(tc, val->span, "\"%s\" object is not a mapping", tstr(tc, m));
            k = v = any();
        }
    }
    return ty_generic(tc->a, TY_DICT, k ? k : any(), v ? v : any());
}

static TyType *check_display(Tc *tc, Expr *e)
{
    if (e->kind == EX_DICT)
        return check_dict_display(tc, e);
    TyType *t = items_type(tc, &e->u.seq.elts);
    return ty_generic(tc->a, e->kind == EX_LIST ? TY_LIST : TY_SET, t, NULL);
}

static void check_fstring(Tc *tc, FString *fs)
{
    for (int i = 0; i < fs->n; i++) {
        if (fs->v[i]->expr)
            check_expr(tc, fs->v[i]->expr);
        if (fs->v[i]->spec)
            check_fstring(tc, fs->v[i]->spec);
    }
}

static const char *unsupported_name(ExprKind k)
{
    switch (k) {
    case EX_IMAG: return "complex literals";
    case EX_BYTES: return "bytes literals";
    case EX_FSTRING: return "f-strings";
    case EX_ELLIPSIS: return "'...' (Ellipsis)";
    case EX_SET: return "set displays";
    case EX_DICT: return "dict displays";
    case EX_LISTCOMP: return "list comprehensions";
    case EX_SETCOMP: return "set comprehensions";
    case EX_DICTCOMP: return "dict comprehensions";
    case EX_GENEXP: return "generator expressions";
    case EX_LAMBDA: return "lambda expressions";
    case EX_STARRED: case EX_DOUBLESTARRED: return "starred expressions";
    case EX_AWAIT: return "await";
    case EX_YIELD: case EX_YIELD_FROM: return "yield";
    case EX_NAMED: return "assignment expressions (:=)";
    default: return "this expression";
    }
}

/* yield x / yield from xs in a generator: what is yielded must fit the
 * declared Iterator[T]; the value of `yield` is what send() passes (Any).
 * `yield from` only as a statement, and neither inside an except or
 * finally block (the generator would have to save the handled exception
 * while suspended): those leave the function to the interpreter. */
static TyType *check_yield(Tc *tc, Expr *e)
{
    TcFunc *f = tc->func;
    if (!f || !f->is_generator) {
        tc_error(tc, e->span, "'yield' outside function");
        return any();
    }
    if (tc->in_handler)
        tc_unsupported(tc, e->span, "yield inside an except or finally block");
    Expr *v = e->u.starred.value;
    if (e->kind == EX_YIELD_FROM) {
        if (!tc->stmt || tc->stmt->kind != ST_EXPR || tc->stmt->u.expr.value != e)
            tc_unsupported(tc, e->span, "'yield from' used as a value");
        TyType *it = check_expr(tc, v), *elem = ty_iter_elem(it);
        if (!elem) {
            tc_error(tc, v->span, "\"%s\" is not iterable", ty_str(tc->a, it));
            return any();
        }
        if (!ty_assignable(f->yield_type, elem))
            tc_error(tc, v->span, "incompatible types in \"yield from\" (actual type \"%s\", "
                     "expected type \"%s\")", ty_str(tc->a, elem), ty_str(tc->a, f->yield_type));
        return any();
    }
    TyType *vt = v ? check_expr(tc, v) : ty_simple(TY_NONE);
    if (!ty_assignable(f->yield_type, vt))
        tc_error(tc, v ? v->span : e->span, "incompatible types in \"yield\" (actual type \"%s\", "
                 "expected type \"%s\")", ty_str(tc->a, vt), ty_str(tc->a, f->yield_type));
    return any();
}

/* Any other generator expression is made by the interpreter (emit wraps
 * it in a lambda taking its first iterable, which is evaluated here, and
 * gives the lambda this function's cells); its elements are Any. Its
 * source needs a line above it and room before it for the wrapper. */
static TyType *check_dynamic_genexp(Tc *tc, Expr *e)
{
    /* made by the interpreter: a `:=` in it would bind in that function,
     * not in the compiled one around it */
    if (has_walrus(e)) {
        tc_unsupported(tc, e->span, "assignment expressions in generator expressions");
        return any();
    }
    if (e->span.line < 2 || e->span.col < 4 || e->u.comp.gens[0]->is_async ||
        (tc->func->is_module_body && tc->overlay)) {
        tc_unsupported(tc, e->span, unsupported_name(e->kind));
        return any();
    }
    check_expr(tc, e->u.comp.gens[0]->iter);
    if (!tc->func->is_module_body)
        tc_mark_captured(tc, e->span);
    e->sema = tc->func;
    return ty_generic(tc->a, TY_ITER, any(), NULL);
}

static TyType *check_inner(Tc *tc, Expr *e)
{
    switch (e->kind) {
    case EX_NAME: return check_name(tc, e);
    case EX_INT: return ty_simple(TY_INT);
    case EX_FLOAT: return ty_simple(TY_FLOAT);
    case EX_STR: return ty_simple(TY_STR);
    case EX_BYTES: return ty_simple(TY_BYTES);
    case EX_IMAG: case EX_ELLIPSIS: return any(); /* complex, Ellipsis: dynamic values */
    case EX_TRUE: case EX_FALSE: return ty_simple(TY_BOOL);
    case EX_NONE: return ty_simple(TY_NONE);
    case EX_BINOP: return check_binop(tc, e);
    case EX_UNARY: return check_unary(tc, e);
    case EX_BOOLOP: return check_boolop(tc, e);
    case EX_COMPARE: return check_compare(tc, e);
    case EX_IFEXP: return check_ifexp(tc, e);
    case EX_CALL: return check_call(tc, e);
    case EX_ATTRIBUTE: return check_attribute(tc, e);
    case EX_SUBSCRIPT: return check_subscript(tc, e);
    case EX_SLICE: return check_slice(tc, e);
    case EX_TUPLE: return check_tuple(tc, e);
    case EX_LIST: case EX_SET: case EX_DICT: return check_display(tc, e);
    case EX_LISTCOMP: case EX_SETCOMP: case EX_DICTCOMP: return check_comp(tc, e);
    case EX_LAMBDA: return check_lambda(tc, e);
    case EX_GENEXP:
        if (e == tc->lazy_genexp)
            return check_comp(tc, e);
        return check_dynamic_genexp(tc, e);
    case EX_FSTRING: check_fstring(tc, &e->u.fstring); return ty_simple(TY_STR);
    case EX_YIELD: case EX_YIELD_FROM: return check_yield(tc, e);
    case EX_NAMED: {
        bool in_lambda = false;
        for (const Overlay *o = tc->overlay; o; o = o->outer)
            in_lambda |= o->lambda;
        if (in_lambda) { /* it would bind in the lambda, made by the interpreter */
            tc_unsupported(tc, e->span, "assignment expressions in lambdas");
            return any();
        }
        /* in a comprehension it binds in the function around it (PEP 572),
         * where scope.c made it a local */
        TyType *t = check_expr(tc, e->u.named.value);
        Expr *plain = tc->plain_value; /* that of the statement around it */
        bool range = tc->range_target;
        tc->plain_value = NULL;
        tc->range_target = false;
        /* `a and (n := f())` may not run: later reads of n test it as the
         * interpreter's would, so n (a name: the grammar allows no other
         * target) keeps whatever definite-assignment state it had */
        TcSymbol *s = scope_lookup(tc, e->u.named.target->u.name.id);
        bool local = s && s->kind == SYM_LOCAL && s->index < tc->assigned.n;
        bool was = local && tc->assigned.v[s->index];
        tc_assign_target(tc, e->u.named.target, t, e->u.named.value->span);
        if (local && s->index < tc->assigned.n)
            tc->assigned.v[s->index] = was;
        tc->plain_value = plain;
        tc->range_target = range;
        return t;
    }
    default:
        tc_unsupported(tc, e->span, unsupported_name(e->kind));
        return any();
    }
}

TyType *check_expr(Tc *tc, Expr *e)
{
    TyType *t = check_inner(tc, e);
    e->type = t;
    return t;
}
