/*
 * lower_def.c — definitions to IR: a def in the module body (its defaults
 * into module-state slots, its decorators, the function bound in the
 * module dict), nested defs, lambdas and generator expressions the
 * interpreter makes from their source (with the cells of the locals they
 * read), and the source text of what is left to the interpreter.
 */
#include "emit/lower.h"

#include <string.h>

/* `def f(...)` in the module body: evaluate the non-constant defaults now,
 * as Python does, then bind the function object in the module dict. */
/* Non-literal defaults are evaluated when the def runs, as in Python, and
 * kept in module-state slots. */
void store_defaults(Lower *l, const TcFunc *f)
{
    for (int i = 0; i < f->n_params; i++) {
        Expr *d = f->params[i].param->default_value;
        int k = d ? l->m->default_slot[func_id(l->m, f)][i] : -1;
        if (k < 0)
            continue;
        IrReg *v = f->params[i].param->default_factory
                       ? box(l, lower_expr(l, d), d->type)
                       : box(l, lower_expr_as(l, d, f->params[i].type), f->params[i].type);
        emit_call(l, arena_printf(A(l), "spy_set_slot(&st->d[%d], %%0)", k), (IrRep)-1,
                  ERR_NEVER, &v, 1);
    }
}

size_t indent_of(const char *text, size_t len)
{
    size_t n = 0;
    while (n < len && (text[n] == ' ' || text[n] == '\t'))
        n++;
    return n;
}

/* The first line of a def or class statement: its first decorator's. */
int stmt_first_line(const Stmt *s)
{
    int first = (int)s->span.line;
    const ExprList *decos = s->kind == ST_FUNCDEF ? &s->u.funcdef.decorators
                          : s->kind == ST_CLASSDEF ? &s->u.classdef.decorators : NULL;
    for (int i = 0; decos && i < decos->n; i++)
        if ((int)decos->v[i]->span.line < first)
            first = (int)decos->v[i]->span.line;
    return first;
}

/* The source of a statement left to the interpreter (a def, a `type`
 * statement, a statement of the module body) with the line numbers of
 * the file, so tracebacks show the right lines: blank lines in front, then
 * its lines with their common indentation removed, or, given a class
 * header, kept as they are with the header on the line before. */
static const char *def_lines(Lower *l, const Stmt *s, const char *header)
{
    const Source *src = l->m->tm->ast->src;
    int first = stmt_first_line(s);
    size_t len0;
    const char *line0 = src_line(src, first, &len0);
    size_t indent = header ? 0 : indent_of(line0, len0);
    size_t cap = (size_t)first + 2 + (header ? strlen(header) : 0);
    for (int ln = first; ln <= (int)s->span.end_line; ln++) {
        size_t len;
        src_line(src, ln, &len);
        cap += len + 1;
    }
    char *out = arena_alloc(A(l), cap), *w = out;
    for (int i = 1; i < first - (header != NULL); i++)
        *w++ = '\n';
    if (header)
        w += sprintf(w, "%s\n", header);
    for (int ln = first; ln <= (int)s->span.end_line; ln++) {
        size_t len;
        const char *text = src_line(src, ln, &len);
        size_t skip = indent_of(text, len < indent ? len : indent);
        memcpy(w, text + skip, len - skip);
        w += len - skip;
        *w++ = '\n';
    }
    *w = 0;
    return out;
}

const char *def_source(Lower *l, const Stmt *s)
{
    return def_lines(l, s, NULL);
}

/* A method left to the interpreter that names `super` or `__class__`
 * (the checker found out) needs the __class__ cell the interpreter makes
 * only for a def inside a class statement: its source inside `class
 * <name>:`, the def at its own indentation.  NULL for any other method,
 * or one that does not start its line (`class A: def f(...)`). */
const char *method_source_in_class(Lower *l, const TcFunc *f, const char *cls)
{
    const Stmt *s = f->def;
    int first = stmt_first_line(s);
    size_t len;
    const char *line0 = src_line(l->m->tm->ast->src, first, &len);
    size_t ws = indent_of(line0, len);
    if (!f->names_class_cell || first < 2 || ws == 0 || ws == len ||
        (line0[ws] != '@' && strncmp(line0 + ws, "def", 3) != 0 &&
         strncmp(line0 + ws, "async", 5) != 0))
        return NULL;
    return def_lines(l, s, arena_printf(A(l), "class %s:", cls));
}

bool future_annotations(const Module *m)
{
    for (int i = 0; i < m->body.n; i++) {
        const Stmt *s = m->body.v[i];
        if (s->kind != ST_IMPORTFROM || !s->u.importfrom.module ||
            strcmp(s->u.importfrom.module, "__future__") != 0)
            continue;
        for (int j = 0; j < s->u.importfrom.n_names; j++)
            if (!strcmp(s->u.importfrom.names[j]->name, "annotations"))
                return true;
    }
    return false;
}

/* def f(...) that the compiler leaves to the interpreter, a `type X =`
 * statement, or another statement of the module body the interpreter
 * runs: its source runs here, in the module's namespace. */
void lower_interpreted_def(Lower *l, Stmt *s)
{
    const char *code = def_source(l, s);
    const char *c = arena_printf(A(l), "spy_exec_def(st->globals, %s, %s, %d)",
                                 const_ref(l->m, const_str(l->m, code, strlen(code))),
                                 const_ref(l->m, const_str(l->m, l->m->src_path,
                                                            strlen(l->m->src_path))),
                                 future_annotations(l->m->tm->ast));
    emit_call(l, c, (IrRep)-1, ERR_NEG, NULL, 0);
}

/* The source of a lambda at its line and column (src_expr_at), so its
 * code object has the file's positions (for tracebacks). */
static const char *lambda_text(Lower *l, const Expr *e, size_t *n)
{
    const Source *src = l->m->tm->ast->src;
    size_t len;
    const char *first = src_line(src, (int)e->span.line, &len);
    const char *last = src_line(src, (int)e->span.end_line, &len);
    size_t end = e->span.end_col < len ? e->span.end_col : len;
    const char *text = first + e->span.col;
    *n = (size_t)(last + end - text);
    return text;
}

static const char *lambda_source(Lower *l, const Expr *e)
{
    size_t n;
    const char *text = lambda_text(l, e, &n);
    return src_expr_at(A(l), e->span.line, e->span.col, text, n);
}

/* `lambda ...: ...`: the interpreter compiles its source once (the code
 * object is kept in a module slot); each evaluation makes a new function
 * of it, as the interpreter's MAKE_FUNCTION does. */
static IrReg *lower_closure_lambda(Lower *l, Expr *e);
static void lower_param_defaults(Lower *l, ParamList *ps, IrReg **defaults, IrReg **kwdefaults);

IrReg *lower_lambda(Lower *l, Expr *e)
{
    if (e->sema)
        return lower_closure_lambda(l, e);
    const char *code = lambda_source(l, e);
    const TcFunc *f = l->tf;
    const char *qual = f->is_module_body ? "<lambda>"
                                         : arena_printf(A(l), "%s.<locals>.<lambda>", f->qualname);
    int slot = l->m->n_defaults++;
    ModCtx *m = l->m;
    IrReg *defaults, *kwdefaults;
    lower_param_defaults(l, &e->u.lambda.params, &defaults, &kwdefaults);
    const char *c = arena_printf(A(l), "spy_func_defaults(spy_make_lambda(&st->d[%d], st->globals, "
                                 "%s, %s, %s), %%0, %%1)", slot,
                                 const_ref(m, const_str(m, code, strlen(code))),
                                 const_ref(m, const_str(m, m->src_path, strlen(m->src_path))),
                                 const_ref(m, const_str(m, qual, strlen(qual))));
    return emit_call(l, c, REP_OBJ, ERR_NULL, (IrReg *[]){defaults, kwdefaults}, 2);
}

/* `def __spy_outer__():` on the line before a nested def (its decorators
 * included), the def's lines as they are (they are indented: it is in a
 * function), then the captured names assigned, at the def's indentation,
 * so they are __spy_outer__'s locals and the def's free variables. */
static const char *nested_def_source(Lower *l, const Stmt *s, const char **names, int n)
{
    const Source *src = l->m->tm->ast->src;
    int first = stmt_first_line(s);
    size_t len0;
    const char *line0 = src_line(src, first, &len0);
    size_t indent = indent_of(line0, len0);
    size_t cap = (size_t)first + 64 + indent;
    for (int ln = first; ln <= (int)s->span.end_line; ln++) {
        size_t len;
        src_line(src, ln, &len);
        cap += len + 1;
    }
    for (int i = 0; i < n; i++)
        cap += strlen(names[i]) + 3;
    char *out = arena_alloc(A(l), cap), *w = out;
    for (int i = 2; i < first; i++)
        *w++ = '\n';
    w += sprintf(w, "def __spy_outer__():\n");
    for (int ln = first; ln <= (int)s->span.end_line; ln++) {
        size_t len;
        const char *text = src_line(src, ln, &len);
        memcpy(w, text, len);
        w += len;
        *w++ = '\n';
    }
    memcpy(w, line0, indent);
    w += indent;
    for (int i = 0; i < n; i++)
        w += sprintf(w, "%s = ", names[i]);
    w += sprintf(w, "None\n");
    return out;
}

/* The __defaults__ tuple and __kwdefaults__ dict of a function the
 * interpreter makes (a nested def, a lambda), evaluated here in order;
 * None when there are none. */
static void lower_param_defaults(Lower *l, ParamList *ps, IrReg **defaults, IrReg **kwdefaults)
{
    ModCtx *m = l->m;
    IrReg **pos = ARENA_ARRAY(A(l), IrReg *, ps->n + 1), **kw = ARENA_ARRAY(A(l), IrReg *, 2 * ps->n + 1);
    int npos = 0, nkw = 0;
    for (int i = 0; i < ps->n; i++) {
        Expr *d = ps->v[i]->default_value;
        if (!d)
            continue;
        IrReg *v = temp_copy(l, box(l, lower_expr(l, d), d->type));
        if (ps->v[i]->kind == PARAM_KWONLY) {
            kw[nkw++] = emit_const(l, REP_OBJ, const_ref(m, const_name(m, ps->v[i]->name)), true);
            kw[nkw++] = v;
        } else {
            pos[npos++] = v;
        }
    }
    *defaults = npos ? emit_call(l, arena_printf(A(l), "PyTuple_Pack(%d, %%*)", npos), REP_OBJ,
                                 ERR_NULL, pos, npos)
                     : emit_const(l, REP_OBJ, "Py_None", true);
    *kwdefaults = nkw ? emit_call(l, arena_printf(A(l), "spy_dict_pack(%d, %%*)", nkw / 2), REP_OBJ,
                                  ERR_NULL, kw, nkw)
                      : emit_const(l, REP_OBJ, "Py_None", true);
}

/* The enclosing function's captured locals (their names and cells). */
static int captured_cells(Lower *l, const char ***names, IrReg ***cells)
{
    const TcFunc *tf = l->tf;
    *names = ARENA_ARRAY(A(l), const char *, tf->n_locals ? tf->n_locals : 1);
    *cells = ARENA_ARRAY(A(l), IrReg *, tf->n_locals ? tf->n_locals : 1);
    int n = 0;
    for (int i = 0; i < tf->n_locals; i++)
        if (l->cell_regs[i]) {
            (*names)[n] = tf->locals[i]->name;
            (*cells)[n++] = l->cell_regs[i];
        }
    return n;
}

/* The function `name` (a def or "<lambda>") of `code`, a wrapper
 * __spy_outer__ around it, made with these cells (runtime:
 * spy_make_closure). */
static IrReg *emit_make_closure(Lower *l, const char *code, const char *name, const char **names,
                                IrReg **cells, int n, IrReg *defaults, IrReg *kwdefaults)
{
    ModCtx *m = l->m;
    IrReg *name_tuple = emit_const(l, REP_OBJ, const_ref(m, const_kwnames(m, names, n)), true);
    IrReg *cell_tuple = emit_call(l, n ? arena_printf(A(l), "PyTuple_Pack(%d, %%*)", n)
                                       : "PyTuple_New(0)", REP_OBJ, ERR_NULL, cells, n);
    const char *qual = arena_printf(A(l), "%s.<locals>.%s", l->tf->qualname, name);
    const char *c = arena_printf(A(l), "spy_make_closure(&st->d[%d], st->globals, %s, %s, %s, %s, "
                                 "%%0, %%1, %%2, %%3)", m->n_defaults++,
                                 const_ref(m, const_str(m, code, strlen(code))),
                                 const_ref(m, const_str(m, m->src_path, strlen(m->src_path))),
                                 const_ref(m, const_name(m, name)),
                                 const_ref(m, const_str(m, qual, strlen(qual))));
    return emit_call(l, c, REP_OBJ, ERR_NULL,
                     (IrReg *[]){name_tuple, cell_tuple, defaults, kwdefaults}, 4);
}

/* `def __spy_outer__():` on the line above span, then expression text
 * `expr` placed at span's line and column as ` _..._=(expr)` (the checker
 * made sure there is room), then the captured names assigned, so that
 * they are the expression's free variables. */
static const char *outer_expr_source(Lower *l, Span span, const char **names, int n,
                                     const char *expr)
{
    size_t cap = span.line + span.col + strlen(expr) + 64;
    for (int i = 0; i < n; i++)
        cap += strlen(names[i]) + 3;
    char *code = arena_alloc(A(l), cap), *w = code;
    for (uint32_t i = 2; i < span.line; i++)
        *w++ = '\n';
    w += sprintf(w, "def __spy_outer__():\n ");
    memset(w, '_', span.col - 3);
    w += span.col - 3;
    w += sprintf(w, "=(%s)\n ", expr);
    for (int i = 0; i < n; i++)
        w += sprintf(w, "%s = ", names[i]);
    sprintf(w, "None\n");
    return code;
}

/* A lambda that reads locals, made with this function's cells. */
static IrReg *lower_closure_lambda(Lower *l, Expr *e)
{
    const char **names;
    IrReg **cells;
    int n = captured_cells(l, &names, &cells);
    size_t tn;
    const char *text = lambda_text(l, e, &tn);
    const char *code = outer_expr_source(l, e->span, names, n, arena_strndup(A(l), text, tn));
    IrReg *defaults, *kwdefaults;
    lower_param_defaults(l, &e->u.lambda.params, &defaults, &kwdefaults);
    return emit_make_closure(l, code, "<lambda>", names, cells, n, defaults, kwdefaults);
}

/* A generator expression not consumed by a builtin: the interpreter makes
 * it, from `lambda __spy_it: (<the genexp, its first iterable replaced by
 * __spy_it>)` wrapped like a closure lambda, called with the first
 * iterable evaluated here (where the interpreter evaluates it too). The
 * replaced text keeps its line breaks, so later lines keep their numbers. */
IrReg *lower_dynamic_genexp(Lower *l, Expr *e)
{
    Expr *first = e->u.comp.gens[0]->iter;
    IrReg *it = temp_copy(l, box(l, lower_expr(l, first), first->type));
    const char **names = NULL;
    IrReg **cells = NULL;
    int n = l->tf->is_module_body ? 0 : captured_cells(l, &names, &cells);
    size_t tn, len;
    const char *text = lambda_text(l, e, &tn);
    const Source *src = l->m->tm->ast->src;
    const char *a = src_line(src, (int)first->span.line, &len) + first->span.col;
    const char *b = src_line(src, (int)first->span.end_line, &len) + first->span.end_col;
    char *expr = arena_alloc(A(l), tn + 64 + (first->span.end_line - first->span.line)), *w = expr;
    w += sprintf(w, "lambda __spy_it: (");
    memcpy(w, text, (size_t)(a - text));
    w += a - text;
    w += sprintf(w, "__spy_it");
    for (uint32_t i = first->span.line; i < first->span.end_line; i++)
        *w++ = '\n';
    memcpy(w, b, (size_t)(text + tn - b));
    w += text + tn - b;
    sprintf(w, ")");
    const char *code = outer_expr_source(l, e->span, names, n, expr);
    IrReg *none = emit_const(l, REP_OBJ, "Py_None", true);
    IrReg *fn = emit_make_closure(l, code, "<lambda>", names, cells, n, none, none);
    IrReg *gen = emit_call(l, "PyObject_CallOneArg", REP_OBJ, ERR_NULL, (IrReg *[]){fn, it}, 2);
    return coerce(l, gen, ty_simple(TY_ANY), e->type);
}

/* A def's decorators, evaluated (first, as the interpreter does) and
 * kept for apply_decorators. */
static IrReg **lower_decorators(Lower *l, ExprList *decos)
{
    IrReg **dv = ARENA_ARRAY(A(l), IrReg *, decos->n ? decos->n : 1);
    for (int i = 0; i < decos->n; i++)
        dv[i] = temp_copy(l, box(l, lower_expr(l, decos->v[i]), decos->v[i]->type));
    return dv;
}

/* fn passed through the decorators, innermost first. */
static IrReg *apply_decorators(Lower *l, ExprList *decos, IrReg **dv, IrReg *fn)
{
    for (int i = decos->n - 1; i >= 0; i--) {
        l->line = (int)decos->v[i]->span.line;
        fn = emit_call(l, "PyObject_CallOneArg", REP_OBJ, ERR_NULL, (IrReg *[]){dv[i], fn}, 2);
    }
    return fn;
}

/* def inside a compiled function (typecheck's check_nested_def): the
 * decorators, then the defaults, evaluated here; the function made by
 * spy_make_closure with this function's cells; decorators applied. */
static void lower_nested_def(Lower *l, Stmt *s)
{
    ExprList *decos = &s->u.funcdef.decorators;
    IrReg **dv = lower_decorators(l, decos);
    IrReg *defaults, *kwdefaults;
    lower_param_defaults(l, &s->u.funcdef.params, &defaults, &kwdefaults);
    const char **names;
    IrReg **cells;
    int n = captured_cells(l, &names, &cells);
    const char *code = nested_def_source(l, s, names, n);
    IrReg *fn = emit_make_closure(l, code, s->u.funcdef.name, names, cells, n, defaults, kwdefaults);
    fn = apply_decorators(l, decos, dv, fn);
    store_target(l, s->sema, fn, ty_simple(TY_ANY));
}

void lower_def(Lower *l, Stmt *s)
{
    if (!l->tf->is_module_body) {
        lower_nested_def(l, s);
        return;
    }
    const TcFunc *f = s->sema;
    if (f->interpreted) {
        lower_interpreted_def(l, s);
        return;
    }
    /* As the interpreter does: decorators evaluated first, then defaults,
     * the function made, and the decorators applied innermost first. */
    ExprList *decos = &s->u.funcdef.decorators;
    IrReg **dv = lower_decorators(l, decos);
    store_defaults(l, f);
    const char *c = arena_printf(A(l), "PyCFunction_NewEx(&spy_methods[%d], st->module, "
                                 "st->modname)", f->index);
    IrReg *fn = emit_call(l, c, REP_OBJ, ERR_NULL, NULL, 0);
    fn = apply_decorators(l, decos, dv, fn);
    store_global(l, f->name, fn);
}
