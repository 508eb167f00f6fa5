/*
 * plain_gen.c — plain-value copies of Python code: C text on int64_t,
 * bools, doubles, code points and C arrays (plain.h) for int, bool, float
 * and str locals, native arrays, typed lists, module global ints: the
 * copy's variables and statements (assignments, if, break, continue,
 * return); plain_expr.c writes the expressions.
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

void plain_emit(Version *v, const char *s)
{
    v->body = arena_printf(v->a, "%s%s%s\n", v->body, v->indent, s);
}

const char *plain_temp(Version *v, char kind)
{
    const char *name = arena_printf(v->a, "t%d", v->n_temps++);
    const char *ctype = kind == 'i' ? "int64_t" : kind == 'f' ? "double"
                      : kind == 'w' ? "Py_ssize_t" : kind == 'c' ? "int32_t" : "char";
    v->temps = arena_printf(v->a, "%s    %s %s;\n", v->temps, ctype, name);
    return name;
}

CVal plain_fail(Version *v)
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
VerVar *plain_var_of(Version *v, const Expr *e)
{
    const TcSymbol *s = e->kind == EX_NAME ? e->sema : NULL;
    if (!s || s->kind != SYM_LOCAL || s->captured || s->rebound || e->maybe_unbound)
        return NULL;
    for (int i = 0; i < v->n_vars; i++)
        if (v->vars[i].sym == s) /* str locals: str_var_of */
            return v->vars[i].kind == V_STR || v->vars[i].kind == V_CHAR ? NULL : &v->vars[i];
    return v->l->bound_regs[s->index] ? NULL : plain_add_var(v, s);
}

/* A str local as the copy uses it: V_STR, only indexed and measured, or
 * V_CHAR, holding one character; registered on first use as `want`.  NULL
 * when it is not a str local or was registered as the other kind. */
VerVar *plain_str_var_of(Version *v, const Expr *e, VarKind want)
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

void plain_stop_if(Version *v, const char *cond)
{
    plain_emit(v, arena_printf(v->a, "if (SPY_UNLIKELY(%s)) %s", cond, v->stop));
}

/* An element of a list[int|float|bool]: only an exact int that is small,
 * an exact float or a bool is read here; anything else (a big int, an int
 * in a list[float], a subclass) is the general loop's. */
CVal plain_list_item(Version *v, const char *item, char elem)
{
    const char *t = plain_temp(v, elem);
    if (elem == 'f') {
        plain_stop_if(v, arena_printf(v->a, "!PyFloat_CheckExact(%s)", item));
        plain_emit(v, arena_printf(v->a, "%s = PyFloat_AS_DOUBLE(%s);", t, item));
        return (CVal){t, 'f', false, false, 0};
    }
    if (elem == 'b') {
        plain_stop_if(v, arena_printf(v->a, "%s != Py_True && %s != Py_False", item, item));
        plain_emit(v, arena_printf(v->a, "%s = %s == Py_True;", t, item));
        return (CVal){t, 'b', false, false, 0};
    }
    const char *w = plain_temp(v, 'w');
    plain_stop_if(v, arena_printf(v->a, "!PyLong_CheckExact(%s) || !spy_long__small_value(%s, &%s)",
                            item, item, w));
    plain_emit(v, arena_printf(v->a, "%s = %s;", t, w)); /* at most 60 bits: small */
    return (CVal){t, 'i', true, false, 0};
}

/* Stores x (of the variable's kind) into a local of the copy.  A machine
 * int's values were shown to fit int64_t; the copy computes them exactly
 * or stops. */
static void store_var(Version *v, VerVar *x, CVal val)
{
    char k = x->kind == V_BOOL ? 'b' : x->kind == V_FLOAT ? 'f' : x->kind == V_CHAR ? 'c'
           : x->kind == V_ARRAY || x->kind == V_LIST || x->kind == V_STR ? 0 : 'i';
    if (!k || val.kind != k) {
        plain_fail(v);
        return;
    }
    x->assigned = true;
    if (x->kind == V_TAGGED && !val.small)
        plain_stop_if(v, arena_printf(v->a, "%s < SPY_INT_MIN_SMALL || %s > SPY_INT_MAX_SMALL",
                                val.c, val.c));
    if (strcmp(val.c, plain_var_c(v, x)) != 0) /* `y = y` (clang's -Wself-assign) */
        plain_emit(v, arena_printf(v->a, "%s = %s;", plain_var_c(v, x), val.c));
    if (x->kind == V_CHAR) /* written back only if set */
        plain_emit(v, arena_printf(v->a, "%s_set = 1;", plain_var_c(v, x)));
}

static void store_elem(Version *v, VerVar *arr, const char *pos, CVal val)
{
    if (val.kind != arr->elem) {
        plain_fail(v);
        return;
    }
    const char *elt = arena_printf(v->a, "%s[%s]", plain_var_c(v, arr), pos);
    if (arr->elem != 'i') {
        plain_emit(v, arena_printf(v->a, "%s = %s;", elt, val.c));
        return;
    }
    /* the element released would be a big int: the general path does it */
    if (!val.small)
        plain_stop_if(v, arena_printf(v->a, "%s < SPY_INT_MIN_SMALL || %s > SPY_INT_MAX_SMALL",
                                val.c, val.c));
    plain_stop_if(v, arena_printf(v->a, "!SPY_INT_IS_SMALL(%s)", elt));
    plain_emit(v, arena_printf(v->a, "%s = SPY_INT_SMALL(%s);", elt, val.c));
}

static VerVar *array_of(Version *v, Expr *e)
{
    VerVar *x = plain_var_of(v, e);
    return x && x->kind == V_ARRAY ? x : NULL;
}

static void gen_assign(Version *v, Expr *target, Expr *value)
{
    CVal val = plain_expr(v, value);
    if (v->failed)
        return;
    if (target->kind == EX_SUBSCRIPT) {
        VerVar *arr = array_of(v, target->u.subscript.value);
        if (!arr)
            return (void)plain_fail(v);
        store_elem(v, arr, plain_array_pos(v, arr, target->u.subscript.index), val);
        return;
    }
    VerVar *x = plain_var_of(v, target);
    if (!x && val.kind == 'c')
        x = plain_str_var_of(v, target, V_CHAR);
    if (!x)
        return (void)plain_fail(v);
    store_var(v, x, val);
}

static void gen_augassign(Version *v, Stmt *s)
{
    Expr *target = s->u.augassign.target;
    BinOp op = s->u.augassign.op;
    char k = plain_kind(target->type);
    if (target->kind == EX_SUBSCRIPT) {
        VerVar *arr = array_of(v, target->u.subscript.value);
        if (!arr || arr->elem != k)
            return (void)plain_fail(v);
        const char *pos = plain_array_pos(v, arr, target->u.subscript.index);
        const char *elt = arena_printf(v->a, "%s[%s]", plain_var_c(v, arr), pos);
        CVal old = {elt, k, false, false, 0};
        if (k == 'i') {
            old.c = plain_temp(v, 'i');
            plain_stop_if(v, arena_printf(v->a, "!SPY_INT_IS_SMALL(%s)", elt));
            plain_emit(v, arena_printf(v->a, "%s = SPY_INT_VAL(%s);", old.c, elt));
            old.small = true;
        }
        CVal val = plain_binop(v, op, old, plain_expr(v, s->u.augassign.value), k);
        if (!v->failed)
            store_elem(v, arr, pos, val);
        return;
    }
    VerVar *x = plain_var_of(v, target);
    if (!x)
        return (void)plain_fail(v);
    CVal old = plain_expr(v, target);
    CVal val = plain_binop(v, op, old, plain_expr(v, s->u.augassign.value), k);
    if (!v->failed)
        store_var(v, x, val);
}

static void gen_if(Version *v, Stmt *s)
{
    const char *outer = v->indent;
    plain_emit(v, arena_printf(v->a, "if (%s) {", plain_test(v, s->u.if_.test)));
    v->indent = arena_printf(v->a, "%s    ", outer);
    plain_block(v, &s->u.if_.body);
    v->indent = outer;
    if (s->u.if_.orelse.n) {
        plain_emit(v, "} else {");
        v->indent = arena_printf(v->a, "%s    ", outer);
        plain_block(v, &s->u.if_.orelse);
        v->indent = outer;
    }
    plain_emit(v, "}");
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
        plain_fail(v);
        return;
    }
    int k = v->n_resume;
    v->resume[v->n_resume++] = s;
    v->stop = v->bail ? v->bail : arena_printf(v->a, "{ resume = %d; goto out; }", RESUME_STMT + k);
    plain_emit(v, arena_printf(v->a, "/* %s:%d: %s */", v->l->m->tm->ast->src->path, (int)s->span.line,
                         first_line(v->l->m, s->span)));
    switch (s->kind) {
    case ST_ASSIGN:
        if (s->u.assign.targets.n != 1)
            return (void)plain_fail(v);
        gen_assign(v, s->u.assign.targets.v[0], s->u.assign.value);
        break;
    case ST_AUGASSIGN: gen_augassign(v, s); break;
    case ST_IF: gen_if(v, s); break;
    case ST_PASS: break;
    case ST_BREAK: plain_emit(v, arena_printf(v->a, "resume = %d; goto out;", RESUME_BREAK)); break;
    case ST_CONTINUE: plain_emit(v, "continue;"); break;
    case ST_RETURN: {
        CVal r = v->spec && s->u.ret.value ? plain_expr(v, s->u.ret.value) : plain_fail(v);
        char want = v->spec ? plain_kind(v->spec->ret) : 0;
        if (want == 'f')
            r = plain_as_float(v, r);
        if (r.kind != want || want == 'b')
            return (void)plain_fail(v);
        plain_emit(v, arena_printf(v->a, "return %s;", r.c));
        break;
    }
    default: plain_fail(v); break;
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
