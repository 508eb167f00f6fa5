/*
 * lower_intfast.c — int arithmetic on plain int64_t when every operand is
 * small.
 *
 * An `int` is a tagged word (runtime/spy_int.h): each operation tests the
 * tags of its operands, checks for overflow, and the caller tests for an
 * error.  In `(i + j) * (i + j + 1) // 2 + i + 1` that is five times more
 * work than the arithmetic.  For a tree of int operators over locals and
 * literals, lowering emits one helper function that tests every tag once,
 * computes on int64_t with an overflow check per operation and hands back
 * the tagged result — or SPY_INT_ERR, meaning "not all small or an
 * overflow or an operation that would raise": the caller then computes the
 * same tree with the general operations, which give exactly the
 * interpreter's result or exception.  The tree is computed from the leaf
 * values already evaluated, so nothing is evaluated twice.
 *
 * A tree whose value is converted to float at once (`1.0 / (i * j + 1)`)
 * gets a helper handing back the double itself, NAN meaning "not all
 * small": converting an int64_t is exact or rounds half-even as
 * int.__float__ does, and never overflows, so the fast path needs neither
 * the small-int range test of the result nor tagging and untagging it.
 *
 * Evaluation order: the fast path evaluates every leaf before any
 * operator.  An operator that can raise (// and % unless by a non-zero
 * literal, << and >> unless by a literal count in 0..63) may only appear
 * with leaves that cannot (locals that are bound, literals, attributes of a
 * native object in a local that __init__ always sets); `+ - * & | ^ ~`
 * raise nothing but MemoryError, so their leaves may be any int
 * expression, evaluated in order, a local read before a later leaf being
 * copied first (the later leaf may assign it: `i + (i := 5)`).
 */
#include "emit/lower.h"

#include <stdlib.h>
#include <string.h>

enum { FAST_MAX_LEAVES = 8, FAST_MIN_OPS = 2 };

typedef struct FastTree {
    Lower *l;
    Expr *leaf[FAST_MAX_LEAVES];
    int n_leaves;
    int n_ops;
    bool raises;        /* has // % << >> */
    bool opaque;        /* has a leaf that is not a bound local */
    bool to_float;      /* the helper returns the value as a double */
    const char *body;   /* C statements of the helper */
    const char *fail;   /* what it returns when the fast path does not apply */
    int n_temps;
} FastTree;

static Arena *tree_arena(const FastTree *t) { return t->l->m->a; }

static bool fast_op(BinOp op)
{
    switch (op) {
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_FLOORDIV: case OP_MOD:
    case OP_LSHIFT: case OP_RSHIFT: case OP_BITAND: case OP_BITOR: case OP_BITXOR:
        return true;
    default:
        return false;
    }
}

static bool is_int(const Expr *e) { return e->type && e->type->kind == TY_INT; }

static bool literal(const Expr *e, int64_t *v)
{
    if (e->kind == EX_INT && e->u.int_lit.fits_i64) {
        *v = e->u.int_lit.value;
        return true;
    }
    if (e->kind == EX_UNARY && e->u.unary.op == UOP_NEG && e->u.unary.operand->kind == EX_INT &&
        e->u.unary.operand->u.int_lit.fits_i64) {
        *v = -e->u.unary.operand->u.int_lit.value;
        return true;
    }
    return false;
}

static const TcSymbol *plain_local(const Expr *e)
{
    const TcSymbol *s = e->kind == EX_NAME ? e->sema : NULL;
    return s && s->kind == SYM_LOCAL && !s->rebound && !e->maybe_unbound ? s : NULL;
}

/* `self.total`: a field every instance has, of an object in a local. */
static bool pure_field(const Expr *e)
{
    const TcAttr *a = e->kind == EX_ATTRIBUTE ? e->sema : NULL;
    const Expr *recv = a ? e->u.attribute.value : NULL;
    return a && a->always_defined && recv->type && recv->type->kind == TY_CLASS &&
           plain_local(recv);
}

/* Pass 1: is e a tree worth a fast path?  Collects the leaves in
 * evaluation order. */
static bool collect(FastTree *t, Expr *e)
{
    int64_t v;
    if (!is_int(e))
        return false;
    if (literal(e, &v))
        return true;
    if (e->kind == EX_BINOP && fast_op(e->u.binop.op)) {
        BinOp op = e->u.binop.op;
        t->n_ops++;
        /* a literal right operand that rules the exception out */
        bool lit = literal(e->u.binop.right, &v);
        if (op == OP_FLOORDIV || op == OP_MOD)
            t->raises |= !lit || v == 0;
        /* a literal count outside these has no int64_t form: not a tree */
        if (lit && ((op == OP_LSHIFT && (v < 0 || v > 62)) || (op == OP_RSHIFT && (v < 0 || v > 63))))
            return false;
        if (op == OP_LSHIFT || op == OP_RSHIFT)
            t->raises |= !lit;
        return collect(t, e->u.binop.left) && collect(t, e->u.binop.right);
    }
    if (e->kind == EX_UNARY && (e->u.unary.op == UOP_NEG || e->u.unary.op == UOP_INVERT)) {
        t->n_ops++;
        return collect(t, e->u.unary.operand);
    }
    if (e->kind == EX_UNARY && e->u.unary.op == UOP_POS)
        return collect(t, e->u.unary.operand);
    if (t->n_leaves == FAST_MAX_LEAVES)
        return false;
    t->opaque |= !plain_local(e) && !pure_field(e);
    t->leaf[t->n_leaves++] = e;
    return true;
}

static int leaf_index(const FastTree *t, const Expr *e)
{
    for (int i = 0; i < t->n_leaves; i++)
        if (t->leaf[i] == e)
            return i;
    return -1;
}

/* Without opaque leaves, every read of one local is one value. */
static int canonical_leaf(const FastTree *t, int i)
{
    if (t->opaque || !plain_local(t->leaf[i]))
        return i;
    for (int j = 0; j < i; j++)
        if (t->leaf[j]->sema == t->leaf[i]->sema && plain_local(t->leaf[j]))
            return j;
    return i;
}

static bool machine_leaf(const Expr *e)
{
    const TcSymbol *s = plain_local(e);
    return s && s->machine;
}

/* ---- the helper's C ------------------------------------------------------------- */

static void line(FastTree *t, const char *s)
{
    t->body = arena_printf(tree_arena(t), "%s    %s\n", t->body, s);
}

static const char *fail_if(FastTree *t, const char *cond)
{
    return arena_printf(tree_arena(t), "if (%s) return %s;", cond, t->fail);
}

static void c_binop(FastTree *t, BinOp op, const char *r, I64Operand a, I64Operand b)
{
    t->body = arena_printf(tree_arena(t), "%s%s", t->body,
                           i64_binop_text(tree_arena(t), op, r, a, b,
                                          arena_printf(tree_arena(t), "return %s;", t->fail), "    "));
}

/* The text of one C statement line. */
static const char *cline(Arena *ar, const char *indent, const char *s)
{
    return arena_printf(ar, "%s%s\n", indent, s);
}

const char *i64_binop_text(Arena *ar, BinOp op, const char *r, I64Operand a, I64Operand b,
                           const char *fail, const char *in)
{
    const char *x = a.c, *y = b.c;
#define FAIL_IF(cond) cline(ar, in, arena_printf(ar, "if (%s) %s", (cond), fail))
    switch (op) {
    case OP_ADD: case OP_SUB: case OP_MUL:
        return FAIL_IF(arena_printf(ar, "__builtin_%s_overflow(%s, %s, &%s)",
                                    op == OP_ADD ? "add" : op == OP_SUB ? "sub" : "mul",
                                    x, y, r));
    case OP_FLOORDIV: case OP_MOD: {
        if (b.is_lit && b.lit > 0 && (b.lit & (b.lit - 1)) == 0) {
            /* a power of two: floor division is the arithmetic shift and
             * the (non-negative) remainder the low bits, for any sign */
            int k = 0;
            while ((INT64_C(1) << k) != b.lit)
                k++;
            if (op == OP_FLOORDIV)
                return cline(ar, in, arena_printf(ar, "%s = %s >> %d;", r, x, k));
            return cline(ar, in, arena_printf(ar, "%s = %s & INT64_C(%lld);", r, x,
                                              (long long)b.lit - 1));
        }
        if (b.is_lit && b.lit == 0) /* ZeroDivisionError (no C division by zero written) */
            return arena_printf(ar, "%s%s%s",
                                a.is_lit ? "" : cline(ar, in, arena_printf(ar, "(void)%s;", x)),
                                cline(ar, in, arena_printf(ar, "%s = 0;", r)),
                                cline(ar, in, fail));
        const char *text = "";
        if (!b.is_lit || b.lit == -1) /* ZeroDivisionError; MIN // -1 */
            text = FAIL_IF(arena_printf(ar, "%s == 0 || %s == -1", y, y));
        if (op == OP_FLOORDIV) /* rounds toward minus infinity */
            return arena_printf(ar, "%s%s", text, cline(ar, in, arena_printf(ar,
                "%s = %s / %s - (%s %% %s != 0 && (%s ^ %s) < 0);", r, x, y, x, y, x, y)));
        /* takes the sign of the divisor */
        return arena_printf(ar, "%s%s", text, cline(ar, in, arena_printf(ar,
            "%s = %s %% %s + (%s %% %s != 0 && (%s %% %s ^ %s) < 0 ? %s : 0);",
            r, x, y, x, y, x, y, y, y)));
    }
    case OP_LSHIFT: {
        const char *text = b.is_lit ? "" /* ValueError; too wide */
                                    : FAIL_IF(arena_printf(ar, "%s < 0 || %s > 62", y, y));
        return arena_printf(ar, "%s%s%s", text,
                            cline(ar, in, arena_printf(ar, "%s = (int64_t)((uint64_t)%s << %s);",
                                                       r, x, y)),
                            FAIL_IF(arena_printf(ar, "(%s >> %s) != %s", r, y, x)));
    }
    case OP_RSHIFT:
        if (b.is_lit)
            return cline(ar, in, arena_printf(ar, "%s = %s >> %s;", r, x, y));
        return arena_printf(ar, "%s%s", FAIL_IF(arena_printf(ar, "%s < 0", y)),
                            cline(ar, in, arena_printf(ar, "%s = %s > 63 ? (%s < 0 ? -1 : 0) : %s >> %s;",
                                                       r, y, x, x, y)));
    case OP_BITAND: case OP_BITOR: case OP_BITXOR:
        return cline(ar, in, arena_printf(ar, "%s = %s %s %s;", r, x, ast_binop_str(op), y));
    default:
        abort(); /* callers admit no other */
    }
#undef FAIL_IF
}

static const char *new_temp(FastTree *t)
{
    return arena_printf(tree_arena(t), "t%d", t->n_temps++);
}

/* The C names of leaf i: its tagged parameter and its int64_t value. */
static const char *leaf_name(FastTree *t, const char *prefix, int i)
{
    const Expr *e = t->leaf[i];
    if (!plain_local(e))
        return arena_printf(tree_arena(t), "%s%d", prefix, i);
    const char *name = cg_ident(tree_arena(t), prefix, ((const TcSymbol *)e->sema)->name);
    /* with opaque leaves each read of a local is a value of its own */
    return t->opaque ? arena_printf(tree_arena(t), "%s_%d", name, i) : name;
}

/* Pass 2: C statements computing e into an int64_t. */
static I64Operand c_expr(FastTree *t, Expr *e)
{
    Arena *ar = tree_arena(t);
    I64Operand r = {0};
    int leaf = leaf_index(t, e);
    if (leaf >= 0) { /* checked first: `a ** b` is a leaf, not a node */
        r.c = leaf_name(t, "v_", canonical_leaf(t, leaf));
        return r;
    }
    if (literal(e, &r.lit)) {
        r.is_lit = true;
        r.c = r.lit == INT64_MIN ? "INT64_MIN" : arena_printf(ar, "INT64_C(%lld)", (long long)r.lit);
        return r;
    }
    if (e->kind == EX_BINOP) {
        I64Operand a = c_expr(t, e->u.binop.left), b = c_expr(t, e->u.binop.right);
        r.c = new_temp(t);
        c_binop(t, e->u.binop.op, r.c, a, b);
        return r;
    }
    if (e->kind == EX_UNARY) {
        I64Operand x = c_expr(t, e->u.unary.operand);
        if (e->u.unary.op == UOP_POS)
            return x;
        r.c = new_temp(t);
        if (e->u.unary.op == UOP_NEG)
            line(t, fail_if(t, arena_printf(ar, "__builtin_sub_overflow(0, %s, &%s)", x.c, r.c)));
        else
            line(t, arena_printf(ar, "%s = ~%s;", r.c, x.c));
        return r;
    }
    abort(); /* collect() made every other expression a leaf */
}

/* The helper: tag tests, leaf values, the tree, and the result (for a
 * comparison root, 0/1, or -1 when the fast path does not apply; for a
 * float result, the double or NAN). */
static const char *helper_text(FastTree *t, const char *name, Expr *root, CmpOp cmp, Expr *rhs)
{
    Arena *ar = tree_arena(t);
    const char *params = "", *tags = NULL, *loads = "";
    t->body = "";
    t->fail = rhs ? "-1" : t->to_float ? "NAN" : "SPY_INT_ERR";
    for (int i = 0; i < t->n_leaves; i++) {
        bool machine = machine_leaf(t->leaf[i]);
        const char *x = leaf_name(t, "x_", i);
        if (canonical_leaf(t, i) != i)
            continue; /* a local read twice is passed once */
        params = arena_printf(ar, "%s%s%s %s", params, *params ? ", " : "",
                              machine ? "int64_t" : "SpyInt", x);
        if (!machine)
            tags = tags ? arena_printf(ar, "%s | %s", tags, x) : x;
        loads = arena_printf(ar, "%s    int64_t %s = %s;\n", loads, leaf_name(t, "v_", i),
                             machine ? x : arena_printf(ar, "SPY_INT_VAL(%s)", x));
    }
    I64Operand res = c_expr(t, root);
    if (rhs) {
        I64Operand b = c_expr(t, rhs);
        line(t, arena_printf(ar, "return %s %s %s;", res.c, ast_cmpop_str(cmp), b.c));
    } else if (t->to_float) {
        line(t, arena_printf(ar, "return (double)%s;", res.c));
    } else {
        line(t, fail_if(t, arena_printf(ar, "%s < SPY_INT_MIN_SMALL || %s > SPY_INT_MAX_SMALL",
                                        res.c, res.c)));
        line(t, arena_printf(ar, "return SPY_INT_SMALL(%s);", res.c));
    }
    const char *temps = "";
    for (int i = 0; i < t->n_temps; i++)
        temps = arena_printf(ar, "%s%st%d", temps, i ? ", " : "    int64_t ", i);
    if (t->n_temps)
        temps = arena_printf(ar, "%s;\n", temps);
    return arena_printf(ar,
        "/* %s:%d: %s\n"
        " * on int64_t when every int is small%s; %s when not (the caller then\n"
        " * computes it with the general int operations). */\n"
        "static inline %s %s(%s)\n{\n%s%s%s%s}\n\n",
        t->l->m->tm->ast->src->path, t->l->line, source_text(t->l->m, root->span, (rhs ? rhs : root)->span),
        t->to_float ? ", as a double" : "", t->fail,
        rhs ? "int" : t->to_float ? "double" : "SpyInt", name, *params ? params : "void",
        tags ? arena_printf(ar, "    if (SPY_UNLIKELY((%s) & 1))\n        return %s;\n", tags, t->fail)
             : "",
        loads, temps, t->body);
}

/* ---- lowering --------------------------------------------------------------------- */

/* Leaf values in evaluation order; a local read is copied when a later
 * leaf could assign it. */
static void eval_leaves(FastTree *t, IrReg **vals)
{
    Lower *l = t->l;
    for (int i = 0; i < t->n_leaves; i++) {
        Expr *e = t->leaf[i];
        const TcSymbol *s = plain_local(e);
        if (s && s->machine)
            vals[i] = l->local_regs[s->index];
        else
            vals[i] = lower_expr_as(l, e, ty_simple(TY_INT));
        if (s && t->opaque && i + 1 < t->n_leaves)
            vals[i] = temp_copy(l, vals[i]);
    }
}

static IrReg *as_int(Lower *l, FastTree *t, IrReg **vals, const Expr *leaf)
{
    int i = leaf_index(t, leaf);
    if (machine_leaf(leaf))
        return emit_call(l, "spy_int_from_i64", REP_INT, ERR_INT, &vals[i], 1);
    return vals[i];
}

static const char *const slow_cmp[CMP__COUNT] = {
    [CMP_EQ] = "(char)spy_int_eq(%0, %1)", [CMP_NE] = "(char)spy_int_ne(%0, %1)",
    [CMP_LT] = "(char)spy_int_lt(%0, %1)", [CMP_LE] = "(char)spy_int_le(%0, %1)",
    [CMP_GT] = "(char)spy_int_gt(%0, %1)", [CMP_GE] = "(char)spy_int_ge(%0, %1)",
};

/* The general path: the same tree with the tagged-int operations. */
static IrReg *slow_expr(Lower *l, FastTree *t, IrReg **vals, Expr *e)
{
    const TyType *tint = ty_simple(TY_INT);
    if (leaf_index(t, e) >= 0)
        return as_int(l, t, vals, e);
    if (e->kind == EX_BINOP) {
        IrReg *a = slow_expr(l, t, vals, e->u.binop.left);
        IrReg *b = slow_expr(l, t, vals, e->u.binop.right);
        return lower_binop_values(l, e->u.binop.op, a, tint, b, tint, tint, false);
    }
    if (e->kind == EX_UNARY && e->u.unary.op == UOP_POS)
        return slow_expr(l, t, vals, e->u.unary.operand);
    if (e->kind == EX_UNARY && !(e->u.unary.operand->kind == EX_INT &&
                                 e->u.unary.op == UOP_NEG)) {
        IrReg *x = slow_expr(l, t, vals, e->u.unary.operand);
        return emit_call(l, e->u.unary.op == UOP_NEG ? "spy_int_neg" : "spy_int_invert", REP_INT,
                         ERR_INT, &x, 1);
    }
    return lower_expr(l, e); /* a literal */
}

static IrReg *lower_tree(Lower *l, FastTree *t, Expr *root, CmpOp cmp, Expr *rhs)
{
    ModCtx *m = l->m;
    const char *name = arena_printf(m->a, "spy_fast_%d", m->n_helpers + 1);
    module_helper(m, helper_text(t, name, root, cmp, rhs));

    IrReg *vals[FAST_MAX_LEAVES];
    eval_leaves(t, vals);
    const char *call = arena_printf(m->a, "%s(", name);
    for (int i = 0, first = 1; i < t->n_leaves; i++)
        if (canonical_leaf(t, i) == i) {
            call = arena_printf(m->a, "%s%s%%%d", call, first ? "" : ", ", i);
            first = 0;
        }
    call = arena_printf(m->a, "%s)", call);
    IrRep rep = rhs ? REP_BOOL : t->to_float ? REP_FLOAT : REP_INT;
    IrReg *fast = emit_call(l, call, rhs ? REP_CINT : rep, ERR_NEVER, vals, t->n_leaves);
    fast->borrowed = true; /* small or SPY_INT_ERR: nothing to release */
    IrReg *ok = emit_call(l, rhs ? "(char)(%0 >= 0)" : t->to_float ? "(char)(%0 == %0)"
                             : "(char)(%0 != SPY_INT_ERR)", REP_BOOL, ERR_NEVER, &fast, 1);

    IrReg *r = ir_reg(l->f, rep, NULL);
    IrBlock *yes = ir_block(l->f), *no = ir_block(l->f), *done = ir_block(l->f);
    emit_branch(l, ok, yes, no);
    l->cur = yes;
    emit_assign(l, r, rhs ? emit_call(l, "(char)%0", REP_BOOL, ERR_NEVER, &fast, 1) : fast);
    emit_goto(l, done);
    l->cur = no;
    int first_slow = l->f->n_blocks;
    IrReg *slow = slow_expr(l, t, vals, root);
    if (rhs) {
        IrReg *args[2] = {slow, slow_expr(l, t, vals, rhs)};
        slow = emit_call(l, slow_cmp[cmp], REP_BOOL, ERR_NEVER, args, 2);
    } else if (t->to_float) {
        slow = coerce(l, slow, ty_simple(TY_INT), ty_simple(TY_FLOAT));
    }
    emit_assign(l, r, slow);
    emit_goto(l, done);
    no->cold = true;
    for (int b = first_slow; b < l->f->n_blocks; b++)
        l->f->blocks[b]->cold = true;
    l->cur = done;
    return r;
}

IrReg *lower_int_fast(Lower *l, Expr *e)
{
    FastTree t = {.l = l};
    if (!collect(&t, e) || t.n_ops < FAST_MIN_OPS || (t.raises && t.opaque))
        return NULL;
    return lower_tree(l, &t, e, CMP_EQ, NULL);
}

/* The int tree e converted to float, or NULL when it is not worth a
 * helper. */
IrReg *lower_int_fast_float(Lower *l, Expr *e)
{
    FastTree t = {.l = l, .to_float = true};
    if (!collect(&t, e) || t.n_ops < FAST_MIN_OPS || (t.raises && t.opaque))
        return NULL;
    return lower_tree(l, &t, e, CMP_EQ, NULL);
}

/* `i < n` with one int64_t local and one tagged int: worth a helper too
 * (the general path must box the int64_t first). */
static bool mixed_machine(const FastTree *t)
{
    bool machine = false, tagged = false;
    for (int i = 0; i < t->n_leaves; i++) {
        if (machine_leaf(t->leaf[i]))
            machine = true;
        else
            tagged = true;
    }
    return machine && tagged;
}

IrReg *lower_int_fast_compare(Lower *l, Expr *a, CmpOp op, Expr *b)
{
    FastTree t = {.l = l};
    if (op > CMP_GE || !collect(&t, a) || !collect(&t, b) || (t.raises && t.opaque))
        return NULL;
    if (t.n_ops < FAST_MIN_OPS - 1 && !mixed_machine(&t))
        return NULL;
    return lower_tree(l, &t, a, op, b);
}
