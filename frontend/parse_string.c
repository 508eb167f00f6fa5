/*
 * parse_string.c — string literals: prefixes (r, b, f, u and combos),
 * every escape sequence, implicit concatenation, bytes, and f-strings
 * with conversions, `{x=}` and nested format specs.
 *
 * A string node's literal text is everything between its string_start
 * and string_end that no interpolation covers; it is decoded here rather
 * than from tree-sitter's escape nodes.
 * Entry point (parse_internal.h): conv_strings.
 */
#include "parse_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct Buf {
    char *v;
    size_t n, cap;
} Buf;

static void buf_put(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (b->n + n + 1 > cap)
            cap *= 2;
        char *v = realloc(b->v, cap);
        if (!v) {
            fputs("staticpyc: out of memory\n", stderr);
            abort();
        }
        b->v = v;
        b->cap = cap;
    }
    memcpy(b->v + b->n, s, n);
    b->n += n;
}

static void buf_putc(Buf *b, char c)
{
    buf_put(b, &c, 1);
}

static void buf_put_utf8(Buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_put(b, u, n);
}

/* Moves the buffer into the arena (NUL-terminated) and empties it. */
static const char *buf_take(Parser *p, Buf *b, size_t *len)
{
    *len = b->n;
    const char *s = arena_strndup(p->a, b->v ? b->v : "", b->n);
    b->n = 0;
    return s;
}

/* ---- prefixes ------------------------------------------------------------ */

typedef struct StrKind {
    bool raw, bytes, fstr;
} StrKind;

static bool parse_prefix(const char *t, size_t len, StrKind *k)
{
    bool u = false;
    memset(k, 0, sizeof *k);
    for (size_t i = 0; i < len && t[i] != '"' && t[i] != '\''; i++) {
        bool *flag;
        switch (t[i]) {
        case 'r': case 'R': flag = &k->raw; break;
        case 'b': case 'B': flag = &k->bytes; break;
        case 'f': case 'F': flag = &k->fstr; break;
        case 'u': case 'U': flag = &u; break;
        default: return false;
        }
        if (*flag)
            return false;
        *flag = true;
    }
    if (u && (k->raw || k->bytes || k->fstr))
        return false;
    return !(k->bytes && k->fstr);
}

/* ---- escapes --------------------------------------------------------------- */

typedef struct Lit {
    Parser *p;
    StrKind kind;
    Buf *out;
    bool reported_nonascii;
} Lit;

static void lit_err(Lit *l, size_t off, size_t len, const char *msg)
{
    perr_span(l->p, span_of_bytes(l->p->src, off, len), "%s", msg);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* \xhh, \uXXXX, \UXXXXXXXX starting at s[i] (the letter); returns the
 * number of bytes consumed after the backslash. */
static size_t hex_escape(Lit *l, const char *s, size_t i, size_t end,
                         size_t off)
{
    char c = s[i];
    int want = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    uint32_t v = 0;
    int got = 0;
    while (got < want && i + 1 + (size_t)got < end &&
           hexval(s[i + 1 + got]) >= 0) {
        v = v * 16 + (uint32_t)hexval(s[i + 1 + got]);
        got++;
    }
    if (got < want) {
        lit_err(l, off + i - 1, (size_t)got + 2,
                c == 'x' ? "truncated \\xXX escape"
                : c == 'u' ? "truncated \\uXXXX escape"
                           : "truncated \\UXXXXXXXX escape");
        return 1 + (size_t)got;
    }
    if (c == 'x' && l->kind.bytes)
        buf_putc(l->out, (char)v);
    else if (v > 0x10FFFF)
        lit_err(l, off + i - 1, (size_t)want + 2, "illegal Unicode character");
    else
        buf_put_utf8(l->out, v);
    return 1 + (size_t)want;
}

static size_t octal_escape(Lit *l, const char *s, size_t i, size_t end)
{
    uint32_t v = 0;
    size_t k = 0;
    while (k < 3 && i + k < end && s[i + k] >= '0' && s[i + k] <= '7')
        v = v * 8 + (uint32_t)(s[i + k++] - '0');
    if (l->kind.bytes)
        buf_putc(l->out, (char)(v & 0xFF));
    else
        buf_put_utf8(l->out, v);
    return k;
}

static size_t named_escape(Lit *l, const char *s, size_t i, size_t end,
                           size_t off)
{
    size_t k = i + 1;
    if (k < end && s[k] == '{')
        while (k < end && s[k] != '}' && s[k] != '\n')
            k++;
    size_t used = (k < end && s[k] == '}') ? k + 1 - i : k - i;
    lit_err(l, off + i - 1, used + 1,
            "\\N{...} escapes are not supported yet");
    return used;
}

static const char *simple_escape(char c)
{
    switch (c) {
    case '\\': return "\\";
    case '\'': return "'";
    case '"': return "\"";
    case 'a': return "\a";
    case 'b': return "\b";
    case 'f': return "\f";
    case 'n': return "\n";
    case 'r': return "\r";
    case 't': return "\t";
    case 'v': return "\v";
    }
    return NULL;
}

/* One escape after the backslash at s[i-1]; returns bytes consumed. */
static size_t escape(Lit *l, const char *s, size_t i, size_t end, size_t off)
{
    char c = s[i];
    const char *simple = simple_escape(c);
    if (simple) {
        buf_putc(l->out, simple[0]);
        return 1;
    }
    if (c == '\n')
        return 1; /* backslash-newline continues the line */
    if (c == '\r')
        return (i + 1 < end && s[i + 1] == '\n') ? 2 : 1;
    if (c >= '0' && c <= '7')
        return octal_escape(l, s, i, end);
    if (c == 'x' || (!l->kind.bytes && (c == 'u' || c == 'U')))
        return hex_escape(l, s, i, end, off);
    if (c == 'N' && !l->kind.bytes)
        return named_escape(l, s, i, end, off);
    buf_putc(l->out, '\\'); /* unknown escapes stay as written */
    return 0;
}

/* Decodes literal text s[0..len) found at byte offset off. */
static void decode_literal(Lit *l, const char *s, size_t len, size_t off)
{
    for (size_t i = 0; i < len;) {
        char c = s[i];
        if (c == '\\' && !l->kind.raw && i + 1 < len) {
            i += 1 + escape(l, s, i + 1, len, off);
            continue;
        }
        if (c == '\r') { /* newlines in source are normalized to \n */
            buf_putc(l->out, '\n');
            i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (l->kind.fstr && (c == '{' || c == '}')) {
            if (i + 1 < len && s[i + 1] == c)
                i++;
            else if (c == '}')
                lit_err(l, off + i, 1, "f-string: single '}' is not allowed");
        }
        if (l->kind.bytes && (unsigned char)c >= 0x80 && !l->reported_nonascii) {
            lit_err(l, off + i, 1,
                    "bytes can only contain ASCII literal characters");
            l->reported_nonascii = true;
        }
        buf_putc(l->out, c);
        i++;
    }
}

static void decode_range(Lit *l, uint32_t from, uint32_t to)
{
    const Source *src = l->p->src;
    if (to > src->len)
        to = (uint32_t)src->len;
    if (from < to)
        decode_literal(l, src->text + from, to - from, from);
}

/* ---- f-strings --------------------------------------------------------- */

/* Accumulates f-string parts; literal text collects in lit until the next
 * interpolation or the end. */
typedef struct FBuild {
    PtrVec parts;
    Buf lit;
} FBuild;

static void flush_lit(Parser *p, FBuild *fb)
{
    if (fb->lit.n == 0)
        return;
    FPart *part = ARENA_NEW(p->a, FPart);
    part->text = buf_take(p, &fb->lit, &part->text_len);
    ptrvec_push(&fb->parts, part);
}

static FString *finish_fstring(Parser *p, FBuild *fb)
{
    flush_lit(p, fb);
    FString *fs = ARENA_NEW(p->a, FString);
    fs->v = (FPart **)ptrvec_finish(p->a, &fb->parts);
    fs->n = fb->parts.n;
    free(fb->lit.v);
    return fs;
}

static void conv_interp(Parser *p, TSNode n, StrKind kind, FBuild *fb);

/* The spec after ':' is itself an f-string: literal text around nested
 * {format_expression}s. */
static FString *conv_spec(Parser *p, TSNode spec, StrKind kind)
{
    FBuild fb = { { 0 }, { 0 } };
    Lit l = { p, kind, &fb.lit, false };
    l.kind.fstr = false; /* braces in a spec are replacement fields */
    uint32_t pos = ts_node_start_byte(spec) + 1; /* after ':' */
    TSNode k;
    KidIter it = kids_begin(spec);
    while (kids_next(&it, &k, NULL)) {
        if (!node_is(k, "format_expression"))
            continue;
        decode_range(&l, pos, ts_node_start_byte(k));
        conv_interp(p, k, kind, &fb);
        pos = ts_node_end_byte(k);
    }
    kids_end(&it);
    decode_range(&l, pos, ts_node_end_byte(spec));
    return finish_fstring(p, &fb);
}

static char conversion_of(Parser *p, TSNode conv)
{
    size_t len;
    const char *t = node_text(p, conv, &len);
    if (len == 2 && (t[1] == 's' || t[1] == 'r' || t[1] == 'a'))
        return t[1];
    perr(p, conv, "f-string: invalid conversion character: expected 's', "
                  "'r', or 'a'");
    return 0;
}

/* {x=}: the literal "x=" (with its spacing) goes before the value. */
static void self_doc_text(Parser *p, TSNode n, TSNode eq, FBuild *fb)
{
    uint32_t from = ts_node_start_byte(n) + 1;
    uint32_t to = ts_node_end_byte(eq);
    TSNode next = ts_node_next_sibling(eq);
    if (!ts_node_is_null(next) && !ts_node_is_named(next) &&
        strcmp(ts_node_type(next), "}") == 0)
        to = ts_node_start_byte(next);
    else if (!ts_node_is_null(next))
        to = ts_node_start_byte(next);
    if (to > p->src->len || to < from)
        to = from;
    buf_put(&fb->lit, p->src->text + from, to - from);
}

static void conv_interp(Parser *p, TSNode n, StrKind kind, FBuild *fb)
{
    FPart *part = ARENA_NEW(p->a, FPart);
    TSNode k, eq = { 0 };
    const char *f;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, &f)) {
        if (f && strcmp(f, "expression") == 0)
            part->expr = conv_expr(p, k);
        else if (f && strcmp(f, "type_conversion") == 0)
            part->conversion = conversion_of(p, k);
        else if (f && strcmp(f, "format_specifier") == 0)
            part->spec = conv_spec(p, k, kind);
        else if (!ts_node_is_named(k) && strcmp(ts_node_type(k), "=") == 0)
            eq = k;
    }
    kids_end(&it);
    if (!part->expr)
        part->expr = error_expr(p, n);
    if (!ts_node_is_null(eq)) {
        part->self_doc = true;
        self_doc_text(p, n, eq, fb);
        if (!part->conversion && !part->spec)
            part->conversion = 'r';
    }
    flush_lit(p, fb);
    ptrvec_push(&fb->parts, part);
}

/* ---- string nodes ------------------------------------------------------ */

typedef struct StrAcc {
    FBuild fb;        /* literal text (lit) and, for f-strings, parts */
    bool any_f, any_bytes, any_str;
} StrAcc;

/* One `string` node: prefix from string_start, then literal ranges and
 * interpolations up to string_end. */
static void conv_one_string(Parser *p, TSNode n, StrAcc *acc)
{
    StrKind kind = { false, false, false };
    uint32_t pos = ts_node_start_byte(n), end = ts_node_end_byte(n);
    uint32_t quote = 1;
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        const char *t = ts_node_type(k);
        Lit l = { p, kind, &acc->fb.lit, false };
        if (strcmp(t, "string_start") == 0) {
            size_t len;
            const char *s = node_text(p, k, &len);
            if (!parse_prefix(s, len, &kind))
                perr(p, k, "invalid string prefix");
            quote = (len >= 3 && s[len - 1] == s[len - 2] &&
                     s[len - 2] == s[len - 3]) ? 3 : 1;
            pos = ts_node_end_byte(k);
        } else if (strcmp(t, "interpolation") == 0) {
            decode_range(&l, pos, ts_node_start_byte(k));
            if (!kind.fstr)
                perr(p, k, "unexpected interpolation in a non-f-string");
            conv_interp(p, k, kind, &acc->fb);
            pos = ts_node_end_byte(k);
        } else if (strcmp(t, "string_end") == 0) {
            /* tree-sitter-python puts the backslashes of r"\\" into
             * string_end, so the literal ends at the closing quote. */
            end = ts_node_start_byte(k);
            if (!ts_node_is_missing(k) && ts_node_end_byte(k) >= end + quote)
                end = ts_node_end_byte(k) - quote;
        }
    }
    kids_end(&it);
    Lit l = { p, kind, &acc->fb.lit, false };
    decode_range(&l, pos, end);
    acc->any_f |= kind.fstr;
    acc->any_bytes |= kind.bytes;
    acc->any_str |= !kind.bytes;
}

Expr *conv_strings(Parser *p, TSNode n)
{
    StrAcc acc;
    memset(&acc, 0, sizeof acc);
    if (node_is(n, "concatenated_string")) {
        TSNode k;
        KidIter it = kids_begin(n);
        while (kids_next(&it, &k, NULL))
            if (node_is(k, "string"))
                conv_one_string(p, k, &acc);
        kids_end(&it);
    } else {
        conv_one_string(p, n, &acc);
    }
    if (acc.any_bytes && acc.any_str)
        perr(p, n, "cannot mix bytes and nonbytes literals");
    Expr *e;
    if (acc.any_f) {
        e = new_expr(p, EX_FSTRING, node_span(n));
        e->u.fstring = *finish_fstring(p, &acc.fb);
        return e;
    }
    e = new_expr(p, acc.any_bytes && !acc.any_str ? EX_BYTES : EX_STR,
                 node_span(n));
    e->u.str.s = buf_take(p, &acc.fb.lit, &e->u.str.len);
    free(acc.fb.lit.v);
    ptrvec_free(&acc.fb.parts);
    return e;
}
