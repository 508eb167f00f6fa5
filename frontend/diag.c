/*
 * diag.c — diagnostics: recorded while a stage runs, printed sorted at the
 * end in the C compilers' format:
 *
 *   mod.py:12:9: error: message
 *      12 |     total = count + name
 *         |             ^~~~~~~~~~~~
 *
 * Entry points: diag_init, diag_add, diag_vadd, diag_print, diag_free.
 */
#include "frontend.h"

#include <stdlib.h>
#include <string.h>

void diag_init(DiagList *d, Arena *a, const Source *src)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
    d->src = src;
}

void diag_vadd(DiagList *d, DiagLevel level, Span span, const char *fmt,
               va_list ap)
{
    va_list ap2;
    if (!fmt) /* also keeps gcc's -Wformat-truncation quiet under UBSan */
        fmt = "";
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0)
        n = 0;
    char *msg = arena_alloc(d->arena, (size_t)n + 1);
    vsnprintf(msg, (size_t)n + 1, fmt, ap2);
    va_end(ap2);

    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 16;
        Diag **v = realloc(d->v, sizeof(Diag *) * (size_t)cap);
        if (!v) {
            fputs("staticpyc: out of memory\n", stderr);
            abort();
        }
        d->v = v;
        d->cap = cap;
    }
    Diag *g = ARENA_NEW(d->arena, Diag);
    g->level = level;
    g->span = span;
    g->msg = msg;
    g->seq = d->n;
    d->v[d->n++] = g;
    if (level == DIAG_ERROR)
        d->n_errors++;
}

void diag_add(DiagList *d, DiagLevel level, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, level, span, fmt, ap);
    va_end(ap);
}

static int cmp_diag(const void *pa, const void *pb)
{
    const Diag *a = *(Diag *const *)pa, *b = *(Diag *const *)pb;
    if (a->span.line != b->span.line)
        return a->span.line < b->span.line ? -1 : 1;
    if (a->span.col != b->span.col)
        return a->span.col < b->span.col ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

static const char *level_name(DiagLevel l)
{
    switch (l) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    case DIAG_NOTE: return "note";
    }
    return "error";
}

static bool is_utf8_cont(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* The marker line: blanks (tabs where the source has tabs) up to the start
 * column, '^', then '~' to the end of the span on this line.  UTF-8
 * continuation bytes take no column on screen, so they add no marker. */
static void print_marker(FILE *out, const char *text, size_t len, Span sp)
{
    size_t col = sp.col, end;
    if (sp.end_line == sp.line && sp.end_col > sp.col)
        end = sp.end_col;
    else if (sp.end_line > sp.line)
        end = len > col ? len : col + 1;
    else
        end = col + 1;
    for (size_t i = 0; i < col; i++) {
        char c = i < len ? text[i] : ' ';
        if (i < len && is_utf8_cont(c))
            continue;
        fputc(c == '\t' ? '\t' : ' ', out);
    }
    fputc('^', out);
    for (size_t i = col + 1; i < end; i++) {
        if (i < len && is_utf8_cont(text[i]))
            continue;
        fputc('~', out);
    }
    fputc('\n', out);
}

static int digits(unsigned n)
{
    int k = 1;
    while (n >= 10) {
        n /= 10;
        k++;
    }
    return k;
}

/* Lines longer than this (generated or minified code) are shown as a
 * window around the column, with "..." where text was cut. */
enum { DIAG_MAX_LINE = 240, DIAG_CONTEXT = 60 };

typedef struct Window {
    const char *text;
    size_t len;
    bool cut_left, cut_right;
} Window;

static Window line_window(const char *text, size_t len, size_t *col)
{
    Window w = { text, len, false, false };
    if (len <= DIAG_MAX_LINE)
        return w;
    size_t start = *col > DIAG_CONTEXT ? *col - DIAG_CONTEXT : 0;
    if (start > len)
        start = len;
    while (start > 0 && is_utf8_cont(text[start]))
        start--;
    size_t end = start + DIAG_MAX_LINE < len ? start + DIAG_MAX_LINE : len;
    while (end < len && is_utf8_cont(text[end]))
        end++;
    w.text = text + start;
    w.len = end - start;
    w.cut_left = start > 0;
    w.cut_right = end < len;
    *col -= start;
    return w;
}

static void print_one(const DiagList *d, const Diag *g, FILE *out)
{
    const char *path = d->src ? d->src->path : "<unknown>";
    if (g->span.line == 0 || !d->src) {
        fprintf(out, "%s: %s: %s\n", path, level_name(g->level), g->msg);
        return;
    }
    fprintf(out, "%s:%u:%u: %s: %s\n", path, g->span.line, g->span.col + 1,
            level_name(g->level), g->msg);
    size_t len;
    const char *text = src_line(d->src, (int)g->span.line, &len);
    int w = digits(g->span.line);
    if (w < 5)
        w = 5;
    Span sp = g->span;
    size_t col = sp.col;
    Window win = line_window(text, len, &col);
    if (sp.end_line == sp.line)
        sp.end_col = (uint32_t)(sp.end_col - (sp.col - col));
    sp.col = (uint32_t)col;
    if (win.cut_right && sp.end_line == sp.line && sp.end_col > win.len)
        sp.end_col = (uint32_t)win.len;
    fprintf(out, "%*u | %s%.*s%s\n", w, g->span.line, win.cut_left ? "..." : "",
            (int)win.len, win.text, win.cut_right ? "..." : "");
    fprintf(out, "%*s | %s", w, "", win.cut_left ? "   " : "");
    if (win.cut_right && sp.end_line > sp.line) {
        sp.end_line = sp.line; /* mark to the end of the window only */
        sp.end_col = (uint32_t)win.len;
    }
    print_marker(out, win.text, win.len, sp);
}

void diag_print(DiagList *d, FILE *out)
{
    if (d->n > 1)
        qsort(d->v, (size_t)d->n, sizeof(Diag *), cmp_diag);
    for (int i = 0; i < d->n; i++)
        print_one(d, d->v[i], out);
}

void diag_free(DiagList *d)
{
    free(d->v);
    d->v = NULL;
    d->n = d->cap = d->n_errors = 0;
}
