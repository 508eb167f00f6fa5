/*
 * check_operator.c — types of operator expressions: arithmetic (typed,
 * fixed-width, union operands, native classes' dunder methods), unary
 * operators, `and`/`or`, `a if c else b` and comparison chains.  Entry
 * points: check_binop() ... check_compare() for check_expr(), binop_type()
 * for augmented assignment.  Error messages follow mypy's.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

static TyType *any(void) { return ty_simple(TY_ANY); }

static const char *tstr(Tc *tc, const TyType *t) { return ty_str(tc->a, t); }

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
const TcFunc *tc_dunder(Tc *tc, const TyType *t, const char *name)
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
    const TcFunc *m = inplace ? tc_dunder(tc, l, arena_printf(tc->a, "__i%s__", n)) : NULL;
    if (!m)
        m = tc_dunder(tc, l, arena_printf(tc->a, "__%s__", n));
    if (!m)
        m = tc_dunder(tc, r, arena_printf(tc->a, "__r%s__", n));
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

TyType *check_binop(Tc *tc, Expr *e)
{
    TyType *l = check_expr(tc, e->u.binop.left);
    TyType *r = check_expr(tc, e->u.binop.right);
    TyType *t = binop_type(tc, e, l, r, false);
    tc_fold_binop(tc, e);
    return t;
}

TyType *check_unary(Tc *tc, Expr *e)
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
    const TcFunc *m = tc_dunder(tc, t, op == UOP_NEG ? "__neg__" : op == UOP_POS ? "__pos__"
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

/* The part of an `or` operand's type its value can have when it is the
 * result: a true value, so never None (`m or {}` is a dict). */
static TyType *when_true(Tc *tc, TyType *t)
{
    return t->kind == TY_UNION && ty_has_none(t) ? ty_without_none(tc->a, t) : t;
}

/* `x is not None and x > 3`: each operand is checked with what the ones
 * before it being true (and) or false (or) implies. */
TyType *check_boolop(Tc *tc, Expr *e)
{
    ExprList *vs = &e->u.boolop.values;
    bool or = e->u.boolop.op == BOOL_OR;
    Narrow *saved = tc->narrow;
    TyType *t = check_expr(tc, vs->v[0]);
    if (or && vs->n > 1)
        t = when_true(tc, t);
    for (int i = 1; i < vs->n; i++) {
        Narrow *pos = tc->narrow, *neg = tc->narrow;
        narrow_from_test(tc, vs->v[i - 1], &pos, &neg);
        tc->narrow = or ? neg : pos;
        TyType *ti = check_expr(tc, vs->v[i]);
        if (or && i < vs->n - 1)
            ti = when_true(tc, ti);
        if (or && t->kind == TY_NONE) /* None is never the result of an `or` */
            t = ti;
        else /* `m or {}`: an empty display takes the type of what it stands in for */
            t = join(t, display_as(vs->v[i], ti, t));
    }
    tc->narrow = saved;
    return t;
}

/* `a if test else b`: each branch sees what the test implies, as in an
 * if statement (`0 if d is None else d.value`). */
TyType *check_ifexp(Tc *tc, Expr *e)
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
    const TcFunc *m = tc_dunder(tc, l, names[op]);
    if (!m)
        m = tc_dunder(tc, r, names[reflected[op]]);
    if (!m && op == CMP_NE) /* object.__ne__ inverts __eq__ */
        m = tc_dunder(tc, l, "__eq__") ? tc_dunder(tc, l, "__eq__") : tc_dunder(tc, r, "__eq__");
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

TyType *check_compare(Tc *tc, Expr *e)
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
