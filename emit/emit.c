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
        const_append(m, c);
    }
    return first;
}

int func_id(const ModCtx *m, const TcFunc *f)
{
    return f->cls ? m->class_first_id[f->cls->index] + f->index : f->index;
}

const char *func_cname(Arena *a, const TcFunc *f)
{
    const TcClass *c = f->cls ? f->cls : f->static_of;
    if (!c)
        return cg_ident(a, "f_", f->name);
    return arena_printf(a, "%s__%s%s", cg_ident(a, "m_", c->name), cg_ident(a, "", f->name),
                        f->is_setter ? "__set" : "");
}

const char *func_wrapper_name(Arena *a, const char *prefix, const TcFunc *f)
{
    if (!f->static_of)
        return cg_ident(a, prefix, f->name);
    return arena_printf(a, "%s__%s", cg_ident(a, prefix, f->static_of->name),
                        cg_ident(a, "", f->name));
}

const char *class_struct(Arena *a, const TcClass *c)
{
    return arena_printf(a, "struct %s", cg_ident(a, "spy_obj_", c->name));
}

static const TcClass *root_of(const TcClass *c)
{
    while (c->base)
        c = c->base;
    return c;
}

int defined_words(const TcModule *tm, const TcClass *c)
{
    int most = 0;
    for (int i = 0; i < tm->n_classes; i++)
        if (!tm->classes[i]->dynamic && root_of(tm->classes[i]) == root_of(c) &&
            tm->classes[i]->n_attrs > most)
            most = tm->classes[i]->n_attrs;
    return (most + 1 + 63) / 64; /* and bit 0 (a Python subclass's instance) */
}

static void number_functions(ModCtx *m)
{
    TcModule *tm = m->tm;
    m->class_first_id = ARENA_ARRAY(m->a, int, tm->n_classes ? tm->n_classes : 1);
    m->n_ids = tm->n_funcs;
    for (int i = 0; i < tm->n_classes; i++) {
        m->class_first_id[i] = m->n_ids;
        m->n_ids += tm->classes[i]->n_methods;
    }
    m->default_slot = ARENA_ARRAY(m->a, int *, m->n_ids ? m->n_ids : 1);
    m->param_names = ARENA_ARRAY(m->a, int, m->n_ids ? m->n_ids : 1);
    m->irs = ARENA_ARRAY(m->a, IrFunc *, m->n_ids ? m->n_ids : 1);
    m->wants_clone = ARENA_ARRAY(m->a, bool, m->n_ids ? m->n_ids : 1);
    m->clones = ARENA_ARRAY(m->a, IrFunc *, m->n_ids ? m->n_ids : 1);
    m->wants_exact = ARENA_ARRAY(m->a, bool, m->n_ids ? m->n_ids : 1);
    m->exact_clones = ARENA_ARRAY(m->a, IrFunc *, m->n_ids ? m->n_ids : 1);
    m->spec_state = ARENA_ARRAY(m->a, char, m->n_ids ? m->n_ids : 1);
    m->spec_names = ARENA_ARRAY(m->a, const char *, m->n_ids ? m->n_ids : 1);
    m->spec_recursive = ARENA_ARRAY(m->a, bool, m->n_ids ? m->n_ids : 1);
    m->spec_texts = ARENA_ARRAY(m->a, const char *, m->n_ids ? m->n_ids : 1);
    m->spec_callees = ARENA_ARRAY(m->a, const TcFunc **, m->n_ids ? m->n_ids : 1);
    m->n_spec_callees = ARENA_ARRAY(m->a, int, m->n_ids ? m->n_ids : 1);
}

static void assign_default_slots(ModCtx *m, const TcFunc *f)
{
    int id = func_id(m, f);
    m->default_slot[id] = ARENA_ARRAY(m->a, int, f->n_params ? f->n_params : 1);
    for (int j = 0; j < f->n_params; j++) {
        const Expr *d = f->params[j].param->default_value;
        bool literal = d && !f->params[j].param->default_factory &&
                       cg_default_literal(m, d, f->params[j].type) != NULL;
        m->default_slot[id][j] = d && !literal ? m->n_defaults++ : -1;
    }
    m->param_names[id] = param_name_run(m, f);
}

static const char *absolute_path(Arena *a, const char *path)
{
    char buf[PATH_MAX];
    return realpath(path, buf) ? arena_strdup(a, buf) : path;
}

typedef enum LowerCopy { COPY_NONE, COPY_I64, COPY_EXACT } LowerCopy;

static IrFunc *lower_checked(ModCtx *m, const TcFunc *tf, const EmitOptions *o, LowerCopy copy)
{
    IrFunc *f = copy == COPY_I64 ? lower_i64_clone(m, tf)
              : copy == COPY_EXACT ? lower_exact_clone(m, tf) : lower_function(m, tf);
    borrow_pass(f);
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
    number_functions(&m);
    for (int i = 0; i < tm->n_funcs; i++)
        assign_default_slots(&m, tm->funcs[i]);
    for (int i = 0; i < tm->n_classes; i++)
        for (int j = 0; j < tm->classes[i]->n_methods; j++)
            assign_default_slots(&m, tm->classes[i]->methods[j]);
    /* A class attribute's default (`tag: str = "pt"`) may be a module
     * constant: made now, as the state's constant array is sized before
     * the class's C is written. */
    /* The method names the trampolines of Python subclasses look up,
     * made before the state is sized too. */
    for (int i = 0; i < tm->n_classes; i++) {
        const TcClass *c = tm->classes[i];
        for (int j = 0; !c->dynamic && j < c->n_vtable; j++)
            const_name(&m, c->vtable[j]->name);
        for (int j = 0; !c->dynamic && j < c->n_abstract; j++)
            const_name(&m, c->abstract_names[j]);
    }
    m.attr_default_slot = ARENA_ARRAY(a, int *, tm->n_classes ? tm->n_classes : 1);
    for (int i = 0; i < tm->n_classes; i++) {
        const TcClass *c = tm->classes[i];
        m.attr_default_slot[i] = ARENA_ARRAY(a, int, c->n_attrs ? c->n_attrs : 1);
        for (int j = 0; j < c->n_attrs; j++) {
            const TcAttr *at = c->attrs[j];
            bool literal = c->defaults[j] &&
                           cg_default_literal(&m, c->defaults[j], at->type) != NULL;
            /* `items: list[int] = [1, 2]`: one object, made by the class
             * statement, that every instance starts with */
            m.attr_default_slot[i][j] = tc_own_default(c, j) && !literal ? m.n_defaults++ : -1;
        }
    }
    for (int i = 0; i < tm->n_funcs; i++)
        if (!tm->funcs[i]->interpreted)
            m.irs[i] = lower_checked(&m, tm->funcs[i], opts, COPY_NONE);
    for (int i = 0; i < tm->n_classes; i++)
        for (int j = 0; j < tm->classes[i]->n_methods; j++) {
            const TcFunc *f = tm->classes[i]->methods[j];
            m.irs[func_id(&m, f)] = lower_checked(&m, f, opts, COPY_NONE);
        }
    /* the methods' exact-receiver copies (lower_clone.c) */
    for (int i = 0; i < m.n_ids; i++)
        if (m.wants_exact[i])
            m.exact_clones[i] = lower_checked(&m, m.irs[i]->tc, opts, COPY_EXACT);
    IrFunc *body = lower_checked(&m, tm->body, opts, COPY_NONE);
    /* clones asked for by the calls lowered so far, and by theirs */
    for (bool more = true; more;) {
        more = false;
        for (int i = 0; i < tm->n_funcs; i++)
            if (m.wants_clone[i] && !m.clones[i]) {
                m.clones[i] = lower_checked(&m, tm->funcs[i], opts, COPY_I64);
                more = true;
            }
    }
    if (diags->n_errors > errors_before)
        return diags->n_errors - errors_before;
    int sized = cg_module(out, &m, body, opts);
    if (sized != m.n_consts) { /* c[] would be written past its end */
        diag_add(diags, DIAG_ERROR, tm->ast->body.n ? tm->ast->body.v[0]->span : (Span){0},
                 "internal compiler error: %d module constant(s) made after the module state "
                 "was sized; please report this", m.n_consts - sized);
        return 1;
    }
    return 0;
}
