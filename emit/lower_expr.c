/*
 * lower_expr.c — expressions to IR.
 *
 * lower_expr(e) returns a register holding e's value in the representation
 * of e's static type (rep_of(e->type)); coerce() converts between types
 * (int -> float, boxing, checked unboxing of dynamic values).  Typed
 * arithmetic calls the runtime's tagged-int and float helpers; anything
 * dynamic goes through the generic C API (PyNumber_*, vectorcall).
 */
#include "emit/lower.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static Arena *A(Lower *l) { return l->m->a; }

static IrReg *call1(Lower *l, const char *c, IrRep rep, IrErrKind err, IrReg *a)
{
    return emit_call(l, c, rep, err, &a, 1);
}

static IrReg *call2(Lower *l, const char *c, IrRep rep, IrErrKind err, IrReg *a, IrReg *b)
{
    IrReg *args[2] = {a, b};
    return emit_call(l, c, rep, err, args, 2);
}

/* SPY_I64 ... SPY_U8 for a fixed-width type. */
const char *fixed_kind(const TyType *t)
{
    switch (t->kind) {
    case TY_I32: return "SPY_I32";
    case TY_I16: return "SPY_I16";
    case TY_U8: return "SPY_U8";
    default: return "SPY_I64";
    }
}

/* ---- conversions --------------------------------------------------------------- */

IrReg *box(Lower *l, IrReg *r, const TyType *t)
{
    switch (rep_of(t)) {
    case REP_INT:
        if (r->literal) /* one object per literal, made when the module loads */
            return call1(l, arena_printf(A(l), "spy_int_literal_obj(%%0, %s)",
                                         const_ref(l->m, const_bigint(l->m, r->literal))),
                         REP_OBJ, ERR_NEVER, r);
        return call1(l, "spy_int_box", REP_OBJ, ERR_NULL, r);
    case REP_FLOAT: return call1(l, "PyFloat_FromDouble", REP_OBJ, ERR_NULL, r);
    case REP_BOOL: return call1(l, "spy_bool_box", REP_OBJ, ERR_NEVER, r);
    case REP_I64: return call1(l, "spy_i64_box", REP_OBJ, ERR_NULL, r);
    default: return r;
    }
}

/* The SPY_K_* kinds a slot of type t accepts; 0 when it accepts anything. */
unsigned kind_mask(const TyType *t)
{
    switch (t->kind) {
    case TY_NONE: return 1;
    case TY_INT: return 2;
    case TY_FLOAT: return 4;
    case TY_BOOL: return 8;
    case TY_STR: return 16;
    case TY_BYTES: return 32;
    case TY_LIST: return 64;
    case TY_DICT: return 128;
    case TY_SET: return t->frozen ? 1024 : 256;
    case TY_TUPLE: return 512;
    case TY_FUNC: return t->n_args ? 2048 : 0;
    case TY_UNION: {
        unsigned m = 0;
        for (int i = 0; i < t->n_args; i++) {
            unsigned k = kind_mask(t->args[i]);
            if (!k)
                return 0;
            m |= k;
        }
        return m;
    }
    default: return 0;
    }
}

/* The C test that object `v` is a `t`, for a union holding native
 * classes (kind_mask() has no bit for them): its other members' kinds or
 * an instance of one of the classes.  NULL when a member is Any, object
 * or a type without a test, or when t is no such union. */
const char *union_class_check(Arena *a, const TyType *t, const char *v)
{
    if (t->kind != TY_UNION)
        return NULL;
    unsigned mask = 0;
    const char *classes = "";
    bool any_class = false;
    for (int i = 0; i < t->n_args; i++) {
        const TyType *m = t->args[i];
        if (m->kind == TY_CLASS) {
            classes = arena_printf(a, "%s || PyObject_TypeCheck(%s, st->types[%d])", classes, v,
                                   m->cls->index);
            any_class = true;
            continue;
        }
        unsigned k = kind_mask(m);
        if (!k)
            return NULL;
        mask |= k;
    }
    if (!any_class)
        return NULL;
    return arena_printf(a, "(spy_is_kind(%s, %uu)%s)", v, mask, classes);
}

/* A checked conversion of an object to type `to`. */
static IrReg *unbox(Lower *l, IrReg *o, const TyType *to)
{
    if (ty_is_fixed(to))
        return call1(l, arena_printf(A(l), "spy_unbox_fixed(%%0, %s)", fixed_kind(to)), REP_I64,
                     ERR_I64, o);
    switch (to->kind) {
    case TY_INT: return call1(l, "spy_unbox_int", REP_INT, ERR_INT, o);
    case TY_FLOAT: return call1(l, "spy_unbox_float", REP_FLOAT, ERR_FLOAT, o);
    case TY_BOOL: return call1(l, "spy_unbox_bool", REP_BOOL, ERR_BOOL, o);
    case TY_TUPLE:
        if (!to->variadic) {
            emit_call(l, arena_printf(A(l), "spy_check_tuple(%%0, %d)", to->n_args),
                      (IrRep)-1, ERR_NEG, &o, 1);
            return o;
        }
        break;
    default:
        break;
    }
    if (to->kind == TY_CLASS) {
        emit_call(l, arena_printf(A(l), "spy_expect_type(%%0, st->types[%d])", to->cls->index),
                  (IrRep)-1, ERR_NEG, &o, 1);
        return o;
    }
    unsigned mask = kind_mask(to);
    const char *test = union_class_check(A(l), to, "%0");
    if (mask)
        emit_call(l, arena_printf(A(l), "spy_expect(%%0, %uu, \"%s\")", mask, ty_str(A(l), to)),
                  (IrRep)-1, ERR_NEG, &o, 1);
    else if (test) /* Optional[C], C | int, ... */
        emit_call(l, arena_printf(A(l), "spy_expect_ok(%s, %%0, \"%s\")", test, ty_str(A(l), to)),
                  (IrRep)-1, ERR_NEG, &o, 1);
    return o;
}

/* Does a value of type `from` need a runtime check to be a `to`? */
static bool needs_check(const TyType *from, const TyType *to)
{
    if (from->kind == TY_ANY || from->kind == TY_OBJECT)
        return true;
    if (from->kind == TY_CLASS && to->kind == TY_CLASS)
        return !ty_assignable(to, from); /* a downcast after isinstance() */
    if (from->kind == TY_UNION)
        for (int i = 0; i < from->n_args; i++)
            if (from->args[i]->kind == TY_ANY || !ty_assignable(to, from->args[i]))
                return true;
    return false;
}

/* Conversions to, from and between fixed-width ints; NULL for others. */
static IrReg *coerce_fixed(Lower *l, IrReg *r, const TyType *from, const TyType *to)
{
    if (ty_is_fixed(to) && ty_is_fixed(from))
        return ty_assignable(to, from) ? r
             : call1(l, arena_printf(A(l), "spy_fixed__check(%%0, %s)", fixed_kind(to)), REP_I64,
                     ERR_I64, r);
    if (ty_is_fixed(to) && from->kind == TY_INT)
        return call1(l, arena_printf(A(l), "spy_fixed_from_int(%%0, %s)", fixed_kind(to)), REP_I64,
                     ERR_I64, r);
    if (ty_is_fixed(to) && from->kind == TY_BOOL)
        return call1(l, "(int64_t)%0", REP_I64, ERR_NEVER, r);
    if (ty_is_fixed(to) && from->kind == TY_FLOAT)
        return call1(l, arena_printf(A(l), "spy_fixed_from_double(%%0, %s)", fixed_kind(to)),
                     REP_I64, ERR_I64, r);
    if (ty_is_fixed(from) && to->kind == TY_INT)
        return call1(l, "spy_int_from_i64", REP_INT, ERR_INT, r);
    if (ty_is_fixed(from) && to->kind == TY_FLOAT)
        return call1(l, "(double)%0", REP_FLOAT, ERR_NEVER, r);
    return NULL;
}

IrReg *coerce(Lower *l, IrReg *r, const TyType *from, const TyType *to)
{
    if (to->kind == TY_ANY || to->kind == TY_OBJECT || ty_equal(from, to))
        return rep_of(to) == REP_OBJ ? box(l, r, from) : r;
    if (to->kind == TY_CLASS && from->kind == TY_UNION &&
        ty_assignable(to, ty_without_none(A(l), from))) {
        /* Optional[C] narrowed to C: typed stores guarantee a C or None. */
        emit_call(l, arena_printf(A(l), "spy_expect_not_none(%%0, \"%s\")", to->cls->name),
                  (IrRep)-1, ERR_NEG, &r, 1);
        return r;
    }
    if (rep_of(from) == REP_OBJ && needs_check(from, to))
        return unbox(l, r, to);
    if (ty_is_fixed(to) || ty_is_fixed(from)) {
        IrReg *x = coerce_fixed(l, r, from, to);
        if (x)
            return x;
    }
    if (from->kind == TY_BOOL && to->kind == TY_INT)
        return call1(l, "spy_int_from_bool(%0)", REP_INT, ERR_NEVER, r);
    if (from->kind == TY_BOOL && to->kind == TY_FLOAT)
        return call1(l, "(double)%0", REP_FLOAT, ERR_NEVER, r);
    if (from->kind == TY_INT && to->kind == TY_FLOAT) {
        call1(l, "spy_int_to_double_check(%0)", (IrRep)-1, ERR_NEG, r);
        return call1(l, "spy_int_to_double", REP_FLOAT, ERR_NEVER, r);
    }
    if (rep_of(to) == REP_OBJ)
        return box(l, r, from); /* into a union, or tuple[int] into tuple[float] */
    if (rep_of(from) == REP_OBJ)
        return unbox(l, r, to);
    fprintf(stderr, "internal error at %s:%d: cannot coerce %s to %s\n", __FILE__,
            __LINE__, ty_str(A(l), from), ty_str(A(l), to));
    abort();
}

IrReg *lower_expr_as(Lower *l, Expr *e, const TyType *want)
{
    if (want->kind == TY_FLOAT && e->type->kind == TY_INT) {
        IrReg *fast = lower_int_fast_float(l, e);
        if (fast)
            return fast;
    }
    return coerce(l, lower_expr(l, e), e->type, want);
}

/* ---- leaves ----------------------------------------------------------------------- */

#define SMALL_MAX ((int64_t)1 << 62)

static IrReg *int_const(Lower *l, bool negative, const Expr *lit)
{
    if (lit->u.int_lit.fits_i64 && lit->u.int_lit.value <= SMALL_MAX - (negative ? 0 : 1)) {
        int64_t v = negative ? -lit->u.int_lit.value : lit->u.int_lit.value;
        IrReg *r = emit_const(l, REP_INT,
                              arena_printf(A(l), "SPY_INT_SMALL(%lldLL)", (long long)v), false);
        if (v < -5 || v > 256) /* the interpreter's small ints are cached anyway */
            r->literal = arena_printf(A(l), "%lld", (long long)v);
        return r;
    }
    const char *digits = negative ? arena_printf(A(l), "-%s", lit->u.int_lit.text)
                                  : lit->u.int_lit.text;
    IrReg *o = emit_const(l, REP_OBJ, const_ref(l->m, const_bigint(l->m, digits)), true);
    return call1(l, "spy_int_from_long_object", REP_INT, ERR_INT, o);
}

const char *float_text(Arena *a, double v)
{
    if (isinf(v))
        return v > 0 ? "Py_HUGE_VAL" : "(-Py_HUGE_VAL)";
    const char *s = arena_printf(a, "%.17g", v);
    return strpbrk(s, ".en") ? s : arena_printf(a, "%s.0", s);
}

IrReg *load_global(Lower *l, const char *name)
{
    int k = const_name(l->m, name);
    const char *c = arena_printf(A(l), "spy_load_global_cached(st->globals, st->builtins, "
                                 "%s, &st->g[%d])", const_ref(l->m, k),
                                 global_cache_slot(l->m, k));
    return emit_call(l, c, REP_OBJ, ERR_NULL, NULL, 0);
}

/* A global read converted to `to`: int and native class reads use memos
 * that remember the unboxed or checked value along with the binding. */
IrReg *load_global_as(Lower *l, const char *name, const TyType *to)
{
    int k = const_name(l->m, name);
    const char *args = arena_printf(A(l), "st->globals, st->builtins, %s, &st->g[%d]",
                                    const_ref(l->m, k), global_cache_slot(l->m, k));
    if (to->kind == TY_INT && !ty_is_fixed(to))
        return emit_call(l, arena_printf(A(l), "spy_load_global_int(%s)", args), REP_INT, ERR_INT,
                         NULL, 0);
    if (to->kind == TY_CLASS)
        return emit_call(l, arena_printf(A(l), "spy_load_global_typed(%s, st->types[%d])", args,
                                         to->cls->index), REP_OBJ, ERR_NULL, NULL, 0);
    return coerce(l, load_global(l, name), ty_simple(TY_ANY), to);
}

/* A read of a local that may be unbound: UnboundLocalError if it is. */
static void check_bound(Lower *l, const TcSymbol *s)
{
    IrReg *flag = l->bound_regs[s->index], *r = l->local_regs[s->index];
    const char *c = flag ? "spy_check_assigned(%%0, \"%s\")"
                  : r->rep == REP_INT ? "spy_check_assigned(%%0 != SPY_INT_ERR, \"%s\")"
                  : "spy_check_assigned(%%0 != NULL, \"%s\")";
    IrReg *x = flag ? flag : r;
    emit_call(l, arena_printf(A(l), c, s->name), (IrRep)-1, ERR_NEG, &x, 1);
}

static IrReg *lower_name(Lower *l, Expr *e)
{
    TcSymbol *s = e->sema;
    if (s->kind == SYM_LOCAL && s->rebound) { /* a nested def may have changed it */
        IrReg *v = call1(l, arena_printf(A(l), "spy_cell_read(%%0, \"%s\")", s->name), REP_OBJ,
                         ERR_NULL, l->cell_regs[s->index]);
        return coerce(l, v, ty_simple(TY_ANY), e->type);
    }
    if (s->kind == SYM_LOCAL && e->maybe_unbound)
        check_bound(l, s);
    if (s->kind == SYM_LOCAL && s->machine) /* an int64_t local read as an int */
        return coerce(l, call1(l, "spy_int_from_i64", REP_INT, ERR_INT, l->local_regs[s->index]),
                      s->type, e->type);
    if (s->kind == SYM_LOCAL) /* e->type differs from s->type when narrowed */
        return coerce(l, l->local_regs[s->index], s->type, e->type);
    if (s->const_value) /* a Final constant: folded */
        return lower_expr_as(l, s->const_value, e->type);
    return load_global_as(l, s->name, e->type);
}

/* ---- machine ints ------------------------------------------------------------ */

bool machine_local(const Expr *e)
{
    return e->kind == EX_NAME && e->sema && ((TcSymbol *)e->sema)->kind == SYM_LOCAL &&
           ((TcSymbol *)e->sema)->machine;
}

/* Can e be computed directly as an int64_t? */
bool machine_able(const Expr *e)
{
    return tc_machine_leaf(e);
}

static IrReg *machine_value(Lower *l, Expr *e, bool saturate);

IrReg *lower_machine(Lower *l, Expr *e) { return machine_value(l, e, false); }

/* A range() stop: as lower_machine, but any other int is saturated to
 * the int64 range (spy_int_to_i64_sat) instead of raising. */
IrReg *lower_machine_sat(Lower *l, Expr *e) { return machine_value(l, e, true); }

/* e's int value as an int64_t: literals and machine locals directly,
 * len() of a container from its size, sums of those with overflow checks,
 * anything else converted (OverflowError if it does not fit). */
static IrReg *machine_value(Lower *l, Expr *e, bool saturate)
{
    if (e->type && ty_is_fixed(e->type))
        return lower_expr(l, e);
    if (e->kind == EX_INT && e->u.int_lit.fits_i64)
        return emit_const(l, REP_I64, arena_printf(A(l), "%lldLL", (long long)e->u.int_lit.value),
                          false);
    if (e->kind == EX_UNARY && e->u.unary.op == UOP_NEG && e->u.unary.operand->kind == EX_INT &&
        e->u.unary.operand->u.int_lit.fits_i64)
        return emit_const(l, REP_I64, arena_printf(A(l), "(-%lldLL)",
                          (long long)e->u.unary.operand->u.int_lit.value), false);
    if (machine_local(e))
        return l->local_regs[((TcSymbol *)e->sema)->index];
    if (e->kind == EX_BINOP && (e->u.binop.op == OP_ADD || e->u.binop.op == OP_SUB) &&
        machine_able(e->u.binop.left) && machine_able(e->u.binop.right)) {
        IrReg *a = lower_machine(l, e->u.binop.left), *b = lower_machine(l, e->u.binop.right);
        return call2(l, e->u.binop.op == OP_ADD ? "spy_i64_add" : "spy_i64_sub", REP_I64, ERR_I64,
                     a, b);
    }
    if (e->kind == EX_CALL && e->u.call.n_args == 1 && e->u.call.func->kind == EX_NAME) {
        TcSymbol *s = e->u.call.func->sema;
        Expr *x = e->u.call.args[0]->value;
        const char *size = tc_native_array(x) ? "spy_arr_len"
                         : x->type->kind == TY_LIST ? "PyList_GET_SIZE"
                         : x->type->kind == TY_STR ? "PyUnicode_GET_LENGTH"
                         : x->type->kind == TY_TUPLE ? "PyTuple_GET_SIZE" : NULL;
        if (s && s->kind == SYM_BUILTIN && !strcmp(s->name, "len") && !e->u.call.args[0]->name) {
            IrReg *o = box(l, lower_expr(l, x), x->type);
            if (size)
                return call1(l, arena_printf(A(l), "(int64_t)%s(%%0)", size), REP_I64, ERR_NEVER, o);
            return call1(l, "spy_len_i64", REP_I64, ERR_NEG, o);
        }
    }
    if (saturate)
        return call1(l, "spy_int_to_i64_sat", REP_I64, ERR_NEVER,
                     lower_expr_as(l, e, ty_simple(TY_INT)));
    return call1(l, "spy_int_to_i64", REP_I64, ERR_I64, lower_expr_as(l, e, ty_simple(TY_INT)));
}

/* ---- operators ------------------------------------------------------------------------ */

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

static IrReg *lower_binop(Lower *l, Expr *e)
{
    IrReg *fast = e->type->kind == TY_INT ? lower_int_fast(l, e) : NULL;
    if (fast)
        return fast;
    const TyType *at, *bt;
    IrReg *a = binop_operand(l, e, e->u.binop.left, &at);
    IrReg *b = binop_operand(l, e, e->u.binop.right, &bt);
    return lower_binop_values(l, e->u.binop.op, a, at, b, bt, e->type, false);
}

static IrReg *lower_unary(Lower *l, Expr *e)
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

static IrReg *lower_compare(Lower *l, Expr *e)
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

static IrReg *lower_boolop(Lower *l, Expr *e)
{
    IrReg *r = ir_reg(l->f, rep_of(e->type), NULL);
    IrBlock *done = ir_block(l->f);
    ExprList *vs = &e->u.boolop.values;
    for (int i = 0; i < vs->n; i++) {
        IrReg *v = lower_expr(l, vs->v[i]);
        IrReg *c = truth_of(l, v, vs->v[i]->type);
        emit_assign(l, r, coerce(l, v, vs->v[i]->type, e->type));
        if (i == vs->n - 1) {
            emit_goto(l, done);
            break;
        }
        IrBlock *next = ir_block(l->f);
        if (e->u.boolop.op == BOOL_AND)
            emit_branch(l, c, next, done);
        else
            emit_branch(l, c, done, next);
        l->cur = next;
    }
    l->cur = done;
    return r;
}

static IrReg *lower_ifexp(Lower *l, Expr *e)
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

/* math.pi, math.e, ...: folded. */
static IrReg *math_constant_value(Lower *l, Expr *e)
{
    static const struct { const char *name, *c; } k[] = {
        {"pi", "3.141592653589793"}, {"e", "2.718281828459045"},
        {"tau", "6.283185307179586"}, {"inf", "Py_HUGE_VAL"}, {"nan", "Py_NAN"},
    };
    for (size_t i = 0; i < sizeof k / sizeof *k; i++)
        if (!strcmp(e->u.attribute.attr, k[i].name))
            return emit_const(l, REP_FLOAT, k[i].c, false);
    return NULL;
}

/* ---- containers and attributes -------------------------------------------------------------- */

IrReg *lower_index(Lower *l, Expr *ix)
{
    if (ix->kind != EX_SLICE)
        return box(l, lower_expr(l, ix), ix->type);
    Expr *parts[3] = {ix->u.slice.lower, ix->u.slice.upper, ix->u.slice.step};
    IrReg *regs[3];
    for (int i = 0; i < 3; i++)
        regs[i] = parts[i] ? box(l, lower_expr(l, parts[i]), parts[i]->type)
                           : emit_const(l, REP_OBJ, "Py_None", true);
    return emit_call(l, "PySlice_New", REP_OBJ, ERR_NULL, regs, 3);
}

/* A literal index into a fixed tuple, resolved by the checker. */
static int tuple_literal_index(const Expr *ix, const TyType *t)
{
    if (t->kind != TY_TUPLE || t->variadic)
        return -1;
    bool neg = ix->kind == EX_UNARY && ix->u.unary.op == UOP_NEG;
    const Expr *lit = neg ? ix->u.unary.operand : ix;
    if (lit->kind != EX_INT || !lit->u.int_lit.fits_i64)
        return -1;
    int64_t i = neg ? t->n_args - lit->u.int_lit.value : lit->u.int_lit.value;
    return i >= 0 && i < t->n_args ? (int)i : -1;
}

/* An index that is an int (a dynamic one may be a slice: the generic
 * protocol takes it). */
bool int_index(const Expr *ix)
{
    TyKind k = ix->type->kind;
    return k == TY_INT || k == TY_BOOL || ty_is_fixed(ix->type) || machine_able(ix);
}

static IrReg *lower_subscript(Lower *l, Expr *e)
{
    Expr *v = e->u.subscript.value, *ix = e->u.subscript.index;
    const TyType *vt = v->type, *tint = ty_simple(TY_INT);
    IrReg *o = box(l, lower_expr(l, v), vt);
    IrReg *r;
    int k = tuple_literal_index(ix, vt);
    TyKind et = e->type->kind;
    if (vt->kind == TY_LIST && ix->kind != EX_SLICE &&
        (ix->type->kind == TY_INT || machine_able(ix)) &&
        (et == TY_FLOAT || et == TY_INT || et == TY_BOOL)) {
        bool m = machine_able(ix);
        const char *get = list_fn(A(l), v, arena_printf(A(l), "get%s%s", list_elem_kind(e->type),
                                                        m ? "_i64" : ""));
        return call2(l, get, rep_of(e->type), list_read_err(e->type), o,
                     m ? lower_machine(l, ix) : lower_expr_as(l, ix, tint));
    }
    if (tc_native_array(v)) { /* typecheck/native_array.c admits only the path above */
        fprintf(stderr, "internal error at %s:%d: native array read by a list path\n",
                __FILE__, __LINE__);
        abort();
    }
    if (vt->kind == TY_LIST && machine_able(ix))
        r = call2(l, "spy_list_getitem_i64", REP_OBJ, ERR_NULL, o, lower_machine(l, ix));
    else if (vt->kind == TY_LIST && ix->kind != EX_SLICE && int_index(ix))
        r = call2(l, "spy_list_getitem", REP_OBJ, ERR_NULL, o, lower_expr_as(l, ix, tint));
    else if (vt->kind == TY_STR && ix->kind != EX_SLICE && machine_able(ix)) {
        r = call2(l, "spy_str_getitem_i64", REP_OBJ, ERR_NULL, o, lower_machine(l, ix));
        if (e->type->kind == TY_STR)
            return r; /* spy_str_getitem_i64 checked a subclass's result */
    } else if (vt->kind == TY_STR && ix->kind != EX_SLICE &&
             (ix->type->kind == TY_INT || ix->type->kind == TY_BOOL)) {
        r = call2(l, "spy_str_getitem", REP_OBJ, ERR_NULL, o, lower_expr_as(l, ix, tint));
        if (e->type->kind == TY_STR)
            return r; /* spy_str_getitem checked a subclass's result */
    }
    else if (vt->kind == TY_STR && ix->kind == EX_SLICE && !ix->u.slice.step &&
             (!ix->u.slice.lower || ix->u.slice.lower->type->kind == TY_INT) &&
             (!ix->u.slice.upper || ix->u.slice.upper->type->kind == TY_INT)) {
        Expr *lo = ix->u.slice.lower, *hi = ix->u.slice.upper;
        IrReg *args[3] = {o, lo ? lower_expr(l, lo) : emit_const(l, REP_INT, "SPY_INT_ERR", true),
                          hi ? lower_expr(l, hi) : emit_const(l, REP_INT, "SPY_INT_ERR", true)};
        r = emit_call(l, arena_printf(A(l), "spy_str_slice(%%0, %%1, %d, %%2, %d)", lo != NULL,
                                      hi != NULL), REP_OBJ, ERR_NULL, args, 3);
    } else if (vt->kind == TY_DICT)
        r = call2(l, "spy_dict_getitem", REP_OBJ, ERR_NULL, o, box(l, lower_expr(l, ix), ix->type));
    else if (k >= 0)
        r = call1(l, arena_printf(A(l), "spy_tuple_item(%%0, %d)", k), REP_OBJ, ERR_NEVER, o);
    else
        r = call2(l, "PyObject_GetItem", REP_OBJ, ERR_NULL, o, lower_index(l, ix));
    return coerce(l, r, ty_simple(TY_ANY), e->type);
}

/* The module constant of a literal that CPython keeps in co_consts (a
 * str, an int, a float, None, True, False, a tuple of such), or -1. */
static int literal_const(Lower *l, const Expr *x)
{
    switch (x->kind) {
    case EX_STR: return const_str(l->m, x->u.str.s, x->u.str.len);
    case EX_BYTES: return const_bytes(l->m, x->u.str.s, x->u.str.len);
    case EX_INT: return const_bigint(l->m, x->u.int_lit.text);
    case EX_UNARY: {
        const Expr *v = x->u.unary.operand;
        if (x->u.unary.op == UOP_NEG && v->kind == EX_FLOAT)
            return const_obj(l->m, arena_printf(A(l), "PyFloat_FromDouble(%s)",
                                                float_text(A(l), -v->u.float_lit.value)));
        if (x->u.unary.op != UOP_NEG || v->kind != EX_INT)
            return -1;
        return const_bigint(l->m, arena_printf(A(l), "-%s", v->u.int_lit.text));
    }
    case EX_NONE: return const_obj(l->m, "spy_new_ref(Py_None)");
    case EX_TRUE: return const_obj(l->m, "spy_new_ref(Py_True)");
    case EX_FALSE: return const_obj(l->m, "spy_new_ref(Py_False)");
    case EX_FLOAT:
        return const_obj(l->m, arena_printf(A(l), "PyFloat_FromDouble(%s)",
                                            float_text(A(l), x->u.float_lit.value)));
    case EX_TUPLE: {
        int n = x->u.seq.elts.n;
        int *items = ARENA_ARRAY(A(l), int, n ? n : 1);
        for (int i = 0; i < n; i++)
            if ((items[i] = literal_const(l, x->u.seq.elts.v[i])) < 0)
                return -1;
        return const_tuple(l->m, items, n);
    }
    default:
        return -1;
    }
}

static bool has_star(const ExprList *elts)
{
    for (int i = 0; i < elts->n; i++)
        if (elts->v[i]->kind == EX_STARRED)
            return true;
    return false;
}

/* [a, *b, c], (a, *b), {a, *b}: built item by item, left to right, as the
 * interpreter's LIST_EXTEND/LIST_APPEND (a tuple from the list) and
 * SET_UPDATE/SET_ADD do. */
static IrReg *lower_starred_display(Lower *l, Expr *e)
{
    bool set = e->kind == EX_SET;
    IrReg *acc = emit_call(l, set ? "spy_set_pack(0)" : "spy_list_pack(0)", REP_OBJ, ERR_NULL,
                           NULL, 0);
    for (int i = 0; i < e->u.seq.elts.n; i++) {
        Expr *x = e->u.seq.elts.v[i];
        bool star = x->kind == EX_STARRED;
        Expr *v = star ? x->u.starred.value : x;
        IrReg *args[2] = {acc, box(l, lower_expr(l, v), v->type)};
        const char *c = star ? (set ? "spy_set_update_star" : "spy_list_extend_star")
                             : (set ? "PySet_Add" : "PyList_Append");
        emit_call(l, c, (IrRep)-1, ERR_NEG, args, 2);
    }
    return e->kind == EX_TUPLE ? call1(l, "PyList_AsTuple", REP_OBJ, ERR_NULL, acc) : acc;
}

static IrReg *lower_sequence(Lower *l, Expr *e, const char *packer)
{
    if (has_star(&e->u.seq.elts))
        return lower_starred_display(l, e);
    if (e->kind == EX_TUPLE) {
        /* ("a", "b"): one tuple made when the module loads, as the
         * interpreter folds it into a constant */
        int k = literal_const(l, e);
        if (k >= 0)
            return emit_const(l, REP_OBJ, const_ref(l->m, k), true);
    }
    int n = e->u.seq.elts.n;
    IrReg **items = ARENA_ARRAY(A(l), IrReg *, n ? n : 1);
    for (int i = 0; i < n; i++) {
        Expr *x = e->u.seq.elts.v[i];
        items[i] = box(l, lower_expr(l, x), x->type);
    }
    const char *c = arena_printf(A(l), n ? "%s(%d, %%*)" : "%s(%d)", packer, n);
    return emit_call(l, c, REP_OBJ, ERR_NULL, items, n);
}

/* {**m, k: v}: built entry by entry, left to right (DICT_UPDATE for each
 * mapping). */
static IrReg *lower_dict_with_star(Lower *l, Expr *e)
{
    IrReg *d = emit_call(l, "spy_dict_pack(0)", REP_OBJ, ERR_NULL, NULL, 0);
    for (int i = 0; i < e->u.dict.keys.n; i++) {
        Expr *k = e->u.dict.keys.v[i], *v = e->u.dict.values.v[i];
        if (!k) {
            IrReg *args[2] = {d, box(l, lower_expr(l, v), v->type)};
            emit_call(l, "spy_dict_update_star", (IrRep)-1, ERR_NEG, args, 2);
            continue;
        }
        IrReg *args[3] = {d, box(l, lower_expr(l, k), k->type), NULL};
        args[2] = box(l, lower_expr(l, v), v->type);
        emit_call(l, "PyDict_SetItem", (IrRep)-1, ERR_NEG, args, 3);
    }
    return d;
}

static IrReg *lower_dict(Lower *l, Expr *e)
{
    int n = e->u.dict.keys.n;
    for (int i = 0; i < n; i++)
        if (!e->u.dict.keys.v[i])
            return lower_dict_with_star(l, e);
    IrReg **items = ARENA_ARRAY(A(l), IrReg *, 2 * n + 1);
    for (int i = 0; i < n; i++) {
        Expr *k = e->u.dict.keys.v[i], *v = e->u.dict.values.v[i];
        items[2 * i] = box(l, lower_expr(l, k), k->type);
        items[2 * i + 1] = box(l, lower_expr(l, v), v->type);
    }
    const char *c = arena_printf(A(l), n ? "spy_dict_pack(%d, %%*)" : "spy_dict_pack(%d)", n);
    return emit_call(l, c, REP_OBJ, ERR_NULL, items, 2 * n);
}

/* f"a{x!r:>{w}}b": each field formatted, then all parts joined. */
static IrReg *lower_fstring(Lower *l, FString *fs)
{
    IrReg **parts = ARENA_ARRAY(A(l), IrReg *, fs->n ? fs->n : 1);
    int n = 0;
    for (int i = 0; i < fs->n; i++) {
        FPart *p = fs->v[i];
        if (!p->expr) {
            if (p->text_len)
                parts[n++] = emit_const(l, REP_OBJ, const_ref(l->m, const_str(l->m, p->text,
                                                                               p->text_len)), true);
            continue;
        }
        IrReg *v = box(l, lower_expr(l, p->expr), p->expr->type);
        if (p->conversion)
            v = call1(l, p->conversion == 'r' ? "PyObject_Repr" : p->conversion == 's'
                         ? "PyObject_Str" : "PyObject_ASCII", REP_OBJ, ERR_NULL, v);
        IrReg *spec = p->spec ? lower_fstring(l, p->spec) : NULL;
        parts[n++] = spec ? call2(l, "spy_format", REP_OBJ, ERR_NULL, v, spec)
                          : call1(l, "spy_format(%0, NULL)", REP_OBJ, ERR_NULL, v);
    }
    if (n == 0)
        return emit_const(l, REP_OBJ, const_ref(l->m, const_str(l->m, "", 0)), true);
    if (n == 1 && fs->n == 1)
        return parts[0];
    return emit_call(l, arena_printf(A(l), "spy_str_concat_n(%d, %%*)", n), REP_OBJ, ERR_NULL,
                     parts, n);
}

/* The C lvalue of an attribute's field: ((struct spy_obj_C *)%0)->a_x. */
const char *field_lvalue(Arena *a, const TcAttr *attr)
{
    return arena_printf(a, "((%s *)%%0)->%s", class_struct(a, attr->owner),
                        cg_ident(a, "a_", attr->name));
}

/* Where an instance's "assigned" bit for attribute `index` is: a word
 * of its defined[] bitmap, and a mask of that word (bit 0 of word 0
 * marks an instance of a Python subclass). */
const char *defined_word(Arena *a, int index)
{
    return arena_printf(a, "defined[%d]", (index + 1) / 64);
}
const char *defined_mask(Arena *a, int index)
{
    return arena_printf(a, "((uint64_t)1 << %d)", (index + 1) % 64);
}

/* The test of an unboxed field's "assigned" bit. */
const char *field_defined(Arena *a, const TcAttr *attr)
{
    return arena_printf(a, "(((%s *)%%0)->%s & %s)", class_struct(a, attr->owner),
                        defined_word(a, attr->index), defined_mask(a, attr->index));
}

static IrReg *lower_field(Lower *l, Expr *e, const TcAttr *attr)
{
    IrReg *r = load_field(l, lower_expr(l, e->u.attribute.value), attr);
    return coerce(l, r, attr->type, e->type);
}

/* The value of attribute attr of instance o, in attr's representation. */
IrReg *load_field(Lower *l, IrReg *o, const TcAttr *attr)
{
    Arena *a = A(l);
    const char *f = field_lvalue(a, attr);
    IrReg *r;
    IrRep rep = rep_of(attr->type);
    /* A float, bool or fixed-width field __init__ always sets is read as
     * is; pointers and tagged ints keep their cheap "unset?" test, so even
     * a wrong analysis could not turn into a bad pointer. */
    if (attr->always_defined && (rep == REP_FLOAT || rep == REP_BOOL || rep == REP_I64))
        return call1(l, f, rep, ERR_NEVER, o);
    switch (rep) {
    case REP_INT:
        r = call1(l, arena_printf(a, "spy_field_get_int(%s, %%0, \"%s\")", f, attr->name),
                  REP_INT, ERR_INT, o);
        break;
    case REP_FLOAT:
        r = call1(l, arena_printf(a, "spy_field_get_float(%s, %s, %%0, \"%s\")", f,
                                  field_defined(a, attr), attr->name), REP_FLOAT, ERR_FLOAT, o);
        break;
    case REP_BOOL:
        r = call1(l, arena_printf(a, "spy_field_get_bool(%s, %s, %%0, \"%s\")", f,
                                  field_defined(a, attr), attr->name), REP_BOOL, ERR_BOOL, o);
        break;
    case REP_I64:
        r = call1(l, arena_printf(a, "spy_field_get_i64(%s, %s, %%0, \"%s\")", f,
                                  field_defined(a, attr), attr->name), REP_I64, ERR_I64, o);
        break;
    default:
        r = call1(l, arena_printf(a, "spy_field_get_obj(%s, %%0, \"%s\")", f, attr->name),
                  REP_OBJ, ERR_NULL, o);
    }
    return r;
}

/* `o.name` on a receiver of unknown type: when exactly one native class of
 * the module has a field of that name (inherited copies count: a class
 * with subclasses never qualifies), an access tests for an instance of
 * that very class and calls the field's getter or setter directly, which
 * is what the generic lookup would find and call: no instance dict or
 * other attribute can shadow a native field. */
const TcAttr *field_named(const TcModule *tm, const char *name)
{
    const TcAttr *found = NULL;
    for (int i = 0; i < tm->n_classes; i++) {
        const TcClass *c = tm->classes[i];
        for (int j = 0; !c->dynamic && j < c->n_attrs; j++) {
            if (strcmp(c->attrs[j]->name, name) != 0)
                continue;
            if (found)
                return NULL;
            found = c->attrs[j];
        }
    }
    return found;
}

/* "spy_get_<Class>_a_<name>" (kind "get") or the setter ("set"). */
const char *field_accessor(Arena *a, const TcAttr *attr, const char *kind)
{
    return arena_printf(a, "%s_%s", cg_ident(a, arena_printf(a, "spy_%s_", kind), attr->owner->name),
                        cg_ident(a, "a_", attr->name));
}


static IrReg *lower_attribute(Lower *l, Expr *e)
{
    Expr *v = e->u.attribute.value;
    if (e->type->kind == TY_FLOAT && v->kind == EX_NAME && v->sema &&
        ((TcSymbol *)v->sema)->kind == SYM_IMPORT) {
        IrReg *k = math_constant_value(l, e);
        if (k)
            return k;
    }
    if (e->sema && v->type->kind == TY_CLASS)
        return lower_field(l, e, e->sema);
    if (e->u.attribute.property)
        return lower_property(l, e, e->u.attribute.property);
    IrReg *o = box(l, lower_expr(l, v), v->type);
    const char *c = arena_printf(A(l), "PyObject_GetAttr(%%0, %s)",
                                 const_ref(l->m, const_name(l->m, e->u.attribute.attr)));
    const TcAttr *f = field_named(l->m->tm, e->u.attribute.attr);
    if (f)
        c = arena_printf(A(l), "(Py_TYPE(%%0) == st->types[%d] ? %s(%%0, NULL) : %s)",
                         f->owner->index, field_accessor(A(l), f, "get"), c);
    return coerce(l, call1(l, c, REP_OBJ, ERR_NULL, o), ty_simple(TY_ANY), e->type);
}

/* ---- dispatch ------------------------------------------------------------------------------------ */

static IrReg *lower_inner(Lower *l, Expr *e)
{
    switch (e->kind) {
    case EX_NAME: return lower_name(l, e);
    case EX_INT: return int_const(l, false, e);
    case EX_FLOAT: return emit_const(l, REP_FLOAT, float_text(A(l), e->u.float_lit.value), false);
    case EX_STR:
        return emit_const(l, REP_OBJ,
                          const_ref(l->m, const_str(l->m, e->u.str.s, e->u.str.len)), true);
    case EX_BYTES:
        return emit_const(l, REP_OBJ,
                          const_ref(l->m, const_bytes(l->m, e->u.str.s, e->u.str.len)), true);
    case EX_ELLIPSIS: return emit_const(l, REP_OBJ, "Py_Ellipsis", true);
    case EX_IMAG: /* 2j: made once, as the interpreter's constant */
        return emit_const(l, REP_OBJ,
                          const_ref(l->m, const_obj(l->m, arena_printf(A(l), "PyComplex_FromDoubles(0.0, %s)",
                                                                       float_text(A(l), e->u.float_lit.value)))),
                          true);
    case EX_TRUE: return emit_const(l, REP_BOOL, "1", false);
    case EX_FALSE: return emit_const(l, REP_BOOL, "0", false);
    case EX_NONE: return emit_const(l, REP_OBJ, "Py_None", true);
    case EX_BINOP: return lower_binop(l, e);
    case EX_UNARY: return lower_unary(l, e);
    case EX_BOOLOP: return lower_boolop(l, e);
    case EX_COMPARE: return lower_compare(l, e);
    case EX_IFEXP: return lower_ifexp(l, e);
    case EX_NAMED: { /* (n := v): v bound to n, and the expression's value */
        IrReg *v = lower_expr(l, e->u.named.value);
        store_target(l, e->u.named.target, v, e->u.named.value->type);
        return v;
    }
    case EX_CALL: return lower_call(l, e);
    case EX_ATTRIBUTE: return lower_attribute(l, e);
    case EX_SUBSCRIPT: return lower_subscript(l, e);
    case EX_TUPLE: return lower_sequence(l, e, "PyTuple_Pack");
    case EX_LIST: return lower_sequence(l, e, "spy_list_pack");
    case EX_SET: return lower_sequence(l, e, "spy_set_pack");
    case EX_DICT: return lower_dict(l, e);
    case EX_LISTCOMP: case EX_SETCOMP: case EX_DICTCOMP: return lower_comprehension(l, e);
    case EX_LAMBDA: return lower_lambda(l, e);
    case EX_FSTRING: return lower_fstring(l, &e->u.fstring);
    case EX_YIELD: return coerce(l, lower_yield(l, e), ty_simple(TY_ANY), e->type);
    case EX_GENEXP: return lower_dynamic_genexp(l, e); /* typecheck: check_dynamic_genexp */
    default:
        fprintf(stderr, "internal error at %s:%d: cannot lower %s\n", __FILE__, __LINE__,
                ast_expr_kind_name(e->kind));
        abort();
    }
}

IrReg *lower_expr(Lower *l, Expr *e)
{
    int saved = l->line;
    l->line = (int)e->span.line;
    IrReg *r = lower_inner(l, e);
    l->line = saved;
    return r;
}
