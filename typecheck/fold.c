/*
 * fold.c — constant folding of int arithmetic on literals.
 *
 * `1 << 30`, `2 ** 20`, `60 * 60 * 24` become int literals, as CPython's
 * own AST optimiser folds them.  A default value that folds is then a
 * literal default, inlined at each call (emit/: is_constant_default), so
 * `def add(..., cap: int = 1 << 30)` reduces `x % cap` to a mask once the
 * C compiler sees the constant.  Only exact non-negative results that fit
 * in 64 bits are folded; anything that could raise (a zero divisor, a
 * negative shift) or grow (big powers) is left to run as written.
 */
#include "typecheck/tc_internal.h"

static bool literal_value(const Expr *e, int64_t *v)
{
    if (e->kind != EX_INT || !e->u.int_lit.fits_i64)
        return false;
    *v = e->u.int_lit.value;
    return *v >= 0;
}

static bool int_pow(int64_t b, int64_t x, int64_t *r)
{
    int64_t acc = 1;
    if (x > 64)
        return b <= 1 && (*r = b, true);
    while (x-- > 0)
        if (__builtin_mul_overflow(acc, b, &acc))
            return false;
    *r = acc;
    return true;
}

static bool fold_op(BinOp op, int64_t a, int64_t b, int64_t *r)
{
    switch (op) {
    case OP_ADD: return !__builtin_add_overflow(a, b, r);
    case OP_SUB: return !__builtin_sub_overflow(a, b, r);
    case OP_MUL: return !__builtin_mul_overflow(a, b, r);
    case OP_FLOORDIV: return b > 0 && (*r = a / b, true);
    case OP_MOD: return b > 0 && (*r = a % b, true);
    case OP_POW: return int_pow(a, b, r);
    case OP_LSHIFT: return b < 63 && a <= (INT64_MAX >> b) && (*r = a << b, true);
    case OP_RSHIFT: return (*r = b < 63 ? a >> b : 0), true;
    case OP_BITAND: return (*r = a & b), true;
    case OP_BITOR: return (*r = a | b), true;
    case OP_BITXOR: return (*r = a ^ b), true;
    default: return false;
    }
}

void tc_fold_binop(Tc *tc, Expr *e)
{
    int64_t a, b, r;
    if (!literal_value(e->u.binop.left, &a) || !literal_value(e->u.binop.right, &b) ||
        !fold_op(e->u.binop.op, a, b, &r) || r < 0)
        return;
    e->kind = EX_INT;
    e->sema = NULL;
    e->u.int_lit.text = arena_printf(tc->a, "%lld", (long long)r);
    e->u.int_lit.fits_i64 = true;
    e->u.int_lit.value = r;
}
