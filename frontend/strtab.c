/*
 * strtab.c — string interning: equal names become equal pointers, so
 * later stages compare identifiers with ==.
 *
 * Open addressing with linear probing over a heap table of (hash, str);
 * the strings themselves live in the arena given to strtab_new.
 * Entry points: strtab_new, strtab_intern, strtab_cstr, strtab_free.
 */
#include "frontend.h"

#include <stdlib.h>
#include <string.h>

typedef struct Slot {
    const char *s; /* NULL when empty */
    size_t len;
    uint32_t hash;
} Slot;

struct Strtab {
    Arena *arena;
    Slot *slots;
    size_t cap, count; /* cap is a power of two */
};

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static Slot *slots_new(size_t cap)
{
    Slot *s = calloc(cap, sizeof(Slot));
    if (!s) {
        fputs("staticpyc: out of memory\n", stderr);
        abort();
    }
    return s;
}

Strtab *strtab_new(Arena *a)
{
    Strtab *t = ARENA_NEW(a, Strtab);
    t->arena = a;
    t->cap = 256;
    t->slots = slots_new(t->cap);
    return t;
}

void strtab_free(Strtab *t)
{
    if (!t)
        return;
    free(t->slots);
    t->slots = NULL;
    t->cap = t->count = 0;
}

static Slot *find_slot(Slot *slots, size_t cap, const char *s, size_t n,
                       uint32_t h)
{
    size_t i = h & (cap - 1);
    for (;;) {
        Slot *sl = &slots[i];
        if (!sl->s)
            return sl;
        if (sl->hash == h && sl->len == n && memcmp(sl->s, s, n) == 0)
            return sl;
        i = (i + 1) & (cap - 1);
    }
}

static void grow(Strtab *t)
{
    size_t cap = t->cap * 2;
    Slot *slots = slots_new(cap);
    for (size_t i = 0; i < t->cap; i++) {
        Slot *old = &t->slots[i];
        if (old->s)
            *find_slot(slots, cap, old->s, old->len, old->hash) = *old;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
}

const char *strtab_intern(Strtab *t, const char *s, size_t n)
{
    if ((t->count + 1) * 2 > t->cap)
        grow(t);
    uint32_t h = fnv1a(s, n);
    Slot *sl = find_slot(t->slots, t->cap, s, n, h);
    if (!sl->s) {
        sl->s = arena_strndup(t->arena, s, n);
        sl->len = n;
        sl->hash = h;
        t->count++;
    }
    return sl->s;
}

const char *strtab_cstr(Strtab *t, const char *s)
{
    return strtab_intern(t, s, strlen(s));
}
