/*
 * plain_gen.c — plain-value copies of Python code: C text on int64_t,
 * bools, doubles and C arrays (plain.h) for int, bool and float locals,
 * native arrays, arithmetic, comparisons, if, break, continue, return and
 * calls of a function to itself.
 *
 * Every int a tagged local receives is checked to be in the small range,
 * so the copy's view of a tagged local is always a small int.  Whatever
 * the copy cannot finish (an overflow, an index out of range, a division
 * by zero, a big int in an int array) runs `v->stop` before the statement
 * has any effect: expressions only read, so stopping is invisible.  What
 * stopping means is the caller's: a loop resumes the general loop at that
 * statement (lower_version.c), a function's copy gives up (lower_spec.c).
 */
#include "emit/plain.h"

#include <ctype.h>
#include <string.h>

static void emit(Version *v, const char *s)
{
    v->body = arena_printf(v->a, "%s%s%s\n", v->body, v->indent, s);
}

static const char *new_temp(Version *v, char kind)
{
    const char *name = arena_printf(v->a, "t%d", v->n_temps++);
    const char *ctype = kind == 'i' ? "int64_t" : kind == 'f' ? "double"
                      : kind == 'w' ? "Py_ssize_t" : kind == 'c' ? "int32_t" : "char";
    v->temps = arena_printf(v->a, "%s    %s %s;\n", v->temps, ctype, name);
    return name;
}

static CVal fail(Version *v)
{
    v->failed = true;
    return (CVal){"0", 'i', false, false, 0};
}

char plain_kind(const TyType *t)
{
    if (!t)
        return 0;
    switch (t->kind) {
    case TY_INT: return 'i';
    case TY_BOOL: return 'b';
    case TY_FLOAT: return 'f';
    default: return 0;
    }
}

/* ---- variables ------------------------------------------------------------------- */

const char *plain_var_c(Version *v, const VerVar *x)
{
    return cg_ident(v->a, x->kind == V_GLOBAL ? "g_" : "v_", x->sym->name);
}

/* A new variable of the copy; NULL when the copy cannot hold it. */
VerVar *plain_add_var(Version *v, const TcSymbol *s)
{
    if (v->n_vars == VER_MAX_VARS)
        return NULL;
    IrReg *r = v->l->local_regs[s->index];
    VerVar x = {.sym = s};
    char k = plain_kind(s->type);
    if (r->rep == REP_INT && k == 'i')
        x.kind = V_TAGGED;
    else if (r->rep == REP_I64 && k == 'i')
        x.kind = V_MACHINE;
    else if (r->rep == REP_BOOL && k == 'b')
        x.kind = V_BOOL;
    else if (r->rep == REP_FLOAT && k == 'f')
        x.kind = V_FLOAT;
    else if (r->rep == REP_OBJ && s->native_array && s->type->kind == TY_LIST)
        x.kind = V_ARRAY, x.elem = plain_kind(s->type->args[0]);
    else if (r->rep == REP_OBJ && s->type->kind == TY_LIST)
        x.kind = V_LIST, x.elem = plain_kind(s->type->args[0]);
    else
        return NULL;
    if ((x.kind == V_ARRAY || x.kind == V_LIST) && (!x.elem || v->spec))
        return NULL; /* a function's copy has no sequences */
    v->vars[v->n_vars] = x;
    return &v->vars[v->n_vars++];
}

/* The variable a name stands for, registered on first use; NULL when the
 * copy cannot hold it.  An unboxed local that may be unbound somewhere
 * has an "assigned" flag the copy does not keep (but a range loop's own
 * variable, registered first). */
static VerVar *var_of(Version *v, const Expr *e)
{
    const TcSymbol *s = e->kind == EX_NAME ? e->sema : NULL;
    if (!s || s->kind != SYM_LOCAL || s->captured || s->rebound || e->maybe_unbound)
        return NULL;
    for (int i = 0; i < v->n_vars; i++)
        if (v->vars[i].sym == s) /* str locals: str_var_of */
            return v->vars[i].kind == V_STR || v->vars[i].kind == V_CHAR ? NULL : &v->vars[i];
    return v->l->bound_regs[s->index] ? NULL : plain_add_var(v, s);
}

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

/* A str local as the copy uses it: V_STR, only indexed and measured, or
 * V_CHAR, holding one character; registered on first use as `want`.  NULL
 * when it is not a str local or was registered as the other kind. */
static VerVar *str_var_of(Version *v, const Expr *e, VarKind want)
{
    const TcSymbol *s = e->kind == EX_NAME ? e->sema : NULL;
    if (!s || s->kind != SYM_LOCAL || s->captured || s->rebound || e->maybe_unbound || v->spec ||
        !s->type || s->type->kind != TY_STR || v->l->local_regs[s->index]->rep != REP_OBJ)
        return NULL;
    for (int i = 0; i < v->n_vars; i++)
        if (v->vars[i].sym == s)
            return v->vars[i].kind == want ? &v->vars[i] : NULL;
    if (v->n_vars == VER_MAX_VARS)
        return NULL;
    v->vars[v->n_vars] = (VerVar){.sym = s, .kind = want};
    return &v->vars[v->n_vars++];
}

VerVar *plain_char_var(Version *v, const Expr *name)
{
    return str_var_of(v, name, V_CHAR);
}

/* ---- expressions ----------------------------------------------------------------- */

static CVal gen_expr(Version *v, Expr *e);

static bool in_small_range(int64_t x)
{
    return x >= -(INT64_C(1) << 62) && x < (INT64_C(1) << 62);
}

static void stop_if(Version *v, const char *cond)
{
    emit(v, arena_printf(v->a, "if (SPY_UNLIKELY(%s)) %s", cond, v->stop));
}

/* An int beyond int64_t (2**64 written out): the statement is always the
 * general code's; the copy stops where it would compute it. */
static CVal big_int(Version *v)
{
    emit(v, arena_printf(v->a, "%s /* an int beyond 64 bits */", v->stop));
    return (CVal){"INT64_C(1)", 'i', true, false, 0}; /* never used: no division by 0 */
}

/* arr[ix]: the checked element position, as list indexing finds it. */
static const char *array_pos(Version *v, VerVar *arr, Expr *ix)
{
    CVal i = gen_expr(v, ix);
    if (i.kind != 'i')
        return fail(v).c;
    const char *t = new_temp(v, 'i'), *n = arena_printf(v->a, "%s_len", plain_var_c(v, arr));
    arr->elements_read = true;
    emit(v, arena_printf(v->a, "%s = %s;", t, i.c));
    if (!(i.is_lit && i.lit >= 0))
        emit(v, arena_printf(v->a, "if (%s < 0) %s += %s;", t, t, n));
    stop_if(v, arena_printf(v->a, "(uint64_t)%s >= (uint64_t)%s", t, n));
    return t;
}

static VerVar *array_of(Version *v, Expr *e)
{
    VerVar *x = var_of(v, e);
    return x && x->kind == V_ARRAY ? x : NULL;
}

/* A native array or a list read (but never changed) by the copy. */
static VerVar *sequence_of(Version *v, Expr *e)
{
    VerVar *x = var_of(v, e);
    return x && (x->kind == V_ARRAY || x->kind == V_LIST) ? x : NULL;
}

/* An element of a list[int|float|bool]: only an exact int that is small,
 * an exact float or a bool is read here; anything else (a big int, an int
 * in a list[float], a subclass) is the general loop's. */
CVal plain_list_item(Version *v, const char *item, char elem)
{
    const char *t = new_temp(v, elem);
    if (elem == 'f') {
        stop_if(v, arena_printf(v->a, "!PyFloat_CheckExact(%s)", item));
        emit(v, arena_printf(v->a, "%s = PyFloat_AS_DOUBLE(%s);", t, item));
        return (CVal){t, 'f', false, false, 0};
    }
    if (elem == 'b') {
        stop_if(v, arena_printf(v->a, "%s != Py_True && %s != Py_False", item, item));
        emit(v, arena_printf(v->a, "%s = %s == Py_True;", t, item));
        return (CVal){t, 'b', false, false, 0};
    }
    const char *w = new_temp(v, 'w');
    stop_if(v, arena_printf(v->a, "!PyLong_CheckExact(%s) || !spy_long__small_value(%s, &%s)",
                            item, item, w));
    emit(v, arena_printf(v->a, "%s = %s;", t, w)); /* at most 60 bits: small */
    return (CVal){t, 'i', true, false, 0};
}

/* s[i] of a str: its code point, stopping where the index is out of
 * range (the general code raises the IndexError). */
static CVal str_read(Version *v, VerVar *s, Expr *ix)
{
    const char *pos = array_pos(v, s, ix), *t = new_temp(v, 'c'), *c = plain_var_c(v, s);
    emit(v, arena_printf(v->a, "%s = (int32_t)PyUnicode_READ(%s_kind, %s, %s);", t, c, c, pos));
    return (CVal){t, 'c', false, false, 0};
}

static CVal array_read(Version *v, Expr *e)
{
    VerVar *str = str_var_of(v, e->u.subscript.value, V_STR);
    if (str)
        return str_read(v, str, e->u.subscript.index);
    VerVar *arr = sequence_of(v, e->u.subscript.value);
    if (!arr || plain_kind(e->type) != arr->elem)
        return fail(v);
    const char *pos = array_pos(v, arr, e->u.subscript.index);
    const char *elt = arena_printf(v->a, "%s[%s]", plain_var_c(v, arr), pos);
    if (arr->kind == V_LIST)
        return plain_list_item(v, elt, arr->elem);
    if (arr->elem != 'i')
        return (CVal){elt, arr->elem, false, false, 0};
    const char *t = new_temp(v, 'i');
    stop_if(v, arena_printf(v->a, "!SPY_INT_IS_SMALL(%s)", elt));
    emit(v, arena_printf(v->a, "%s = SPY_INT_VAL(%s);", t, elt));
    return (CVal){t, 'i', true, false, 0};
}

/* a ** b of two int literals (2**32 in `x % 2**32`), when it is an int
 * that fits int64_t. */
static CVal literal_pow(Version *v, CVal a, CVal b)
{
    if (!a.is_lit || !b.is_lit || b.lit < 0)
        return fail(v); /* a negative exponent makes a float */
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
        return fail(v);
    const char *r = new_temp(v, 'i');
    if ((op == OP_ADD || op == OP_SUB) && a.small && b.small) {
        /* two values within +-2**62 cannot overflow 64 bits */
        emit(v, arena_printf(v->a, "%s = %s %s %s;", r, a.c, op == OP_ADD ? "+" : "-", b.c));
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
        return fail(v);
    if (op == OP_DIV)
        stop_if(v, arena_printf(v->a, "%s == 0.0", b.c)); /* ZeroDivisionError */
    return (CVal){arena_printf(v->a, "(%s %s %s)", a.c, ops, b.c), 'f', false, false, 0};
}

/* An int operand of float arithmetic: converted as int.__float__ does
 * (exact up to 2**53, then round-half-even, as a C conversion rounds). */
static CVal as_float(Version *v, CVal x)
{
    if (x.kind != 'i')
        return x;
    return (CVal){arena_printf(v->a, "(double)%s", x.c), 'f', false, false, 0};
}

static void exact_as_double(Version *v, CVal x)
{
    if (!(x.is_lit && x.lit >= -(INT64_C(1) << 53) && x.lit <= (INT64_C(1) << 53)))
        stop_if(v, arena_printf(v->a, "%s < -(INT64_C(1) << 53) || %s > (INT64_C(1) << 53)",
                                x.c, x.c));
}

static CVal gen_binop(Version *v, Expr *e)
{
    char k = plain_kind(e->type);
    CVal a = gen_expr(v, e->u.binop.left);
    CVal b = gen_expr(v, e->u.binop.right);
    if (k == 'f' && a.kind == 'i' && b.kind == 'i' && e->u.binop.op == OP_DIV) {
        /* int / int is the correctly rounded quotient: the same as the
         * doubles' quotient only while both convert exactly */
        exact_as_double(v, a);
        exact_as_double(v, b);
    }
    if (k == 'f') {
        a = as_float(v, a);
        b = as_float(v, b);
    }
    if (v->failed || a.kind != k || b.kind != k)
        return fail(v);
    if (k == 'i')
        return int_binop(v, e->u.binop.op, a, b);
    if (k == 'f')
        return float_binop(v, e->u.binop.op, a, b);
    return fail(v);
}

static CVal gen_unary(Version *v, Expr *e)
{
    CVal x = gen_expr(v, e->u.unary.operand);
    char k = plain_kind(e->type);
    switch (e->u.unary.op) {
    case UOP_NOT:
        if (x.kind == 'c')
            return fail(v); /* a character is a non-empty str */
        return (CVal){arena_printf(v->a, "(!%s)", x.c), 'b', false, false, 0};
    case UOP_POS:
        return x.kind == k && k != 'b' ? x : fail(v);
    case UOP_NEG:
        if (x.kind != k)
            return fail(v);
        if (k == 'f')
            return (CVal){arena_printf(v->a, "(-%s)", x.c), 'f', false, false, 0};
        if (k == 'i' && x.small)
            return (CVal){arena_printf(v->a, "(-%s)", x.c), 'i', false, false, 0};
        if (k == 'i') {
            const char *r = new_temp(v, 'i');
            stop_if(v, arena_printf(v->a, "__builtin_sub_overflow(0, %s, &%s)", x.c, r));
            return (CVal){r, 'i', false, false, 0};
        }
        return fail(v);
    case UOP_INVERT:
        if (x.kind != 'i' || k != 'i')
            return fail(v);
        return (CVal){arena_printf(v->a, "(~%s)", x.c), 'i', x.small, false, 0};
    default:
        return fail(v);
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
        return fail(v);
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
        return fail(v);
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
        return fail(v);
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
    CVal a = gen_expr(v, operands[0]);
    if (n == 1 && (e->u.compare.ops[0] == CMP_IN || e->u.compare.ops[0] == CMP_NOT_IN) &&
        operands[1]->kind == EX_STR)
        return char_in(v, e->u.compare.ops[0], a, operands[1]);
    const char *all = NULL;
    for (int i = 0; i < n && !v->failed; i++) {
        CVal b = gen_expr(v, operands[i + 1]);
        CVal link = compare_pair(v, e->u.compare.ops[i], a, b);
        all = all ? arena_printf(v->a, "(%s && %s)", all, link.c) : link.c;
        a = b;
    }
    return v->failed ? fail(v) : (CVal){all, 'b', false, false, 0};
}

/* `a and b`: b's statements run only when a holds, as b is only
 * evaluated then. */
static CVal gen_boolop(Version *v, Expr *e)
{
    if (plain_kind(e->type) != 'b')
        return fail(v);
    const char *r = new_temp(v, 'b'), *outer = v->indent;
    bool and = e->u.boolop.op == BOOL_AND;
    const char *closes = "";
    for (int i = 0; i < e->u.boolop.values.n; i++) {
        CVal x = gen_expr(v, e->u.boolop.values.v[i]);
        if (x.kind != 'b')
            return fail(v);
        emit(v, arena_printf(v->a, "%s = %s;", r, x.c));
        if (i + 1 < e->u.boolop.values.n) {
            emit(v, arena_printf(v->a, "if (%s%s) {", and ? "" : "!", r));
            v->indent = arena_printf(v->a, "%s    ", v->indent);
            closes = arena_printf(v->a, "%s}", closes);
        }
    }
    for (int i = (int)strlen(closes); i > 0; i--) {
        v->indent = arena_strndup(v->a, v->indent, strlen(v->indent) - 4);
        emit(v, "}");
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
        return fail(v);
    char k = plain_kind(e->type);
    CVal a = gen_expr(v, e->u.call.args[0]->value);
    if (is_builtin_call(e, "ord", 1)) {
        if (a.kind != 'c')
            return fail(v);
        /* an int64_t variable: compared with 2**40, an int32_t draws
         * -Wtype-limits */
        const char *r = new_temp(v, 'i');
        emit(v, arena_printf(v->a, "%s = %s;", r, a.c));
        return (CVal){r, 'i', true, false, 0};
    }
    if (v->failed || a.kind != k || (k != 'i' && k != 'f'))
        return fail(v);
    if (is_abs) {
        if (k == 'f')
            return (CVal){arena_printf(v->a, "fabs(%s)", a.c), 'f', false, false, 0};
        const char *r = new_temp(v, 'i');
        if (!a.small)
            stop_if(v, arena_printf(v->a, "%s == INT64_MIN", a.c));
        emit(v, arena_printf(v->a, "%s = %s < 0 ? -%s : %s;", r, a.c, a.c, a.c));
        return (CVal){r, 'i', false, false, 0}; /* abs(-2**62) is not small */
    }
    CVal b = gen_expr(v, e->u.call.args[1]->value);
    if (v->failed || b.kind != k)
        return fail(v);
    if (strcmp(a.c, b.c) == 0) /* min(x, x) is x (and no self-comparison) */
        return a;
    const char *r = new_temp(v, k);
    emit(v, arena_printf(v->a, "%s = %s %s %s ? %s : %s;", r, b.c, is_min ? "<" : ">", a.c, b.c,
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
        return fail(v);
    const char *args = "";
    for (int i = 0; i < f->n_params; i++) {
        Expr *x = call_arg(call, f, i);
        CVal a = x ? gen_expr(v, x) : fail(v);
        char want = plain_kind(f->params[i].type);
        if (a.kind == 'i' && want == 'f')
            a = (CVal){arena_printf(v->a, "(double)%s", a.c), 'f', false, false, 0};
        if (v->failed || a.kind != want)
            return fail(v);
        if (a.kind == 'i' && !a.small)
            stop_if(v, arena_printf(v->a, "%s < SPY_INT_MIN_SMALL || %s > SPY_INT_MAX_SMALL",
                                    a.c, a.c));
        args = arena_printf(v->a, "%s, %s", args, a.c);
    }
    char k = plain_kind(f->ret);
    const char *r = new_temp(v, k);
    emit(v, arena_printf(v->a, "%s = %s(st, depth + 1%s);", r, name, args));
    stop_if(v, arena_printf(v->a, k == 'f' ? "isnan(%s)" : k == 'b' ? "%s == 2" : "%s == INT64_MIN",
                            r));
    v->n_self_calls += f == v->spec;
    v->uses_state = true;
    if (f != v->spec && !note_callee(v, f))
        return fail(v);
    return (CVal){r, k, false, false, 0};
}

static CVal gen_expr(Version *v, Expr *e)
{
    if (v->failed)
        return fail(v);
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
            return gen_expr(v, g->const_value); /* a Final constant */
        VerVar *gl = g && g->kind == SYM_GLOBAL ? global_of(v, g) : NULL;
        if (gl) { /* unbound, not an int or big: the general code's */
            const char *c = plain_var_c(v, gl);
            stop_if(v, arena_printf(v->a, "!SPY_INT_IS_SMALL(%s)", c));
            return (CVal){arena_printf(v->a, "SPY_INT_VAL(%s)", c), 'i', true, false, 0};
        }
        VerVar *x = var_of(v, e), *ch = x ? NULL : str_var_of(v, e, V_CHAR);
        if (ch) { /* -1: not one character when the copy began */
            stop_if(v, arena_printf(v->a, "%s < 0", plain_var_c(v, ch)));
            return (CVal){plain_var_c(v, ch), 'c', false, false, 0};
        }
        if (!x || x->kind == V_ARRAY || x->kind == V_LIST)
            return fail(v); /* a sequence as a value: only read through */
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
            arr = str_var_of(v, seq, V_STR);
        if (!arr)
            return fail(v);
        return (CVal){arena_printf(v->a, "%s_len", plain_var_c(v, arr)), 'i', true, false, 0};
    }
    default:
        return fail(v);
    }
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
    CVal x = gen_expr(v, e);
    if (x.kind == 'c')
        return fail(v).c;
    if (x.kind == 'i' || x.kind == 'f')
        return arena_printf(v->a, "%s != 0", x.c);
    return unparen(v, x.c);
}

/* ---- statements ------------------------------------------------------------------ */


/* Stores x (of the variable's kind) into a local of the copy.  A machine
 * int's values were shown to fit int64_t; the copy computes them exactly
 * or stops. */
static void store_var(Version *v, VerVar *x, CVal val)
{
    char k = x->kind == V_BOOL ? 'b' : x->kind == V_FLOAT ? 'f' : x->kind == V_CHAR ? 'c'
           : x->kind == V_ARRAY || x->kind == V_LIST || x->kind == V_STR ? 0 : 'i';
    if (!k || val.kind != k) {
        fail(v);
        return;
    }
    x->assigned = true;
    if (x->kind == V_TAGGED && !val.small)
        stop_if(v, arena_printf(v->a, "%s < SPY_INT_MIN_SMALL || %s > SPY_INT_MAX_SMALL",
                                val.c, val.c));
    if (strcmp(val.c, plain_var_c(v, x)) != 0) /* `y = y` (clang's -Wself-assign) */
        emit(v, arena_printf(v->a, "%s = %s;", plain_var_c(v, x), val.c));
    if (x->kind == V_CHAR) /* written back only if set */
        emit(v, arena_printf(v->a, "%s_set = 1;", plain_var_c(v, x)));
}

static void store_elem(Version *v, VerVar *arr, const char *pos, CVal val)
{
    if (val.kind != arr->elem) {
        fail(v);
        return;
    }
    const char *elt = arena_printf(v->a, "%s[%s]", plain_var_c(v, arr), pos);
    if (arr->elem != 'i') {
        emit(v, arena_printf(v->a, "%s = %s;", elt, val.c));
        return;
    }
    /* the element released would be a big int: the general path does it */
    if (!val.small)
        stop_if(v, arena_printf(v->a, "%s < SPY_INT_MIN_SMALL || %s > SPY_INT_MAX_SMALL",
                                val.c, val.c));
    stop_if(v, arena_printf(v->a, "!SPY_INT_IS_SMALL(%s)", elt));
    emit(v, arena_printf(v->a, "%s = SPY_INT_SMALL(%s);", elt, val.c));
}

static void gen_assign(Version *v, Expr *target, Expr *value)
{
    CVal val = gen_expr(v, value);
    if (v->failed)
        return;
    if (target->kind == EX_SUBSCRIPT) {
        VerVar *arr = array_of(v, target->u.subscript.value);
        if (!arr)
            return (void)fail(v);
        store_elem(v, arr, array_pos(v, arr, target->u.subscript.index), val);
        return;
    }
    VerVar *x = var_of(v, target);
    if (!x && val.kind == 'c')
        x = str_var_of(v, target, V_CHAR);
    if (!x)
        return (void)fail(v);
    store_var(v, x, val);
}

static CVal combine(Version *v, BinOp op, CVal a, CVal b, char k)
{
    if (a.kind != k || b.kind != k)
        return fail(v);
    return k == 'i' ? int_binop(v, op, a, b) : k == 'f' ? float_binop(v, op, a, b) : fail(v);
}

static void gen_augassign(Version *v, Stmt *s)
{
    Expr *target = s->u.augassign.target;
    BinOp op = s->u.augassign.op;
    char k = plain_kind(target->type);
    if (target->kind == EX_SUBSCRIPT) {
        VerVar *arr = array_of(v, target->u.subscript.value);
        if (!arr || arr->elem != k)
            return (void)fail(v);
        const char *pos = array_pos(v, arr, target->u.subscript.index);
        const char *elt = arena_printf(v->a, "%s[%s]", plain_var_c(v, arr), pos);
        CVal old = {elt, k, false, false, 0};
        if (k == 'i') {
            old.c = new_temp(v, 'i');
            stop_if(v, arena_printf(v->a, "!SPY_INT_IS_SMALL(%s)", elt));
            emit(v, arena_printf(v->a, "%s = SPY_INT_VAL(%s);", old.c, elt));
            old.small = true;
        }
        CVal val = combine(v, op, old, gen_expr(v, s->u.augassign.value), k);
        if (!v->failed)
            store_elem(v, arr, pos, val);
        return;
    }
    VerVar *x = var_of(v, target);
    if (!x)
        return (void)fail(v);
    CVal old = gen_expr(v, target);
    CVal val = combine(v, op, old, gen_expr(v, s->u.augassign.value), k);
    if (!v->failed)
        store_var(v, x, val);
}

static void gen_if(Version *v, Stmt *s)
{
    const char *outer = v->indent;
    emit(v, arena_printf(v->a, "if (%s) {", plain_test(v, s->u.if_.test)));
    v->indent = arena_printf(v->a, "%s    ", outer);
    plain_block(v, &s->u.if_.body);
    v->indent = outer;
    if (s->u.if_.orelse.n) {
        emit(v, "} else {");
        v->indent = arena_printf(v->a, "%s    ", outer);
        plain_block(v, &s->u.if_.orelse);
        v->indent = outer;
    }
    emit(v, "}");
}

/* The text of a statement's first line, for a comment. */
static const char *first_line(ModCtx *m, Span span)
{
    size_t len;
    src_line(m->tm->ast->src, (int)span.line, &len);
    Span to = span;
    to.end_line = span.line;
    to.end_col = (uint32_t)len;
    while (to.end_col > span.col + 1 && strchr(" \t\r", src_line(m->tm->ast->src, (int)span.line,
                                                                   &len)[to.end_col - 1]))
        to.end_col--;
    return source_text(m, span, to);
}

/* One statement, a resume point of its own. */
static void gen_stmt(Version *v, Stmt *s)
{
    if (v->n_resume == VER_MAX_STMTS) {
        fail(v);
        return;
    }
    int k = v->n_resume;
    v->resume[v->n_resume++] = s;
    v->stop = v->bail ? v->bail : arena_printf(v->a, "{ resume = %d; goto out; }", RESUME_STMT + k);
    emit(v, arena_printf(v->a, "/* %s:%d: %s */", v->l->m->tm->ast->src->path, (int)s->span.line,
                         first_line(v->l->m, s->span)));
    switch (s->kind) {
    case ST_ASSIGN:
        if (s->u.assign.targets.n != 1)
            return (void)fail(v);
        gen_assign(v, s->u.assign.targets.v[0], s->u.assign.value);
        break;
    case ST_AUGASSIGN: gen_augassign(v, s); break;
    case ST_IF: gen_if(v, s); break;
    case ST_PASS: break;
    case ST_BREAK: emit(v, arena_printf(v->a, "resume = %d; goto out;", RESUME_BREAK)); break;
    case ST_CONTINUE: emit(v, "continue;"); break;
    case ST_RETURN: {
        CVal r = v->spec && s->u.ret.value ? gen_expr(v, s->u.ret.value) : fail(v);
        char want = v->spec ? plain_kind(v->spec->ret) : 0;
        if (want == 'f')
            r = as_float(v, r);
        if (r.kind != want || want == 'b')
            return (void)fail(v);
        emit(v, arena_printf(v->a, "return %s;", r.c));
        break;
    }
    default: fail(v); break;
    }
}

void plain_block(Version *v, StmtList *b)
{
    for (int i = 0; i < b->n && !v->failed; i++)
        gen_stmt(v, b->v[i]);
}

Version plain_new(Lower *l, const char *indent)
{
    return (Version){.l = l, .a = l->m->a, .body = "", .indent = indent, .temps = ""};
}


bool plain_mentions(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = strstr(text, name); p; p = strstr(p + 1, name)) {
        bool start = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
        bool end = !(isalnum((unsigned char)p[n]) || p[n] == '_');
        if (start && end)
            return true;
    }
    return false;
}
