/*
 * test_frontend.c — cmocka unit tests for the frontend: arena, PtrVec,
 * interning, the line table, diagnostic rendering, and fe_parse (AST
 * shapes and spans for every statement and expression kind, operator
 * precedence, literals, f-strings, syntax error messages).
 *
 * Helpers keep each test a few lines: parse_snippet("x: int = 1") gives
 * the module, dump_of()/diags_of() render it to a string.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "frontend/frontend.h"

/* ---- helpers -------------------------------------------------------------- */

typedef struct Parsed {
    Arena *a;
    Strtab *names;
    Source *src;
    DiagList diags;
    Module *m;
    char *text; /* last rendering handed out, freed with the Parsed */
} Parsed;

static Parsed *parse_bytes(const char *path, const char *text, size_t len)
{
    Parsed *p = calloc(1, sizeof *p);
    p->a = arena_new();
    p->names = strtab_new(p->a);
    /* src_from_string stops at NUL; build a Source for raw bytes by hand
     * through a temporary file when the text has embedded NULs. */
    if (strlen(text) == len) {
        p->src = src_from_string(p->a, path, text);
    } else {
        char tmpl[] = "/tmp/test_frontend_XXXXXX";
        int fd = mkstemp(tmpl);
        assert_true(fd >= 0);
        FILE *f = fdopen(fd, "wb");
        fwrite(text, 1, len, f);
        fclose(f);
        p->src = src_load(p->a, tmpl);
        remove(tmpl);
        p->src->path = path;
    }
    diag_init(&p->diags, p->a, p->src);
    p->m = fe_parse(p->a, p->names, p->src, &p->diags);
    return p;
}

static Parsed *parse_snippet(const char *text)
{
    return parse_bytes("test.py", text, strlen(text));
}

static void parsed_free(Parsed *p)
{
    free(p->text);
    diag_free(&p->diags);
    strtab_free(p->names);
    arena_free(p->a);
    free(p);
}

static const char *keep_text(Parsed *p, char *buf)
{
    free(p->text);
    p->text = buf;
    return buf;
}

static const char *dump_of(Parsed *p)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ast_dump(p->m, f);
    fclose(f);
    return keep_text(p, buf);
}

static const char *diags_of(Parsed *p)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(&p->diags, f);
    fclose(f);
    return keep_text(p, buf);
}

static const char *expr_dump(Parsed *p, const Expr *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ast_dump_expr(e, f);
    fclose(f);
    return keep_text(p, buf);
}

/* The value of the n-th statement when it is an expression statement. */
static Expr *expr_of(Parsed *p, int n)
{
    assert_true(n < p->m->body.n);
    Stmt *s = p->m->body.v[n];
    assert_int_equal(s->kind, ST_EXPR);
    return s->u.expr.value;
}

static Stmt *stmt_of(Parsed *p, int n)
{
    assert_non_null(p->m);
    assert_true(n < p->m->body.n);
    return p->m->body.v[n];
}

static void assert_clean(Parsed *p)
{
    if (p->diags.n_errors)
        fprintf(stderr, "%s", diags_of(p));
    assert_int_equal(p->diags.n_errors, 0);
}

/* Parses `src`, expects no errors and exactly the dump `want`. */
static void check_dump(const char *src, const char *want)
{
    Parsed *p = parse_snippet(src);
    assert_clean(p);
    assert_string_equal(dump_of(p), want);
    parsed_free(p);
}

/* Parses `src` as one expression statement and compares its dump. */
static void check_expr(const char *src, const char *want)
{
    Parsed *p = parse_snippet(src);
    assert_clean(p);
    assert_int_equal(p->m->body.n, 1);
    assert_string_equal(expr_dump(p, expr_of(p, 0)), want);
    parsed_free(p);
}

/* Parses `src`, expects errors and that the rendered diagnostics contain
 * `want`. */
static void check_error(const char *src, const char *want)
{
    Parsed *p = parse_snippet(src);
    assert_non_null(p->m);
    assert_true(p->diags.n_errors > 0);
    const char *got = diags_of(p);
    if (!strstr(got, want))
        fprintf(stderr, "diagnostics were:\n%s\nwanted: %s\n", got, want);
    assert_non_null(strstr(got, want));
    parsed_free(p);
}

static void assert_span(Span sp, unsigned line, unsigned col,
                        unsigned end_line, unsigned end_col)
{
    assert_int_equal(sp.line, line);
    assert_int_equal(sp.col, col);
    assert_int_equal(sp.end_line, end_line);
    assert_int_equal(sp.end_col, end_col);
}

/* ---- arena, vectors, interning ------------------------------------------- */

static void test_arena(void **state)
{
    (void)state;
    Arena *a = arena_new();
    char *s = arena_alloc(a, 10);
    for (int i = 0; i < 10; i++)
        assert_int_equal(s[i], 0);
    double *d = ARENA_NEW(a, double);
    assert_int_equal((uintptr_t)d % _Alignof(max_align_t), 0);
    char *big = arena_alloc(a, 1 << 20); /* larger than a block */
    big[(1 << 20) - 1] = 'x';
    for (int i = 0; i < 10000; i++)
        (void)arena_alloc(a, 24);
    assert_string_equal(arena_strndup(a, "hello", 3), "hel");
    assert_string_equal(arena_strdup(a, "hi"), "hi");
    assert_string_equal(arena_printf(a, "%d-%s", 42, "x"), "42-x");
    arena_free(a);
}

static void test_ptrvec(void **state)
{
    (void)state;
    Arena *a = arena_new();
    PtrVec pv = { 0 };
    int xs[100];
    for (int i = 0; i < 100; i++)
        ptrvec_push(&pv, &xs[i]);
    void **v = ptrvec_finish(a, &pv);
    assert_int_equal(pv.n, 100);
    assert_ptr_equal(v[99], &xs[99]);
    assert_null(pv.v);
    ptrvec_push(&pv, &xs[0]); /* reuse after finish starts empty */
    assert_int_equal(pv.n, 1);
    v = ptrvec_finish(a, &pv);
    assert_int_equal(pv.n, 1);
    assert_null(ptrvec_finish(a, &pv)); /* finishing again: empty */
    assert_int_equal(pv.n, 0);
    ptrvec_free(&pv);
    arena_free(a);
}

static void test_strtab(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Strtab *t = strtab_new(a);
    const char *x = strtab_cstr(t, "foo");
    assert_ptr_equal(x, strtab_intern(t, "foobar", 3));
    assert_ptr_not_equal(x, strtab_cstr(t, "bar"));
    assert_string_equal(strtab_intern(t, "a\0b", 3) + 2, "b");
    const char *names[2000];
    for (int i = 0; i < 2000; i++)
        names[i] = strtab_cstr(t, arena_printf(a, "name%d", i));
    for (int i = 0; i < 2000; i++)
        assert_ptr_equal(names[i], strtab_cstr(t, arena_printf(a, "name%d", i)));
    assert_ptr_equal(x, strtab_cstr(t, "foo"));
    strtab_free(t);
    arena_free(a);
}

/* ---- source and diagnostics --------------------------------------------- */

static void test_source_lines(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Source *s = src_from_string(a, "m.py", "ab\r\ncde\n\nlast");
    assert_int_equal(s->n_lines, 4);
    size_t len;
    const char *l = src_line(s, 1, &len);
    assert_int_equal(len, 2);
    assert_memory_equal(l, "ab", 2);
    l = src_line(s, 2, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(l, "cde", 3);
    src_line(s, 3, &len);
    assert_int_equal(len, 0);
    l = src_line(s, 4, &len);
    assert_int_equal(len, 4);
    src_line(s, 5, &len);
    assert_int_equal(len, 0);
    src_line(s, 0, &len);
    assert_int_equal(len, 0);
    Source *e = src_from_string(a, "e.py", "x\n");
    assert_int_equal(e->n_lines, 2); /* the empty line after the newline */
    assert_null(src_load(a, "/nonexistent/file.py"));
    arena_free(a);
}

static char *render(DiagList *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(d, f);
    fclose(f);
    return buf;
}

static void test_diag_format(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Source *s = src_from_string(a, "mod.py",
        "\n\n\n\n\n\n\n\n\n\n\ndef f():\n    total = count + name\n");
    DiagList d;
    diag_init(&d, a, s);
    Span sp = { 13, 12, 13, 24 };
    diag_add(&d, DIAG_ERROR, sp,
             "unsupported operand types for +: \"%s\" and \"%s\"", "int", "str");
    char *out = render(&d);
    assert_string_equal(out,
        "mod.py:13:13: error: unsupported operand types for +: \"int\" and \"str\"\n"
        "   13 |     total = count + name\n"
        "      |             ^~~~~~~~~~~~\n");
    assert_int_equal(d.n_errors, 1);
    free(out);
    diag_free(&d);
    arena_free(a);
}

static void test_diag_sort_and_levels(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Source *s = src_from_string(a, "m.py", "aaa\nbbb\n");
    DiagList d;
    diag_init(&d, a, s);
    Span l2 = { 2, 1, 2, 2 }, l1 = { 1, 0, 1, 0 }, l1b = { 1, 2, 1, 3 };
    diag_add(&d, DIAG_ERROR, l2, "second");
    diag_add(&d, DIAG_NOTE, l1b, "note here");
    diag_add(&d, DIAG_WARNING, l1, "first");
    diag_add(&d, DIAG_ERROR, l1b, "same place, later");
    char *out = render(&d);
    assert_string_equal(out,
        "m.py:1:1: warning: first\n"
        "    1 | aaa\n"
        "      | ^\n"
        "m.py:1:3: note: note here\n"
        "    1 | aaa\n"
        "      |   ^\n"
        "m.py:1:3: error: same place, later\n"
        "    1 | aaa\n"
        "      |   ^\n"
        "m.py:2:2: error: second\n"
        "    2 | bbb\n"
        "      |  ^\n");
    assert_int_equal(d.n_errors, 2);
    free(out);
    diag_free(&d);
    arena_free(a);
}

static void test_diag_tabs_and_multiline(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Source *s = src_from_string(a, "t.py", "\tx = (1 +\n\t  2)\n");
    DiagList d;
    diag_init(&d, a, s);
    Span sp = { 1, 5, 2, 4 }; /* multi-line: mark to the end of line 1 */
    diag_add(&d, DIAG_ERROR, sp, "bad");
    char *out = render(&d);
    assert_string_equal(out,
        "t.py:1:6: error: bad\n"
        "    1 | \tx = (1 +\n"
        "      | \t    ^~~~\n");
    free(out);
    diag_free(&d);
    arena_free(a);
}

/* ---- statements ------------------------------------------------------------ */

static void test_module_basics(void **state)
{
    (void)state;
    Parsed *p = parse_bytes("pkg/sub/mod.py", "\"\"\"Doc.\"\"\"\nx = 1\n", 17);
    assert_clean(p);
    assert_string_equal(p->m->name, "mod");
    assert_string_equal(p->m->docstring, "Doc.");
    assert_int_equal(p->m->body.n, 2);
    assert_ptr_equal(p->m->src, p->src);
    parsed_free(p);
    p = parse_snippet("");
    assert_clean(p);
    assert_int_equal(p->m->body.n, 0);
    assert_null(p->m->docstring);
    parsed_free(p);
    p = parse_snippet("b'not a doc'\n");
    assert_null(p->m->docstring);
    parsed_free(p);
}

static void test_assignments(void **state)
{
    (void)state;
    check_dump("x: int = 1\n",
        "(Module test\n"
        "  (AnnAssign @1:0\n"
        "    (Name @1:0 x)\n"
        "    :annotation (Name @1:3 int)\n"
        "    :value (Int @1:9 1)))\n");
    check_dump("a = b = c\n",
        "(Module test\n"
        "  (Assign @1:0\n"
        "    :targets\n"
        "    (Name @1:0 a)\n"
        "    (Name @1:4 b)\n"
        "    :value (Name @1:8 c)))\n");
    check_dump("a, *b = c\n",
        "(Module test\n"
        "  (Assign @1:0\n"
        "    :targets\n"
        "    (Tuple @1:0\n"
        "      (Name @1:0 a)\n"
        "      (Starred @1:3\n"
        "        (Name @1:4 b)))\n"
        "    :value (Name @1:8 c)))\n");
    check_dump("x.y[0] //= 2\n",
        "(Module test\n"
        "  (AugAssign @1:0 //=\n"
        "    (Subscript @1:0\n"
        "      (Attribute @1:0 .y\n"
        "        (Name @1:0 x))\n"
        "      (Int @1:4 0))\n"
        "    (Int @1:11 2)))\n");
    check_dump("y: list[int]\n",
        "(Module test\n"
        "  (AnnAssign @1:0\n"
        "    (Name @1:0 y)\n"
        "    :annotation (Subscript @1:3\n"
        "      (Name @1:3 list)\n"
        "      (Name @1:8 int))))\n");
    /* a parenthesized single target is not a tuple */
    check_dump("(x): int = 1\n",
        "(Module test\n"
        "  (AnnAssign @1:0\n"
        "    (Name @1:1 x)\n"
        "    :annotation (Name @1:5 int)\n"
        "    :value (Int @1:11 1)))\n");
}

static void test_simple_statements(void **state)
{
    (void)state;
    check_dump("pass\nbreak\ncontinue\nreturn\nreturn 1, 2\n"
               "del a, b[0]\nglobal g, h\nnonlocal n\n"
               "raise\nraise E from e\nassert x, 'm'\n",
        "(Module test\n"
        "  (Pass @1:0)\n"
        "  (Break @2:0)\n"
        "  (Continue @3:0)\n"
        "  (Return @4:0)\n"
        "  (Return @5:0\n"
        "    (Tuple @5:7\n"
        "      (Int @5:7 1)\n"
        "      (Int @5:10 2)))\n"
        "  (Delete @6:0\n"
        "    (Name @6:4 a)\n"
        "    (Subscript @6:7\n"
        "      (Name @6:7 b)\n"
        "      (Int @6:9 0)))\n"
        "  (Global @7:0 g h)\n"
        "  (Nonlocal @8:0 n)\n"
        "  (Raise @9:0)\n"
        "  (Raise @10:0\n"
        "    (Name @10:6 E)\n"
        "    :from (Name @10:13 e))\n"
        "  (Assert @11:0\n"
        "    (Name @11:7 x)\n"
        "    :msg (Str @11:10 \"m\")))\n");
}

static void test_imports(void **state)
{
    (void)state;
    check_dump("import os.path as p, sys\nfrom .. import a\n"
               "from ...x.y import (b as c, d)\nfrom m import *\n"
               "from __future__ import annotations\n",
        "(Module test\n"
        "  (Import @1:0\n"
        "    (Alias @1:7 os.path as p)\n"
        "    (Alias @1:21 sys))\n"
        "  (ImportFrom @2:0 ..\n"
        "    (Alias @2:15 a))\n"
        "  (ImportFrom @3:0 ...x.y\n"
        "    (Alias @3:20 b as c)\n"
        "    (Alias @3:28 d))\n"
        "  (ImportFrom @4:0 m\n"
        "    (Alias @4:14 *))\n"
        "  (ImportFrom @5:0 __future__\n"
        "    (Alias @5:23 annotations)))\n");
    Parsed *p = parse_snippet("from .. import a\n");
    Stmt *s = stmt_of(p, 0);
    assert_int_equal(s->u.importfrom.level, 2);
    assert_null(s->u.importfrom.module);
    parsed_free(p);
}

static void test_if_elif_else(void **state)
{
    (void)state;
    Parsed *p = parse_snippet("if a:\n    pass\nelif b:\n    pass\n"
                              "elif c:\n    pass\nelse:\n    x = 1\n");
    assert_clean(p);
    Stmt *s = stmt_of(p, 0);
    assert_int_equal(s->kind, ST_IF);
    assert_int_equal(s->u.if_.orelse.n, 1);
    Stmt *e1 = s->u.if_.orelse.v[0];
    assert_int_equal(e1->kind, ST_IF);
    assert_span(e1->span, 3, 0, 8, 9);
    assert_string_equal(e1->u.if_.test->u.name.id, "b");
    Stmt *e2 = e1->u.if_.orelse.v[0];
    assert_int_equal(e2->kind, ST_IF);
    assert_string_equal(e2->u.if_.test->u.name.id, "c");
    assert_int_equal(e2->u.if_.orelse.n, 1);
    assert_int_equal(e2->u.if_.orelse.v[0]->kind, ST_ASSIGN);
    parsed_free(p);
}

static void test_loops(void **state)
{
    (void)state;
    check_dump("while x:\n    break\nelse:\n    pass\n"
               "for i, j in xs:\n    continue\nelse:\n    pass\n",
        "(Module test\n"
        "  (While @1:0\n"
        "    (Name @1:6 x)\n"
        "    :body\n"
        "    (Break @2:4)\n"
        "    :orelse\n"
        "    (Pass @4:4))\n"
        "  (For @5:0\n"
        "    (Tuple @5:4\n"
        "      (Name @5:4 i)\n"
        "      (Name @5:7 j))\n"
        "    (Name @5:12 xs)\n"
        "    :body\n"
        "    (Continue @6:4)\n"
        "    :orelse\n"
        "    (Pass @8:4)))\n");
}

static void test_try_with_match(void **state)
{
    (void)state;
    check_dump("try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept:\n    pass\n"
               "else:\n    pass\nfinally:\n    pass\n",
        "(Module test\n"
        "  (Try @1:0\n"
        "    :body\n"
        "    (Pass @2:4)\n"
        "    (Except @3:0 as e\n"
        "      :type (Tuple @3:7\n"
        "        (Name @3:8 A)\n"
        "        (Name @3:11 B))\n"
        "      :body\n"
        "      (Pass @4:4))\n"
        "    (Except @5:0\n"
        "      :body\n"
        "      (Pass @6:4))\n"
        "    :orelse\n"
        "    (Pass @8:4)\n"
        "    :finally\n"
        "    (Pass @10:4)))\n");
    Parsed *p = parse_snippet("try:\n    pass\nexcept* E as g:\n    pass\n");
    assert_clean(p);
    assert_true(stmt_of(p, 0)->u.try_.is_star);
    assert_string_equal(stmt_of(p, 0)->u.try_.handlers[0]->name, "g");
    parsed_free(p);
    check_dump("with a as (b, c), d:\n    pass\n",
        "(Module test\n"
        "  (With @1:0\n"
        "    (Item\n"
        "      (Name @1:5 a)\n"
        "      :as (Tuple @1:10\n"
        "        (Name @1:11 b)\n"
        "        (Name @1:14 c)))\n"
        "    (Item\n"
        "      (Name @1:18 d))\n"
        "    :body\n"
        "    (Pass @2:4)))\n");
    p = parse_snippet("match p:\n    case [1, *r] if r:\n        pass\n"
                      "    case Point(x=0) | None:\n        pass\n");
    assert_clean(p);
    Stmt *m = stmt_of(p, 0);
    assert_int_equal(m->kind, ST_MATCH);
    assert_int_equal(m->u.match.n_cases, 2);
    assert_int_equal(m->u.match.cases[0]->pattern->kind, EX_PATTERN);
    assert_span(m->u.match.cases[0]->pattern->span, 2, 9, 2, 16);
    assert_non_null(m->u.match.cases[0]->guard);
    assert_null(m->u.match.cases[1]->guard);
    assert_span(m->u.match.cases[1]->pattern->span, 4, 9, 4, 26);
    /* what the patterns bind: r; nothing (a class, a keyword, literals) */
    assert_int_equal(m->u.match.cases[0]->n_captures, 1);
    assert_string_equal(m->u.match.cases[0]->captures[0], "r");
    assert_int_equal(m->u.match.cases[1]->n_captures, 0);
    parsed_free(p);
}

/* Names a case binds, for the checker: captures, `as`, `*x` and `**x`;
 * never `_`, a class, a keyword, a dict key or a dotted value. */
static void test_match_captures(void **state)
{
    (void)state;
    Parsed *p = parse_snippet(
        "match v:\n"
        "    case (1 | 2) as small:\n        pass\n"
        "    case [a, *rest, _]:\n        pass\n"
        "    case {\"k\": val, Color.RED: _, **more}:\n        pass\n"
        "    case Point(x=px, y=0) | Color.BLUE:\n        pass\n"
        "    case _:\n        pass\n");
    assert_clean(p);
    Stmt *m = stmt_of(p, 0);
    static const char *const want[][3] = {{"small"}, {"a", "rest"}, {"val", "more"}, {"px"}, {NULL}};
    static const int n[] = {1, 2, 2, 1, 0};
    assert_int_equal(m->u.match.n_cases, 5);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(m->u.match.cases[i]->n_captures, n[i]);
        for (int j = 0; j < n[i]; j++)
            assert_string_equal(m->u.match.cases[i]->captures[j], want[i][j]);
    }
    parsed_free(p);
}

static void test_type_alias(void **state)
{
    (void)state;
    check_dump("type A[T] = list[T] | None\n",
        "(Module test\n"
        "  (TypeAlias @1:0\n"
        "    (Name @1:5 A)\n"
        "    (BinOp @1:12 |\n"
        "      (Subscript @1:12\n"
        "        (Name @1:12 list)\n"
        "        (Name @1:17 T))\n"
        "      (None @1:22))))\n");
    /* tree-sitter reads this as a type alias; Python as an assignment */
    check_dump("type(m).x = 1\n",
        "(Module test\n"
        "  (Assign @1:0\n"
        "    :targets\n"
        "    (Attribute @1:0 .x\n"
        "      (Call @1:0\n"
        "        (Name @1:0 type)\n"
        "        :args\n"
        "        (Name @1:5 m)))\n"
        "    :value (Int @1:12 1)))\n");
}

/* ---- definitions ----------------------------------------------------------- */

static void test_funcdef_params(void **state)
{
    (void)state;
    Parsed *p = parse_snippet(
        "@dec\n@dec2(1)\n"
        "async def g(a, /, b: int = 1, *args: str, c, d=2, **kw) -> int:\n"
        "    \"doc\"\n    return a\n");
    assert_clean(p);
    Stmt *s = stmt_of(p, 0);
    assert_int_equal(s->kind, ST_FUNCDEF);
    assert_string_equal(s->u.funcdef.name, "g");
    assert_span(s->u.funcdef.name_span, 3, 10, 3, 11);
    assert_span(s->span, 3, 0, 5, 12);
    assert_true(s->u.funcdef.is_async);
    assert_false(s->u.funcdef.has_type_params);
    assert_int_equal(s->u.funcdef.decorators.n, 2);
    assert_string_equal(s->u.funcdef.docstring, "doc");
    assert_int_equal(s->u.funcdef.returns->kind, EX_NAME);
    const ParamList *pl = &s->u.funcdef.params;
    static const struct { const char *name; ParamKind kind; bool ann, def; } want[] = {
        { "a", PARAM_POSONLY, false, false }, { "b", PARAM_NORMAL, true, true },
        { "args", PARAM_VARARGS, true, false }, { "c", PARAM_KWONLY, false, false },
        { "d", PARAM_KWONLY, false, true }, { "kw", PARAM_VARKW, false, false },
    };
    assert_int_equal(pl->n, 6);
    for (int i = 0; i < 6; i++) {
        assert_string_equal(pl->v[i]->name, want[i].name);
        assert_int_equal(pl->v[i]->kind, want[i].kind);
        assert_int_equal(pl->v[i]->annotation != NULL, want[i].ann);
        assert_int_equal(pl->v[i]->default_value != NULL, want[i].def);
    }
    assert_ptr_equal(pl->v[0]->name, strtab_cstr(p->names, "a"));
    parsed_free(p);

    p = parse_snippet("def f(a, *, b): pass\ndef h[T](x: T) -> T: return x\n");
    assert_clean(p);
    assert_int_equal(stmt_of(p, 0)->u.funcdef.params.v[1]->kind, PARAM_KWONLY);
    assert_true(stmt_of(p, 1)->u.funcdef.has_type_params);
    parsed_free(p);
}

static void test_classdef(void **state)
{
    (void)state;
    Parsed *p = parse_snippet("@d\nclass C(B, metaclass=M):\n    '''cdoc'''\n"
                              "    x: int = 0\n    def m(self): pass\n");
    assert_clean(p);
    Stmt *s = stmt_of(p, 0);
    assert_int_equal(s->kind, ST_CLASSDEF);
    assert_string_equal(s->u.classdef.name, "C");
    assert_int_equal(s->u.classdef.n_bases, 2);
    assert_null(s->u.classdef.bases[0]->name);
    assert_string_equal(s->u.classdef.bases[1]->name, "metaclass");
    assert_string_equal(s->u.classdef.docstring, "cdoc");
    assert_int_equal(s->u.classdef.decorators.n, 1);
    assert_int_equal(s->u.classdef.body.n, 3);
    parsed_free(p);
}

static void test_lambda(void **state)
{
    (void)state;
    check_expr("lambda x, *y, z=1, **k: (x, y)\n",
        "(Lambda @1:0\n"
        "  :params\n"
        "  (Param @1:7 x normal)\n"
        "  (Param @1:10 y varargs)\n"
        "  (Param @1:14 z kwonly\n"
        "    :default (Int @1:16 1))\n"
        "  (Param @1:19 k varkw)\n"
        "  :body (Tuple @1:24\n"
        "    (Name @1:25 x)\n"
        "    (Name @1:28 y)))\n");
    check_expr("lambda: 0\n", "(Lambda @1:0\n  :body (Int @1:8 0))\n");
}

/* ---- expressions ------------------------------------------------------------ */

static void test_precedence(void **state)
{
    (void)state;
    /* Python: & binds tighter than ^, which binds tighter than | */
    check_expr("a | b ^ c & d << 1 + 2 * -e ** f\n",
        "(BinOp @1:0 |\n"
        "  (Name @1:0 a)\n"
        "  (BinOp @1:4 ^\n"
        "    (Name @1:4 b)\n"
        "    (BinOp @1:8 &\n"
        "      (Name @1:8 c)\n"
        "      (BinOp @1:12 <<\n"
        "        (Name @1:12 d)\n"
        "        (BinOp @1:17 +\n"
        "          (Int @1:17 1)\n"
        "          (BinOp @1:21 *\n"
        "            (Int @1:21 2)\n"
        "            (Unary @1:25 -\n"
        "              (BinOp @1:26 **\n"
        "                (Name @1:26 e)\n"
        "                (Name @1:31 f)))))))))\n");
    check_expr("a - b - c\n",
        "(BinOp @1:0 -\n"
        "  (BinOp @1:0 -\n"
        "    (Name @1:0 a)\n"
        "    (Name @1:4 b))\n"
        "  (Name @1:8 c))\n");
    check_expr("a ** b ** c\n",
        "(BinOp @1:0 **\n"
        "  (Name @1:0 a)\n"
        "  (BinOp @1:5 **\n"
        "    (Name @1:5 b)\n"
        "    (Name @1:10 c)))\n");
    /* parentheses: the BinOp spans them, the operand does not */
    check_expr("(a + b) * c\n",
        "(BinOp @1:0 *\n"
        "  (BinOp @1:1 +\n"
        "    (Name @1:1 a)\n"
        "    (Name @1:5 b))\n"
        "  (Name @1:10 c))\n");
    check_expr("not a and b or c and not d\n",
        "(BoolOp @1:0 or\n"
        "  (BoolOp @1:0 and\n"
        "    (Unary @1:0 not\n"
        "      (Name @1:4 a))\n"
        "    (Name @1:10 b))\n"
        "  (BoolOp @1:15 and\n"
        "    (Name @1:15 c)\n"
        "    (Unary @1:21 not\n"
        "      (Name @1:25 d))))\n");
    check_expr("a and b and c\n",
        "(BoolOp @1:0 and\n"
        "  (Name @1:0 a)\n"
        "  (Name @1:6 b)\n"
        "  (Name @1:12 c))\n");
}

static void test_compare_chain(void **state)
{
    (void)state;
    Parsed *p = parse_snippet("a < b <= c != d is not e not in f in g is h == i > j >= k\n");
    assert_clean(p);
    Expr *e = expr_of(p, 0);
    assert_int_equal(e->kind, EX_COMPARE);
    static const CmpOp want[] = { CMP_LT, CMP_LE, CMP_NE, CMP_IS_NOT,
                                  CMP_NOT_IN, CMP_IN, CMP_IS, CMP_EQ,
                                  CMP_GT, CMP_GE };
    assert_int_equal(e->u.compare.n_ops, 10);
    assert_int_equal(e->u.compare.operands.n, 11);
    for (int i = 0; i < 10; i++)
        assert_int_equal(e->u.compare.ops[i], want[i]);
    assert_string_equal(e->u.compare.operands.v[10]->u.name.id, "k");
    parsed_free(p);
}

static void test_calls_and_access(void **state)
{
    (void)state;
    check_expr("f(1, *r, k=2, **kw)\n",
        "(Call @1:0\n"
        "  (Name @1:0 f)\n"
        "  :args\n"
        "  (Int @1:2 1)\n"
        "  (Starred @1:5\n"
        "    (Name @1:6 r))\n"
        "  (Keyword @1:9 k\n"
        "    (Int @1:11 2))\n"
        "  (DoubleStarred @1:14\n"
        "    (Name @1:16 kw)))\n");
    check_expr("f(x for x in y)\n",
        "(Call @1:0\n"
        "  (Name @1:0 f)\n"
        "  :args\n"
        "  (GenExp @1:1\n"
        "    (Name @1:2 x)\n"
        "    (For\n"
        "      (Name @1:8 x)\n"
        "      (Name @1:13 y))))\n");
    check_expr("a[1:2, ::3, 4][...]\n",
        "(Subscript @1:0\n"
        "  (Subscript @1:0\n"
        "    (Name @1:0 a)\n"
        "    (Tuple @1:2\n"
        "      (Slice @1:2\n"
        "        :lower (Int @1:2 1)\n"
        "        :upper (Int @1:4 2))\n"
        "      (Slice @1:7\n"
        "        :step (Int @1:9 3))\n"
        "      (Int @1:12 4)))\n"
        "  (Ellipsis @1:15))\n");
    check_expr("a[1,]\n",
        "(Subscript @1:0\n"
        "  (Name @1:0 a)\n"
        "  (Tuple @1:2\n"
        "    (Int @1:2 1)))\n");
    Parsed *p = parse_snippet("obj.attr\n");
    Expr *e = expr_of(p, 0);
    assert_int_equal(e->kind, EX_ATTRIBUTE);
    assert_string_equal(e->u.attribute.attr, "attr");
    assert_span(e->u.attribute.attr_span, 1, 4, 1, 8);
    assert_span(e->span, 1, 0, 1, 8);
    parsed_free(p);
}

static void test_displays_and_comprehensions(void **state)
{
    (void)state;
    check_expr("{1: 2, **d}, {1, 2}, [], (), (1,), [*a]\n",
        "(Tuple @1:0\n"
        "  (Dict @1:0\n"
        "    (Int @1:1 1)\n"
        "    (Int @1:4 2)\n"
        "    **\n"
        "    (Name @1:9 d))\n"
        "  (Set @1:13\n"
        "    (Int @1:14 1)\n"
        "    (Int @1:17 2))\n"
        "  (List @1:21)\n"
        "  (Tuple @1:25)\n"
        "  (Tuple @1:29\n"
        "    (Int @1:30 1))\n"
        "  (List @1:35\n"
        "    (Starred @1:36\n"
        "      (Name @1:37 a))))\n");
    check_expr("[x async for x in y if x if z for w in x]\n",
        "(ListComp @1:0\n"
        "  (Name @1:1 x)\n"
        "  (For async\n"
        "    (Name @1:13 x)\n"
        "    (Name @1:18 y)\n"
        "    :ifs\n"
        "    (Name @1:23 x)\n"
        "    (Name @1:28 z))\n"
        "  (For\n"
        "    (Name @1:34 w)\n"
        "    (Name @1:39 x)))\n");
    check_expr("{k: v for k, v in d}\n",
        "(DictComp @1:0\n"
        "  (Name @1:1 k)\n"
        "  (Name @1:4 v)\n"
        "  (For\n"
        "    (Tuple @1:10\n"
        "      (Name @1:10 k)\n"
        "      (Name @1:13 v))\n"
        "    (Name @1:18 d)))\n");
    check_expr("{s for s in t}\n",
        "(SetComp @1:0\n"
        "  (Name @1:1 s)\n"
        "  (For\n"
        "    (Name @1:7 s)\n"
        "    (Name @1:12 t)))\n");
}

static void test_misc_expressions(void **state)
{
    (void)state;
    check_expr("a if b else c\n",
        "(IfExp @1:0\n"
        "  (Name @1:5 b)\n"
        "  (Name @1:0 a)\n"
        "  (Name @1:12 c))\n");
    check_expr("(y := 10)\n",
        "(NamedExpr @1:1\n"
        "  (Name @1:1 y)\n"
        "  (Int @1:6 10))\n");
    Parsed *p = parse_snippet("async def f():\n    await x\n    yield\n"
                              "    yield from y\n    z = yield 1, 2\n");
    assert_clean(p);
    StmtList b = stmt_of(p, 0)->u.funcdef.body;
    assert_int_equal(b.v[0]->u.expr.value->kind, EX_AWAIT);
    assert_int_equal(b.v[1]->u.expr.value->kind, EX_YIELD);
    assert_null(b.v[1]->u.expr.value->u.starred.value);
    assert_int_equal(b.v[2]->u.expr.value->kind, EX_YIELD_FROM);
    Expr *y = b.v[3]->u.assign.value;
    assert_int_equal(y->kind, EX_YIELD);
    assert_int_equal(y->u.starred.value->kind, EX_TUPLE);
    parsed_free(p);
    check_expr("True, False, None, ...\n",
        "(Tuple @1:0\n"
        "  (True @1:0)\n"
        "  (False @1:6)\n"
        "  (None @1:13)\n"
        "  (Ellipsis @1:19))\n");
}

/* ---- literals ----------------------------------------------------------------- */

static void check_int(const char *src, const char *text, bool fits, int64_t v)
{
    Parsed *p = parse_snippet(src);
    assert_clean(p);
    Expr *e = expr_of(p, 0);
    assert_int_equal(e->kind, EX_INT);
    assert_string_equal(e->u.int_lit.text, text);
    assert_int_equal(e->u.int_lit.fits_i64, fits);
    if (fits)
        assert_true(e->u.int_lit.value == v);
    parsed_free(p);
}

static void test_int_literals(void **state)
{
    (void)state;
    check_int("0\n", "0", true, 0);
    check_int("000\n", "0", true, 0);
    check_int("1_000_000\n", "1000000", true, 1000000);
    check_int("0x_FF\n", "255", true, 255);
    check_int("0o777\n", "511", true, 511);
    check_int("0B1010\n", "10", true, 10);
    check_int("9223372036854775807\n", "9223372036854775807", true, INT64_MAX);
    check_int("9223372036854775808\n", "9223372036854775808", false, 0);
    check_int("0x7fffffffffffffff\n", "9223372036854775807", true, INT64_MAX);
    check_int("0xFFFFFFFFFFFFFFFFFFFF\n", "1208925819614629174706175", false, 0);
    check_int("0o7777777777777777777777777\n", "37778931862957161709567", false, 0);
    check_int("0b" "1" "0000000000" "0000000000" "0000000000" "0000000000"
              "0000000000" "0000000000" "0000\n", "18446744073709551616", false, 0);
    check_int("123456789012345678901234567890\n",
              "123456789012345678901234567890", false, 0);
}

static void test_float_literals(void **state)
{
    (void)state;
    Parsed *p = parse_snippet("1.5e3, 1_0.5, .5, 1., 2j, 1.5J, 1e400\n");
    assert_clean(p);
    ExprList l = expr_of(p, 0)->u.seq.elts;
    assert_int_equal(l.v[0]->kind, EX_FLOAT);
    assert_true(l.v[0]->u.float_lit.value == 1500.0);
    assert_true(l.v[1]->u.float_lit.value == 10.5);
    assert_true(l.v[2]->u.float_lit.value == 0.5);
    assert_true(l.v[3]->u.float_lit.value == 1.0);
    assert_int_equal(l.v[4]->kind, EX_IMAG);
    assert_true(l.v[4]->u.float_lit.value == 2.0);
    assert_int_equal(l.v[5]->kind, EX_IMAG);
    assert_true(l.v[5]->u.float_lit.value == 1.5);
    assert_true(l.v[6]->u.float_lit.value > 1e308);
    parsed_free(p);
}

/* The decoded bytes of a single string expression statement. */
static void check_str(const char *src, ExprKind kind, const char *want,
                      size_t want_len)
{
    Parsed *p = parse_snippet(src);
    assert_clean(p);
    Expr *e = expr_of(p, 0);
    assert_int_equal(e->kind, kind);
    assert_int_equal(e->u.str.len, want_len);
    assert_memory_equal(e->u.str.s, want, want_len);
    assert_int_equal(e->u.str.s[want_len], '\0');
    parsed_free(p);
}

static void test_string_escapes(void **state)
{
    (void)state;
    check_str("'a\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'\n", EX_STR,
              "a\n\t\\'\"\a\b\f\v\r", 11);
    check_str("'\\101\\0\\7\\x41\\u00e9\\U0001F600'\n", EX_STR,
              "A\0\7A\xc3\xa9\xf0\x9f\x98\x80", 10);
    check_str("'line\\\ncont'\n", EX_STR, "linecont", 8);
    check_str("'\\q\\d'\n", EX_STR, "\\q\\d", 4);          /* kept as written */
    check_str("r'\\n\\x'\n", EX_STR, "\\n\\x", 4);
    check_str("r'\\\\'\n", EX_STR, "\\\\", 2);
    check_str("b'\\xff\\0\\u1234'\n", EX_BYTES, "\xff\0\\u1234", 8);
    check_str("rb'\\xff'\n", EX_BYTES, "\\xff", 4);
    check_str("'''a\r\nb'''\n", EX_STR, "a\nb", 3);
    check_str("'h\xc3\xa9'\n", EX_STR, "h\xc3\xa9", 3);
    check_str("u'x'\n", EX_STR, "x", 1);
}

static void test_string_concat(void **state)
{
    (void)state;
    check_str("'a' \"b\" '''c''' r'\\d'\n", EX_STR, "abc\\d", 5);
    check_str("('a'\n 'b')\n", EX_STR, "ab", 2);
    check_str("b'a' b'b'\n", EX_BYTES, "ab", 2);
    Parsed *p = parse_snippet("x = 'a' \\\n  'b'\n");
    assert_clean(p);
    Expr *e = stmt_of(p, 0)->u.assign.value;
    assert_span(e->span, 1, 4, 2, 5);
    parsed_free(p);
}

static void test_fstrings(void **state)
{
    (void)state;
    Parsed *p = parse_snippet("f'a{x!r:>{w}.3f} {{}} {y=} {z = :5}' 'tail'\n");
    assert_clean(p);
    Expr *e = expr_of(p, 0);
    assert_int_equal(e->kind, EX_FSTRING);
    FString *fs = &e->u.fstring;
    assert_int_equal(fs->n, 7);
    assert_string_equal(fs->v[0]->text, "a");
    assert_null(fs->v[0]->expr);
    FPart *x = fs->v[1];
    assert_string_equal(x->expr->u.name.id, "x");
    assert_int_equal(x->conversion, 'r');
    assert_non_null(x->spec);
    assert_int_equal(x->spec->n, 3);
    assert_string_equal(x->spec->v[0]->text, ">");
    assert_string_equal(x->spec->v[1]->expr->u.name.id, "w");
    assert_string_equal(x->spec->v[2]->text, ".3f");
    assert_string_equal(fs->v[2]->text, " {} y=");
    assert_true(fs->v[3]->self_doc);
    assert_int_equal(fs->v[3]->conversion, 'r');
    assert_string_equal(fs->v[4]->text, " z = ");
    assert_int_equal(fs->v[5]->conversion, 0); /* a spec: no implicit !r */
    assert_string_equal(fs->v[6]->text, "tail");
    parsed_free(p);

    check_expr("f''\n", "(FString @1:0)\n");
    check_expr("rf'\\n{a}'\n",
        "(FString @1:0\n"
        "  \"\\\\n\"\n"
        "  (Interp\n"
        "    (Name @1:6 a)))\n");
    p = parse_snippet("f'{a:{b:{c}}}'\n");
    assert_clean(p);
    FPart *a = expr_of(p, 0)->u.fstring.v[0];
    FPart *b = a->spec->v[0];
    assert_string_equal(b->expr->u.name.id, "b");
    assert_string_equal(b->spec->v[0]->expr->u.name.id, "c");
    parsed_free(p);
}

/* ---- syntax errors --------------------------------------------------------- */

static void test_syntax_error_format(void **state)
{
    (void)state;
    Parsed *p = parse_snippet("def f(:\n    pass\n");
    assert_non_null(p->m);
    assert_string_equal(diags_of(p),
        "test.py:1:7: error: expected ')'\n"
        "    1 | def f(:\n"
        "      |       ^\n");
    parsed_free(p);
    check_error("x = )\n", "test.py:1:5: error: unmatched ')'");
    check_error("x = [1, 2)\n", "test.py:1:10: error: closing parenthesis ')' "
                "does not match opening parenthesis '['");
    check_error("f(a, b\n", "test.py:1:2: error: '(' was never closed");
    check_error("foo(a b)\n", "test.py:1:7: error: invalid syntax. Perhaps you forgot a comma?");
    check_error("if x\n    pass\n", "test.py:1:5: error: expected ':'");
    check_error("x = 1 +\n", "test.py:1:1: error: invalid syntax");
    check_error("return = 3\n", "test.py:1:8: error: unexpected '='");
    check_error("  x = 1\n", "test.py:1:3: error: unexpected indent");
    check_error("x = 1\n  y = 2\n", "test.py:2:3: error: unexpected indent");
    check_error("def f():\nreturn 1\n", "test.py:1:9: error: expected an indented block");
    check_error("def f():\n    # only a comment\n", "expected an indented block");
}

static void test_python2_rejected(void **state)
{
    (void)state;
    check_error("print 'x'\n",
                "error: Missing parentheses in call to 'print'. Did you mean print(...)?");
    check_error("exec 'x'\n", "Missing parentheses in call to 'exec'");
    check_error("a <> b\n", "'<>' is not an operator in Python 3");
    check_error("x = 0777\n", "leading zeros in decimal integer literals");
    check_error("x = 10L\n", "invalid decimal literal");
    check_error("try:\n    pass\nexcept E, e:\n    pass\n",
                "multiple exception types must be parenthesized");
    check_error("raise E, 'msg'\n", "Python 2 raise statement");
}

static void test_semantic_syntax_errors(void **state)
{
    (void)state;
    check_error("f() = 1\n", "test.py:1:1: error: cannot assign to function call");
    check_error("1 = x\n", "cannot assign to literal");
    check_error("del f()\n", "cannot delete function call");
    check_error("(a, b) += 1\n", "'tuple' is an illegal expression for augmented assignment");
    check_error("for 1 in x: pass\n", "cannot assign to literal");
    check_error("f(a=1, b)\n", "positional argument follows keyword argument");
    check_error("f(**k, *a)\n", "iterable argument unpacking follows keyword argument unpacking");
    check_error("def f(a=1, b): pass\n", "non-default argument follows default argument");
    check_error("def f(a, a): pass\n", "duplicate argument 'a' in function definition");
    check_error("def f(*): pass\n", "named arguments must follow bare *");
    check_error("x = b'a' 'b'\n", "cannot mix bytes and nonbytes literals");
    check_error("x = b'\xc3\xa9'\n", "bytes can only contain ASCII literal characters");
    check_error("x = '\\N{DASH}'\n", "\\N{...} escapes are not supported yet");
    check_error("x = '\\x4'\n", "truncated \\xXX escape");
    check_error("x = '\\U00110000'\n", "illegal Unicode character");
    check_error("x = f'{a!x}'\n", "invalid conversion character");
    check_error("x = f'a}'\n", "error:"); /* tree-sitter rejects it */
    check_error("from m import a, b,\n", "test.py:1:19: error: trailing comma not allowed "
                "without surrounding parentheses");
    check_error("*a\n", "test.py:1:1: error: can't use starred expression here");
    check_error("x = *a\n", "can't use starred expression here");
    check_error("def f()\n    return 1\n", "test.py:1:8: error: expected ':'");
}

static void test_bad_bytes(void **state)
{
    (void)state;
    Parsed *p = parse_bytes("n.py", "x = 1\ny = \0\n", 12);
    assert_non_null(p->m);
    assert_non_null(strstr(diags_of(p), "n.py:2:5: error: source code cannot contain null bytes"));
    parsed_free(p);
    p = parse_snippet("x = '\xff'\n");
    assert_non_null(strstr(diags_of(p), "test.py:1:6: error: invalid UTF-8 byte 0xff"));
    parsed_free(p);
}

static void test_error_recovery(void **state)
{
    (void)state;
    /* A broken module still yields the statements around the error. */
    Parsed *p = parse_snippet("a = 1\nb = (\ndef f():\n    return 2\nc = 3\n");
    assert_non_null(p->m);
    assert_true(p->diags.n_errors > 0);
    (void)dump_of(p);
    parsed_free(p);
    static const char *const junk[] = {
        "((((", "))))", "def", "class:", "f'{", "'''", "lambda", "@", "x[",
        "if:\n  else", "match x:\n case", "\\", "\t\tx\n y\n", "async with",
        "from import", "import .", "a = b = ", "*a = 1", "**a", "yield from",
        "f'{x!}'", "f'{:}'", "0x", "1e", "0b2", "'\\", "b'\\x'", "x: = 1",
    };
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
        p = parse_snippet(junk[i]);
        assert_non_null(p->m);
        (void)dump_of(p);
        (void)diags_of(p);
        parsed_free(p);
    }
}

/* Shapes tree-sitter-python gets wrong and the frontend repairs. */
static void test_grammar_repairs(void **state)
{
    (void)state;
    /* `*x.y()` after other arguments: the star applies to the call */
    check_expr("f(a, *x.y())\n",
        "(Call @1:0\n"
        "  (Name @1:0 f)\n"
        "  :args\n"
        "  (Name @1:2 a)\n"
        "  (Starred @1:5\n"
        "    (Call @1:6\n"
        "      (Attribute @1:6 .y\n"
        "        (Name @1:6 x)))))\n");
    /* `print >> f, x` is a Python 3 expression statement */
    check_expr("print >> f, x\n",
        "(Tuple @1:0\n"
        "  (BinOp @1:0 >>\n"
        "    (Name @1:0 print)\n"
        "    (Name @1:9 f))\n"
        "  (Name @1:12 x))\n");
    check_dump("with (open(p) as f):\n    pass\n",
        "(Module test\n"
        "  (With @1:0\n"
        "    (Item\n"
        "      (Call @1:6\n"
        "        (Name @1:6 open)\n"
        "        :args\n"
        "        (Name @1:11 p))\n"
        "      :as (Name @1:17 f))\n"
        "    :body\n"
        "    (Pass @2:4)))\n");
    Parsed *p = parse_snippet("\xef\xbb\xbfx = 1\ny = 2\n"); /* BOM */
    assert_clean(p);
    assert_int_equal(p->m->body.n, 2);
    parsed_free(p);
}

static void test_layout_errors(void **state)
{
    (void)state;
    check_error("import a import b\n", "test.py:1:10: error: invalid syntax");
    check_error("try:\n        r = 1\n    except E:\n        pass\n",
                "test.py:3:5: error: unindent does not match any outer indentation level");
    check_error("if x:\n  pass\n else:\n  pass\n",
                "test.py:3:2: error: unindent does not match any outer indentation level");
    check_error("xs[else:0]\n", "test.py:1:4: error: invalid syntax: 'else' is a keyword");
    check_error("x.import\n", "'import' is a keyword");
    Parsed *p = parse_snippet("x = 1; y = 2\nif a: b = 1; c = 2\n");
    assert_clean(p);
    assert_int_equal(p->m->body.n, 3);
    parsed_free(p);
}

static void test_limits_and_encodings(void **state)
{
    (void)state;
    char *src = malloc(5100);
    strcpy(src, "x = ");
    memset(src + 4, '9', 5000);
    strcpy(src + 5004, "\n");
    check_error(src, "Exceeds the limit (4300 digits) for integer string conversion");
    free(src);
    check_error("# -*- coding: latin-1 -*-\nx = 1\n",
                "test.py:1:15: error: source encoding 'latin-1' is not supported");
    Parsed *p = parse_snippet("# -*- coding: utf-8 -*-\nx = 1\n");
    assert_clean(p);
    parsed_free(p);
    size_t n = 250;
    src = malloc(n + 8);
    strcpy(src, "x = ");
    memset(src + 4, '[', n);
    strcpy(src + 4 + n, "\n");
    check_error(src, "test.py:1:205: error: too many nested parentheses");
    free(src);
}

static void test_nesting_limit(void **state)
{
    (void)state;
    size_t n = 3000;
    char *src = malloc(2 * n + 8);
    memset(src, '(', n);
    src[n] = '1';
    memset(src + n + 1, ')', n);
    strcpy(src + 2 * n + 1, "\n");
    Parsed *p = parse_snippet(src);
    assert_non_null(strstr(diags_of(p), "too many nested"));
    parsed_free(p);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena),
        cmocka_unit_test(test_ptrvec),
        cmocka_unit_test(test_strtab),
        cmocka_unit_test(test_source_lines),
        cmocka_unit_test(test_diag_format),
        cmocka_unit_test(test_diag_sort_and_levels),
        cmocka_unit_test(test_diag_tabs_and_multiline),
        cmocka_unit_test(test_module_basics),
        cmocka_unit_test(test_assignments),
        cmocka_unit_test(test_simple_statements),
        cmocka_unit_test(test_imports),
        cmocka_unit_test(test_if_elif_else),
        cmocka_unit_test(test_loops),
        cmocka_unit_test(test_try_with_match),
        cmocka_unit_test(test_match_captures),
        cmocka_unit_test(test_type_alias),
        cmocka_unit_test(test_funcdef_params),
        cmocka_unit_test(test_classdef),
        cmocka_unit_test(test_lambda),
        cmocka_unit_test(test_precedence),
        cmocka_unit_test(test_compare_chain),
        cmocka_unit_test(test_calls_and_access),
        cmocka_unit_test(test_displays_and_comprehensions),
        cmocka_unit_test(test_misc_expressions),
        cmocka_unit_test(test_int_literals),
        cmocka_unit_test(test_float_literals),
        cmocka_unit_test(test_string_escapes),
        cmocka_unit_test(test_string_concat),
        cmocka_unit_test(test_fstrings),
        cmocka_unit_test(test_syntax_error_format),
        cmocka_unit_test(test_python2_rejected),
        cmocka_unit_test(test_semantic_syntax_errors),
        cmocka_unit_test(test_bad_bytes),
        cmocka_unit_test(test_error_recovery),
        cmocka_unit_test(test_grammar_repairs),
        cmocka_unit_test(test_layout_errors),
        cmocka_unit_test(test_limits_and_encodings),
        cmocka_unit_test(test_nesting_limit),
    };
    return cmocka_run_group_tests_name("frontend", tests, NULL, NULL);
}
