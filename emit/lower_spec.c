/*
 * lower_spec.c — a recursive function of small ints gets a copy on
 * int64_t, tried first at its entry.
 *
 * `def fib(n: int) -> int` pays a tag test and an overflow check per
 * operation and an error test per call.  A module function of int
 * parameters returning int, made of ifs, returns, int/bool/float locals,
 * arithmetic and calls to itself, is written again by plain_gen.c as
 * f_<name>__spec(st, depth, int64_t ...).  Its work has no effect but its
 * result, so it needs no hand-over point: INT64_MIN means "compute this
 * call again with the general function" (an int left the small range, the
 * recursion is too deep), which the general function's entry then does.
 * Giving up costs at most one recomputation per level of the recursion
 * that gave up.
 */
#include "emit/plain.h"

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
    return decls;
}

static const char *spec_text(Version *v, const char *name, int n_params)
{
    const TcFunc *tf = v->spec;
    const char *params = "";
    for (int i = 0; i < n_params; i++)
        params = arena_printf(v->a, "%s, int64_t %s", params, plain_var_c(v, &v->vars[i]));
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
    Version v = plain_new(l, "    ");
    v.bail = "return INT64_MIN;";
    v.spec = tf;
    for (int i = 0; i < tf->n_params; i++) {
        VerVar *x = plain_add_var(&v, tf->params[i].sym);
        if (!x || x->kind != V_TAGGED)
            return;
    }
    plain_block(&v, &tf->def->u.funcdef.body);
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
