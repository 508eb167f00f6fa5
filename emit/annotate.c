/*
 * annotate.c — `--annotate`: an HTML page of the module's source showing,
 * line by line, how much of it runs natively.
 *
 * Each line of the generated C after a `/ * file:N: ... * /` marker (the
 * code generator writes one before the code of each source line) belongs
 * to line N until the next marker or the end of the function.  A line's
 * score counts the calls in its C that go through the interpreter's
 * generic protocols (attribute and item access on objects, calls through
 * objects, dynamic operators and comparisons, checks and conversions of
 * untyped values); 0 is native code.  Lines of functions and classes
 * left to the interpreter are marked as such.  Clicking a line shows its
 * C, as Cython's `-a` does; the page needs no script.
 */
#include "emit/lower.h"

#include <stdlib.h>
#include <string.h>

/* What the name of a called function starts with when the call goes
 * through the interpreter's generic object protocols, not native code. */
static const char *const generic_calls[] = {
    "spy_any_", "spy_call_any", "spy_call_method", "PyObject_", "PyNumber_",
    "PySequence_", "PyIter_", "spy_load_global_cached", "spy_unbox_", "spy_getattr",
    "spy_setattr",
};
/* ...except these, which are native checks and bookkeeping. */
static const char *const native_calls[] = {"PyObject_TypeCheck", "PyObject_GC_"};

static bool starts_with_any(const char *s, size_t n, const char *const *v, size_t nv)
{
    for (size_t j = 0; j < nv; j++) {
        size_t len = strlen(v[j]);
        if (len <= n && !memcmp(s, v[j], len))
            return true;
    }
    return false;
}

static bool ident_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

typedef struct LineInfo {
    int score;           /* generic calls in its C */
    bool interpreted;    /* in a def or class left to the interpreter */
    char *c; size_t c_len, c_cap;  /* its C */
} LineInfo;

/* The calls (a name followed by `(`) of generic functions in s[0..n). */
static int count_generic(const char *s, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!ident_char(s[i]) || (i && ident_char(s[i - 1])))
            continue;
        size_t end = i;
        while (end < n && ident_char(s[end]))
            end++;
        if (end >= n || s[end] != '(')
            continue;
        if (starts_with_any(s + i, end - i, generic_calls,
                            sizeof generic_calls / sizeof *generic_calls) &&
            !starts_with_any(s + i, end - i, native_calls,
                             sizeof native_calls / sizeof *native_calls))
            k++;
        i = end;
    }
    return k;
}

static void append_c(Arena *a, LineInfo *li, const char *s, size_t n)
{
    if (li->c_len + n + 1 > li->c_cap) {
        size_t cap = (li->c_len + n + 1) * 2;
        char *nc = arena_alloc(a, cap);
        if (li->c_len)
            memcpy(nc, li->c, li->c_len);
        li->c = nc;
        li->c_cap = cap;
    }
    memcpy(li->c + li->c_len, s, n);
    li->c_len += n;
    li->c[li->c_len] = 0;
}

/* The source line of a marker line `    / * PATH:N: text * /`, or 0. */
static int marker_line(const char *s, size_t n, const char *path)
{
    size_t plen = strlen(path);
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    if (i + 3 + plen >= n || memcmp(s + i, "/* ", 3) || memcmp(s + i + 3, path, plen) ||
        s[i + 3 + plen] != ':')
        return 0;
    return atoi(s + i + 4 + plen);
}

static void attach_c(Arena *a, LineInfo *lines, int n_lines, const char *c, size_t len,
                     const char *path)
{
    int cur = 0;
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(c + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - (c + at)) + 1 : len - at;
        int m = marker_line(c + at, n, path);
        if (m > 0 && m <= n_lines)
            cur = m;
        else if (c[at] == '}' || c[at] == '#' || !strncmp(c + at, "static ", 7))
            cur = 0; /* the function ended */
        else if (cur) {
            append_c(a, &lines[cur - 1], c + at, n);
            lines[cur - 1].score += count_generic(c + at, n);
        }
        at += n;
    }
}

static void mark_interpreted(LineInfo *lines, int n_lines, const Stmt *s)
{
    for (int ln = stmt_first_line(s); ln <= (int)s->span.end_line && ln <= n_lines; ln++)
        if (ln > 0)
            lines[ln - 1].interpreted = true;
}

static void find_interpreted(const TcModule *tm, LineInfo *lines, int n)
{
    for (int i = 0; i < tm->n_funcs; i++)
        if (tm->funcs[i]->interpreted && tm->funcs[i]->def)
            mark_interpreted(lines, n, tm->funcs[i]->def);
    for (int i = 0; i < tm->n_classes; i++) {
        const TcClass *c = tm->classes[i];
        if (c->interp_why)
            mark_interpreted(lines, n, c->def);
        for (int j = 0; j < c->n_methods; j++)
            if (c->methods[j]->interpreted && c->methods[j]->def)
                mark_interpreted(lines, n, c->methods[j]->def);
    }
}

static void html_text(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(s[i], out);
        }
    }
}

static const char *line_class(const LineInfo *li)
{
    if (li->interpreted)
        return "interp";
    if (!li->c_len)
        return "none";
    return li->score == 0 ? "s0" : li->score <= 2 ? "s1" : li->score <= 5 ? "s2" : "s3";
}

static const char page_head[] =
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>%s: staticpyc annotation</title>\n"
    "<style>\n"
    "body { font-family: sans-serif; margin: 1em 2em; }\n"
    "pre, summary, .src { font-family: monospace; font-size: 13px; white-space: pre; margin: 0; }\n"
    ".ln { display: inline-block; width: 4em; color: #888; text-align: right; margin-right: 1em; }\n"
    ".sc { display: inline-block; width: 2.5em; color: #666; }\n"
    "summary { cursor: pointer; list-style: none; }\n"
    "summary::-webkit-details-marker { display: none; }\n"
    "pre.c { background: #f4f4f4; border-left: 3px solid #bbb; margin: 2px 0 6px 7.5em; padding: 4px; }\n"
    ".s0 { background: #ffffff; } .s1 { background: #fff9c4; } .s2 { background: #ffe082; }\n"
    ".s3 { background: #ffb74d; } .interp { background: #ef9a9a; } .none { color: #555; }\n"
    "</style></head><body>\n<h1>%s</h1>\n";

static void page_summary(FILE *out, const LineInfo *lines, int n)
{
    int native = 0, generic = 0, interp = 0;
    for (int i = 0; i < n; i++) {
        if (lines[i].interpreted)
            interp++;
        else if (lines[i].c_len && lines[i].score)
            generic++;
        else if (lines[i].c_len)
            native++;
    }
    fprintf(out, "<p>Lines with code: <b>%d</b> native, <b>%d</b> using the interpreter's "
            "generic protocols, <b>%d</b> left to the interpreter. The shade of a line "
            "grows with the number of generic calls in its C (the number left of it); "
            "click a line to see its C. "
            "<span class=\"s0\">native</span> <span class=\"s1\">1-2</span> "
            "<span class=\"s2\">3-5</span> <span class=\"s3\">6+</span> "
            "<span class=\"interp\">interpreted</span></p>\n", native, generic, interp);
}

int emit_annotate_html(Arena *a, const TcModule *tm, const char *c, size_t c_len, FILE *out)
{
    const Source *src = tm->ast->src;
    int n = src->n_lines;
    size_t last_len;
    if (n && (src_line(src, n, &last_len), last_len == 0))
        n--; /* the empty "line" after the final newline */
    LineInfo *lines = ARENA_ARRAY(a, LineInfo, n ? n : 1);
    attach_c(a, lines, n, c, c_len, src->path);
    find_interpreted(tm, lines, n);
    fprintf(out, page_head, tm->ast->name, src->path);
    page_summary(out, lines, n);
    for (int i = 0; i < n; i++) {
        size_t len;
        const char *text = src_line(src, i + 1, &len);
        while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
            len--;
        const LineInfo *li = &lines[i];
        const char *cls = line_class(li);
        if (li->c_len) {
            fprintf(out, "<details class=\"%s\"><summary><span class=\"ln\">%d</span>"
                    "<span class=\"sc\">%d</span>", cls, i + 1, li->score);
            html_text(out, text, len);
            fprintf(out, "</summary><pre class=\"c\">");
            html_text(out, li->c, li->c_len);
            fprintf(out, "</pre></details>\n");
        } else {
            fprintf(out, "<div class=\"src %s\"><span class=\"ln\">%d</span>"
                    "<span class=\"sc\"></span>", cls, i + 1);
            html_text(out, text, len);
            fprintf(out, "</div>\n");
        }
    }
    fprintf(out, "</body></html>\n");
    return ferror(out) ? -1 : 0;
}
