/*
 * lower_version.c — loop versioning: an innermost `while` loop whose ints
 * stay small runs on plain int64_t, bools, doubles and C arrays.
 *
 * An `int` local is a tagged word, so `while j <= limit: flags[j] = False;
 * j += i` tests tags, checks overflow and tests for errors at every step.
 * When the loop body is made only of what this file can write in plain C
 * (int, bool and float locals, native arrays, arithmetic, comparisons, if,
 * break, continue), lowering writes a second copy of the loop as a helper
 * function and calls it before the general loop:
 *
 *  - the helper starts only when every tagged int it uses is small (so
 *    also bound); it copies them into int64_t variables;
 *  - every int it stores back into such a variable is checked to be in the
 *    small range, so writing it back is only a shift;
 *  - at anything it cannot do (an overflow, an index out of range, a
 *    division by zero, a big int in an int array, a small int that becomes
 *    big) it stops *before* the statement has any effect, writes its
 *    variables back and returns the number of that statement;
 *  - the caller then jumps to the same statement of the general loop,
 *    which does exactly what the interpreter would: raise, or go on with
 *    big ints.
 *
 * Expressions of the copy only read locals and arrays, so evaluating a
 * statement's expressions and then stopping is invisible.  The helper's
 * return value: 0 the loop ended (its else clause runs), 1 break, 2 resume
 * at the loop's test, 3 + k resume at statement k of `resume`.
 */
#include "emit/lower.h"

#include <string.h>

/* %0..%9: the IR's call templates name at most ten operands, three of
 * which a range loop's counter, stop and flag may take. */
enum { VER_MAX_OPERANDS = 10, VER_MAX_VARS = 7, VER_MAX_STMTS = 64 };
enum { RESUME_DONE, RESUME_BREAK, RESUME_TEST, RESUME_STMT };

typedef enum VarKind { V_TAGGED, V_MACHINE, V_BOOL, V_FLOAT, V_ARRAY } VarKind;

typedef struct VerVar {
    const TcSymbol *sym;
    VarKind kind;
    char elem;           /* V_ARRAY: 'b', 'f' or 'i' */
    bool assigned;
    bool elements_read;  /* V_ARRAY: indexed, not only measured by len() */
    bool is_target;      /* a range loop's variable: set by each iteration,
                            written back once one has begun */
} VerVar;

/* A C value of the copy: int64_t ('i'), char 0/1 ('b') or double ('f'). */
typedef struct CVal {
    const char *c;
    char kind;
    bool small;          /* 'i' known to be in the tagged small range */
    bool is_lit;
    int64_t lit;
} CVal;

typedef struct Version {
    Lower *l;
    Arena *a;
    VerVar vars[VER_MAX_VARS];
    int n_vars;
    Stmt *resume[VER_MAX_STMTS];
    int n_resume;
    const char *body;    /* C statements of the loop */
    const char *indent;
    const char *temps;   /* declarations */
    int n_temps;
    const char *stop;    /* the statement stopping at the current resume point */
    const char *bail;    /* a function's copy: how every statement stops */
    const TcFunc *spec;  /* a function's copy: that function (calls to it
                            go to the copy) */
    int n_self_calls;
    bool failed;         /* something the copy cannot do */
} Version;

static void emit(Version *v, const char *s)
{
    v->body = arena_printf(v->a, "%s%s%s\n", v->body, v->indent, s);
}

static const char *new_temp(Version *v, char kind)
{
    const char *name = arena_printf(v->a, "t%d", v->n_temps++);
    const char *ctype = kind == 'i' ? "int64_t" : kind == 'f' ? "double" : "char";
    v->temps = arena_printf(v->a, "%s    %s %s;\n", v->temps, ctype, name);
    return name;
}

static CVal fail(Version *v)
{
    v->failed = true;
    return (CVal){"0", 'i', false, false, 0};
}

static char kind_of_type(const TyType *t)
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

static const char *var_c(Version *v, const VerVar *x)
{
    return cg_ident(v->a, "v_", x->sym->name);
}

/* A new variable of the copy; NULL when the copy cannot hold it. */
static VerVar *add_var(Version *v, const TcSymbol *s)
{
    if (v->n_vars == VER_MAX_VARS)
        return NULL;
    IrReg *r = v->l->local_regs[s->index];
    VerVar x = {.sym = s};
    char k = kind_of_type(s->type);
    if (r->rep == REP_INT && k == 'i')
        x.kind = V_TAGGED;
    else if (r->rep == REP_I64 && k == 'i')
        x.kind = V_MACHINE;
    else if (r->rep == REP_BOOL && k == 'b')
        x.kind = V_BOOL;
    else if (r->rep == REP_FLOAT && k == 'f')
        x.kind = V_FLOAT;
    else if (r->rep == REP_OBJ && s->native_array && s->type->kind == TY_LIST)
        x.kind = V_ARRAY, x.elem = kind_of_type(s->type->args[0]);
    else
        return NULL;
    if (x.kind == V_ARRAY && !x.elem)
        return NULL;
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
        if (v->vars[i].sym == s)
            return &v->vars[i];
    return v->l->bound_regs[s->index] ? NULL : add_var(v, s);
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

/* arr[ix]: the checked element position, as list indexing finds it. */
static const char *array_pos(Version *v, VerVar *arr, Expr *ix)
{
    CVal i = gen_expr(v, ix);
    if (i.kind != 'i')
        return fail(v).c;
    const char *t = new_temp(v, 'i'), *n = arena_printf(v->a, "%s_len", var_c(v, arr));
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

static CVal array_read(Version *v, Expr *e)
{
    VerVar *arr = array_of(v, e->u.subscript.value);
    if (!arr || kind_of_type(e->type) != arr->elem)
        return fail(v);
    const char *pos = array_pos(v, arr, e->u.subscript.index);
    const char *elt = arena_printf(v->a, "%s[%s]", var_c(v, arr), pos);
    if (arr->elem != 'i')
        return (CVal){elt, arr->elem, false, false, 0};
    const char *t = new_temp(v, 'i');
    stop_if(v, arena_printf(v->a, "!SPY_INT_IS_SMALL(%s)", elt));
    emit(v, arena_printf(v->a, "%s = SPY_INT_VAL(%s);", t, elt));
    return (CVal){t, 'i', true, false, 0};
}

static CVal int_binop(Version *v, BinOp op, CVal a, CVal b)
{
    if (op == OP_POW || op == OP_DIV || op == OP_MATMUL)
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

static CVal gen_binop(Version *v, Expr *e)
{
    char k = kind_of_type(e->type);
    CVal a = gen_expr(v, e->u.binop.left);
    CVal b = gen_expr(v, e->u.binop.right);
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
    char k = kind_of_type(e->type);
    switch (e->u.unary.op) {
    case UOP_NOT:
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

static CVal gen_compare(Version *v, Expr *e)
{
    if (e->u.compare.n_ops != 1)
        return fail(v);
    CmpOp op = e->u.compare.ops[0];
    CVal a = gen_expr(v, e->u.compare.operands.v[0]);
    CVal b = gen_expr(v, e->u.compare.operands.v[1]);
    if (op > CMP_GE || a.kind != b.kind || (a.kind == 'b' && op != CMP_EQ && op != CMP_NE))
        return fail(v);
    if (strcmp(a.c, b.c) == 0) /* `y > y`: C compilers warn of a self-comparison */
        return self_compare(v, op, a);
    return (CVal){arena_printf(v->a, "(%s %s %s)", a.c, ast_cmpop_str(op), b.c), 'b', false,
                  false, 0};
}

/* `a and b`: b's statements run only when a holds, as b is only
 * evaluated then. */
static CVal gen_boolop(Version *v, Expr *e)
{
    if (kind_of_type(e->type) != 'b')
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

static bool is_len_call(const Expr *e)
{
    const Expr *fn = e->u.call.func;
    const TcSymbol *s = fn->kind == EX_NAME ? fn->sema : NULL;
    return s && s->kind == SYM_BUILTIN && strcmp(s->name, "len") == 0 &&
           e->u.call.n_args == 1 && !e->u.call.args[0]->name;
}

/* A function's copy calling that function: its copy, with every
 * argument in the small range (what the copy assumes of its parameters). */
static CVal gen_self_call(Version *v, Expr *e)
{
    const TcCall *call = e->sema;
    if (!call || call->kind != CALL_NATIVE || call->target != v->spec)
        return fail(v);
    const char *args = "";
    for (int i = 0; i < v->spec->n_params; i++) {
        if (!call->slots[i])
            return fail(v); /* a default value */
        CVal a = gen_expr(v, call->slots[i]);
        if (a.kind != 'i')
            return fail(v);
        if (!a.small)
            stop_if(v, arena_printf(v->a, "%s < SPY_INT_MIN_SMALL || %s > SPY_INT_MAX_SMALL",
                                    a.c, a.c));
        args = arena_printf(v->a, "%s, %s", args, a.c);
    }
    const char *r = new_temp(v, 'i');
    emit(v, arena_printf(v->a, "%s = %s__spec(st, depth + 1%s);", r,
                         func_cname(v->a, v->spec), args));
    stop_if(v, arena_printf(v->a, "%s == INT64_MIN", r));
    v->n_self_calls++;
    return (CVal){r, 'i', false, false, 0};
}

static CVal gen_expr(Version *v, Expr *e)
{
    if (v->failed)
        return fail(v);
    switch (e->kind) {
    case EX_INT:
        if (!e->u.int_lit.fits_i64)
            return fail(v);
        return (CVal){arena_printf(v->a, "INT64_C(%lld)", (long long)e->u.int_lit.value), 'i',
                      in_small_range(e->u.int_lit.value), true, e->u.int_lit.value};
    case EX_FLOAT:
        return (CVal){float_text(v->a, e->u.float_lit.value), 'f', false, false, 0};
    case EX_TRUE: return (CVal){"1", 'b', false, false, 0};
    case EX_FALSE: return (CVal){"0", 'b', false, false, 0};
    case EX_NAME: {
        VerVar *x = var_of(v, e);
        if (!x || x->kind == V_ARRAY)
            return fail(v);
        char k = x->kind == V_BOOL ? 'b' : x->kind == V_FLOAT ? 'f' : 'i';
        return (CVal){var_c(v, x), k, x->kind == V_TAGGED, false, 0};
    }
    case EX_BINOP: return gen_binop(v, e);
    case EX_UNARY: return gen_unary(v, e);
    case EX_COMPARE: return gen_compare(v, e);
    case EX_BOOLOP: return gen_boolop(v, e);
    case EX_SUBSCRIPT: return array_read(v, e);
    case EX_CALL: {
        if (v->spec && !is_len_call(e))
            return gen_self_call(v, e);
        VerVar *arr = is_len_call(e) ? array_of(v, e->u.call.args[0]->value) : NULL;
        if (!arr)
            return fail(v);
        return (CVal){arena_printf(v->a, "%s_len", var_c(v, arr)), 'i', true, false, 0};
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
static const char *gen_test(Version *v, Expr *e)
{
    CVal x = gen_expr(v, e);
    if (x.kind == 'i' || x.kind == 'f')
        return arena_printf(v->a, "%s != 0", x.c);
    return unparen(v, x.c);
}

/* ---- statements ------------------------------------------------------------------ */

static void gen_block(Version *v, StmtList *b);

/* Stores x (of the variable's kind) into a local of the copy.  A machine
 * int's values were shown to fit int64_t; the copy computes them exactly
 * or stops. */
static void store_var(Version *v, VerVar *x, CVal val)
{
    char k = x->kind == V_BOOL ? 'b' : x->kind == V_FLOAT ? 'f' : x->kind == V_ARRAY ? 0 : 'i';
    if (!k || val.kind != k) {
        fail(v);
        return;
    }
    x->assigned = true;
    if (x->kind == V_TAGGED && !val.small)
        stop_if(v, arena_printf(v->a, "%s < SPY_INT_MIN_SMALL || %s > SPY_INT_MAX_SMALL",
                                val.c, val.c));
    emit(v, arena_printf(v->a, "%s = %s;", var_c(v, x), val.c));
}

static void store_elem(Version *v, VerVar *arr, const char *pos, CVal val)
{
    if (val.kind != arr->elem) {
        fail(v);
        return;
    }
    const char *elt = arena_printf(v->a, "%s[%s]", var_c(v, arr), pos);
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
    char k = kind_of_type(target->type);
    if (target->kind == EX_SUBSCRIPT) {
        VerVar *arr = array_of(v, target->u.subscript.value);
        if (!arr || arr->elem != k)
            return (void)fail(v);
        const char *pos = array_pos(v, arr, target->u.subscript.index);
        const char *elt = arena_printf(v->a, "%s[%s]", var_c(v, arr), pos);
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
    emit(v, arena_printf(v->a, "if (%s) {", gen_test(v, s->u.if_.test)));
    v->indent = arena_printf(v->a, "%s    ", outer);
    gen_block(v, &s->u.if_.body);
    v->indent = outer;
    if (s->u.if_.orelse.n) {
        emit(v, "} else {");
        v->indent = arena_printf(v->a, "%s    ", outer);
        gen_block(v, &s->u.if_.orelse);
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
        if (r.kind != 'i')
            return (void)fail(v);
        emit(v, arena_printf(v->a, "return %s;", r.c));
        break;
    }
    default: fail(v); break;
    }
}

static void gen_block(Version *v, StmtList *b)
{
    for (int i = 0; i < b->n && !v->failed; i++)
        gen_stmt(v, b->v[i]);
}

/* ---- the helper ------------------------------------------------------------------- */

/* Assigned variables are passed by address, the others by value. */
static const char *param_decl(Version *v, const VerVar *x)
{
    static const char *const ctype[] = {[V_TAGGED] = "SpyInt", [V_MACHINE] = "int64_t",
                                        [V_BOOL] = "char", [V_FLOAT] = "double"};
    if (x->kind == V_MACHINE && !x->assigned)
        return arena_printf(v->a, "int64_t %s", var_c(v, x));
    if (x->kind == V_ARRAY)
        return cg_ident(v->a, "PyObject *p_", x->sym->name);
    return arena_printf(v->a, "%s%s%s", ctype[x->kind], x->assigned ? " *" : " ",
                        cg_ident(v->a, "p_", x->sym->name));
}

/* What the helper reads of a parameter. */
static const char *param_value(Version *v, const VerVar *x)
{
    return arena_printf(v->a, "%s%s", x->assigned ? "*" : "", cg_ident(v->a, "p_", x->sym->name));
}

/* Copy-in of a variable; the entry test of tagged ones is written apart. */
static const char *load_var(Version *v, const VerVar *x)
{
    const char *c = var_c(v, x), *p = param_value(v, x);
    static const char *const elem_type[] = {['b'] = "unsigned char", ['f'] = "double",
                                            ['i'] = "SpyInt"};
    static const char *const member[] = {['b'] = "b", ['f'] = "f", ['i'] = "i"};
    if (x->is_target)
        return arena_printf(v->a, "    int64_t %s = 0;\n", c);
    switch (x->kind) {
    case V_TAGGED: return arena_printf(v->a, "    int64_t %s = SPY_INT_VAL(%s);\n", c, p);
    case V_MACHINE:
        return x->assigned ? arena_printf(v->a, "    int64_t %s = %s;\n", c, p) : "";
    case V_BOOL: return arena_printf(v->a, "    char %s = %s;\n", c, p);
    case V_FLOAT: return arena_printf(v->a, "    double %s = %s;\n", c, p);
    case V_ARRAY:
        return arena_printf(v->a, "    %s *%s = SPY_ARR(%s)->u.%s;\n"
                                  "    int64_t %s_len = Py_SIZE(%s);\n%s",
                            elem_type[(int)x->elem], c, p, member[(int)x->elem], c, p,
                            x->elements_read ? "" : arena_printf(v->a, "    (void)%s;\n", c));
    }
    return "";
}

static const char *store_back(Version *v, const VerVar *x)
{
    if (!x->assigned)
        return "";
    const char *c = var_c(v, x), *p = cg_ident(v->a, "p_", x->sym->name);
    if (x->is_target && x->kind == V_TAGGED) /* its old value may be big or unbound */
        return arena_printf(v->a, "    if (loop_entered) {\n        spy_int_xdecref(*%s);\n"
                                  "        *%s = SPY_INT_SMALL(%s);\n    }\n", p, p, c);
    if (x->is_target)
        return arena_printf(v->a, "    if (loop_entered)\n        *%s = %s;\n", p, c);
    if (x->kind == V_TAGGED)
        return arena_printf(v->a, "    *%s = SPY_INT_SMALL(%s);\n", p, c);
    return arena_printf(v->a, "    *%s = %s;\n", p, c);
}

/* The loop's own part of the helper: `for (;;)` with the while test, or
 * the range counter (its variables, loads, write-backs and loop head). */
typedef struct LoopHead {
    const char *params, *loads, *stores;
    const char *head;    /* from `for (` to the body */
    const char *tail;    /* after the loop: how exhaustion sets resume */
    const char *what;    /* the Python loop header, for the comment */
} LoopHead;

static const char *helper_text(Version *v, const char *name, Stmt *s, const LoopHead *h)
{
    Arena *a = v->a;
    const char *params = h->params, *tags = NULL, *arrays = NULL, *loads = h->loads,
               *stores = h->stores;
    for (int i = 0; i < v->n_vars; i++) {
        const VerVar *x = &v->vars[i];
        const char *p = param_value(v, x);
        params = arena_printf(a, "%s%s%s", params, *params ? ", " : "", param_decl(v, x));
        if (x->kind == V_TAGGED && !x->is_target)
            tags = tags ? arena_printf(a, "%s | %s", tags, p) : p;
        if (x->kind == V_ARRAY)
            arrays = arena_printf(a, "%s%s!%s", arrays ? arrays : "", arrays ? " || " : "", p);
        loads = arena_printf(a, "%s%s", loads, load_var(v, x));
        stores = arena_printf(a, "%s%s", stores, store_back(v, x));
    }
    const char *entry = "";
    if (tags)
        entry = arena_printf(a, "    if ((%s) & 1)\n        return %d;\n", tags, RESUME_TEST);
    if (arrays)
        entry = arena_printf(a, "%s    if (%s)\n        return %d;\n", entry, arrays, RESUME_TEST);
    return arena_printf(a,
        "/* %s:%d: %s:\n"
        " * on plain C values while its ints are small.  Returns %d when the loop\n"
        " * ends, %d at break, else where the general loop resumes: %d its test,\n"
        " * %d + k its k-th statement. */\n"
        "static int %s(%s)\n{\n%s%s%s    int resume;\n    for (%s%s    }\n%sout:\n%s"
        "    return resume;\n}\n\n",
        v->l->m->tm->ast->src->path, (int)s->span.line, h->what, RESUME_DONE, RESUME_BREAK,
        RESUME_TEST, RESUME_STMT, name, params, entry, loads, v->temps, h->head, v->body,
        h->tail, stores);
}

/* ---- lowering --------------------------------------------------------------------- */

/* The call of the helper: the extra operands (a range loop's counter by
 * address, its stop, the address of its variable's "assigned" flag), then
 * the variables, assigned ones by address. */
static IrReg *call_helper(Lower *l, Version *v, const char *name, IrReg **extra, int n_extra)
{
    IrReg *args[VER_MAX_OPERANDS];
    const char *call = arena_printf(v->a, "%s(", name);
    for (int i = 0; i < n_extra; i++) {
        args[i] = extra[i];
        call = arena_printf(v->a, "%s%s%%%d", call, i == 0 ? "&" : i == 1 ? ", " : ", &", i);
    }
    for (int i = 0; i < v->n_vars; i++) {
        const VerVar *x = &v->vars[i];
        int j = n_extra + i;
        args[j] = l->local_regs[x->sym->index];
        call = arena_printf(v->a, "%s%s%s%%%d", call, j ? ", " : "", x->assigned ? "&" : "", j);
    }
    call = arena_printf(v->a, "%s)", call);
    return emit_call(l, call, REP_CINT, ERR_NEVER, args, n_extra + v->n_vars);
}

/* Goes to `to` when r == k, else on in a new block. */
static void dispatch(Lower *l, IrReg *r, int k, IrBlock *to, bool cold)
{
    IrBlock *next = ir_block(l->f);
    next->cold = cold;
    IrReg *is = emit_call(l, arena_printf(l->m->a, "(char)(%%0 == %d)", k), REP_BOOL, ERR_NEVER,
                          &r, 1);
    emit_branch(l, is, to, next);
    l->cur = next;
}

static bool worth_it(const Version *v)
{
    /* without tagged ints or arrays the general loop is as good */
    for (int i = 0; i < v->n_vars; i++)
        if (v->vars[i].kind == V_TAGGED || v->vars[i].kind == V_ARRAY)
            return true;
    return false;
}

/* The helper, its call (extra: the loop's own operands, first) and the
 * jumps to the general loop. */
static LoopResume *emit_version(Lower *l, Version *v, Stmt *s, const LoopHead *h, IrReg **extra,
                                int n_extra, IrBlock *test, IrBlock *orelse, IrBlock *brk)
{
    const char *name = arena_printf(v->a, "spy_loop_%d", l->m->n_helpers + 1);
    module_helper(l->m, helper_text(v, name, s, h));
    LoopResume *res = arena_alloc(v->a, sizeof *res);
    res->n = v->n_resume;
    res->stmts = ARENA_ARRAY(v->a, Stmt *, v->n_resume ? v->n_resume : 1);
    res->blocks = ARENA_ARRAY(v->a, IrBlock *, v->n_resume ? v->n_resume : 1);
    IrReg *r = call_helper(l, v, name, extra, n_extra);
    dispatch(l, r, RESUME_DONE, orelse, false);
    dispatch(l, r, RESUME_BREAK, brk, true);
    for (int k = 0; k < v->n_resume; k++) {
        res->stmts[k] = v->resume[k];
        res->blocks[k] = ir_block(l->f);
        dispatch(l, r, RESUME_STMT + k, res->blocks[k], true);
    }
    emit_goto(l, test); /* RESUME_TEST */
    return res;
}

static Version new_version(Lower *l)
{
    return (Version){.l = l, .a = l->m->a, .body = "", .indent = "        ", .temps = ""};
}

LoopResume *lower_loop_version(Lower *l, Stmt *s, IrBlock *test, IrBlock *orelse,
                               IrBlock *done)
{
    if (!l->cur)
        return NULL;
    Version v = new_version(l);
    v.stop = arena_printf(v.a, "{ resume = %d; goto out; }", RESUME_TEST);
    const char *test_c = gen_test(&v, s->u.while_.test);
    const char *test_stmts = v.body;
    v.body = "";
    gen_block(&v, &s->u.while_.body);
    if (v.failed || !worth_it(&v))
        return NULL;
    LoopHead h = {
        .params = "", .loads = "", .stores = "",
        .head = arena_printf(v.a, ";;) {\n%s        if (!(%s)) {\n            resume = %d;\n"
                                  "            goto out;\n        }\n",
                             test_stmts, test_c, RESUME_DONE),
        .tail = "",
        .what = arena_printf(v.a, "while %s", source_text(l->m, s->u.while_.test->span,
                                                          s->u.while_.test->span)),
    };
    return emit_version(l, &v, s, &h, NULL, 0, test, orelse, done);
}

LoopResume *lower_for_version(Lower *l, Stmt *s, IrReg *counter, IrReg *stop, IrBlock *test,
                              IrBlock *orelse, IrBlock *brk)
{
    const TcSymbol *k = s->u.for_.target->kind == EX_NAME ? s->u.for_.target->sema : NULL;
    if (!l->cur || !k || k->kind != SYM_LOCAL || k->captured || k->rebound)
        return NULL;
    bool tagged = counter->rep == REP_INT;
    IrReg *bound = l->bound_regs[k->index]; /* k may be read unbound after the loop */
    Version v = new_version(l);
    VerVar *target = add_var(&v, k);
    if (!target || target->kind != (tagged ? V_TAGGED : V_MACHINE))
        return NULL;
    target->is_target = true;
    gen_block(&v, &s->u.for_.body);
    if (v.failed || !worth_it(&v))
        return NULL;
    target->assigned = true;
    const char *kc = var_c(&v, target);
    LoopHead h = {
        .params = tagged ? "SpyInt *p_loop_i, SpyInt p_loop_stop"
                         : "int64_t *p_loop_i, int64_t loop_stop",
        .loads = tagged ? arena_printf(v.a, "    if ((*p_loop_i | p_loop_stop) & 1)\n"
                                            "        return %d;\n"
                                            "    int64_t loop_i = SPY_INT_VAL(*p_loop_i);\n"
                                            "    int64_t loop_stop = SPY_INT_VAL(p_loop_stop);\n"
                                            "    char loop_entered = 0;\n", RESUME_TEST)
                        : "    int64_t loop_i = *p_loop_i;\n    char loop_entered = 0;\n",
        .stores = tagged ? "    *p_loop_i = SPY_INT_SMALL(loop_i);\n" : "    *p_loop_i = loop_i;\n",
        .head = arena_printf(v.a, "; loop_i < loop_stop; loop_i++) {\n        %s = loop_i;\n"
                                  "        loop_entered = 1;\n", kc),
        .tail = arena_printf(v.a, "    resume = %d;\n", RESUME_DONE),
        .what = arena_printf(v.a, "for %s in %s", k->name,
                             source_text(l->m, s->u.for_.iter->span, s->u.for_.iter->span)),
    };
    if (bound) {
        /* set once an iteration has begun */
        const char *flag = cg_ident(v.a, "p_", arena_printf(v.a, "%s__assigned", k->name));
        h.params = arena_printf(v.a, "%s, char *%s", h.params, flag);
        h.stores = arena_printf(v.a, "%s    if (loop_entered)\n        *%s = 1;\n", h.stores, flag);
    }
    return emit_version(l, &v, s, &h, (IrReg *[]){counter, stop, bound}, bound ? 3 : 2, test,
                        orelse, brk);
}

void lower_resume_point(Lower *l, const Stmt *s)
{
    for (int k = 0; k < l->resume->n; k++)
        if (l->resume->stmts[k] == s) {
            start_block(l, l->resume->blocks[k]);
            return;
        }
}

/* ---- a recursive function's copy ------------------------------------------------- */

/* Local declarations of a function's copy: parameters are its C
 * parameters, other variables start at zero (none is read unbound). */
static const char *spec_decls(Version *v, int n_params)
{
    const char *decls = "";
    for (int i = n_params; i < v->n_vars; i++) {
        const VerVar *x = &v->vars[i];
        const char *ctype = x->kind == V_BOOL ? "char" : x->kind == V_FLOAT ? "double" : "int64_t";
        decls = arena_printf(v->a, "%s    %s %s = 0;\n", decls, ctype, var_c(v, x));
    }
    return decls;
}

static const char *spec_text(Version *v, const char *name, int n_params)
{
    const TcFunc *tf = v->spec;
    const char *params = "";
    for (int i = 0; i < n_params; i++)
        params = arena_printf(v->a, "%s, int64_t %s", params, var_c(v, &v->vars[i]));
    return arena_printf(v->a,
        "/* %s:%d: def %s\n"
        " * on int64_t while its ints are small: its work has no effect but its\n"
        " * result, so INT64_MIN (an int left the small range, the recursion is\n"
        " * too deep) means \"compute it again with the general function\". */\n"
        "static int64_t %s(SpyModState *st, int depth%s)\n{\n"
        "    if (SPY_UNLIKELY(depth > st->depth_limit))\n        return INT64_MIN;\n"
        "%s%s%s    return INT64_MIN;\n}\n\n",
        v->l->m->tm->ast->src->path, (int)tf->def->span.line, tf->name, name, params,
        spec_decls(v, n_params), v->temps, v->body);
}

/* A module function of int parameters returning int whose body the copy
 * can hold: straight-line code, ifs, returns, calls to itself. */
static bool spec_candidate(const Lower *l)
{
    const TcFunc *tf = l->tf;
    if (!tf || tf->cls || tf->is_module_body || tf->is_generator || tf->interpreted ||
        tf->decorated || tf->varargs || tf->varkw || !tf->def || !tf->ret ||
        tf->ret->kind != TY_INT || tf->n_params == 0 || tf->n_params > VER_MAX_OPERANDS)
        return false;
    for (int i = 0; i < tf->n_params; i++) {
        const TcSymbol *s = tf->params[i].sym;
        if (!s || s->captured || s->rebound || l->local_regs[s->index]->rep != REP_INT)
            return false;
    }
    return true;
}

void lower_spec_entry(Lower *l)
{
    if (!spec_candidate(l))
        return;
    const TcFunc *tf = l->tf;
    Version v = {.l = l, .a = l->m->a, .body = "", .indent = "    ", .temps = "",
                 .bail = "return INT64_MIN;", .spec = tf};
    for (int i = 0; i < tf->n_params; i++) {
        VerVar *x = add_var(&v, tf->params[i].sym);
        if (!x || x->kind != V_TAGGED)
            return;
    }
    gen_block(&v, &tf->def->u.funcdef.body);
    if (v.failed || v.n_self_calls == 0)
        return;
    const char *name = arena_printf(v.a, "%s__spec", func_cname(v.a, tf));
    module_helper(l->m, spec_text(&v, name, tf->n_params));

    /* if every int argument is small, the copy; its result unless INT64_MIN */
    IrReg *args[VER_MAX_OPERANDS];
    const char *tags = "", *vals = "";
    for (int i = 0; i < tf->n_params; i++) {
        args[i] = l->local_regs[tf->params[i].sym->index];
        tags = arena_printf(v.a, "%s%s%%%d", tags, i ? " | " : "", i);
        vals = arena_printf(v.a, "%s, SPY_INT_VAL(%%%d)", vals, i);
    }
    l->line = (int)tf->def->span.line;
    IrReg *r = emit_call(l, arena_printf(v.a, "(SPY_INT_IS_SMALL(%s) ? %s(st, depth%s) : INT64_MIN)",
                                         tags, name, vals),
                         REP_I64, ERR_NEVER, args, tf->n_params);
    IrBlock *done = ir_block(l->f), *general = ir_block(l->f);
    emit_branch(l, emit_call(l, "(char)(%0 != INT64_MIN)", REP_BOOL, ERR_NEVER, &r, 1), done,
                general);
    l->cur = done;
    emit_assign(l, l->f->retval, emit_call(l, "spy_int_from_i64", REP_INT, ERR_INT, &r, 1));
    emit_goto(l, l->f->exit_ok);
    l->cur = general;
}
