/*
 * arena.c — bump allocation freed all at once, and the heap-backed PtrVec
 * used while building counted arrays.
 *
 * The arena is a chain of blocks; an allocation larger than a block gets a
 * block of its own.  Memory is zeroed and aligned for any type.
 * Entry points: arena_new, arena_alloc, arena_strndup, arena_printf,
 * arena_free, ptrvec_push, ptrvec_finish, ptrvec_free.
 */
#include "frontend.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK = 64 * 1024 };

typedef struct Block {
    struct Block *next;
    size_t used, size;
    alignas(max_align_t) unsigned char data[];
} Block;

struct Arena {
    Block *head;
};

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("staticpyc: out of memory\n", stderr);
        abort();
    }
    return p;
}

static Block *block_new(size_t size)
{
    Block *b = xmalloc(sizeof(Block) + size);
    b->next = NULL;
    b->used = 0;
    b->size = size;
    return b;
}

Arena *arena_new(void)
{
    Arena *a = xmalloc(sizeof(Arena));
    a->head = block_new(ARENA_BLOCK);
    return a;
}

void arena_free(Arena *a)
{
    if (!a)
        return;
    Block *b = a->head;
    while (b) {
        Block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

static size_t align_up(size_t n)
{
    size_t al = alignof(max_align_t);
    return (n + al - 1) & ~(al - 1);
}

void *arena_alloc(Arena *a, size_t size)
{
    size = align_up(size ? size : 1);
    Block *b = a->head;
    if (b->used + size > b->size) {
        if (size > ARENA_BLOCK / 4) {
            /* Big allocations get their own block behind the current one
             * so the current block's free space is not wasted. */
            Block *big = block_new(size);
            big->next = b->next;
            b->next = big;
            big->used = size;
            memset(big->data, 0, size);
            return big->data;
        }
        b = block_new(ARENA_BLOCK);
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(Arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    if (!fmt) /* also keeps gcc's -Wformat-truncation quiet under UBSan */
        fmt = "";
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

void ptrvec_push(PtrVec *pv, void *p)
{
    if (!pv->v)
        pv->n = 0; /* reuse after finish: n still held the old count */
    if (pv->n >= pv->cap) {
        int cap = pv->cap ? pv->cap * 2 : 8;
        void **v = realloc(pv->v, sizeof(void *) * (size_t)cap);
        if (!v) {
            fputs("staticpyc: out of memory\n", stderr);
            abort();
        }
        pv->v = v;
        pv->cap = cap;
    }
    pv->v[pv->n++] = p;
}

void **ptrvec_finish(Arena *a, PtrVec *pv)
{
    void **out = NULL;
    if (!pv->v)
        pv->n = 0; /* finished before and not pushed to since */
    if (pv->n > 0) {
        out = ARENA_ARRAY(a, void *, pv->n);
        memcpy(out, pv->v, sizeof(void *) * (size_t)pv->n);
    }
    /* n is kept so callers may read the count after finishing. */
    free(pv->v);
    pv->v = NULL;
    pv->cap = 0;
    return out;
}

void ptrvec_free(PtrVec *pv)
{
    free(pv->v);
    pv->v = NULL;
    pv->n = pv->cap = 0;
}
