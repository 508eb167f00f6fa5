/*
 * parse.c — the parser driver: runs tree-sitter over a Source, has the
 * syntax errors reported (parse_errors.c) and hands the concrete tree to
 * the statement converter, then deletes the tree.
 * Also the small CST helpers every parse*.c file uses (spans, text,
 * child iteration, diagnostics, node constructors).
 *
 * needs: a Source.  provides: a Module AST and syntax diagnostics.
 * Entry point: fe_parse.
 */
#include "parse_internal.h"

#include <string.h>

const TSLanguage *tree_sitter_python(void);

enum { PARSE_TIMEOUT_MICROS = 30 * 1000 * 1000 };

/* ---- child iteration ---------------------------------------------------- */

KidIter kids_begin(TSNode n)
{
    KidIter it;
    it.cur = ts_tree_cursor_new(n);
    it.started = false;
    it.done = false;
    return it;
}

bool kids_next(KidIter *it, TSNode *out, const char **field)
{
    while (!it->done) {
        bool ok;
        if (!it->started) {
            it->started = true;
            ok = ts_tree_cursor_goto_first_child(&it->cur);
        } else {
            ok = ts_tree_cursor_goto_next_sibling(&it->cur);
        }
        if (!ok) {
            it->done = true;
            break;
        }
        TSNode k = ts_tree_cursor_current_node(&it->cur);
        if (ts_node_is_extra(k))
            continue;
        *out = k;
        if (field)
            *field = ts_tree_cursor_current_field_name(&it->cur);
        return true;
    }
    return false;
}

void kids_end(KidIter *it)
{
    ts_tree_cursor_delete(&it->cur);
}

int count_named_kids(TSNode n)
{
    int count = 0;
    KidIter it = kids_begin(n);
    TSNode k;
    while (kids_next(&it, &k, NULL))
        if (ts_node_is_named(k))
            count++;
    kids_end(&it);
    return count;
}

TSNode first_named_kid(TSNode n)
{
    TSNode k, found = { 0 };
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL))
        if (ts_node_is_named(k)) {
            found = k;
            break;
        }
    kids_end(&it);
    return found;
}

/* ---- spans and text ------------------------------------------------------ */

Span node_span(TSNode n)
{
    TSPoint s = ts_node_start_point(n), e = ts_node_end_point(n);
    Span sp = { s.row + 1, s.column, e.row + 1, e.column };
    return sp;
}

Span span_join(Span a, Span b)
{
    Span sp = { a.line, a.col, b.end_line, b.end_col };
    return sp;
}

/* Span of len bytes at a byte offset (for errors inside tokens and in
 * the raw bytes); it ends on the line where it starts. */
Span span_of_bytes(const Source *src, size_t off, size_t len)
{
    int lo = 0, hi = src->n_lines - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (src->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    uint32_t col = (uint32_t)(off - src->line_starts[lo]);
    Span sp = { (uint32_t)lo + 1, col, (uint32_t)lo + 1,
                col + (uint32_t)(len ? len : 1) };
    return sp;
}

bool node_is(TSNode n, const char *type)
{
    return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

TSNode field(TSNode n, const char *name)
{
    return ts_node_child_by_field_name(n, name, (uint32_t)strlen(name));
}

/* Does n have an anonymous child token `tok` (e.g. "async", ",")? */
bool has_token(TSNode n, const char *tok)
{
    bool found = false;
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL))
        if (!ts_node_is_named(k) && strcmp(ts_node_type(k), tok) == 0) {
            found = true;
            break;
        }
    kids_end(&it);
    return found;
}

const char *node_text(const Parser *p, TSNode n, size_t *len)
{
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (s > p->src->len)
        s = (uint32_t)p->src->len;
    if (e > p->src->len || e < s)
        e = s;
    *len = e - s;
    return p->src->text + s;
}

const char *node_intern(Parser *p, TSNode n)
{
    size_t len;
    const char *t = node_text(p, n, &len);
    return strtab_intern(p->names, t, len);
}

/* ---- diagnostics ----------------------------------------------------------- */

void perr_span(Parser *p, Span sp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(p->diags, DIAG_ERROR, sp, fmt, ap);
    va_end(ap);
}

void perr(Parser *p, TSNode n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(p->diags, DIAG_ERROR, node_span(n), fmt, ap);
    va_end(ap);
}

bool enter(Parser *p, TSNode n)
{
    if (p->depth >= PARSE_MAX_DEPTH) {
        if (!p->reported_depth)
            perr(p, n, "too many nested expressions or statements");
        p->reported_depth = true;
        return false;
    }
    p->depth++;
    return true;
}

void leave(Parser *p)
{
    p->depth--;
}

/* ---- node constructors ------------------------------------------------------ */

Expr *new_expr(Parser *p, ExprKind k, Span sp)
{
    Expr *e = ARENA_NEW(p->a, Expr);
    e->kind = k;
    e->span = sp;
    return e;
}

Stmt *new_stmt(Parser *p, StmtKind k, Span sp)
{
    Stmt *s = ARENA_NEW(p->a, Stmt);
    s->kind = k;
    s->span = sp;
    return s;
}

/* A placeholder where an expression could not be built; the error has
 * already been reported (or is being reported by the caller). */
Expr *error_expr(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_NAME, node_span(n));
    e->u.name.id = strtab_cstr(p->names, "<error>");
    return e;
}

/* A node kind the converter does not expect here.  In a tree with syntax
 * errors this is a consequence of recovery and already reported. */
Expr *unexpected_expr(Parser *p, TSNode n)
{
    if (!p->tree_has_errors && !ts_node_is_missing(n))
        perr(p, n, "unexpected %s", ts_node_type(n));
    return error_expr(p, n);
}

/* ---- driver ---------------------------------------------------------------- */

static const char *module_name(Parser *p, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t len = strlen(base);
    if (len > 3 && strcmp(base + len - 3, ".py") == 0)
        len -= 3;
    return strtab_intern(p->names, base, len);
}

static TSTree *run_tree_sitter(Parser *p, TSParser *tp)
{
    Span top = { 1, 0, 1, 0 };
    if (!ts_parser_set_language(tp, tree_sitter_python())) {
        perr_span(p, top, "internal error: tree-sitter-python grammar "
                          "version is not supported by libtree-sitter");
        return NULL;
    }
    if (p->src->len > UINT32_MAX / 2) {
        perr_span(p, top, "source file is too large");
        return NULL;
    }
    /* Generous: tree-sitter is linear; this only stops pathological
     * inputs (the limit is CPU time, so it scales with the file). */
    ts_parser_set_timeout_micros(tp, PARSE_TIMEOUT_MICROS + 100 * (uint64_t)p->src->len);
    TSTree *t = ts_parser_parse_string(tp, NULL, p->src->text,
                                       (uint32_t)p->src->len);
    if (!t)
        perr_span(p, top, "the parser gave up on this file (timeout)");
    return t;
}

Module *fe_parse(Arena *a, Strtab *names, const Source *src, DiagList *diags)
{
    Parser p = { .a = a, .names = names, .src = src, .diags = diags };
    Module *m = ARENA_NEW(a, Module);
    m->src = src;
    m->name = module_name(&p, src->path);
    if (!check_bracket_depth(&p)) {
        check_source_bytes(&p);
        return m; /* reported; an empty module */
    }
    TSParser *tp = ts_parser_new();
    TSTree *tree = run_tree_sitter(&p, tp);
    if (!tree) {
        ts_parser_delete(tp);
        return NULL;
    }
    TSNode root = ts_tree_root_node(tree);
    p.tree_has_errors = ts_node_has_error(root);
    report_syntax_errors(&p, root);
    check_source_bytes(&p);

    m->body = conv_module_body(&p, root);
    m->docstring = docstring_of(m->body);

    ts_tree_delete(tree);
    ts_parser_delete(tp);
    return m;
}
