/*
 * parse.c — the parser driver: runs tree-sitter over a Source, reports
 * syntax errors (ERROR / MISSING nodes, NUL bytes, bad UTF-8) and hands
 * the concrete tree to the statement converter, then deletes the tree.
 * Also the small CST helpers every parse*.c file uses (spans, text,
 * child iteration, diagnostics, node constructors).
 *
 * needs: a Source.  provides: a Module AST and syntax diagnostics.
 * Entry point: fe_parse.
 */
#include "parse_internal.h"

#include <string.h>

const TSLanguage *tree_sitter_python(void);

enum { PARSE_TIMEOUT_MICROS = 20 * 1000 * 1000 };

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

/* ---- syntax errors ------------------------------------------------------------ */

/* A short printable rendering of a token for `unexpected '...'`. */
static const char *token_repr(Parser *p, TSNode n)
{
    size_t len;
    const char *t = node_text(p, n, &len);
    char buf[128];
    size_t o = 0;
    for (size_t i = 0; i < len && o + 5 < sizeof buf; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c < 0x20 || c == 0x7f)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "\\x%02x", c);
        else
            buf[o++] = (char)c;
    }
    buf[o] = '\0';
    return arena_strdup(p->a, buf);
}

static bool is_small_error(Parser *p, TSNode n)
{
    uint32_t kids = ts_node_child_count(n);
    if (kids > 1)
        return false;
    if (kids == 1 && ts_node_child_count(ts_node_child(n, 0)) > 0)
        return false;
    size_t len;
    const char *t = node_text(p, n, &len);
    return len > 0 && len <= 24 && !memchr(t, '\n', len);
}

static void report_error_node(Parser *p, TSNode n)
{
    if (is_small_error(p, n))
        perr(p, n, "unexpected '%s'", token_repr(p, n));
    else
        perr(p, n, "invalid syntax");
}

static void report_missing(Parser *p, TSNode n)
{
    const char *type = ts_node_type(n);
    if (ts_node_is_named(n))
        perr(p, n, "expected %s", type);
    else
        perr(p, n, "expected '%s'", type);
}

/* Walks only the subtrees that contain errors; nested ERRORs inside an
 * ERROR are not reported again. */
static void report_syntax_errors(Parser *p, TSNode root)
{
    if (!ts_node_has_error(root))
        return;
    TSTreeCursor c = ts_tree_cursor_new(root);
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&c);
        bool descend = false;
        if (ts_node_is_missing(n))
            report_missing(p, n);
        else if (strcmp(ts_node_type(n), "ERROR") == 0)
            report_error_node(p, n);
        else
            descend = ts_node_has_error(n);
        if (descend && ts_tree_cursor_goto_first_child(&c))
            continue;
        bool moved = false;
        while (!(moved = ts_tree_cursor_goto_next_sibling(&c)))
            if (!ts_tree_cursor_goto_parent(&c))
                break;
        if (!moved)
            break;
    }
    ts_tree_cursor_delete(&c);
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

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
    else return 0;
    if (len > n)
        return 0;
    unsigned cp = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* Python rejects NUL bytes and invalid UTF-8 anywhere in a source file;
 * report the first of each. */
static void check_source_bytes(Parser *p)
{
    const unsigned char *t = (const unsigned char *)p->src->text;
    size_t n = p->src->len;
    bool nul = false, bad = false;
    for (size_t i = 0; i < n && !(nul && bad);) {
        if (t[i] == 0 && !nul) {
            perr_span(p, span_of_bytes(p->src, i, 1),
                      "source code cannot contain null bytes");
            nul = true;
        }
        size_t len = utf8_len(t + i, n - i);
        if (len == 0) {
            if (!bad)
                perr_span(p, span_of_bytes(p->src, i, 1),
                          "invalid UTF-8 byte 0x%02x in source", t[i]);
            bad = true;
            len = 1;
        }
        i += len;
    }
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
    ts_parser_set_timeout_micros(tp, PARSE_TIMEOUT_MICROS);
    TSTree *t = ts_parser_parse_string(tp, NULL, p->src->text,
                                       (uint32_t)p->src->len);
    if (!t)
        perr_span(p, top, "the parser gave up on this file (timeout)");
    return t;
}

Module *fe_parse(Arena *a, Strtab *names, const Source *src, DiagList *diags)
{
    Parser p = { .a = a, .names = names, .src = src, .diags = diags };
    check_source_bytes(&p);
    TSParser *tp = ts_parser_new();
    TSTree *tree = run_tree_sitter(&p, tp);
    if (!tree) {
        ts_parser_delete(tp);
        return NULL;
    }
    TSNode root = ts_tree_root_node(tree);
    p.tree_has_errors = ts_node_has_error(root);
    report_syntax_errors(&p, root);

    Module *m = ARENA_NEW(a, Module);
    m->src = src;
    m->name = module_name(&p, src->path);
    m->body = conv_module_body(&p, root);
    m->docstring = docstring_of(m->body);

    ts_tree_delete(tree);
    ts_parser_delete(tp);
    return m;
}
