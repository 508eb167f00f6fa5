/*
 * plain_expr.c — the expressions of plain-value copies (plain.h): int64_t
 * arithmetic with overflow checks, doubles, comparisons (chains too), and/
 * or/not, reads of native arrays, typed lists and str characters, one-
 * character str values as code points, module global ints, abs/min/max/
 * ord/len and calls of functions' copies.  An expression only reads; what
 * it cannot compute stops the copy (v->stop) before its statement.
 */
#include "emit/plain.h"

#include <string.h>

/* A module global int read by a loop's copy (a function's copy has no
 * caller to read it). */
static VerVar *global_of(Version *v, const TcSymbol *g)
{
    if (v->spec || plain_kind(g->type) != 'i')
        return NULL;
    for (int i = 0; i < v->n_vars; i++)
        if (v->vars[i].sym == g)
            return &v->vars[i];
    if (v->n_vars == VER_MAX_VARS)
        return NULL;
    v->vars[v->n_vars] = (VerVar){.sym = g, .kind = V_GLOBAL};
    return &v->vars[v->n_vars++];
}

static bool in_small_range(int64_t x)
{
    return x >= -(INT64_C(1) << 62) && x < (INT64_C(1) << 62);
}

/* An int beyond int64_t (2**64 written out): the statement is always the
 * general code's; the copy stops where it would compute it. */
static CVal big_int(Version *v)
{
    plain_emit(v, arena_printf(v->a, "%s /* an int beyond 64 bits */", v->stop));
    return (CVal){"INT64_C(1)", 'i', true, false, 0}; /* never used: no division by 0 */
}

/* arr[ix]: the checked element position, as list indexing finds it. */
const char *plain_array_pos(Version *v, VerVar *arr, Expr *ix)
{
    CVal i = plain_expr(v, ix);
    if (i.kind != 'i')
        return plain_fail(v).c;
    const char *t = plain_temp(v, 'i'), *n = arena_printf(v->a, "%s_len", plain_var_c(v, arr));
    arr->elements_read = true;
    plain_emit(v, arena_printf(v->a, "%s = %s;", t, i.c));
    if (!(i.is_lit && i.lit >= 0))
        plain_emit(v, arena_printf(v->a, "if (%s < 0) %s += %s;", t, t, n));
    plain_stop_if(v, arena_printf(v->a, "(uint64_t)%s >= (uint64_t)%s", t, n));
    return t;
}

/* A native array or a list read (but never changed) by the copy. */
static VerVar *sequence_of(Version *v, Expr *e)
{
    VerVar *x = plain_var_of(v, e);
    return x && (x->kind == V_ARRAY || x->kind == V_LIST) ? x : NULL;
}

/* s[i] of a str: its code point, stopping where the index is out of
 * range (the general code raises the IndexError). */
static CVal str_read(Version *v, VerVar *s, Expr *ix)
{
    const char *pos = plain_array_pos(v, s, ix), *t = plain_temp(v, 'c'), *c = plain_var_c(v, s);
    plain_emit(v, arena_printf(v->a, "%s = (int32_t)PyUnicode_READ(%s_kind, %s, %s);", t, c, c, pos));
    return (CVal){t, 'c', false, false, 0};
}

static CVal array_read(Version *v, Expr *e)
{
    VerVar *str = plain_str_var_of(v, e->u.subscript.value, V_STR);
    if (str)
        return str_read(v, str, e->u.subscript.index);
    VerVar *arr = sequence_of(v, e->u.subscript.value);
    if (!arr || plain_kind(e->type) != arr->elem)
        return plain_fail(v);
    const char *pos = plain_array_pos(v, arr, e->u.subscript.index);
    const char *elt = arena_printf(v->a, "%s[%s]", plain_var_c(v, arr), pos);
    if (arr->kind == V_LIST)
        return plain_list_item(v, elt, arr->elem);
    if (arr->elem != 'i')
        return (CVal){elt, arr->elem, false, false, 0};
    const char *t = plain_temp(v, 'i');
    plain_stop_if(v, arena_printf(v->a, "!SPY_INT_IS_SMALL(%s)", elt));
    plain_emit(v, arena_printf(v->a, "%s = SPY_INT_VAL(%s);", t, elt));
    return (CVal){t, 'i', true, false, 0};
}

/* a ** b of two int literals (2**32 in `x % 2**32`), when it is an int
 * that fits int64_t. */
static CVal literal_pow(Version *v, CVal a, CVal b)
{
    if (!a.is_lit || !b.is_lit || b.lit < 0)
        return plain_fail(v); /* a negative exponent makes a float */
    int64_t r = 1;
    if (a.lit == 0 || a.lit == 1)
        r = b.lit == 0 ? 1 : a.lit;
    else if (a.lit == -1)
        r = b.lit % 2 ? -1 : 1;
    else /* |a| >= 2: overflows within 64 steps */
        for (int64_t i = 0; i < b.lit; i++)
            if (__builtin_mul_overflow(r, a.lit, &r))
                return big_int(v);
    return (CVal){arena_printf(v->a, "INT64_C(%lld)", (long long)r), 'i', in_small_range(r), true,
                  r};
}

static CVal int_binop(Version *v, BinOp op, CVal a, CVal b)
{
    if (op == OP_POW)
        return literal_pow(v, a, b);
    if (op == OP_DIV || op == OP_MATMUL)
        return plain_fail(v);
    const char *r = plain_temp(v, 'i');
    if ((op == OP_ADD || op == OP_SUB) && a.small && b.small) {
        /* two values within +-2**62 cannot overflow 64 bits */
        plain_emit(v, arena_printf(v->a, "%s = %s %s %s;", r, a.c, op == OP_ADD ? "+" : "-", b.c));
        return (CVal){r, 'i', false, false, 0};
    }
    I64Operand x = {a.c, a.is_lit, a.lit}, y = {b.c, b.is_lit, b.lit};
    v->body = arena_printf(v->a, "%s%s", v->body,
                           i64_binop_text(v->a, op, r, x, y, v->stop, v->indent));
    return (CVal){r, 'i', false, false, 0};
}

static CVal float_binop(Version *v, BinOp op, CVal a, CVal b)
{
    const char *ops = op == OP_ADD ? "+" : op == OP_SUB ? "-" : op == OP_MUL ? "*"
                    : op == OP_DIV ? "/" : NULL;
    if (!ops)
        return plain_fail(v);
    if (op == OP_DIV)
        plain_stop_if(v, arena_printf(v->a, "%s == 0.0", b.c)); /* ZeroDivisionError */
    return (CVal){arena_printf(v->a, "(%s %s %s)", a.c, ops, b.c), 'f', false, false, 0};
}

/* An int operand of float arithmetic: converted as int.__float__ does
 * (exact up to 2**53, then round-half-even, as a C conversion rounds). */
CVal plain_as_float(Version *v, CVal x)
{
    if (x.kind != 'i')
        return x;
    return (CVal){arena_printf(v->a, "(double)%s", x.c), 'f', false, false, 0};
}

static void exact_as_double(Version *v, CVal x)
{
    if (!(x.is_lit && x.lit >= -(INT64_C(1) << 53) && x.lit <= (INT64_C(1) << 53)))
        plain_stop_if(v, arena_printf(v->a, "%s < -(INT64_C(1) << 53) || %s > (INT64_C(1) << 53)",
                                x.c, x.c));
}

static CVal gen_binop(Version *v, Expr *e)
{
    char k = plain_kind(e->type);
    CVal a = plain_expr(v, e->u.binop.left);
    CVal b = plain_expr(v, e->u.binop.right);
    if (k == 'f' && a.kind == 'i' && b.kind == 'i' && e->u.binop.op == OP_DIV) {
        /* int / int is the correctly rounded quotient: the same as the
         * doubles' quotient only while both convert exactly */
        exact_as_double(v, a);
        exact_as_double(v, b);
    }
    if (k == 'f') {
        a = plain_as_float(v, a);
        b = plain_as_float(v, b);
    }
    if (v->failed || a.kind != k || b.kind != k)
        return plain_fail(v);
    if (k == 'i')
        return int_binop(v, e->u.binop.op, a, b);
    if (k == 'f')
        return float_binop(v, e->u.binop.op, a, b);
    return plain_fail(v);
}

static CVal gen_unary(Version *v, Expr *e)
{
    CVal x = plain_expr(v, e->u.unary.operand);
    char k = plain_kind(e->type);
    switch (e->u.unary.op) {
    case UOP_NOT:
        if (x.kind == 'c')
            return plain_fail(v); /* a character is a non-empty str */
        return (CVal){arena_printf(v->a, "(!%s)", x.c), 'b', false, false, 0};
    case UOP_POS:
        return x.kind == k && k != 'b' ? x : plain_fail(v);
    case UOP_NEG:
        if (x.kind != k)
            return plain_fail(v);
        if (k == 'f')
            return (CVal){arena_printf(v->a, "(-%s)", x.c), 'f', false, false, 0};
        if (k == 'i' && x.small)
            return (CVal){arena_printf(v->a, "(-%s)", x.c), 'i', false, false, 0};
        if (k == 'i') {
            const char *r = plain_temp(v, 'i');
            plain_stop_if(v, arena_printf(v->a, "__builtin_sub_overflow(0, %s, &%s)", x.c, r));
            return (CVal){r, 'i', false, false, 0};
        }
        return plain_fail(v);
    case UOP_INVERT:
        if (x.kind != 'i' || k != 'i')
            return plain_fail(v);
        return (CVal){arena_printf(v->a, "(~%s)", x.c), 'i', x.small, false, 0};
    default:
        return plain_fail(v);
    }
}

/* a OP a: known for ints and bools; for a float, only NaN is not equal to
 * itself. */
static CVal self_compare(Version *v, CmpOp op, CVal a)
{
    bool reflexive = op == CMP_EQ || op == CMP_LE || op == CMP_GE;
    if (a.kind != 'f')
        return (CVal){reflexive ? "1" : "0", 'b', false, false, 0};
    if (op == CMP_LT || op == CMP_GT)
        return (CVal){"0", 'b', false, false, 0};
    return (CVal){arena_printf(v->a, "(%sisnan(%s))", reflexive ? "!" : "", a.c), 'b', false,
                  false, 0};
}

/* The code points of a str literal, at most max of them; -1 if more. */
static int literal_chars(const Expr *e, int32_t *out, int max)
{
    const unsigned char *p = (const unsigned char *)e->u.str.s, *end = p + e->u.str.len;
    int n = 0;
    while (p < end) {
        int len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        int32_t c = len == 1 ? *p : *p & (0x7F >> len);
        for (int i = 1; i < len && p + i < end; i++)
            c = (c << 6) | (p[i] & 0x3F);
        if (n == max)
            return -1;
        out[n++] = c;
        p += len;
    }
    return n;
}

/* A code point as C text: 'x' for printable ASCII, else its number. */
static const char *char_text(Version *v, int32_t c)
{
    if (c >= 0x20 && c < 0x7F && c != '\\' && c != '\'')
        return arena_printf(v->a, "'%c'", (char)c);
    return arena_printf(v->a, "%d", (int)c);
}

/* A one-character str literal ('c'); anything else fails. */
static CVal char_literal(Version *v, const Expr *e)
{
    int32_t c;
    if (literal_chars(e, &c, 1) != 1)
        return plain_fail(v);
    return (CVal){char_text(v, c), 'c', false, true, c};
}

/* `ch in "{}[],:"`: a comparison with each character of the literal (a
 * character is in a str when it is one of them). */
static CVal char_in(Version *v, CmpOp op, CVal a, const Expr *lit)
{
    enum { MAX_CHARS = 16 };
    int32_t cs[MAX_CHARS];
    int n = literal_chars(lit, cs, MAX_CHARS);
    if (a.kind != 'c' || n < 0)
        return plain_fail(v);
    const char *t = "";
    for (int i = 0; i < n; i++)
        t = arena_printf(v->a, "%s%s%s == %s", t, i ? " || " : "", a.c, char_text(v, cs[i]));
    if (n == 0)
        t = "0";
    return (CVal){arena_printf(v->a, "(%s(%s))", op == CMP_NOT_IN ? "!" : "", t), 'b', false,
                  false, 0};
}

/* a OP b of two values of the same kind (bools: == and != only). */
static CVal compare_pair(Version *v, CmpOp op, CVal a, CVal b)
{
    if (op > CMP_GE || a.kind != b.kind || (a.kind == 'b' && op != CMP_EQ && op != CMP_NE))
        return plain_fail(v);
    if (strcmp(a.c, b.c) == 0) /* `y > y`: C compilers warn of a self-comparison */
        return self_compare(v, op, a);
    return (CVal){arena_printf(v->a, "(%s %s %s)", a.c, ast_cmpop_str(op), b.c), 'b', false,
                  false, 0};
}

/* A comparison; a chain `lo <= c <= hi` is the conjunction of its links,
 * every operand computed once.  The copy computes them all: one Python
 * would skip only reads, and a read that stops is the general code's. */
static CVal gen_compare(Version *v, Expr *e)
{
    int n = e->u.compare.n_ops;
    Expr **operands = e->u.compare.operands.v;
    CVal a = plain_expr(v, operands[0]);
    if (n == 1 && (e->u.compare.ops[0] == CMP_IN || e->u.compare.ops[0] == CMP_NOT_IN) &&
        operands[1]->kind == EX_STR)
        return char_in(v, e->u.compare.ops[0], a, operands[1]);
    const char *all = NULL;
    for (int i = 0; i < n && !v->failed; i++) {
        CVal b = plain_expr(v, operands[i + 1]);
        CVal link = compare_pair(v, e->u.compare.ops[i], a, b);
        all = all ? arena_printf(v->a, "(%s && %s)", all, link.c) : link.c;
        a = b;
    }
    return v->failed ? plain_fail(v) : (CVal){all, 'b', false, false, 0};
}

/* `a and b`: b's statements run only when a holds, as b is only
 * evaluated then. */
static CVal gen_boolop(Version *v, Expr *e)
{
    if (plain_kind(e->type) != 'b')
        return plain_fail(v);
    const char *r = plain_temp(v, 'b'), *outer = v->indent;
    bool and = e->u.boolop.op == BOOL_AND;
    const char *closes = "";
    for (int i = 0; i < e->u.boolop.values.n; i++) {
        CVal x = plain_expr(v, e->u.boolop.values.v[i]);
        if (x.kind != 'b')
            return plain_fail(v);
        plain_emit(v, arena_printf(v->a, "%s = %s;", r, x.c));
        if (i + 1 < e->u.boolop.values.n) {
            plain_emit(v, arena_printf(v->a, "if (%s%s) {", and ? "" : "!", r));
            v->indent = arena_printf(v->a, "%s    ", v->indent);
            closes = arena_printf(v->a, "%s}", closes);
        }
    }
    for (int i = (int)strlen(closes); i > 0; i--) {
        v->indent = arena_strndup(v->a, v->indent, strlen(v->indent) - 4);
        plain_emit(v, "}");
    }
    v->indent = outer;
    return (CVal){r, 'b', false, false, 0};
}

/* A call of the builtin `name` with n positional arguments. */
static bool is_builtin_call(const Expr *e, const char *name, int n)
{
    const Expr *fn = e->u.call.func;
    const TcSymbol *s = fn->kind == EX_NAME ? fn->sema : NULL;
    if (!s || s->kind != SYM_BUILTIN || strcmp(s->name, name) != 0 || e->u.call.n_args != n)
        return false;
    for (int i = 0; i < n; i++)
        if (e->u.call.args[i]->name || e->u.call.args[i]->value->kind == EX_STARRED)
            return false;
    return true;
}

static bool is_len_call(const Expr *e) { return is_builtin_call(e, "len", 1); }

/* ord(ch) of a character; abs(x), min(a, b), max(a, b) of ints or of
 * floats: min keeps a unless
 * b < a, max unless b > a, as the builtins compare (so NaN and -0.0 come
 * out as theirs). */
static CVal gen_abs_min_max(Version *v, Expr *e)
{
    bool is_abs = is_builtin_call(e, "abs", 1), is_min = is_builtin_call(e, "min", 2);
    if (!is_abs && !is_min && !is_builtin_call(e, "max", 2) && !is_builtin_call(e, "ord", 1))
        return plain_fail(v);
    char k = plain_kind(e->type);
    CVal a = plain_expr(v, e->u.call.args[0]->value);
    if (is_builtin_call(e, "ord", 1)) {
        if (a.kind != 'c')
            return plain_fail(v);
        /* an int64_t variable: compared with 2**40, an int32_t draws
         * -Wtype-limits */
        const char *r = plain_temp(v, 'i');
        plain_emit(v, arena_printf(v->a, "%s = %s;", r, a.c));
        return (CVal){r, 'i', true, false, 0};
    }
    if (v->failed || a.kind != k || (k != 'i' && k != 'f'))
        return plain_fail(v);
    if (is_abs) {
        if (k == 'f')
            return (CVal){arena_printf(v->a, "fabs(%s)", a.c), 'f', false, false, 0};
        const char *r = plain_temp(v, 'i');
        if (!a.small)
            plain_stop_if(v, arena_printf(v->a, "%s == INT64_MIN", a.c));
        plain_emit(v, arena_printf(v->a, "%s = %s < 0 ? -%s : %s;", r, a.c, a.c, a.c));
        return (CVal){r, 'i', false, false, 0}; /* abs(-2**62) is not small */
    }
    CVal b = plain_expr(v, e->u.call.args[1]->value);
    if (v->failed || b.kind != k)
        return plain_fail(v);
    if (strcmp(a.c, b.c) == 0) /* min(x, x) is x (and no self-comparison) */
        return a;
    const char *r = plain_temp(v, k);
    plain_emit(v, arena_printf(v->a, "%s = %s %s %s ? %s : %s;", r, b.c, is_min ? "<" : ">", a.c, b.c,
                         a.c));
    return (CVal){r, k, a.small && b.small, false, 0};
}

/* The argument for parameter i of f: the call's, or a literal default. */
static Expr *call_arg(const TcCall *call, const TcFunc *f, int i)
{
    if (call->slots[i])
        return call->slots[i];
    Expr *d = f->params[i].param->default_value;
    bool literal = d && (d->kind == EX_INT || d->kind == EX_FLOAT || d->kind == EX_TRUE ||
                         d->kind == EX_FALSE ||
                         (d->kind == EX_UNARY && d->u.unary.op == UOP_NEG &&
                          (d->u.unary.operand->kind == EX_INT ||
                           d->u.unary.operand->kind == EX_FLOAT)));
    return literal ? d : NULL;
}

/* Its copy's text must come before the text calling it (lower_spec_emit). */
static bool note_callee(Version *v, const TcFunc *f)
{
    for (int i = 0; i < v->n_callees; i++)
        if (v->callees[i] == f)
            return true;
    if (v->n_callees == VER_MAX_CALLEES)
        return false;
    v->callees[v->n_callees++] = f;
    return true;
}

/* A call of a module function that has a copy (lower_spec.c): the copy,
 * with int arguments in the small range (what a copy assumes of its
 * parameters).  Its work has no effect but its result, so calling it and
 * then stopping is invisible; its failure value means "stop". */
static CVal gen_call(Version *v, Expr *e)
{
    const TcCall *call = e->sema;
    const TcFunc *f = call && call->kind == CALL_NATIVE ? call->target : NULL;
    const char *name = !f ? NULL : f == v->spec ? v->spec_name : lower_spec_of(v->l->m, f);
    if (!name)
        return plain_fail(v);
    const char *args = "";
    for (int i = 0; i < f->n_params; i++) {
        Expr *x = call_arg(call, f, i);
        CVal a = x ? plain_expr(v, x) : plain_fail(v);
        char want = plain_kind(f->params[i].type);
        if (a.kind == 'i' && want == 'f')
            a = (CVal){arena_printf(v->a, "(double)%s", a.c), 'f', false, false, 0};
        if (v->failed || a.kind != want)
            return plain_fail(v);
        if (a.kind == 'i' && !a.small)
            plain_stop_if(v, arena_printf(v->a, "%s < SPY_INT_MIN_SMALL || %s > SPY_INT_MAX_SMALL",
                                    a.c, a.c));
        args = arena_printf(v->a, "%s, %s", args, a.c);
    }
    char k = plain_kind(f->ret);
    const char *r = plain_temp(v, k);
    plain_emit(v, arena_printf(v->a, "%s = %s(st, depth + 1%s);", r, name, args));
    plain_stop_if(v, arena_printf(v->a, k == 'f' ? "isnan(%s)" : k == 'b' ? "%s == 2" : "%s == INT64_MIN",
                            r));
    v->n_self_calls += f == v->spec;
    v->uses_state = true;
    if (f != v->spec && !note_callee(v, f))
        return plain_fail(v);
    return (CVal){r, k, false, false, 0};
}

CVal plain_expr(Version *v, Expr *e)
{
    if (v->failed)
        return plain_fail(v);
    switch (e->kind) {
    case EX_INT:
        if (!e->u.int_lit.fits_i64)
            return big_int(v);
        return (CVal){arena_printf(v->a, "INT64_C(%lld)", (long long)e->u.int_lit.value), 'i',
                      in_small_range(e->u.int_lit.value), true, e->u.int_lit.value};
    case EX_FLOAT:
        return (CVal){float_text(v->a, e->u.float_lit.value), 'f', false, false, 0};
    case EX_STR: return char_literal(v, e);
    case EX_TRUE: return (CVal){"1", 'b', false, false, 0};
    case EX_FALSE: return (CVal){"0", 'b', false, false, 0};
    case EX_NAME: {
        const TcSymbol *g = e->sema;
        if (g && g->kind == SYM_GLOBAL && g->final && g->const_value)
            return plain_expr(v, g->const_value); /* a Final constant */
        VerVar *gl = g && g->kind == SYM_GLOBAL ? global_of(v, g) : NULL;
        if (gl) { /* unbound, not an int or big: the general code's */
            const char *c = plain_var_c(v, gl);
            plain_stop_if(v, arena_printf(v->a, "!SPY_INT_IS_SMALL(%s)", c));
            return (CVal){arena_printf(v->a, "SPY_INT_VAL(%s)", c), 'i', true, false, 0};
        }
        VerVar *x = plain_var_of(v, e), *ch = x ? NULL : plain_str_var_of(v, e, V_CHAR);
        if (ch) { /* -1: not one character when the copy began */
            plain_stop_if(v, arena_printf(v->a, "%s < 0", plain_var_c(v, ch)));
            return (CVal){plain_var_c(v, ch), 'c', false, false, 0};
        }
        if (!x || x->kind == V_ARRAY || x->kind == V_LIST)
            return plain_fail(v); /* a sequence as a value: only read through */
        char k = x->kind == V_BOOL ? 'b' : x->kind == V_FLOAT ? 'f' : 'i';
        return (CVal){plain_var_c(v, x), k, x->kind == V_TAGGED, false, 0};
    }
    case EX_BINOP: return gen_binop(v, e);
    case EX_UNARY: return gen_unary(v, e);
    case EX_COMPARE: return gen_compare(v, e);
    case EX_BOOLOP: return gen_boolop(v, e);
    case EX_SUBSCRIPT: return array_read(v, e);
    case EX_CALL: {
        if (e->u.call.func->kind == EX_NAME && e->u.call.func->sema &&
            ((const TcSymbol *)e->u.call.func->sema)->kind == SYM_BUILTIN && !is_len_call(e))
            return gen_abs_min_max(v, e);
        if (!is_len_call(e))
            return gen_call(v, e);
        Expr *seq = e->u.call.args[0]->value;
        VerVar *arr = sequence_of(v, seq);
        if (!arr)
            arr = plain_str_var_of(v, seq, V_STR);
        if (!arr)
            return plain_fail(v);
        return (CVal){arena_printf(v->a, "%s_len", plain_var_c(v, arr)), 'i', true, false, 0};
    }
    default:
        return plain_fail(v);
    }
}

CVal plain_binop(Version *v, BinOp op, CVal a, CVal b, char k)
{
    if (a.kind != k || b.kind != k)
        return plain_fail(v);
    return k == 'i' ? int_binop(v, op, a, b) : k == 'f' ? float_binop(v, op, a, b) : plain_fail(v);
}

/* c without one pair of parentheses around all of it, if it has them
 * (`if ((a == b))` draws clang's -Wparentheses-equality). */
static const char *unparen(Version *v, const char *c)
{
    size_t n = strlen(c);
    if (n < 2 || c[0] != '(' || c[n - 1] != ')')
        return c;
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        depth += c[i] == '(' ? 1 : c[i] == ')' ? -1 : 0;
        if (depth == 0 && i + 1 < n)
            return c; /* (a) op (b) */
    }
    return arena_strndup(v->a, c + 1, n - 2);
}

/* The truth of a test, without enclosing parentheses. */
const char *plain_test(Version *v, Expr *e)
{
    CVal x = plain_expr(v, e);
    if (x.kind == 'c')
        return plain_fail(v).c;
    if (x.kind == 'i' || x.kind == 'f')
        return arena_printf(v->a, "%s != 0", x.c);
    return unparen(v, x.c);
}
