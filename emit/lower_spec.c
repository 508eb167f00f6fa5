/*
 * lower_spec.c — copies of pure functions on plain C values.
 *
 * `def fib(n: int) -> int` pays a tag test and an overflow check per
 * operation and an error test per call.  A module function of int, float
 * and bool parameters returning int or float, made of ifs, returns,
 * int/bool/float locals, arithmetic and calls to such functions, is
 * written again by plain_gen.c as f_<name>__spec(st, depth, ...) on
 * int64_t (small ints), double and char.  Its work has no effect but its
 * result, so it needs no hand-over point: INT64_MIN (for a float result,
 * NaN) means "compute this call again with the general function" (an int
 * left the small range, a division by zero, the recursion is too deep).
 *
 * Loop copies call these copies (so a kernel calling a small function
 * stays plain C), and a recursive function tries its own copy first at
 * its entry.  Giving up costs at most one recomputation per level of the
 * recursion that gave up; a legitimate NaN or INT64_MIN result merely
 * costs a recomputation.
 */
#include "emit/plain.h"

/* Local declarations of a function's copy: parameters are its C
 * parameters, other variables start at zero (none is read unbound). */
enum { SPEC_UNKNOWN, SPEC_IN_PROGRESS, SPEC_NONE, SPEC_MADE };

static const char *ctype_of(char kind)
{
    return kind == 'b' ? "char" : kind == 'f' ? "double" : "int64_t";
}

/* Local declarations of a function's copy: parameters are its C
 * parameters, other variables start at zero (none is read unbound). */
static const char *spec_decls(Version *v, int n_params)
{
    const char *decls = "";
    for (int i = n_params; i < v->n_vars; i++) {
        const VerVar *x = &v->vars[i];
        const char *ctype = x->kind == V_BOOL ? "char" : x->kind == V_FLOAT ? "double" : "int64_t";
        decls = arena_printf(v->a, "%s    %s %s = 0;\n", decls, ctype, plain_var_c(v, x));
    }
    /* a parameter the body ignores, a local only assigned: no warning */
    for (int i = 0; i < v->n_vars; i++)
        decls = arena_printf(v->a, "%s    (void)%s;\n", decls, plain_var_c(v, &v->vars[i]));
    return decls;
}

static const char *spec_text(Version *v, const char *name, int n_params)
{
    const TcFunc *tf = v->spec;
    char rk = plain_kind(tf->ret);
    const char *params = "", *failed = rk == 'f' ? "NAN" : "INT64_MIN";
    for (int i = 0; i < n_params; i++)
        params = arena_printf(v->a, "%s, %s %s", params, ctype_of(plain_kind(tf->params[i].type)),
                              plain_var_c(v, &v->vars[i]));
    return arena_printf(v->a,
        "/* %s:%d: def %s\n"
        " * on plain C values while its ints are small: its work has no effect but\n"
        " * its result, so %s (an int left the small range, a division by zero,\n"
        " * the recursion is too deep) means \"compute it again with the general\n"
        " * function\". */\n"
        "static %s %s(SpyModState *st, int depth%s)\n{\n"
        "    if (SPY_UNLIKELY(depth > st->depth_limit))\n        return %s;\n"
        "%s%s%s    return %s;\n}\n\n",
        v->l->m->tm->ast->src->path, (int)tf->def->span.line, tf->name, failed, ctype_of(rk),
        name, params, failed, spec_decls(v, n_params), v->temps, v->body, failed);
}

/* A module function of int, float and bool parameters returning int or
 * float. */
static bool spec_candidate(const TcFunc *tf)
{
    if (!tf || tf->cls || tf->is_module_body || tf->is_generator || tf->interpreted ||
        tf->decorated || tf->varargs || tf->varkw || !tf->def || !tf->ret ||
        (tf->ret->kind != TY_INT && tf->ret->kind != TY_FLOAT) || tf->n_params == 0 ||
        tf->n_params > VER_MAX_VARS)
        return false;
    for (int i = 0; i < tf->n_params; i++) {
        const TcSymbol *s = tf->params[i].sym;
        if (!s || s->captured || s->rebound || !plain_kind(tf->params[i].type))
            return false;
    }
    return true;
}

/* Writes f's copy; false when its body is not made of what a copy can
 * hold. */
static bool make_spec(ModCtx *m, const TcFunc *f, const char *name)
{
    Version v = plain_new(lower_scratch(m, f), "    ");
    v.bail = plain_kind(f->ret) == 'f' ? "return NAN;" : "return INT64_MIN;";
    v.spec = f;
    v.spec_name = name;
    for (int i = 0; i < f->n_params; i++) {
        VerVar *x = plain_add_var(&v, f->params[i].sym);
        VarKind want = plain_kind(f->params[i].type) == 'i' ? V_TAGGED
                     : plain_kind(f->params[i].type) == 'f' ? V_FLOAT : V_BOOL;
        if (!x || x->kind != want)
            return false;
    }
    plain_block(&v, &f->def->u.funcdef.body);
    if (v.failed)
        return false;
    int id = func_id(m, f);
    m->spec_texts[id] = spec_text(&v, name, f->n_params);
    m->spec_recursive[id] = v.n_self_calls > 0;
    m->spec_callees[id] = ARENA_ARRAY(m->a, const TcFunc *, v.n_callees ? v.n_callees : 1);
    for (int i = 0; i < v.n_callees; i++)
        m->spec_callees[id][i] = v.callees[i];
    m->n_spec_callees[id] = v.n_callees;
    return true;
}

void lower_spec_emit(ModCtx *m, const TcFunc *f)
{
    int id = func_id(m, f);
    if (!m->spec_texts[id])
        return; /* printed already, or none */
    const char *text = m->spec_texts[id];
    m->spec_texts[id] = NULL;
    for (int i = 0; i < m->n_spec_callees[id]; i++)
        lower_spec_emit(m, m->spec_callees[id][i]);
    module_helper(m, text);
}

const char *lower_spec_of(ModCtx *m, const TcFunc *f)
{
    if (!spec_candidate(f))
        return NULL;
    int id = func_id(m, f);
    switch (m->spec_state[id]) {
    case SPEC_MADE: return m->spec_names[id];
    case SPEC_UNKNOWN: break;
    default: return NULL; /* none, or being written: mutual recursion */
    }
    m->spec_state[id] = SPEC_IN_PROGRESS;
    const char *name = arena_printf(m->a, "%s__spec", func_cname(m->a, f));
    bool made = make_spec(m, f, name);
    m->spec_state[id] = made ? SPEC_MADE : SPEC_NONE;
    m->spec_names[id] = made ? name : NULL;
    return m->spec_names[id];
}

/* A recursive function tries its copy first: if every int argument is
 * small, the copy's result unless it gave up. */
void lower_spec_entry(Lower *l)
{
    const TcFunc *tf = l->tf;
    const char *name = lower_spec_of(l->m, tf);
    if (!name || !l->m->spec_recursive[func_id(l->m, tf)])
        return;
    IrReg *args[VER_MAX_VARS];
    const char *tags = "", *vals = "";
    for (int i = 0; i < tf->n_params; i++) {
        args[i] = l->local_regs[tf->params[i].sym->index];
        if (args[i]->rep == REP_INT) {
            const char *x = ir_operand(l->m->a, i);
            tags = arena_printf(l->m->a, "%s%s%s", tags, *tags ? " | " : "", x);
            vals = arena_printf(l->m->a, "%s, SPY_INT_VAL(%s)", vals, x);
        } else if (args[i]->rep == REP_FLOAT || args[i]->rep == REP_BOOL) {
            vals = arena_printf(l->m->a, "%s, %s", vals, ir_operand(l->m->a, i));
        } else {
            return; /* the int64_t clone (lower_clone.c) */
        }
    }
    lower_spec_emit(l->m, tf);
    bool is_float = plain_kind(tf->ret) == 'f';
    const char *failed = is_float ? "NAN" : "INT64_MIN";
    const char *call = arena_printf(l->m->a, "%s(st, depth%s)", name, vals);
    if (*tags)
        call = arena_printf(l->m->a, "(SPY_INT_IS_SMALL(%s) ? %s : %s)", tags, call, failed);
    l->line = (int)tf->def->span.line;
    IrReg *r = emit_call(l, call, is_float ? REP_FLOAT : REP_I64, ERR_NEVER, args, tf->n_params);
    IrBlock *done = ir_block(l->f), *general = ir_block(l->f);
    emit_branch(l, emit_call(l, is_float ? "(char)!isnan(%0)" : "(char)(%0 != INT64_MIN)",
                             REP_BOOL, ERR_NEVER, &r, 1), done, general);
    l->cur = done;
    emit_assign(l, l->f->retval,
                is_float ? r : emit_call(l, "spy_int_from_i64", REP_INT, ERR_INT, &r, 1));
    emit_goto(l, l->f->exit_ok);
    l->cur = general;
}
