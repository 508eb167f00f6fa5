/*
 * check_stmt.c — statements: the dispatch on a statement's kind (the
 * entry point is check_module.c's), defs (nested ones are made by the
 * interpreter, with the locals they capture), class-body defaults, del,
 * imports and type statements.  Assignments are check_assign.c's, control
 * flow and definite assignment check_flow.c's.
 */
#include "typecheck/tc_internal.h"

#include <stdlib.h>
#include <string.h>

/* Does the line end in a mypy `# type: ignore` comment (`# type:
 * ignore[code, ...]` too)?  Read as text: one inside a string literal
 * counts, which only ever leaves code to the interpreter. */
static bool ignores_type_errors(Tc *tc, int line)
{
    size_t len;
    const char *t = src_line(tc->mod->ast->src, line, &len);
    for (size_t i = 0; t && i < len; i++) {
        if (t[i] != '#')
            continue;
        size_t j = i + 1;
        while (j < len && t[j] == ' ')
            j++;
        if (len - j < 5 || memcmp(t + j, "type:", 5) != 0)
            continue;
        for (j += 5; j < len && t[j] == ' '; j++)
            ;
        if (len - j >= 6 && !memcmp(t + j, "ignore", 6) &&
            (j + 6 == len || strchr(" [#\r\t", t[j + 6])))
            return true;
    }
    return false;
}

static void report(Tc *tc, Span span, bool unsupported, const char *msg)
{
    /* mypy silences an error on a `# type: ignore` line; the code it is in
     * is then left to the interpreter, as for an unsupported construct (an
     * error still under --strict, or where native code relies on it) */
    if (ignores_type_errors(tc, (int)span.line)) {
        unsupported = true;
        msg = arena_printf(tc->a, "%s (on a '# type: ignore' line)", msg);
    }
    tc->n_unsupported += unsupported;
    diag_add(tc->d, DIAG_ERROR, span, "%s", msg);
}

void tc_error(Tc *tc, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(tc, span, false, arena_vprintf(tc->a, fmt, ap));
    va_end(ap);
}

void tc_unsupported(Tc *tc, Span span, const char *what)
{
    report(tc, span, true, arena_printf(tc->a, "%s %s not supported yet", what,
                                        what[strlen(what) - 1] == 's' ? "are" : "is"));
}

/* ---- statements ------------------------------------------------------------ */

/* Does the source of s contain `word` (as text)? */
static bool mentions(Tc *tc, const Stmt *s, const char *word)
{
    for (uint32_t ln = s->span.line; ln <= s->span.end_line; ln++) {
        size_t len;
        const char *text = src_line(tc->mod->ast->src, (int)ln, &len);
        size_t wl = strlen(word);
        for (size_t i = 0; i + wl <= len; i++)
            if (!memcmp(text + i, word, wl))
                return true;
    }
    return false;
}


static bool ident_char(unsigned char c, bool first)
{
    return c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (!first && c >= '0' && c <= '9');
}

bool tc_span_mentions(Tc *tc, Span span, const char *word)
{
    size_t wl = strlen(word);
    for (uint32_t ln = span.line; ln <= span.end_line; ln++) {
        size_t len;
        const char *t = src_line(tc->mod->ast->src, (int)ln, &len);
        size_t lo = ln == span.line ? span.col : 0;
        size_t hi = ln == span.end_line && span.end_col < len ? span.end_col : len;
        for (size_t i = lo; i + wl <= hi; i++)
            if (!memcmp(t + i, word, wl) &&
                (i == 0 || !ident_char((unsigned char)t[i - 1], false)) &&
                (i + wl == len || !ident_char((unsigned char)t[i + wl], false)))
                return true;
    }
    return false;
}

static bool mark_captured(Tc *tc, const Stmt *s)
{
    return tc_mark_captured(tc, s->span);
}

/* A local or comprehension variable of the function being checked. */
static TcSymbol *enclosing_local(Tc *tc, const char *name)
{
    for (Overlay *o = tc->overlay; o; o = o->outer) {
        TcSymbol *s = symtab_get(&o->names, name);
        if (s)
            return s->kind == SYM_LOCAL ? s : NULL;
    }
    return symtab_get(&tc->locals, name);
}

/* Marks every local of the enclosing function whose name occurs in the
 * text of span (a nested def's) as captured (an over-approximation of its free
 * variables: a name in a string only costs a cell); the names after a
 * `nonlocal` are also rebound: the function then reads them from the cell
 * and they become dynamic. Always true (kept for a construct it might
 * one day refuse). */
bool tc_mark_captured(Tc *tc, Span span)
{
    const Stmt *s = &(Stmt){.span = span};
    for (uint32_t ln = s->span.line; ln <= s->span.end_line; ln++) {
        size_t len, i = 0;
        const char *t = src_line(tc->mod->ast->src, (int)ln, &len);
        bool nonlocal = false;
        while (i < len) {
            if (!ident_char((unsigned char)t[i], true)) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < len && ident_char((unsigned char)t[j], false))
                j++;
            if (j - i == 8 && !memcmp(t + i, "nonlocal", 8)) {
                nonlocal = true;
                i = j;
                continue;
            }
            TcSymbol *sym = enclosing_local(tc, strtab_intern(tc->names, t + i, j - i));
            if (sym) {
                sym->captured = true;
                if (nonlocal) {
                    sym->rebound = true;
                    sym->type = ty_simple(TY_ANY);
                }
            }
            i = j;
            /* `nonlocal a, b`: the names up to the end of the line */
        }
    }
    return true;
}

/* def inside a function: made at run time by the interpreter from its
 * source, with the enclosing function's captured locals as its cells;
 * its defaults and decorators are evaluated here, natively. */
static void check_nested_def(Tc *tc, Stmt *s)
{
    if (s->u.funcdef.is_async) {
        tc_unsupported(tc, s->span, "nested async functions");
        return;
    }
    if (!mark_captured(tc, s)) {
        tc_unsupported(tc, s->span, "nonlocal");
        return;
    }
    /* made outside any class, it would lack the __class__ cell super() needs */
    if (tc->func->cls && mentions(tc, s, "super")) {
        tc_unsupported(tc, s->span, "super() in a nested function");
        return;
    }
    for (int i = 0; i < s->u.funcdef.decorators.n; i++)
        check_expr(tc, s->u.funcdef.decorators.v[i]);
    for (int i = 0; i < s->u.funcdef.params.n; i++)
        if (s->u.funcdef.params.v[i]->default_value)
            check_expr(tc, s->u.funcdef.params.v[i]->default_value);
    Expr *n = ARENA_NEW(tc->a, Expr);
    n->kind = EX_NAME;
    n->span = s->u.funcdef.name_span;
    n->u.name.id = s->u.funcdef.name;
    assign_to(tc, n, ty_simple(TY_ANY), s->span);
    s->sema = n;
}

static void check_funcdef(Tc *tc, Stmt *s)
{
    if (!tc->func->is_module_body && !tc->overlay) {
        check_nested_def(tc, s); /* (its sema is not a TcFunc) */
        return;
    }
    TcFunc *f = s->sema;
    if (f && f->interpreted)
        return; /* the interpreter evaluates its defaults */
    if (!f || (!tc->func->is_module_body && !f->cls)) {
        tc_unsupported(tc, s->span, "nested functions");
        return;
    }
    for (int i = 0; i < s->u.funcdef.decorators.n && !f->is_setter; i++)
        check_expr(tc, s->u.funcdef.decorators.v[i]); /* (a setter's names the property) */
    for (int i = 0; i < f->n_params; i++) {
        Expr *d = f->params[i].param->default_value;
        if (!d)
            continue;
        TyType *dt = check_expr(tc, d);
        if (f->params[i].param->default_factory)
            continue; /* what it returns is checked when it is called */
        if (!ty_assignable(f->params[i].type, dt))
            tc_error(tc, d->span,
                     "incompatible default for argument \"%s\" (default has type "
                     "\"%s\", argument has type \"%s\")",
                     f->params[i].param->name, ty_str(tc->a, dt),
                     ty_str(tc->a, f->params[i].type));
    }
}

/* Class-body defaults (`x: int = 0`) are evaluated where the class is. */
static void check_class_defaults(Tc *tc, TcClass *c)
{
    if (c->dynamic) {
        for (int i = 0; i < c->def->u.classdef.n_bases; i++)
            check_expr(tc, c->def->u.classdef.bases[i]->value);
        StmtList *body = &c->def->u.classdef.body;
        for (int i = 0; i < body->n; i++)
            if (body->v[i]->kind == ST_ASSIGN)
                check_expr(tc, body->v[i]->u.assign.value);
        return;
    }
    for (int i = 0; i < c->n_classvars; i++)
        check_expr(tc, tc_classvar_value(c->classvars[i]));
    for (int i = 0; i < c->n_attrs; i++) {
        TcAttr *a = c->attrs[i];
        Expr *d = c->defaults[i];
        if (!tc_own_default(c, i))
            continue;
        TyType *t = check_expr(tc, d);
        if (!ty_assignable(a->type, t))
            incompatible_assignment(tc, d->span, t, a->type);
    }
    for (int i = 0; i < c->n_methods; i++)
        check_funcdef(tc, c->methods[i]->def);
    for (int i = 0; i < c->n_statics; i++)
        check_funcdef(tc, c->statics[i]->def);
}

/* del x / del x[i] / del x.a / del a, b.  A deleted local is unbound
 * afterwards (reads are then checked at run time). */
static void check_del(Tc *tc, Expr *t)
{
    switch (t->kind) {
    case EX_NAME: {
        TcSymbol *s = scope_lookup(tc, t->u.name.id);
        if (!s || s->kind == SYM_BUILTIN) {
            tc_error(tc, t->span, "name '%s' is not defined", t->u.name.id);
            return;
        }
        if (s->kind == SYM_FUNC || s->final || (s->type && s->type->kind == TY_TYPE)) {
            tc_error(tc, t->span, "cannot delete '%s' (bound early)", s->name);
            return;
        }
        t->sema = s;
        t->type = s->type ? s->type : ty_simple(TY_ANY);
        if (s->kind == SYM_LOCAL) {
            /* Reading it while unbound is Python's UnboundLocalError. */
            if (!tc->assigned.unreachable && s->index < tc->assigned.n &&
                !tc->assigned.v[s->index]) {
                t->maybe_unbound = true;
                s->maybe_unbound = true;
            }
            if (!tc->assigned.unreachable && s->index < tc->assigned.n)
                tc->assigned.v[s->index] = false;
            s->maybe_unbound = true;
            s->other_assign = true;
        }
        narrow_on_assign(tc, t, ty_simple(TY_ANY), ty_simple(TY_ANY)); /* kill */
        break;
    }
    case EX_SUBSCRIPT:
        check_expr(tc, t->u.subscript.value);
        check_expr(tc, t->u.subscript.index);
        break;
    case EX_ATTRIBUTE:
        check_expr(tc, t->u.attribute.value);
        break;
    case EX_TUPLE: case EX_LIST:
        for (int i = 0; i < t->u.seq.elts.n; i++)
            check_del(tc, t->u.seq.elts.v[i]);
        break;
    default:
        tc_unsupported(tc, t->span, "this del target");
    }
}

/* An import inside a function binds a local (a module or what it exports:
 * a dynamic value). */
static void bind_import_local(Tc *tc, Alias *al, const char *name)
{
    Expr *e = ARENA_NEW(tc->a, Expr);
    e->kind = EX_NAME;
    e->span = al->span;
    e->u.name.id = name;
    assign_name(tc, e, ty_simple(TY_ANY), al->span);
    al->local = e;
}

static void check_import(Tc *tc, Stmt *s)
{
    if (!tc->func->is_module_body && s->kind == ST_IMPORT)
        for (int i = 0; i < s->u.import.n_names; i++)
            bind_import_local(tc, s->u.import.names[i],
                              scope_import_binding(tc, s->u.import.names[i]));
    if (!tc->func->is_module_body && s->kind == ST_IMPORTFROM)
        for (int i = 0; i < s->u.importfrom.n_names; i++) {
            Alias *al = s->u.importfrom.names[i];
            if (strcmp(al->name, "*") != 0)
                bind_import_local(tc, al, al->asname ? al->asname : al->name);
        }
    if (s->kind == ST_IMPORTFROM) {
        for (int i = 0; i < s->u.importfrom.n_names; i++)
            if (!strcmp(s->u.importfrom.names[i]->name, "*"))
                tc_unsupported(tc, s->span, "'from ... import *'");
    }
}

/* Has s its lines to itself (its source can be run on its own)? */
bool tc_alone_on_lines(Tc *tc, const Stmt *s)
{
    const Source *src = tc->mod->ast->src;
    size_t len;
    const char *first = src_line(src, (int)s->span.line, &len);
    bool alone = true;
    for (size_t i = 0; i < s->span.col && i < len; i++)
        alone &= first[i] == ' ' || first[i] == '\t';
    const char *last = src_line(src, (int)s->span.end_line, &len);
    for (size_t i = s->span.end_col; i < len && last[i] != '#'; i++)
        alone &= last[i] == ' ' || last[i] == '\t' || last[i] == '\r';
    return alone;
}

/* `type X = ...` at module level is handed to the interpreter as source
 * (lazy evaluation, TypeAliasType, __module__ all as it does them), so it
 * must have its lines to itself. */
static void check_type_statement(Tc *tc, Stmt *s)
{
    if (!tc->func->is_module_body) {
        tc_unsupported(tc, s->span, "type alias statements inside functions");
        return;
    }
    if (!tc_alone_on_lines(tc, s))
        tc_unsupported(tc, s->span, "a type statement sharing its line with another statement");
}

static const char *unsupported_stmt(StmtKind k)
{
    switch (k) {
    case ST_CLASSDEF: return "classes";
    case ST_NONLOCAL: return "'nonlocal'";
    case ST_MATCH: return "match statements";
    case ST_TYPEALIAS: return "type alias statements";
    default: return "this statement";
    }
}

void check_stmt(Tc *tc, Stmt *s)
{
    tc->stmt = s;
    switch (s->kind) {
    case ST_EXPR: check_expr(tc, s->u.expr.value); break;
    case ST_ASSIGN: {
        TyType *vt = check_expr(tc, s->u.assign.value);
        for (int i = 0; i < s->u.assign.targets.n; i++) {
            Expr *t = s->u.assign.targets.v[i];
            if (t->kind == EX_ATTRIBUTE)
                check_expr(tc, t->u.attribute.value);
            TyType *want = declared_type(tc, t);
            tc->plain_value = s->u.assign.targets.n == 1 && t->kind == EX_NAME
                                  ? s->u.assign.value : NULL;
            assign_to(tc, t, in_context(s->u.assign.value, vt, want), s->u.assign.value->span);
            tc->plain_value = NULL;
        }
        break;
    }
    case ST_ANNASSIGN: check_annassign(tc, s); break;
    case ST_AUGASSIGN: check_augassign(tc, s); break;
    case ST_RETURN: check_return(tc, s); break;
    case ST_PASS: case ST_GLOBAL: break;
    case ST_TYPEALIAS: check_type_statement(tc, s); break;
    case ST_BREAK: case ST_CONTINUE: check_jump(tc, s); break;
    case ST_IF: check_if(tc, s); break;
    case ST_WHILE: check_while(tc, s); break;
    case ST_FOR: check_for(tc, s); break;
    case ST_FUNCDEF: check_funcdef(tc, s); break;
    case ST_CLASSDEF:
        if (!tc->func->is_module_body || !s->sema)
            tc_unsupported(tc, s->span, "nested classes");
        else
            check_class_defaults(tc, s->sema);
        break;
    case ST_IMPORT: case ST_IMPORTFROM: check_import(tc, s); break;
    case ST_RAISE: check_raise(tc, s); break;
    case ST_TRY: check_try(tc, s); break;
    case ST_DELETE:
        for (int i = 0; i < s->u.delete_.targets.n; i++)
            check_del(tc, s->u.delete_.targets.v[i]);
        break;
    case ST_WITH: check_with(tc, s); break;
    case ST_ASSERT: {
        check_expr(tc, s->u.assert_.test);
        if (s->u.assert_.msg)
            check_expr(tc, s->u.assert_.msg);
        Narrow *pos = tc->narrow, *neg = tc->narrow;
        narrow_from_test(tc, s->u.assert_.test, &pos, &neg);
        tc->narrow = pos;
        break;
    }
    default:
        tc_unsupported(tc, s->span, unsupported_stmt(s->kind));
        /* What follows cannot be judged without it: no cascade of
         * "missing return" or "may be used before assignment". */
        tc->assigned.unreachable = true;
    }
}

void check_block(Tc *tc, StmtList *body)
{
    for (int i = 0; i < body->n; i++)
        check_stmt(tc, body->v[i]);
}
