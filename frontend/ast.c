/*
 * ast.c — AST kind names (generated from the X-macro lists in frontend.h)
 * and the deterministic dump used by --dump=ast and golden tests.
 *
 * Dump format: one node per line, `(Kind @line:col attrs...` with children
 * indented two spaces below it and the closing parens at the end of the
 * last child.  Optional fields and secondary lists carry a `:label`.
 * Entry points: ast_*_name / ast_*_str, ast_dump, ast_dump_expr.
 */
#include "frontend.h"

#include <inttypes.h>
#include <string.h>

#define AST_NAME_(k, s) s,
static const char *const expr_names[] = { AST_EXPR_KINDS(AST_NAME_) };
static const char *const stmt_names[] = { AST_STMT_KINDS(AST_NAME_) };
static const char *const binop_strs[] = { AST_BINOPS(AST_NAME_) };
static const char *const unary_strs[] = { AST_UNARYOPS(AST_NAME_) };
static const char *const cmp_strs[] = { AST_CMPOPS(AST_NAME_) };
#undef AST_NAME_

const char *ast_expr_kind_name(ExprKind k)
{
    return (unsigned)k < EX__COUNT ? expr_names[k] : "?";
}

const char *ast_stmt_kind_name(StmtKind k)
{
    return (unsigned)k < ST__COUNT ? stmt_names[k] : "?";
}

const char *ast_binop_str(BinOp op)
{
    return (unsigned)op < OP__COUNT ? binop_strs[op] : "?";
}

const char *ast_unaryop_str(UnaryOp op)
{
    return (unsigned)op < UOP__COUNT ? unary_strs[op] : "?";
}

const char *ast_cmpop_str(CmpOp op)
{
    return (unsigned)op < CMP__COUNT ? cmp_strs[op] : "?";
}

/* ---- the dumper --------------------------------------------------------- */

typedef struct Dumper {
    FILE *out;
    int depth;
    bool first; /* nothing printed yet: no newline before the first node */
} Dumper;

static void newline(Dumper *d)
{
    if (!d->first)
        fputc('\n', d->out);
    d->first = false;
    for (int i = 0; i < d->depth; i++)
        fputs("  ", d->out);
}

/* Starts a node: newline, indent, optional label, "(Kind @l:c". */
static void open_node(Dumper *d, const char *label, const char *kind,
                      const Span *sp)
{
    newline(d);
    if (label)
        fprintf(d->out, ":%s ", label);
    fprintf(d->out, "(%s", kind);
    if (sp)
        fprintf(d->out, " @%u:%u", sp->line, sp->col);
    d->depth++;
}

static void close_node(Dumper *d)
{
    d->depth--;
    fputc(')', d->out);
}

/* A label on its own line, for lists. */
static void label_line(Dumper *d, const char *label)
{
    newline(d);
    fprintf(d->out, ":%s", label);
}

static void put_quoted(FILE *out, const char *s, size_t n, bool bytes)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        case '\\': fputs("\\\\", out); break;
        case '"': fputs("\\\"", out); break;
        default:
            if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80))
                fprintf(out, "\\x%02x", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}

static void dump_expr(Dumper *d, const char *label, const Expr *e);
static void dump_stmts(Dumper *d, const char *label, StmtList l);

static void dump_exprs(Dumper *d, const char *label, ExprList l)
{
    if (l.n == 0)
        return;
    if (label)
        label_line(d, label);
    for (int i = 0; i < l.n; i++)
        dump_expr(d, NULL, l.v[i]);
}

static void dump_fstring(Dumper *d, const char *label, const FString *fs);

static void dump_fpart(Dumper *d, const FPart *p)
{
    if (!p->expr) {
        newline(d);
        put_quoted(d->out, p->text, p->text_len, false);
        return;
    }
    open_node(d, NULL, "Interp", NULL);
    if (p->conversion)
        fprintf(d->out, " !%c", p->conversion);
    if (p->self_doc)
        fputs(" self_doc", d->out);
    if (p->text_len) {
        fputc(' ', d->out);
        put_quoted(d->out, p->text, p->text_len, false);
    }
    dump_expr(d, NULL, p->expr);
    if (p->spec)
        dump_fstring(d, "spec", p->spec);
    close_node(d);
}

static void dump_fstring(Dumper *d, const char *label, const FString *fs)
{
    open_node(d, label, "FStr", NULL);
    for (int i = 0; i < fs->n; i++)
        dump_fpart(d, fs->v[i]);
    close_node(d);
}

static const char *param_kind_name(ParamKind k)
{
    switch (k) {
    case PARAM_POSONLY: return "posonly";
    case PARAM_NORMAL: return "normal";
    case PARAM_VARARGS: return "varargs";
    case PARAM_KWONLY: return "kwonly";
    case PARAM_VARKW: return "varkw";
    }
    return "?";
}

static void dump_params(Dumper *d, ParamList pl)
{
    if (pl.n == 0)
        return;
    label_line(d, "params");
    for (int i = 0; i < pl.n; i++) {
        const Param *p = pl.v[i];
        open_node(d, NULL, "Param", &p->span);
        fprintf(d->out, " %s %s", p->name ? p->name : "?",
                param_kind_name(p->kind));
        dump_expr(d, "annotation", p->annotation);
        dump_expr(d, "default", p->default_value);
        close_node(d);
    }
}

static void dump_args(Dumper *d, const char *label, Arg **args, int n)
{
    if (n == 0)
        return;
    label_line(d, label);
    for (int i = 0; i < n; i++) {
        const Arg *a = args[i];
        if (!a->name) {
            dump_expr(d, NULL, a->value);
            continue;
        }
        open_node(d, NULL, "Keyword", &a->span);
        fprintf(d->out, " %s", a->name);
        dump_expr(d, NULL, a->value);
        close_node(d);
    }
}

static void dump_comp(Dumper *d, const Expr *e)
{
    dump_expr(d, NULL, e->u.comp.elt);
    if (e->kind == EX_DICTCOMP)
        dump_expr(d, NULL, e->u.comp.value);
    for (int i = 0; i < e->u.comp.n_gens; i++) {
        const Comprehension *c = e->u.comp.gens[i];
        open_node(d, NULL, "For", NULL);
        if (c->is_async)
            fputs(" async", d->out);
        dump_expr(d, NULL, c->target);
        dump_expr(d, NULL, c->iter);
        dump_exprs(d, "ifs", c->ifs);
        close_node(d);
    }
}

static void dump_dict(Dumper *d, const Expr *e)
{
    for (int i = 0; i < e->u.dict.keys.n; i++) {
        const Expr *k = e->u.dict.keys.v[i];
        if (k)
            dump_expr(d, NULL, k);
        else {
            newline(d);
            fputs("**", d->out);
        }
        dump_expr(d, NULL, e->u.dict.values.v[i]);
    }
}

static void dump_int(Dumper *d, const Expr *e)
{
    if (e->u.int_lit.fits_i64)
        fprintf(d->out, " %" PRId64, e->u.int_lit.value);
    else
        fprintf(d->out, " %s big", e->u.int_lit.text ? e->u.int_lit.text : "?");
}

static void dump_compare(Dumper *d, const Expr *e)
{
    const ExprList *ops = &e->u.compare.operands;
    for (int i = 0; i < ops->n; i++) {
        if (i > 0) {
            newline(d);
            fputs(ast_cmpop_str(e->u.compare.ops[i - 1]), d->out);
        }
        dump_expr(d, NULL, ops->v[i]);
    }
}

/* Leaf attributes printed on the node's own line. */
static void dump_expr_attrs(Dumper *d, const Expr *e)
{
    switch (e->kind) {
    case EX_NAME: fprintf(d->out, " %s", e->u.name.id); break;
    case EX_INT: dump_int(d, e); break;
    case EX_FLOAT:
    case EX_IMAG: fprintf(d->out, " %.17g", e->u.float_lit.value); break;
    case EX_STR:
    case EX_BYTES:
        fputc(' ', d->out);
        put_quoted(d->out, e->u.str.s, e->u.str.len, e->kind == EX_BYTES);
        break;
    case EX_BINOP: fprintf(d->out, " %s", ast_binop_str(e->u.binop.op)); break;
    case EX_UNARY:
        fprintf(d->out, " %s", ast_unaryop_str(e->u.unary.op));
        break;
    case EX_BOOLOP:
        fputs(e->u.boolop.op == BOOL_AND ? " and" : " or", d->out);
        break;
    case EX_ATTRIBUTE: fprintf(d->out, " .%s", e->u.attribute.attr); break;
    default: break;
    }
}

static void dump_expr_children(Dumper *d, const Expr *e)
{
    switch (e->kind) {
    case EX_FSTRING:
        for (int i = 0; i < e->u.fstring.n; i++)
            dump_fpart(d, e->u.fstring.v[i]);
        break;
    case EX_BINOP:
        dump_expr(d, NULL, e->u.binop.left);
        dump_expr(d, NULL, e->u.binop.right);
        break;
    case EX_UNARY: dump_expr(d, NULL, e->u.unary.operand); break;
    case EX_BOOLOP: dump_exprs(d, NULL, e->u.boolop.values); break;
    case EX_COMPARE: dump_compare(d, e); break;
    case EX_CALL:
        dump_expr(d, NULL, e->u.call.func);
        dump_args(d, "args", e->u.call.args, e->u.call.n_args);
        break;
    case EX_ATTRIBUTE: dump_expr(d, NULL, e->u.attribute.value); break;
    case EX_SUBSCRIPT:
        dump_expr(d, NULL, e->u.subscript.value);
        dump_expr(d, NULL, e->u.subscript.index);
        break;
    case EX_SLICE:
        dump_expr(d, "lower", e->u.slice.lower);
        dump_expr(d, "upper", e->u.slice.upper);
        dump_expr(d, "step", e->u.slice.step);
        break;
    case EX_TUPLE:
    case EX_LIST:
    case EX_SET: dump_exprs(d, NULL, e->u.seq.elts); break;
    case EX_DICT: dump_dict(d, e); break;
    case EX_LISTCOMP:
    case EX_SETCOMP:
    case EX_DICTCOMP:
    case EX_GENEXP: dump_comp(d, e); break;
    case EX_LAMBDA:
        dump_params(d, e->u.lambda.params);
        dump_expr(d, "body", e->u.lambda.body);
        break;
    case EX_IFEXP:
        dump_expr(d, NULL, e->u.ifexp.test);
        dump_expr(d, NULL, e->u.ifexp.body);
        dump_expr(d, NULL, e->u.ifexp.orelse);
        break;
    case EX_STARRED:
    case EX_DOUBLESTARRED:
    case EX_AWAIT:
    case EX_YIELD:
    case EX_YIELD_FROM: dump_expr(d, NULL, e->u.starred.value); break;
    case EX_NAMED:
        dump_expr(d, NULL, e->u.named.target);
        dump_expr(d, NULL, e->u.named.value);
        break;
    default: break;
    }
}

static void dump_expr(Dumper *d, const char *label, const Expr *e)
{
    if (!e)
        return;
    open_node(d, label, ast_expr_kind_name(e->kind), &e->span);
    dump_expr_attrs(d, e);
    dump_expr_children(d, e);
    close_node(d);
}

static void dump_aliases(Dumper *d, Alias **v, int n)
{
    for (int i = 0; i < n; i++) {
        open_node(d, NULL, "Alias", &v[i]->span);
        fprintf(d->out, " %s", v[i]->name ? v[i]->name : "?");
        if (v[i]->asname)
            fprintf(d->out, " as %s", v[i]->asname);
        close_node(d);
    }
}

static void dump_docstring(Dumper *d, const char *doc)
{
    if (!doc)
        return;
    newline(d);
    fputs(":docstring ", d->out);
    put_quoted(d->out, doc, strlen(doc), false);
}

static void dump_funcdef(Dumper *d, const Stmt *s)
{
    fprintf(d->out, " %s", s->u.funcdef.name ? s->u.funcdef.name : "?");
    if (s->u.funcdef.is_async)
        fputs(" async", d->out);
    if (s->u.funcdef.has_type_params)
        fputs(" generic", d->out);
    dump_exprs(d, "decorators", s->u.funcdef.decorators);
    dump_docstring(d, s->u.funcdef.docstring);
    dump_params(d, s->u.funcdef.params);
    dump_expr(d, "returns", s->u.funcdef.returns);
    dump_stmts(d, "body", s->u.funcdef.body);
}

static void dump_classdef(Dumper *d, const Stmt *s)
{
    fprintf(d->out, " %s", s->u.classdef.name ? s->u.classdef.name : "?");
    if (s->u.classdef.has_type_params)
        fputs(" generic", d->out);
    dump_exprs(d, "decorators", s->u.classdef.decorators);
    dump_docstring(d, s->u.classdef.docstring);
    dump_args(d, "bases", s->u.classdef.bases, s->u.classdef.n_bases);
    dump_stmts(d, "body", s->u.classdef.body);
}

static void dump_handler(Dumper *d, const ExceptHandler *h)
{
    open_node(d, NULL, "Except", &h->span);
    if (h->name)
        fprintf(d->out, " as %s", h->name);
    dump_expr(d, "type", h->type);
    dump_stmts(d, "body", h->body);
    close_node(d);
}

static void dump_try(Dumper *d, const Stmt *s)
{
    if (s->u.try_.is_star)
        fputs(" star", d->out);
    dump_stmts(d, "body", s->u.try_.body);
    for (int i = 0; i < s->u.try_.n_handlers; i++)
        dump_handler(d, s->u.try_.handlers[i]);
    dump_stmts(d, "orelse", s->u.try_.orelse);
    dump_stmts(d, "finally", s->u.try_.finalbody);
}

static void dump_with(Dumper *d, const Stmt *s)
{
    if (s->u.with.is_async)
        fputs(" async", d->out);
    for (int i = 0; i < s->u.with.n_items; i++) {
        const WithItem *w = s->u.with.items[i];
        open_node(d, NULL, "Item", NULL);
        dump_expr(d, NULL, w->context);
        dump_expr(d, "as", w->target);
        close_node(d);
    }
    dump_stmts(d, "body", s->u.with.body);
}

static void dump_names(Dumper *d, const char **names, int n);

static void dump_match(Dumper *d, const Stmt *s)
{
    dump_expr(d, NULL, s->u.match.subject);
    for (int i = 0; i < s->u.match.n_cases; i++) {
        const MatchCase *c = s->u.match.cases[i];
        open_node(d, NULL, "Case", NULL);
        dump_names(d, c->captures, c->n_captures);
        dump_expr(d, NULL, c->pattern);
        dump_expr(d, "guard", c->guard);
        dump_stmts(d, "body", c->body);
        close_node(d);
    }
}

static void dump_names(Dumper *d, const char **names, int n)
{
    for (int i = 0; i < n; i++)
        fprintf(d->out, " %s", names[i]);
}

static void dump_stmt_body(Dumper *d, const Stmt *s)
{
    switch (s->kind) {
    case ST_EXPR: dump_expr(d, NULL, s->u.expr.value); break;
    case ST_ASSIGN:
        dump_exprs(d, "targets", s->u.assign.targets);
        dump_expr(d, "value", s->u.assign.value);
        break;
    case ST_AUGASSIGN:
        fprintf(d->out, " %s=", ast_binop_str(s->u.augassign.op));
        dump_expr(d, NULL, s->u.augassign.target);
        dump_expr(d, NULL, s->u.augassign.value);
        break;
    case ST_ANNASSIGN:
        dump_expr(d, NULL, s->u.annassign.target);
        dump_expr(d, "annotation", s->u.annassign.annotation);
        dump_expr(d, "value", s->u.annassign.value);
        break;
    case ST_RETURN: dump_expr(d, NULL, s->u.ret.value); break;
    case ST_IF:
        dump_expr(d, NULL, s->u.if_.test);
        dump_stmts(d, "body", s->u.if_.body);
        dump_stmts(d, "orelse", s->u.if_.orelse);
        break;
    case ST_WHILE:
        dump_expr(d, NULL, s->u.while_.test);
        dump_stmts(d, "body", s->u.while_.body);
        dump_stmts(d, "orelse", s->u.while_.orelse);
        break;
    case ST_FOR:
        if (s->u.for_.is_async)
            fputs(" async", d->out);
        dump_expr(d, NULL, s->u.for_.target);
        dump_expr(d, NULL, s->u.for_.iter);
        dump_stmts(d, "body", s->u.for_.body);
        dump_stmts(d, "orelse", s->u.for_.orelse);
        break;
    case ST_FUNCDEF: dump_funcdef(d, s); break;
    case ST_CLASSDEF: dump_classdef(d, s); break;
    case ST_IMPORT:
        dump_aliases(d, s->u.import.names, s->u.import.n_names);
        break;
    case ST_IMPORTFROM:
        fprintf(d->out, " %.*s%s", s->u.importfrom.level, "................",
                s->u.importfrom.module ? s->u.importfrom.module : "");
        dump_aliases(d, s->u.importfrom.names, s->u.importfrom.n_names);
        break;
    case ST_GLOBAL:
    case ST_NONLOCAL:
        dump_names(d, s->u.global.names, s->u.global.n_names);
        break;
    case ST_DELETE: dump_exprs(d, NULL, s->u.delete_.targets); break;
    case ST_RAISE:
        dump_expr(d, NULL, s->u.raise.exc);
        dump_expr(d, "from", s->u.raise.cause);
        break;
    case ST_TRY: dump_try(d, s); break;
    case ST_WITH: dump_with(d, s); break;
    case ST_ASSERT:
        dump_expr(d, NULL, s->u.assert_.test);
        dump_expr(d, "msg", s->u.assert_.msg);
        break;
    case ST_MATCH: dump_match(d, s); break;
    case ST_TYPEALIAS:
        dump_expr(d, NULL, s->u.typealias.name);
        dump_expr(d, NULL, s->u.typealias.value);
        break;
    default: break;
    }
}

static void dump_stmt(Dumper *d, const Stmt *s)
{
    open_node(d, NULL, ast_stmt_kind_name(s->kind), &s->span);
    dump_stmt_body(d, s);
    close_node(d);
}

static void dump_stmts(Dumper *d, const char *label, StmtList l)
{
    if (l.n == 0)
        return;
    if (label)
        label_line(d, label);
    for (int i = 0; i < l.n; i++)
        dump_stmt(d, l.v[i]);
}

void ast_dump(const Module *m, FILE *out)
{
    Dumper d = { out, 0, true };
    open_node(&d, NULL, "Module", NULL);
    fprintf(out, " %s", m->name ? m->name : "?");
    dump_docstring(&d, m->docstring);
    dump_stmts(&d, NULL, m->body);
    close_node(&d);
    fputc('\n', out);
}

void ast_dump_expr(const Expr *e, FILE *out)
{
    Dumper d = { out, 0, true };
    if (!e)
        fputs("(null)", out);
    else
        dump_expr(&d, NULL, e);
    fputc('\n', out);
}
