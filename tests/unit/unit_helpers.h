/*
 * unit_helpers.h — shared helpers for the typecheck and emit unit tests, so
 * that a test is a few lines: check_snippet("def f() -> int: ...") parses
 * and type-checks a snippet held in memory and renders its diagnostics;
 * emit_snippet() also runs the emitter and keeps the IR dump and the C.
 *
 * Header-only (static functions): tests/unit/test_typecheck.c links no
 * emit objects, so everything that needs emit/ is behind UNIT_WITH_EMIT.
 * Entry points: check_snippet, snip_free, snip_func, snip_local_type,
 * snip_param_type, body_stmt, str_count, str_replace_all.
 */
#ifndef STATICPY_UNIT_HELPERS_H
#define STATICPY_UNIT_HELPERS_H

#define _DEFAULT_SOURCE /* open_memstream, realpath */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "frontend/frontend.h"
#include "typecheck/typecheck.h"
#ifdef UNIT_WITH_EMIT
#include "emit/emit.h"
#endif

#define UNUSED_FN __attribute__((unused))

/* A snippet after parse + typecheck (+ emit). Everything lives in `a`. */
typedef struct Snip {
    Arena *a;
    Strtab *names;
    Source *src;
    DiagList diags;
    Module *m;
    TcModule *tm;       /* NULL when parsing failed */
    int n_errors;       /* diags.n_errors after the last stage run */
    char *diag_full;    /* diag_print() output (sorted, with source lines) */
    char *diag_msgs;    /* one "line:col: msg" line per diagnostic, sorted */
    char *ir;           /* emit: the --dump=ir text */
    char *c;            /* emit: the generated C */
    int emit_errors;    /* emit_module_c's return value */
} Snip;

/* Reads a memstream buffer into the arena and frees it. */
static UNUSED_FN char *memstream_take(Arena *a, FILE *f, char **buf, size_t *len)
{
    fclose(f);
    char *s = arena_strndup(a, *buf ? *buf : "", *buf ? *len : 0);
    free(*buf);
    *buf = NULL;
    return s;
}

static UNUSED_FN void snip_render_diags(Snip *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    diag_print(&s->diags, f); /* also sorts s->diags.v */
    s->diag_full = memstream_take(s->a, f, &buf, &len);
    f = open_memstream(&buf, &len);
    assert_non_null(f);
    for (int i = 0; i < s->diags.n; i++) {
        const Diag *g = s->diags.v[i];
        fprintf(f, "%u:%u: %s\n", g->span.line, g->span.col + 1, g->msg);
    }
    s->diag_msgs = memstream_take(s->a, f, &buf, &len);
    s->n_errors = s->diags.n_errors;
}

/* Parses and type-checks `text` as the file `path`.  A syntax error fails
 * the test: these tests are about the later stages. */
static UNUSED_FN Snip *check_snippet_mode(const char *path, const char *text, bool strict)
{
    Snip *s = calloc(1, sizeof *s);
    assert_non_null(s);
    s->a = arena_new();
    s->names = strtab_new(s->a);
    s->src = src_from_string(s->a, path, text);
    diag_init(&s->diags, s->a, s->src);
    s->m = fe_parse(s->a, s->names, s->src, &s->diags);
    if (!s->m || s->diags.n_errors) {
        snip_render_diags(s);
        fail_msg("snippet does not parse:\n%s\n--- snippet:\n%s", s->diag_full, text);
    }
    s->tm = strict ? tc_check(s->a, s->names, s->m, &s->diags)
                   : tc_check_module(s->a, s->names, s->m, &s->diags, false);
    snip_render_diags(s);
    return s;
}

static UNUSED_FN Snip *check_snippet_as(const char *path, const char *text)
{
    return check_snippet_mode(path, text, true);
}

/* The path is relative and does not exist, so realpath() keeps it as is. */
#define SNIP_PATH "snip_nonexistent_dir/m.py"

static UNUSED_FN Snip *check_snippet(const char *text)
{
    return check_snippet_as(SNIP_PATH, text);
}

/* Like check_snippet, and fails (showing the diagnostics) on any error. */
static UNUSED_FN Snip *check_ok(const char *text)
{
    Snip *s = check_snippet(text);
    if (s->n_errors)
        fail_msg("unexpected diagnostics:\n%s--- snippet:\n%s", s->diag_full, text);
    return s;
}

static UNUSED_FN void snip_free(Snip *s)
{
    if (!s)
        return;
    diag_free(&s->diags);
    strtab_free(s->names);
    arena_free(s->a);
    free(s);
}

/* ---- looking things up ----------------------------------------------------- */

static UNUSED_FN TcFunc *snip_func(const Snip *s, const char *name)
{
    for (int i = 0; i < s->tm->n_funcs; i++)
        if (!strcmp(s->tm->funcs[i]->name, name))
            return s->tm->funcs[i];
    fail_msg("no function '%s'", name);
    return NULL;
}

static UNUSED_FN TcSymbol *snip_local(const Snip *s, const char *func, const char *name)
{
    TcFunc *f = snip_func(s, func);
    for (int i = 0; i < f->n_locals; i++)
        if (!strcmp(f->locals[i]->name, name))
            return f->locals[i];
    fail_msg("no local '%s' in '%s'", name, func);
    return NULL;
}

/* The rendered type of a local ("int", "tuple[int, str]"). */
static UNUSED_FN const char *snip_local_type(const Snip *s, const char *func,
                                             const char *name)
{
    TcSymbol *sym = snip_local(s, func, name);
    assert_non_null(sym->type);
    return ty_str(s->a, sym->type);
}

static UNUSED_FN const char *snip_global_type(const Snip *s, const char *name)
{
    for (int i = 0; i < s->tm->n_globals; i++)
        if (!strcmp(s->tm->globals[i]->name, name))
            return ty_str(s->a, s->tm->globals[i]->type);
    fail_msg("no global '%s'", name);
    return NULL;
}

/* Statement i of function `func`'s body. */
static UNUSED_FN Stmt *body_stmt(const Snip *s, const char *func, int i)
{
    TcFunc *f = snip_func(s, func);
    StmtList *b = &f->def->u.funcdef.body;
    assert_true(i < b->n);
    return b->v[i];
}

/* The expression a statement evaluates: `x = e`, `x: T = e`, `return e`, `e`. */
static UNUSED_FN Expr *stmt_value(Stmt *st)
{
    switch (st->kind) {
    case ST_ASSIGN: return st->u.assign.value;
    case ST_ANNASSIGN: return st->u.annassign.value;
    case ST_RETURN: return st->u.ret.value;
    case ST_EXPR: return st->u.expr.value;
    default: fail_msg("statement %s has no value", ast_stmt_kind_name(st->kind));
    }
    return NULL;
}

/* ---- strings --------------------------------------------------------------- */

static UNUSED_FN int str_count(const char *hay, const char *needle)
{
    int n = 0;
    size_t k = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + k, needle))
        n++;
    return n;
}

/* malloc'ed copy of s with every `from` replaced by `to`. */
static UNUSED_FN char *str_replace_all(const char *s, const char *from, const char *to)
{
    size_t fl = strlen(from), tl = strlen(to);
    size_t n = fl ? (size_t)str_count(s, from) : 0;
    char *out = malloc(strlen(s) + n * (tl > fl ? tl - fl : 0) + 1);
    assert_non_null(out);
    char *o = out;
    const char *p = s;
    const char *q;
    while (fl && (q = strstr(p, from))) {
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        memcpy(o, to, tl);
        o += tl;
        p = q + fl;
    }
    strcpy(o, p);
    return out;
}

/* Asserts that `hay` contains `needle`, printing hay when it does not. */
#define assert_contains(hay, needle)                                          \
    do {                                                                      \
        const char *h_ = (hay), *n_ = (needle);                               \
        if (!strstr(h_, n_))                                                  \
            fail_msg("expected to find:\n%s\n--- in:\n%s", n_, h_);           \
    } while (0)

#define assert_not_contains(hay, needle)                                      \
    do {                                                                      \
        const char *h_ = (hay), *n_ = (needle);                               \
        if (strstr(h_, n_))                                                   \
            fail_msg("did not expect:\n%s\n--- in:\n%s", n_, h_);             \
    } while (0)

/* ---- emit ------------------------------------------------------------------ */

#ifdef UNIT_WITH_EMIT
/* Runs emit_module_c on a checked snippet, keeping the IR dump and the C. */
static UNUSED_FN void snip_emit(Snip *s)
{
    char *ibuf = NULL, *cbuf = NULL;
    size_t ilen = 0, clen = 0;
    FILE *ir = open_memstream(&ibuf, &ilen);
    FILE *c = open_memstream(&cbuf, &clen);
    assert_non_null(ir);
    assert_non_null(c);
    EmitOptions eo = {.dump_ir = true, .dump_out = ir};
    s->emit_errors = emit_module_c(s->a, s->tm, &eo, c, &s->diags);
    s->ir = memstream_take(s->a, ir, &ibuf, &ilen);
    s->c = memstream_take(s->a, c, &cbuf, &clen);
    snip_render_diags(s);
}

/* check + emit, failing the test on any diagnostic. */
static UNUSED_FN Snip *emit_ok_as(const char *path, const char *text)
{
    Snip *s = check_snippet_as(path, text);
    if (s->n_errors)
        fail_msg("unexpected typecheck diagnostics:\n%s--- snippet:\n%s",
                 s->diag_full, text);
    snip_emit(s);
    if (s->emit_errors || s->n_errors)
        fail_msg("unexpected emit diagnostics:\n%s--- snippet:\n%s", s->diag_full, text);
    return s;
}

static UNUSED_FN Snip *emit_ok(const char *text)
{
    return emit_ok_as(SNIP_PATH, text);
}

/* check (what cannot be native is left to the interpreter, with a note,
 * as without --strict) + emit, failing the test on any error. */
static UNUSED_FN Snip *emit_lenient(const char *text)
{
    Snip *s = check_snippet_mode(SNIP_PATH, text, false);
    if (s->diags.n_errors)
        fail_msg("unexpected typecheck errors:\n%s--- snippet:\n%s", s->diag_full, text);
    snip_emit(s);
    if (s->emit_errors || s->diags.n_errors)
        fail_msg("unexpected emit errors:\n%s--- snippet:\n%s", s->diag_full, text);
    return s;
}

/* The IR dump of one function ("def f_<name>:" up to the next "def "),
 * as a malloc'ed string. */
static UNUSED_FN char *ir_of(const Snip *s, const char *cname)
{
    char head[256];
    snprintf(head, sizeof head, "def %s:\n", cname);
    const char *p = strstr(s->ir, head);
    if (!p)
        fail_msg("no IR for %s in:\n%s", cname, s->ir);
    const char *end = strstr(p + 1, "\ndef ");
    size_t n = end ? (size_t)(end - p) + 1 : strlen(p);
    char *out = malloc(n + 1);
    assert_non_null(out);
    memcpy(out, p, n);
    out[n] = 0;
    return out;
}

/* The C text of one native function: from its definition (the line
 * "static ... f_<name>(SpyModState *st...)" followed by "{") to the
 * closing "\n}\n", as a malloc'ed string. */
static UNUSED_FN char *c_func_of(const Snip *s, const char *cname)
{
    char head[256];
    snprintf(head, sizeof head, "/* def %s */\n", cname + 2); /* skip "f_" */
    const char *p = strstr(s->c, head);
    if (!p)
        fail_msg("no C definition for %s in:\n%s", cname, s->c);
    const char *end = strstr(p, "\n}\n");
    assert_non_null(end);
    size_t n = (size_t)(end - p) + 3;
    char *out = malloc(n + 1);
    assert_non_null(out);
    memcpy(out, p, n);
    out[n] = 0;
    return out;
}
#endif

#endif
