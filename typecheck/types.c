/*
 * types.c — the type values of the checker: singletons for the simple
 * kinds, tuple construction, equality, assignability and printing.
 */
#include "typecheck/typecheck.h"

#include <string.h>

static TyType simple_types[TY__COUNT] = {
    [TY_ANY] = {TY_ANY, NULL, 0},       [TY_OBJECT] = {TY_OBJECT, NULL, 0},
    [TY_INT] = {TY_INT, NULL, 0},       [TY_FLOAT] = {TY_FLOAT, NULL, 0},
    [TY_BOOL] = {TY_BOOL, NULL, 0},     [TY_STR] = {TY_STR, NULL, 0},
    [TY_NONE] = {TY_NONE, NULL, 0},     [TY_TUPLE] = {TY_TUPLE, NULL, 0},
    [TY_FUNC] = {TY_FUNC, NULL, 0},     [TY_MODULE] = {TY_MODULE, NULL, 0},
};

/* The singletons are never written after initialisation, so sharing them
 * between compilations is safe. */
TyType *ty_simple(TyKind k) { return &simple_types[k]; }

TyType *ty_tuple(Arena *a, TyType **elts, int n)
{
    TyType *t = ARENA_NEW(a, TyType);
    t->kind = TY_TUPLE;
    t->args = ARENA_ARRAY(a, TyType *, n > 0 ? n : 1);
    memcpy(t->args, elts, sizeof(TyType *) * (size_t)n);
    t->n_args = n;
    return t;
}

bool ty_equal(const TyType *a, const TyType *b)
{
    if (a == b)
        return true;
    if (!a || !b || a->kind != b->kind || a->n_args != b->n_args)
        return false;
    for (int i = 0; i < a->n_args; i++)
        if (!ty_equal(a->args[i], b->args[i]))
            return false;
    return true;
}

bool ty_assignable(const TyType *to, const TyType *from)
{
    if (to->kind == TY_ANY || from->kind == TY_ANY || to->kind == TY_OBJECT)
        return true;
    if (to->kind == TY_FLOAT && (from->kind == TY_INT || from->kind == TY_BOOL))
        return true;
    if (to->kind == TY_INT && from->kind == TY_BOOL)
        return true;
    if (to->kind == TY_TUPLE && from->kind == TY_TUPLE) {
        if (to->n_args != from->n_args)
            return false;
        for (int i = 0; i < to->n_args; i++)
            if (!ty_assignable(to->args[i], from->args[i]))
                return false;
        return true;
    }
    return to->kind == from->kind;
}

bool ty_is_numeric(const TyType *t)
{
    return t->kind == TY_INT || t->kind == TY_FLOAT || t->kind == TY_BOOL;
}

static const char *simple_name(TyKind k)
{
    switch (k) {
    case TY_ANY: return "Any";
    case TY_OBJECT: return "object";
    case TY_INT: return "int";
    case TY_FLOAT: return "float";
    case TY_BOOL: return "bool";
    case TY_STR: return "str";
    case TY_NONE: return "None";
    case TY_TUPLE: return "tuple";
    case TY_FUNC: return "function";
    case TY_MODULE: return "module";
    case TY__COUNT: break;
    }
    return "?";
}

const char *ty_str(Arena *a, const TyType *t)
{
    if (!t)
        return "?";
    if (t->kind != TY_TUPLE || t->n_args == 0)
        return simple_name(t->kind);
    const char *s = "tuple[";
    for (int i = 0; i < t->n_args; i++)
        s = arena_printf(a, "%s%s%s", s, i ? ", " : "", ty_str(a, t->args[i]));
    return arena_printf(a, "%s]", s);
}
