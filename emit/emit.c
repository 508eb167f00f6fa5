/*
 * emit.c — the stage's entry point: lowers every function of a checked
 * module, runs the refcount pass and the IR checks, then writes the C.
 */
#define _DEFAULT_SOURCE /* realpath */
#include "emit/lower.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Parameter names of each function as one contiguous run of interned
 * names, the layout spy_parse_args wants. */
static int param_name_run(ModCtx *m, const TcFunc *f)
{
    int first = m->n_consts;
    for (int i = 0; i < f->n_params; i++) {
        Const *c = ARENA_NEW(m->a, Const);
        c->kind = K_NAME;
        c->s = f->params[i].param->name;
        c->len = strlen(c->s);
        if (m->n_consts == m->cap_consts) {
            int nc = m->cap_consts ? m->cap_consts * 2 : 32;
            Const **nv = ARENA_ARRAY(m->a, Const *, nc);
            if (m->n_consts)
                memcpy(nv, m->consts, sizeof(Const *) * (size_t)m->n_consts);
            m->consts = nv;
            m->cap_consts = nc;
        }
        m->consts[m->n_consts++] = c;
    }
    return first;
}

static void assign_default_slots(ModCtx *m)
{
    TcModule *tm = m->tm;
    m->default_slot = ARENA_ARRAY(m->a, int *, tm->n_funcs ? tm->n_funcs : 1);
    m->param_names = ARENA_ARRAY(m->a, int, tm->n_funcs ? tm->n_funcs : 1);
    for (int i = 0; i < tm->n_funcs; i++) {
        const TcFunc *f = tm->funcs[i];
        m->default_slot[i] = ARENA_ARRAY(m->a, int, f->n_params ? f->n_params : 1);
        for (int j = 0; j < f->n_params; j++) {
            const Expr *d = f->params[j].param->default_value;
            bool literal = d && cg_default_literal(m, d, f->params[j].type) != NULL;
            m->default_slot[i][j] = d && !literal ? m->n_defaults++ : -1;
        }
        m->param_names[i] = param_name_run(m, f);
    }
}

static const char *absolute_path(Arena *a, const char *path)
{
    char buf[PATH_MAX];
    return realpath(path, buf) ? arena_strdup(a, buf) : path;
}

static IrFunc *lower_checked(ModCtx *m, const TcFunc *tf, const EmitOptions *o)
{
    IrFunc *f = lower_function(m, tf);
    refcount_pass(f);
    if (!ir_verify(f)) {
        ir_print(f, stderr);
        fprintf(stderr, "internal error at %s:%d: invalid IR\n", __FILE__, __LINE__);
        abort();
    }
    if (o->dump_ir)
        ir_print(f, o->dump_out ? o->dump_out : stdout);
    return f;
}

int emit_module_c(Arena *a, TcModule *tm, const EmitOptions *opts, FILE *out, DiagList *diags)
{
    ModCtx m = {.a = a, .tm = tm, .d = diags};
    m.src_path = absolute_path(a, tm->ast->src->path);
    int errors_before = diags->n_errors;
    assign_default_slots(&m);
    IrFunc **funcs = ARENA_ARRAY(a, IrFunc *, tm->n_funcs ? tm->n_funcs : 1);
    for (int i = 0; i < tm->n_funcs; i++)
        funcs[i] = lower_checked(&m, tm->funcs[i], opts);
    IrFunc *body = lower_checked(&m, tm->body, opts);
    if (diags->n_errors > errors_before)
        return diags->n_errors - errors_before;
    cg_module(out, &m, funcs, body, opts);
    return 0;
}
