/*
 * source.c — source files: the bytes of a module and its line table.
 *
 * Lines are split at '\n' only, as tree-sitter counts rows; a '\r' before
 * the '\n' is not part of the line's text.  Columns everywhere are 0-based
 * byte offsets within a line.
 * Entry points: src_load, src_from_string, src_line.
 */
#include "frontend.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void build_line_table(Arena *a, Source *s)
{
    int n = 1;
    for (size_t i = 0; i < s->len; i++)
        if (s->text[i] == '\n')
            n++;
    uint32_t *starts = ARENA_ARRAY(a, uint32_t, n);
    int k = 0;
    starts[k++] = 0;
    for (size_t i = 0; i < s->len; i++)
        if (s->text[i] == '\n')
            starts[k++] = (uint32_t)(i + 1);
    s->line_starts = starts;
    s->n_lines = n;
}

static Source *src_from_bytes(Arena *a, const char *path, const char *text,
                              size_t len)
{
    Source *s = ARENA_NEW(a, Source);
    s->path = arena_strdup(a, path);
    s->text = arena_strndup(a, text, len);
    s->len = len;
    build_line_table(a, s);
    return s;
}

Source *src_from_string(Arena *a, const char *path, const char *text)
{
    return src_from_bytes(a, path, text, strlen(text));
}

char *src_expr_at(Arena *a, uint32_t line, size_t col, const char *text, size_t n)
{
    size_t pad = col >= 2 ? col - 2 : 0;
    char *out = arena_alloc(a, line + pad + n + 5), *w = out;
    for (uint32_t i = 1; i < line; i++)
        *w++ = '\n';
    memset(w, '_', pad);
    w += pad;
    memcpy(w, "=(", 2);
    memcpy(w + 2, text, n);
    memcpy(w + 2 + n, ")\n", 3);
    return out;
}

/* Reads the whole of f into a heap buffer; NULL with errno set on error. */
static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int err = errno ? errno : EIO;
        free(buf);
        errno = err;
        return NULL;
    }
    *len = n;
    return buf;
}

Source *src_load(Arena *a, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t len = 0;
    char *buf = read_all(f, &len);
    int err = errno;
    fclose(f);
    if (!buf) {
        errno = err;
        return NULL;
    }
    Source *s = src_from_bytes(a, path, buf, len);
    free(buf);
    return s;
}

const char *src_line(const Source *s, int line, size_t *len)
{
    if (line < 1 || line > s->n_lines) {
        *len = 0;
        return "";
    }
    size_t start = s->line_starts[line - 1];
    size_t end = line < s->n_lines ? s->line_starts[line] - 1 : s->len;
    if (end > start && s->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return s->text + start;
}
