/*
 * lower_class.c — class statements to IR: a native class's type made
 * (spy_create_type_<C>), its class variables set and its fields' class-body
 * defaults evaluated and installed, methods left to the interpreter
 * attached; a class with non-native bases built as __build_class__ does.
 */
#include "emit/lower.h"

#include <string.h>

static Arena *A(Lower *l) { return l->m->a; }

/* `class C:` in the module body: method defaults evaluated now, then the
 * type object created and bound. */
/* A class with a non-native base: namespace and bases evaluated here,
 * the class made by the bases' metaclass, as the interpreter does. */
static void lower_dynamic_class(Lower *l, const TcClass *c)
{
    Stmt *def = c->def;
    if (c->interp_why) { /* the interpreter runs the whole statement */
        lower_interpreted_def(l, def);
        return;
    }
    int nb = def->u.classdef.n_bases;
    IrReg **bases = ARENA_ARRAY(A(l), IrReg *, nb ? nb : 1);
    for (int i = 0; i < nb; i++) {
        Expr *b = def->u.classdef.bases[i]->value;
        bases[i] = box(l, lower_expr(l, b), b->type);
    }
    IrReg *tuple = emit_call(l, arena_printf(A(l), nb ? "PyTuple_Pack(%d, %%*)" : "PyTuple_New(0)",
                                             nb), REP_OBJ, ERR_NULL, bases, nb);
    StmtList *body = &def->u.classdef.body;
    IrReg **items = ARENA_ARRAY(A(l), IrReg *, 2 * body->n + 4);
    int n = 0;
    items[n++] = emit_const(l, REP_OBJ, const_ref(l->m, const_name(l->m, "__module__")), true);
    items[n++] = emit_const(l, REP_OBJ, "st->modname", true);
    items[n++] = emit_const(l, REP_OBJ, const_ref(l->m, const_name(l->m, "__qualname__")), true);
    items[n++] = emit_const(l, REP_OBJ, const_ref(l->m, const_str(l->m, c->name, strlen(c->name))),
                            true);
    if (def->u.classdef.docstring) { /* the body's first statement */
        const char *d = def->u.classdef.docstring;
        items[n++] = emit_const(l, REP_OBJ, const_ref(l->m, const_name(l->m, "__doc__")), true);
        items[n++] = emit_const(l, REP_OBJ, const_ref(l->m, const_str(l->m, d, strlen(d))), true);
    }
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        if (s->kind != ST_ASSIGN)
            continue;
        Expr *t = s->u.assign.targets.v[0], *v = s->u.assign.value;
        items[n++] = emit_const(l, REP_OBJ, const_ref(l->m, const_name(l->m, t->u.name.id)), true);
        items[n++] = box(l, lower_expr(l, v), v->type);
    }
    /* name, value, name, value, ...: stored in order into the namespace
     * the metaclass prepares (an Enum's records its members) */
    IrReg *ns = emit_call(l, arena_printf(A(l), "PyTuple_Pack(%d, %%*)", n), REP_OBJ,
                          ERR_NULL, items, n);
    IrReg *name = emit_const(l, REP_OBJ, const_ref(l->m, const_name(l->m, c->name)), true);
    IrReg *cls = emit_call(l, arena_printf(A(l), "spy_build_class(%%0, %%1, %%2, %d)",
                                           (int)def->span.line),
                           REP_OBJ, ERR_NULL, (IrReg *[]){name, tuple, ns}, 3);
    store_global(l, c->name, cls);
}

void lower_classdef(Lower *l, Stmt *s)
{
    const TcClass *c = s->sema;
    if (c->dynamic) {
        lower_dynamic_class(l, c);
        return;
    }
    for (int j = 0; j < c->n_attrs; j++) { /* class-body defaults that are not literals */
        int k = l->m->attr_default_slot[c->index][j];
        const TcAttr *at = c->attrs[j];
        if (k < 0)
            continue;
        l->line = (int)at->default_value->span.line;
        IrReg *v = box(l, lower_expr_as(l, at->default_value, at->type), at->type);
        emit_call(l, arena_printf(A(l), "spy_set_slot(&st->d[%d], %%0)", k), (IrRep)-1, ERR_NEVER,
                  &v, 1);
    }
    for (int i = 0; i < c->n_methods; i++)
        store_defaults(l, c->methods[i]);
    for (int i = 0; i < c->n_statics; i++)
        store_defaults(l, c->statics[i]);
    const char *make = arena_printf(A(l), "%s(st)", cg_ident(A(l), "spy_create_type_", c->name));
    IrReg *type = emit_call(l, make, REP_OBJ, ERR_NULL, NULL, 0);
    for (int j = 0; j < c->n_attrs; j++) { /* C.x reads a field's class-body default */
        const TcAttr *at = c->attrs[j];
        if (at->owner != c || !at->default_value)
            continue;
        int k = l->m->attr_default_slot[c->index][j];
        l->line = (int)at->default_value->span.line;
        IrReg *d = k >= 0 ? emit_const(l, REP_OBJ, arena_printf(A(l), "st->d[%d]", k), true)
                          : box(l, lower_expr_as(l, at->default_value, at->type), at->type);
        const char *install = arena_printf(A(l),
            "spy_field_default_install(st->module, &st->field_default_type, %%0, %s, %%1)",
            const_ref(l->m, const_name(l->m, at->name)));
        emit_call(l, install, (IrRep)-1, ERR_NEG, (IrReg *[]){type, d}, 2);
    }
    for (int i = 0; i < c->n_classvars; i++) { /* NAME = value: set on the type */
        const Stmt *cv = c->classvars[i];
        Expr *v = tc_classvar_value(cv);
        l->line = (int)cv->span.line;
        IrReg *args[2] = {type, box(l, lower_expr(l, v), v->type)};
        const char *set = arena_printf(A(l), "PyObject_SetAttr(%%0, %s, %%1)",
            const_ref(l->m, const_name(l->m, tc_classvar_name(cv))));
        emit_call(l, set, (IrRep)-1, ERR_NEG, args, 2);
    }
    for (int i = 0; i < c->n_statics; i++) {
        /* @staticmethod/@classmethod: the compiled module-level function,
         * wrapped as the decorator would */
        const TcFunc *f = c->statics[i];
        l->line = (int)f->def->span.line;
        const char *set = arena_printf(A(l), "spy_set_static(%%0, %s, &spy_methods[%d], st->module, "
            "st->modname, %d)", const_ref(l->m, const_name(l->m, f->name)), f->index,
            f->is_classmethod);
        emit_call(l, set, (IrRep)-1, ERR_NEG, &type, 1);
    }
    for (int i = 0; i < c->n_interp; i++) {
        /* A method left to the interpreter: its def runs, then it is set on
         * the type like any Python method. */
        const Stmt *d = c->interp[i]->def;
        const char *code = method_source_in_class(l, c->interp[i], c->name);
        bool in_class = code != NULL;
        if (!in_class)
            code = def_source(l, d);
        const char *call = arena_printf(A(l), "spy_attach_def(%%0, st->globals, %s, %s, %s, %d, %d)",
            const_ref(l->m, const_str(l->m, code, strlen(code))),
            const_ref(l->m, const_str(l->m, l->m->src_path, strlen(l->m->src_path))),
            const_ref(l->m, const_name(l->m, d->u.funcdef.name)),
            future_annotations(l->m->tm->ast), in_class);
        emit_call(l, call, (IrRep)-1, ERR_NEG, &type, 1);
    }
    store_global(l, c->name, type);
}
