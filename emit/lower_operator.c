/*
 * lower_operator.c — operator expressions to IR.  Typed arithmetic calls
 * the runtime's tagged-int and float helpers, anything dynamic the generic
 * C API (PyNumber_*); then unary operators, truth tests and branch
 * conditions (truth_of, lower_cond), exact int/float comparisons, and the
 * value-producing `and`/`or` and `a if c else b`.
 */
#include "emit/lower.h"

#include <stdlib.h>

/* Could a value of type t be an exact int at run time? */
static bool may_be_int(const TyType *t)
{
    if (t->kind == TY_UNION) {
        for (int i = 0; i < t->n_args; i++)
            if (may_be_int(t->args[i]))
                return true;
        return false;
    }
    return t->kind == TY_ANY || t->kind == TY_OBJECT || t->kind == TY_INT;
}

static const char *const int_ops[OP__COUNT] = {
    [OP_ADD] = "spy_int_add", [OP_SUB] = "spy_int_sub", [OP_MUL] = "spy_int_mul",
    [OP_FLOORDIV] = "spy_int_floordiv", [OP_MOD] = "spy_int_mod", [OP_POW] = "spy_int_pow",
    [OP_LSHIFT] = "spy_int_lshift", [OP_RSHIFT] = "spy_int_rshift",
    [OP_BITOR] = "spy_int_or", [OP_BITXOR] = "spy_int_xor", [OP_BITAND] = "spy_int_and",
};

static const char *generic_binop(Arena *a, BinOp op, bool inplace, bool ints_possible)
{
    static const char *const names[OP__COUNT][2] = {
        [OP_ADD] = {"PyNumber_Add", "PyNumber_InPlaceAdd"},
        [OP_SUB] = {"PyNumber_Subtract", "PyNumber_InPlaceSubtract"},
        [OP_MUL] = {"PyNumber_Multiply", "PyNumber_InPlaceMultiply"},
        [OP_MATMUL] = {"PyNumber_MatrixMultiply", "PyNumber_InPlaceMatrixMultiply"},
        [OP_DIV] = {"PyNumber_TrueDivide", "PyNumber_InPlaceTrueDivide"},
        [OP_FLOORDIV] = {"PyNumber_FloorDivide", "PyNumber_InPlaceFloorDivide"},
        [OP_MOD] = {"PyNumber_Remainder", "PyNumber_InPlaceRemainder"},
        [OP_POW] = {"PyNumber_Power(%0, %1, Py_None)", "PyNumber_InPlacePower(%0, %1, Py_None)"},
        [OP_LSHIFT] = {"PyNumber_Lshift", "PyNumber_InPlaceLshift"},
        [OP_RSHIFT] = {"PyNumber_Rshift", "PyNumber_InPlaceRshift"},
        [OP_BITOR] = {"PyNumber_Or", "PyNumber_InPlaceOr"},
        [OP_BITXOR] = {"PyNumber_Xor", "PyNumber_InPlaceXor"},
        [OP_BITAND] = {"PyNumber_And", "PyNumber_InPlaceAnd"},
    };
    /* two exact ints in tagged words: the tagged operation (runtime/spy_any.h);
     * not **, << or >>, whose results grow or change type */
    bool tagged = op != OP_POW && op != OP_LSHIFT && op != OP_RSHIFT && int_ops[op];
    if (tagged && ints_possible)
        return arena_printf(a, "spy_any_binop(%%0, %%1, %s, %s)", int_ops[op], names[op][inplace]);
    return names[op][inplace];
}


static IrReg *float_binop(Lower *l, BinOp op, IrReg *a, IrReg *b)
{
    switch (op) {
    case OP_ADD: return call2(l, "(%0 + %1)", REP_FLOAT, ERR_NEVER, a, b);
    case OP_SUB: return call2(l, "(%0 - %1)", REP_FLOAT, ERR_NEVER, a, b);
    case OP_MUL: return call2(l, "(%0 * %1)", REP_FLOAT, ERR_NEVER, a, b);
    case OP_DIV:
        call2(l, "spy_float_truediv_check(%0, %1)", (IrRep)-1, ERR_NEG, a, b);
        return call2(l, "(%0 / %1)", REP_FLOAT, ERR_NEVER, a, b);
    case OP_FLOORDIV: return call2(l, "spy_float_floordiv", REP_FLOAT, ERR_FLOAT, a, b);
    case OP_MOD: return call2(l, "spy_float_mod", REP_FLOAT, ERR_FLOAT, a, b);
    case OP_POW: return call2(l, "spy_float_pow", REP_FLOAT, ERR_FLOAT, a, b);
    default: break;
    }
    fprintf(stderr, "internal error at %s:%d: float %s\n", __FILE__, __LINE__, ast_binop_str(op));
    abort();
}

/* Shared by BinOp and AugAssign: a (of type at) op b (of type bt),
 * producing type rt. */
IrReg *lower_binop_values(Lower *l, BinOp op, IrReg *a, const TyType *at, IrReg *b,
                          const TyType *bt, const TyType *rt, bool inplace)
{
    const TyType *tint = ty_simple(TY_INT), *tfloat = ty_simple(TY_FLOAT);
    bool ints = (at->kind == TY_INT || at->kind == TY_BOOL) &&
                (bt->kind == TY_INT || bt->kind == TY_BOOL);
    if (ty_is_fixed(rt)) {
        static const char *const fixed_ops[OP__COUNT] = {
            [OP_ADD] = "add", [OP_SUB] = "sub", [OP_MUL] = "mul", [OP_FLOORDIV] = "floordiv",
            [OP_MOD] = "mod", [OP_LSHIFT] = "lshift", [OP_RSHIFT] = "rshift",
        };
        IrReg *x = coerce(l, a, at, rt), *y = coerce(l, b, bt, rt);
        if (op == OP_BITAND || op == OP_BITOR || op == OP_BITXOR)
            return call2(l, op == OP_BITAND ? "(%0 & %1)" : op == OP_BITOR ? "(%0 | %1)"
                                                                            : "(%0 ^ %1)",
                         REP_I64, ERR_NEVER, x, y);
        return call2(l, arena_printf(A(l), "spy_fixed_%s(%%0, %%1, %s)", fixed_ops[op],
                                     fixed_kind(rt)), REP_I64, ERR_I64, x, y);
    }
    if (rt->kind == TY_BOOL) {
        const char *c = op == OP_BITAND ? "(char)(%0 & %1)"
                      : op == OP_BITOR ? "(char)(%0 | %1)" : "(char)(%0 ^ %1)";
        return call2(l, c, REP_BOOL, ERR_NEVER, a, b);
    }
    if (rt->kind == TY_INT && ints)
        return call2(l, int_ops[op], REP_INT, ERR_INT, coerce(l, a, at, tint),
                     coerce(l, b, bt, tint));
    if (rt->kind == TY_FLOAT && ints && op == OP_DIV)
        return call2(l, "spy_int_truediv", REP_FLOAT, ERR_FLOAT, coerce(l, a, at, tint),
                     coerce(l, b, bt, tint));
    if (rt->kind == TY_FLOAT && ty_is_numeric(at) && ty_is_numeric(bt))
        return float_binop(l, op, coerce(l, a, at, tfloat), coerce(l, b, bt, tfloat));
    if (rt->kind == TY_STR && op == OP_ADD && at->kind == TY_STR && bt->kind == TY_STR)
        return call2(l, "PyUnicode_Concat", REP_OBJ, ERR_NULL, a, b);
    const char *c = generic_binop(A(l), op, inplace, may_be_int(at) && may_be_int(bt));
    IrReg *r = call2(l, c, REP_OBJ, ERR_NULL, box(l, a, at), box(l, b, bt));
    return coerce(l, r, ty_simple(TY_ANY), rt);
}

/* An operand of a binary operator; one that the operator converts to
 * float (an int beside a float) is lowered as a float, so that an int tree
 * can hand back its double directly. */
static IrReg *binop_operand(Lower *l, Expr *e, Expr *x, const TyType **t)
{
    const Expr *left = e->u.binop.left, *right = e->u.binop.right;
    bool ints = (left->type->kind == TY_INT || left->type->kind == TY_BOOL) &&
                (right->type->kind == TY_INT || right->type->kind == TY_BOOL);
    *t = x->type;
    if (e->type->kind != TY_FLOAT || x->type->kind != TY_INT || ints ||
        !ty_is_numeric(left->type) || !ty_is_numeric(right->type))
        return lower_expr(l, x);
    *t = ty_simple(TY_FLOAT);
    return lower_expr_as(l, x, *t);
}

IrReg *lower_binop(Lower *l, Expr *e)
{
    IrReg *fast = e->type->kind == TY_INT ? lower_int_fast(l, e) : NULL;
    if (fast)
        return fast;
    const TyType *at, *bt;
    IrReg *a = binop_operand(l, e, e->u.binop.left, &at);
    IrReg *b = binop_operand(l, e, e->u.binop.right, &bt);
    return lower_binop_values(l, e->u.binop.op, a, at, b, bt, e->type, false);
}

IrReg *lower_unary(Lower *l, Expr *e)
{
    Expr *x = e->u.unary.operand;
    UnaryOp op = e->u.unary.op;
    if (op == UOP_NOT)
        return call1(l, "(char)!%0", REP_BOOL, ERR_NEVER, lower_cond(l, x));
    if (op == UOP_NEG && x->kind == EX_INT)
        return int_const(l, true, x);
    if (op == UOP_NEG && x->kind == EX_FLOAT)
        return emit_const(l, REP_FLOAT, float_text(A(l), -x->u.float_lit.value), false);
    if (e->type->kind == TY_INT) {
        IrReg *fast = lower_int_fast(l, e);
        if (fast)
            return fast;
        IrReg *v = lower_expr_as(l, x, ty_simple(TY_INT));
        if (op == UOP_POS)
            return v;
        return call1(l, op == UOP_NEG ? "spy_int_neg" : "spy_int_invert", REP_INT, ERR_INT, v);
    }
    if (e->type->kind == TY_FLOAT) {
        IrReg *v = lower_expr(l, x);
        return op == UOP_POS ? v : call1(l, "(-%0)", REP_FLOAT, ERR_NEVER, v);
    }
    if (ty_is_fixed(e->type)) {
        IrReg *v = lower_expr_as(l, x, e->type);
        if (op == UOP_POS)
            return v;
        return call1(l, arena_printf(A(l), "spy_fixed_%s(%%0, %s)",
                                     op == UOP_NEG ? "neg" : "invert", fixed_kind(e->type)),
                     REP_I64, ERR_I64, v);
    }
    IrReg *v = box(l, lower_expr(l, x), x->type);
    const char *c = op == UOP_NEG ? "PyNumber_Negative"
                  : op == UOP_POS ? "PyNumber_Positive" : "PyNumber_Invert";
    return coerce(l, call1(l, c, REP_OBJ, ERR_NULL, v), ty_simple(TY_ANY), e->type);
}

/* ---- truth and comparisons ---------------------------------------------------------- */

/* A branchable register (BOOL or CINT) for the truth value of v:t. */
IrReg *truth_of(Lower *l, IrReg *v, const TyType *t)
{
    switch (t->kind) {
    case TY_BOOL: return v;
    case TY_INT: return call1(l, "(char)spy_int_is_true(%0)", REP_BOOL, ERR_NEVER, v);
    case TY_FLOAT: return call1(l, "(char)(%0 != 0.0)", REP_BOOL, ERR_NEVER, v);
    case TY_I64: case TY_I32: case TY_I16: case TY_U8:
        return call1(l, "(char)(%0 != 0)", REP_BOOL, ERR_NEVER, v);
    case TY_STR: return call1(l, "(char)(PyUnicode_GET_LENGTH(%0) != 0)", REP_BOOL, ERR_NEVER, v);
    case TY_NONE: return emit_const(l, REP_BOOL, "0", false);
    default: return call1(l, "PyObject_IsTrue", REP_CINT, ERR_NEG, v);
    }
}

static IrReg *cond_boolop(Lower *l, Expr *e)
{
    IrReg *r = ir_reg(l->f, REP_BOOL, NULL);
    IrBlock *done = ir_block(l->f);
    ExprList *vs = &e->u.boolop.values;
    for (int i = 0; i < vs->n; i++) {
        IrReg *c = lower_cond(l, vs->v[i]);
        emit_assign(l, r, c->rep == REP_BOOL ? c : call1(l, "(char)%0", REP_BOOL, ERR_NEVER, c));
        if (i == vs->n - 1) {
            emit_goto(l, done);
            break;
        }
        IrBlock *next = ir_block(l->f);
        if (e->u.boolop.op == BOOL_AND)
            emit_branch(l, r, next, done);
        else
            emit_branch(l, r, done, next);
        l->cur = next;
    }
    l->cur = done;
    return r;
}

IrReg *lower_cond(Lower *l, Expr *e)
{
    if (e->kind == EX_BOOLOP)
        return cond_boolop(l, e);
    if (e->kind == EX_UNARY && e->u.unary.op == UOP_NOT)
        return call1(l, "(char)!%0", REP_BOOL, ERR_NEVER, lower_cond(l, e->u.unary.operand));
    return truth_of(l, lower_expr(l, e), e->type);
}

static const char *const cmp_c[CMP__COUNT] = {
    [CMP_EQ] = "==", [CMP_NE] = "!=", [CMP_LT] = "<", [CMP_LE] = "<=",
    [CMP_GT] = ">", [CMP_GE] = ">=",
};

/* a OP b of C numbers.  The same register on both sides (`i >= i`) is
 * folded: C compilers warn of a self-comparison; only a float NaN is not
 * equal to itself. */
static IrReg *c_compare(Lower *l, CmpOp op, IrReg *a, IrReg *b)
{
    if (a != b)
        return call2(l, arena_printf(A(l), "(char)(%%0 %s %%1)", cmp_c[op]), REP_BOOL, ERR_NEVER,
                     a, b);
    bool reflexive = op == CMP_EQ || op == CMP_LE || op == CMP_GE;
    if (a->rep == REP_FLOAT && op != CMP_LT && op != CMP_GT)
        return call1(l, reflexive ? "(char)!isnan(%0)" : "(char)isnan(%0)", REP_BOOL, ERR_NEVER, a);
    return emit_const(l, REP_BOOL, reflexive ? "1" : "0", false);
}
static const char *const cmp_py[CMP__COUNT] = {
    [CMP_EQ] = "Py_EQ", [CMP_NE] = "Py_NE", [CMP_LT] = "Py_LT", [CMP_LE] = "Py_LE",
    [CMP_GT] = "Py_GT", [CMP_GE] = "Py_GE",
};
static const char *const cmp_int[CMP__COUNT] = {
    [CMP_EQ] = "spy_int_eq", [CMP_NE] = "spy_int_ne", [CMP_LT] = "spy_int_lt",
    [CMP_LE] = "spy_int_le", [CMP_GT] = "spy_int_gt", [CMP_GE] = "spy_int_ge",
};

static bool intlike(const TyType *t) { return t->kind == TY_INT || t->kind == TY_BOOL; }

/* One link of a chain with a bool result. */
static IrReg *compare_bool(Lower *l, CmpOp op, IrReg *a, const TyType *at, IrReg *b,
                           const TyType *bt)
{
    Arena *ar = A(l);
    const TyType *tint = ty_simple(TY_INT);
    if (op == CMP_IS || op == CMP_IS_NOT)
        return call2(l, op == CMP_IS ? "(char)(%0 == %1)" : "(char)(%0 != %1)", REP_BOOL,
                     ERR_NEVER, box(l, a, at), box(l, b, bt));
    if ((op == CMP_IN || op == CMP_NOT_IN) && bt->kind == TY_SET && at->kind == TY_INT) {
        IrReg *c = call2(l, "spy_set_contains_int(%1, %0)", REP_CINT, ERR_NEG,
                         coerce(l, a, at, tint), box(l, b, bt));
        return call1(l, op == CMP_IN ? "(char)%0" : "(char)!%0", REP_BOOL, ERR_NEVER, c);
    }
    if (op == CMP_IN || op == CMP_NOT_IN) {
        /* sq_contains: the fast path for dict and set, __contains__ for
         * their subclasses. */
        const char *contains = bt->kind == TY_STR && at->kind == TY_STR ? "spy_str_contains(%1, %0)"
                             : bt->kind == TY_SET ? "spy_set_contains(%1, %0)"
                             : bt->kind == TY_DICT ? "spy_dict_contains(%1, %0)"
                             : "PySequence_Contains(%1, %0)";
        IrReg *c = call2(l, contains, REP_CINT, ERR_NEG, box(l, a, at), box(l, b, bt));
        return call1(l, op == CMP_IN ? "(char)%0" : "(char)!%0", REP_BOOL, ERR_NEVER, c);
    }
    if (ty_is_fixed(at) && ty_is_fixed(bt))
        return c_compare(l, op, a, b);
    if (ty_is_fixed(at) || ty_is_fixed(bt)) {
        /* Against an int or a float: compare as ints (exactly). */
        if (ty_is_fixed(at)) {
            a = coerce(l, a, at, tint);
            at = tint;
        }
        if (ty_is_fixed(bt)) {
            b = coerce(l, b, bt, tint);
            bt = tint;
        }
    }
    if (at->kind == TY_BOOL && bt->kind == TY_BOOL)
        return c_compare(l, op, a, b);
    if (intlike(at) && intlike(bt))
        return call2(l, arena_printf(ar, "(char)%s(%%0, %%1)", cmp_int[op]), REP_BOOL, ERR_NEVER,
                     coerce(l, a, at, tint), coerce(l, b, bt, tint));
    if (at->kind == TY_FLOAT && bt->kind == TY_FLOAT)
        return c_compare(l, op, a, b);
    if (ty_is_numeric(at) && ty_is_numeric(bt)) {
        /* int vs float compares exactly, as Python does: no rounding of
         * the int, no OverflowError for huge ones. */
        bool int_left = at->kind != TY_FLOAT;
        IrReg *i = coerce(l, int_left ? a : b, int_left ? at : bt, tint);
        IrReg *f = int_left ? b : a;
        return call2(l, arena_printf(ar, "spy_int_float_cmp(%%0, %%1, %s, %d)", cmp_py[op], !int_left),
                     REP_BOOL, ERR_BOOL, i, f);
    }
    if (at->kind == TY_STR && bt->kind == TY_STR)
        return call2(l, arena_printf(ar, "%s(%%0, %%1, %s)", op == CMP_EQ || op == CMP_NE
                                     ? "spy_str_equal" : "spy_str_order", cmp_py[op]),
                     REP_BOOL, ERR_BOOL, a, b);
    return call2(l, arena_printf(ar, "spy_richcompare_bool(%%0, %%1, %s)", cmp_py[op]),
                 REP_BOOL, ERR_BOOL, box(l, a, at), box(l, b, bt));
}

/* One link of a chain with a dynamic (object) result. */
static IrReg *compare_obj(Lower *l, CmpOp op, IrReg *a, const TyType *at, IrReg *b,
                          const TyType *bt)
{
    if (op >= CMP_IS)
        return call1(l, "spy_bool_box", REP_OBJ, ERR_NEVER, compare_bool(l, op, a, at, b, bt));
    return call2(l, arena_printf(A(l), may_be_int(at) && may_be_int(bt)
                                           ? "spy_any_richcompare(%%0, %%1, %s)"
                                           : "PyObject_RichCompare(%%0, %%1, %s)", cmp_py[op]),
                 REP_OBJ, ERR_NULL, box(l, a, at), box(l, b, bt));
}

IrReg *lower_compare(Lower *l, Expr *e)
{
    ExprList *xs = &e->u.compare.operands;
    bool as_bool = e->type->kind == TY_BOOL;
    IrReg *r = NULL;
    IrBlock *done = NULL;
    /* The first operand is lowered lazily: a machine comparison wants it
     * as an int64_t instead. */
    IrReg *a = NULL;
    bool first_pending = true;
    for (int i = 0; i < e->u.compare.n_ops; i++) {
        Expr *ae = xs->v[i], *be = xs->v[i + 1];
        CmpOp op = e->u.compare.ops[i];
        IrReg *b, *link;
        if (e->u.compare.n_ops == 1 && op <= CMP_GE && machine_able(ae) && machine_able(be) &&
            (machine_local(ae) || machine_local(be))) {
            /* i < n on int64_t locals: a C comparison. */
            IrReg *x = lower_machine(l, ae), *y = lower_machine(l, be);
            return c_compare(l, op, x, y);
        }
        IrReg *fast = e->u.compare.n_ops == 1 && as_bool
                    ? lower_int_fast_compare(l, ae, op, be) : NULL;
        if (fast)
            return fast;
        if (first_pending) {
            a = lower_expr(l, ae);
            first_pending = false;
        }
        b = lower_expr(l, be);
        link = as_bool ? compare_bool(l, op, a, ae->type, b, be->type)
                       : compare_obj(l, op, a, ae->type, b, be->type);
        if (e->u.compare.n_ops == 1)
            return link;
        if (!r) {
            r = ir_reg(l->f, as_bool ? REP_BOOL : REP_OBJ, NULL);
            done = ir_block(l->f);
        }
        emit_assign(l, r, link);
        if (i == e->u.compare.n_ops - 1) {
            emit_goto(l, done);
            break;
        }
        IrBlock *next = ir_block(l->f);
        emit_branch(l, as_bool ? r : truth_of(l, r, ty_simple(TY_ANY)), next, done);
        l->cur = next;
        a = b;
    }
    l->cur = done;
    return r;
}

/* ---- value-producing control flow ------------------------------------------------------ */

/* `a or b`, `a and b`: an operand's value is converted to the result's
 * type only once the test has picked it, as the type checker may have
 * left out what the test rules out (`m or {}` is a dict when m is an
 * Optional[dict]). */
IrReg *lower_boolop(Lower *l, Expr *e)
{
    IrReg *r = ir_reg(l->f, rep_of(e->type), NULL);
    IrBlock *done = ir_block(l->f);
    ExprList *vs = &e->u.boolop.values;
    for (int i = 0; i < vs->n; i++) {
        IrReg *v = lower_expr(l, vs->v[i]);
        if (i == vs->n - 1) {
            emit_assign(l, r, coerce(l, v, vs->v[i]->type, e->type));
            emit_goto(l, done);
            break;
        }
        IrReg *c = truth_of(l, v, vs->v[i]->type);
        IrBlock *take = ir_block(l->f), *next = ir_block(l->f);
        if (e->u.boolop.op == BOOL_AND)
            emit_branch(l, c, next, take);
        else
            emit_branch(l, c, take, next);
        l->cur = take;
        emit_assign(l, r, coerce(l, v, vs->v[i]->type, e->type));
        emit_goto(l, done);
        l->cur = next;
    }
    l->cur = done;
    return r;
}

IrReg *lower_ifexp(Lower *l, Expr *e)
{
    IrReg *r = ir_reg(l->f, rep_of(e->type), NULL);
    IrBlock *yes = ir_block(l->f), *no = ir_block(l->f), *done = ir_block(l->f);
    emit_branch(l, lower_cond(l, e->u.ifexp.test), yes, no);
    l->cur = yes;
    emit_assign(l, r, lower_expr_as(l, e->u.ifexp.body, e->type));
    emit_goto(l, done);
    l->cur = no;
    emit_assign(l, r, lower_expr_as(l, e->u.ifexp.orelse, e->type));
    emit_goto(l, done);
    l->cur = done;
    return r;
}
