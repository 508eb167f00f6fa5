/*
 * lower_class.c — class statements to IR: a native class's type made
 * (spy_create_type_<C>), its class variables set and its fields' class-body
 * defaults evaluated and installed, methods left to the interpreter
 * attached; a class with non-native bases built as __build_class__ does.
 */
#include "emit/lower.h"

#include <string.h>

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

/* ---- @dataclass ------------------------------------------------------------ */

static void keep_lines(bool *keep, int first, const Span *span)
{
    for (int ln = (int)span->line; ln <= (int)span->end_line; ln++)
        keep[ln - first] = true;
}

/* The stand-in class the real decorator runs on: the class statement's
 * decorator and header lines and its annotated statements, every other
 * line blank so that the line numbers stay the file's, and a `pass` in
 * case there is no field. */
static const char *dataclass_source(Lower *l, const TcClass *c)
{
    const Source *src = l->m->tm->ast->src;
    const Stmt *def = c->def;
    const StmtList *body = &def->u.classdef.body;
    int first = stmt_first_line(def), last = (int)def->span.end_line;
    int body_line = (int)body->v[0]->span.line;
    bool *keep = ARENA_ARRAY(A(l), bool, last - first + 1);
    for (int ln = first; ln < body_line; ln++)
        keep[ln - first] = true;
    for (int i = 0; i < body->n; i++)
        if (body->v[i]->kind == ST_ANNASSIGN)
            keep_lines(keep, first, &body->v[i]->span);
    size_t len, cap = (size_t)first + 16;
    const char *text = src_line(src, first, &len);
    size_t indent = indent_of(text, len);
    text = src_line(src, body_line, &len);
    size_t body_indent = indent_of(text, len);
    for (int ln = first; ln <= last; ln++) {
        src_line(src, ln, &len);
        cap += len + 1 + body_indent;
    }
    char *out = arena_alloc(A(l), cap), *w = out;
    for (int i = 1; i < first; i++)
        *w++ = '\n';
    for (int ln = first; ln <= last; ln++) {
        text = src_line(src, ln, &len);
        size_t skip = keep[ln - first] ? indent_of(text, len < indent ? len : indent) : len;
        memcpy(w, text + skip, len - skip);
        w += len - skip;
        *w++ = '\n';
    }
    w += sprintf(w, "%*s", (int)(body_indent - indent), "");
    strcpy(w, "pass\n");
    return out;
}

/* The names the stand-in's namespace may hold that the native type keeps
 * its own of: what the class body defines, and the fields. */
static const char *dataclass_own_names(Lower *l, const TcClass *c)
{
    const char *names = c->def->u.classdef.docstring ? " __doc__" : "";
    const StmtList *body = &c->def->u.classdef.body;
    for (int i = 0; i < body->n; i++) {
        const Stmt *s = body->v[i];
        const char *n = s->kind == ST_FUNCDEF ? s->u.funcdef.name
                      : tc_dataclass_initvar(s) ? NULL /* the default: the stand-in's */
                      : s->kind == ST_ANNASSIGN ? s->u.annassign.target->u.name.id
                      : s->kind == ST_ASSIGN ? s->u.assign.targets.v[0]->u.name.id : NULL;
        if (n)
            names = arena_printf(A(l), "%s %s", names, n);
    }
    return arena_printf(A(l), "%s ", names);
}

/* The stand-in sources of c and of the dataclasses it derives from, the
 * root's first (each stand-in derives from the one before), as a C
 * array of their constants. */
static const char *dataclass_sources(Lower *l, const TcClass *c, int *n)
{
    const char *rest = "";
    *n = 0;
    for (const TcClass *k = c; k; k = k->dataclass_base, ++*n) {
        const char *code = dataclass_source(l, k);
        const char *ref = const_ref(l->m, const_str(l->m, code, strlen(code)));
        rest = arena_printf(A(l), "%s%s%s", ref, *rest ? ", " : "", rest);
    }
    return arena_printf(A(l), "(PyObject *const[]){%s}", rest);
}

/* What @dataclass makes besides __init__, from the real decorator. */
static void finish_dataclass(Lower *l, const TcClass *c, IrReg *type)
{
    int n;
    const char *codes = dataclass_sources(l, c, &n), *own = dataclass_own_names(l, c);
    l->line = (int)c->def->span.line;
    const char *call = arena_printf(A(l),
        "spy_dataclass_finish(%%0, st->globals, %s, %d, %s, %d, \"%s\", %s)", codes, n,
        const_ref(l->m, const_str(l->m, l->m->src_path, strlen(l->m->src_path))),
        future_annotations(l->m->tm->ast), own,
        cg_dataclass_native_methods(c) ? cg_dataclass_methods_name(l->m, c) : "NULL");
    emit_call(l, call, (IrRep)-1, ERR_NEG, &type, 1);
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
        l->line = (int)c->defaults[j]->span.line;
        IrReg *v = box(l, lower_expr_as(l, c->defaults[j], at->type), at->type);
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
        if (!tc_own_default(c, j))
            continue;
        int k = l->m->attr_default_slot[c->index][j];
        l->line = (int)c->defaults[j]->span.line;
        IrReg *d = k >= 0 ? emit_const(l, REP_OBJ, arena_printf(A(l), "st->d[%d]", k), true)
                          : box(l, lower_expr_as(l, c->defaults[j], at->type), at->type);
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
    if (c->dataclass)
        finish_dataclass(l, c, type);
    store_global(l, c->name, type);
}
