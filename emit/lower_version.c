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
 * at the loop's test, 3 + k resume at statement k of `resume`; -1 an
 * exception (MemoryError making the one-character str a str local holds).
 */
#include "emit/plain.h"

#include <string.h>

/* ---- the helper ------------------------------------------------------------------- */

/* Assigned variables are passed by address, the others by value. */
static const char *param_decl(Version *v, const VerVar *x)
{
    static const char *const ctype[] = {[V_TAGGED] = "SpyInt", [V_MACHINE] = "int64_t",
                                        [V_BOOL] = "char", [V_FLOAT] = "double"};
    if (x->kind == V_MACHINE && !x->assigned)
        return arena_printf(v->a, "int64_t %s", plain_var_c(v, x));
    if (x->kind == V_ARRAY || x->kind == V_LIST || x->kind == V_STR)
        return cg_ident(v->a, "PyObject *p_", x->sym->name);
    if (x->kind == V_CHAR)
        return cg_ident(v->a, x->assigned ? "PyObject **p_" : "PyObject *p_", x->sym->name);
    if (x->kind == V_GLOBAL)
        return arena_printf(v->a, "SpyInt %s", plain_var_c(v, x));
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
    const char *c = plain_var_c(v, x), *p = param_value(v, x);
    static const char *const elem_type[] = {['b'] = "unsigned char", ['f'] = "double",
                                            ['i'] = "SpyInt"};
    static const char *const member[] = {['b'] = "b", ['f'] = "f", ['i'] = "i"};
    if (x->is_target) /* set by each iteration before any read */
        return arena_printf(v->a, "    %s %s = 0;\n", x->kind == V_FLOAT ? "double"
                                                       : x->kind == V_BOOL ? "char" : "int64_t", c);
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
    case V_LIST: /* the copy runs no code that could change the list */
        return arena_printf(v->a, "    PyObject **%s = ((PyListObject *)%s)->ob_item;\n"
                                  "    int64_t %s_len = PyList_GET_SIZE(%s);\n%s",
                            c, p, c, p,
                            x->elements_read ? "" : arena_printf(v->a, "    (void)%s;\n", c));
    case V_STR: /* the copy runs no code that could change a str */
        return arena_printf(v->a, "    const void *%s = PyUnicode_DATA(%s);\n"
                                  "    int %s_kind = PyUnicode_KIND(%s);\n"
                                  "    int64_t %s_len = PyUnicode_GET_LENGTH(%s);\n%s",
                            c, p, c, p, c, p,
                            x->elements_read ? ""
                            : arena_printf(v->a, "    (void)%s;\n    (void)%s_kind;\n", c, c));
    case V_CHAR:
        return arena_printf(v->a, "    int32_t %s = spy_str_char_of(%s);\n%s", c, p,
                            x->assigned ? arena_printf(v->a, "    char %s_set = 0;\n", c) : "");
    case V_GLOBAL: /* the parameter itself */
        return "";
    }
    return "";
}

static const char *store_back(Version *v, const VerVar *x)
{
    if (!x->assigned)
        return "";
    const char *c = plain_var_c(v, x), *p = cg_ident(v->a, "p_", x->sym->name);
    if (x->is_target && x->kind == V_TAGGED) /* its old value may be big or unbound */
        return arena_printf(v->a, "    if (loop_entered) {\n        spy_int_xdecref(*%s);\n"
                                  "        *%s = SPY_INT_SMALL(%s);\n    }\n", p, p, c);
    if (x->is_target)
        return arena_printf(v->a, "    if (loop_entered)\n        *%s = %s;\n", p, c);
    if (x->kind == V_TAGGED)
        return arena_printf(v->a, "    *%s = SPY_INT_SMALL(%s);\n", p, c);
    if (x->kind == V_CHAR) /* a str to make: MemoryError is possible */
        return arena_printf(v->a, "    if (%s_set && spy_str_store_char(%s, %s) < 0)\n"
                                  "        resume = -1;\n", c, p, c);
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
    if (v->uses_state) /* it calls functions' copies */
        params = arena_printf(a, "SpyModState *st, int depth%s%s", *params ? ", " : "", params);
    for (int i = 0; i < v->n_vars; i++) {
        const VerVar *x = &v->vars[i];
        const char *p = param_value(v, x);
        params = arena_printf(a, "%s%s%s", params, *params ? ", " : "", param_decl(v, x));
        if (x->kind == V_TAGGED && !x->is_target)
            tags = tags ? arena_printf(a, "%s | %s", tags, p) : p;
        if (x->kind == V_ARRAY)
            arrays = arena_printf(a, "%s%s!%s", arrays ? arrays : "", arrays ? " || " : "", p);
        if (x->kind == V_LIST) /* a subclass may index otherwise */
            arrays = arena_printf(a, "%s%s!%s || !PyList_CheckExact(%s)", arrays ? arrays : "",
                                  arrays ? " || " : "", p, p);
        if (x->kind == V_STR)
            arrays = arena_printf(a, "%s%s!%s || !spy_str_plain(%s)", arrays ? arrays : "",
                                  arrays ? " || " : "", p, p);
        loads = arena_printf(a, "%s%s", loads, load_var(v, x));
        if (!x->assigned && x->kind != V_ARRAY && x->kind != V_LIST && x->kind != V_STR &&
            !plain_mentions(v->body, plain_var_c(v, x)) && !plain_mentions(h->head, plain_var_c(v, x)))
            loads = arena_printf(a, "%s    (void)%s;\n", loads, plain_var_c(v, x)); /* `y = y` */
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
    const char *call = arena_printf(v->a, "%s(%s", name,
                                    !v->uses_state ? "" : n_extra + v->n_vars ? "st, depth, "
                                                                              : "st, depth");
    for (int i = 0; i < n_extra; i++) {
        args[i] = extra[i];
        call = arena_printf(v->a, "%s%s%s", call, i == 0 ? "&" : i == 1 ? ", " : ", &",
                            ir_operand(v->a, i));
    }
    int n = n_extra;
    for (int i = 0; i < v->n_vars; i++) {
        const VerVar *x = &v->vars[i];
        const char *sep = n_extra + i ? ", " : "";
        if (x->kind == V_GLOBAL) {
            int k = const_name(l->m, x->sym->name);
            call = arena_printf(v->a, "%s%sspy_peek_global_int(st->globals, st->builtins, %s, "
                                      "&st->g[%d])", call, sep, const_ref(l->m, k),
                                global_cache_slot(l->m, k));
            continue;
        }
        args[n] = l->local_regs[x->sym->index];
        call = arena_printf(v->a, "%s%s%s%s", call, sep, x->assigned ? "&" : "",
                            ir_operand(v->a, n));
        n++;
    }
    call = arena_printf(v->a, "%s)", call);
    bool makes_str = false; /* writing a character back can fail */
    for (int i = 0; i < v->n_vars; i++)
        makes_str |= v->vars[i].kind == V_CHAR && v->vars[i].assigned;
    return emit_call(l, call, REP_CINT, makes_str ? ERR_NEG : ERR_NEVER, args, n);
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
    /* without tagged ints, arrays, lists or calls the general loop is as
     * good */
    for (int i = 0; i < v->n_vars; i++)
        if (v->vars[i].kind == V_TAGGED || v->vars[i].kind == V_ARRAY ||
            v->vars[i].kind == V_LIST || v->vars[i].kind == V_STR)
            return true;
    return v->uses_state;
}

/* The helper, its call (extra: the loop's own operands, first) and the
 * jumps to the general loop. */
static LoopResume *emit_version(Lower *l, Version *v, Stmt *s, const LoopHead *h, IrReg **extra,
                                int n_extra, IrBlock *test, IrBlock *orelse, IrBlock *brk)
{
    for (int i = 0; i < v->n_callees; i++)
        lower_spec_emit(l->m, v->callees[i]);
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


LoopResume *lower_loop_version(Lower *l, Stmt *s, IrBlock *test, IrBlock *orelse,
                               IrBlock *done)
{
    if (!l->cur)
        return NULL;
    Version v = plain_new(l, "        ");
    v.stop = arena_printf(v.a, "{ resume = %d; goto out; }", RESUME_TEST);
    const char *test_c = plain_test(&v, s->u.while_.test);
    const char *test_stmts = v.body;
    v.body = "";
    plain_block(&v, &s->u.while_.body);
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

/* The loop variable's "assigned" flag, when it may be read unbound after
 * the loop: set once an iteration has begun. */
static void flag_param(Version *v, LoopHead *h, const TcSymbol *k, IrReg *bound)
{
    if (!bound)
        return;
    const char *flag = cg_ident(v->a, "p_", arena_printf(v->a, "%s__assigned", k->name));
    h->params = arena_printf(v->a, "%s, char *%s", h->params, flag);
    h->stores = arena_printf(v->a, "%s    if (loop_entered)\n        *%s = 1;\n", h->stores, flag);
}

/* The loop variable of a for statement, if the copy can hold it. */
static VerVar *loop_target(Lower *l, Version *v, Stmt *s)
{
    const TcSymbol *k = s->u.for_.target->kind == EX_NAME ? s->u.for_.target->sema : NULL;
    if (!l->cur || !k || k->kind != SYM_LOCAL || k->captured || k->rebound)
        return NULL;
    VerVar *x = plain_add_var(v, k);
    if (x)
        x->is_target = true;
    return x;
}

LoopResume *lower_for_version(Lower *l, Stmt *s, IrReg *counter, IrReg *stop, IrBlock *test,
                              IrBlock *orelse, IrBlock *brk)
{
    bool tagged = counter->rep == REP_INT;
    Version v = plain_new(l, "        ");
    VerVar *target = loop_target(l, &v, s);
    if (!target || target->kind != (tagged ? V_TAGGED : V_MACHINE))
        return NULL;
    const TcSymbol *k = target->sym;
    IrReg *bound = l->bound_regs[k->index]; /* k may be read unbound after the loop */
    plain_block(&v, &s->u.for_.body);
    if (v.failed || !worth_it(&v))
        return NULL;
    target->assigned = true;
    const char *kc = plain_var_c(&v, target);
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
        .tail = arena_printf(v.a, "    resume = %d;\n    goto out;\n", RESUME_DONE),
        .what = arena_printf(v.a, "for %s in %s", k->name,
                             source_text(l->m, s->u.for_.iter->span, s->u.for_.iter->span)),
    };
    flag_param(&v, &h, k, bound);
    return emit_version(l, &v, s, &h, (IrReg *[]){counter, stop, bound}, bound ? 3 : 2, test,
                        orelse, brk);
}

/* `for ch in text` over an exact str: ch is the character's code point,
 * read from the str's data (a str subclass's items are a list: the
 * general loop's). */
static LoopResume *foreach_str_version(Lower *l, Stmt *s, IrReg *counter, IrReg *seq,
                                       IrBlock *test, IrBlock *orelse, IrBlock *brk)
{
    Version v = plain_new(l, "        ");
    VerVar *target = plain_str_var_of(&v, s->u.for_.target, V_CHAR);
    if (!target)
        return NULL;
    plain_block(&v, &s->u.for_.body);
    if (v.failed)
        return NULL;
    target->assigned = true;
    const char *kc = plain_var_c(&v, target);
    LoopHead h = {
        .params = "int64_t *p_loop_i, PyObject *loop_seq",
        .loads = arena_printf(v.a, "    if (!spy_str_plain(loop_seq))\n        return %d;\n"
                                   "    int64_t loop_i = *p_loop_i;\n"
                                   "    const void *loop_data = PyUnicode_DATA(loop_seq);\n"
                                   "    int loop_kind = PyUnicode_KIND(loop_seq);\n"
                                   "    int64_t loop_len = PyUnicode_GET_LENGTH(loop_seq);\n",
                              RESUME_TEST),
        .stores = "    *p_loop_i = loop_i;\n",
        .head = arena_printf(v.a, "; loop_i < loop_len; loop_i++) {\n"
                                  "        %s = (int32_t)PyUnicode_READ(loop_kind, loop_data, loop_i);\n"
                                  "        %s_set = 1;\n", kc, kc),
        .tail = arena_printf(v.a, "    resume = %d;\n    goto out;\n", RESUME_DONE),
        .what = arena_printf(v.a, "for %s in %s", target->sym->name,
                             source_text(l->m, s->u.for_.iter->span, s->u.for_.iter->span)),
    };
    return emit_version(l, &v, s, &h, (IrReg *[]){counter, seq}, 2, test, orelse, brk);
}

LoopResume *lower_foreach_version(Lower *l, Stmt *s, IrReg *counter, IrReg *seq, bool native,
                                  IrBlock *test, IrBlock *orelse, IrBlock *brk)
{
    if (s->u.for_.iter->type && s->u.for_.iter->type->kind == TY_STR && l->cur)
        return foreach_str_version(l, s, counter, seq, test, orelse, brk);
    Version v = plain_new(l, "        ");
    VerVar *target = loop_target(l, &v, s);
    const TyType *st = s->u.for_.iter->type;
    char elem = st && st->kind == TY_LIST ? plain_kind(st->args[0]) : 0;
    VarKind want = elem == 'i' ? V_TAGGED : elem == 'f' ? V_FLOAT : V_BOOL;
    if (!target || !elem || target->kind != want)
        return NULL;
    /* the element, read at the head: what the copy cannot read is read
     * again by the general loop's head */
    const char *item = native ? (elem == 'i' ? "SPY_INT_VAL(loop_items[loop_i])" : "loop_items[loop_i]")
                              : NULL;
    v.stop = arena_printf(v.a, "{ resume = %d; goto out; }", RESUME_TEST);
    if (native && elem == 'i')
        v.body = arena_printf(v.a, "        if (SPY_UNLIKELY(!SPY_INT_IS_SMALL(loop_items[loop_i]))) %s\n",
                              v.stop);
    if (!native)
        item = plain_list_item(&v, "loop_items[loop_i]", elem).c;
    const char *read = v.body;
    v.body = "";
    plain_block(&v, &s->u.for_.body);
    if (v.failed)
        return NULL;
    target->assigned = true;
    const char *kc = plain_var_c(&v, target);
    static const char *const items[] = {['b'] = "unsigned char", ['f'] = "double", ['i'] = "SpyInt"};
    static const char *const member[] = {['b'] = "b", ['f'] = "f", ['i'] = "i"};
    LoopHead h = {
        .params = "int64_t *p_loop_i, PyObject *loop_seq",
        .loads = native ? arena_printf(v.a, "    int64_t loop_i = *p_loop_i;\n    char loop_entered = 0;\n"
                                            "    %s *loop_items = SPY_ARR(loop_seq)->u.%s;\n"
                                            "    int64_t loop_len = Py_SIZE(loop_seq);\n",
                                       items[(int)elem], member[(int)elem])
                        : arena_printf(v.a, "    if (!PyList_CheckExact(loop_seq))\n        return %d;\n"
                                            "    int64_t loop_i = *p_loop_i;\n    char loop_entered = 0;\n"
                                            "    PyObject **loop_items = ((PyListObject *)loop_seq)->ob_item;\n"
                                            "    int64_t loop_len = PyList_GET_SIZE(loop_seq);\n",
                                       RESUME_TEST),
        .stores = "    *p_loop_i = loop_i;\n",
        .head = arena_printf(v.a, "; loop_i < loop_len; loop_i++) {\n%s        %s = %s;\n"
                                  "        loop_entered = 1;\n", read, kc, item),
        .tail = arena_printf(v.a, "    resume = %d;\n    goto out;\n", RESUME_DONE),
        .what = arena_printf(v.a, "for %s in %s", target->sym->name,
                             source_text(l->m, s->u.for_.iter->span, s->u.for_.iter->span)),
    };
    IrReg *bound = l->bound_regs[target->sym->index];
    flag_param(&v, &h, target->sym, bound);
    return emit_version(l, &v, s, &h, (IrReg *[]){counter, seq, bound}, bound ? 3 : 2, test,
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

