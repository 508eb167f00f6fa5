/*
 * lower_expr.c — expressions to IR: the dispatch on the node's kind,
 * conversions between representations, leaves (literals, names) and
 * machine-int values.
 *
 * lower_expr(e) returns a register holding e's value in the representation
 * of e's static type (rep_of(e->type)); coerce() converts between types
 * (int -> float, boxing, checked unboxing of dynamic values).  Operators
 * are lowered in lower_operator.c; subscripts, displays and attributes in
 * lower_container.c; calls in lower_call.c.
 */
#include "emit/lower.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
            classes = arena_printf(a, "%s || spy_instance_of(%s, st->types[%d])", classes, v,
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

IrReg *int_const(Lower *l, bool negative, const Expr *lit)
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
