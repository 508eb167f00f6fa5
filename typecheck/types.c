/*
 * types.c — the type values of the checker: singletons for the simple
 * kinds, tuple construction, equality, assignability and printing.
 */
#include "typecheck/typecheck.h"

#include <string.h>

static TyType simple_types[TY__COUNT] = {
    [TY_ANY] = {TY_ANY, NULL, 0, false},     [TY_OBJECT] = {TY_OBJECT, NULL, 0, false},
    [TY_INT] = {TY_INT, NULL, 0, false},     [TY_FLOAT] = {TY_FLOAT, NULL, 0, false},
    [TY_BOOL] = {TY_BOOL, NULL, 0, false},   [TY_STR] = {TY_STR, NULL, 0, false},
    [TY_NONE] = {TY_NONE, NULL, 0, false},   [TY_BYTES] = {TY_BYTES, NULL, 0, false},
    [TY_FUNC] = {TY_FUNC, NULL, 0, false},   [TY_MODULE] = {TY_MODULE, NULL, 0, false},
    [TY_I64] = {TY_I64, NULL, 0, false},     [TY_I32] = {TY_I32, NULL, 0, false},
    [TY_I16] = {TY_I16, NULL, 0, false},     [TY_U8] = {TY_U8, NULL, 0, false},
};

bool ty_is_fixed(const TyType *t)
{
    return t->kind == TY_I64 || t->kind == TY_I32 || t->kind == TY_I16 || t->kind == TY_U8;
}

/* Does every value of fixed type `from` fit fixed type `to`? */
static bool fixed_widens(TyKind to, TyKind from)
{
    if (to == from || to == TY_I64)
        return true;
    if (to == TY_I32)
        return from == TY_I16 || from == TY_U8;
    return to == TY_I16 && from == TY_U8;
}

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

TyType *ty_generic(Arena *a, TyKind k, TyType *arg0, TyType *arg1)
{
    TyType *t = ARENA_NEW(a, TyType);
    t->kind = k;
    t->args = ARENA_ARRAY(a, TyType *, 2);
    t->args[0] = arg0;
    t->args[1] = arg1;
    t->n_args = arg1 ? 2 : 1;
    return t;
}

TyType *ty_callable(Arena *a, TyType **params, int n, TyType *ret)
{
    TyType *t = ARENA_NEW(a, TyType);
    t->kind = TY_FUNC;
    t->args = ARENA_ARRAY(a, TyType *, n + 1);
    t->args[0] = ret;
    for (int i = 0; i < n; i++)
        t->args[1 + i] = params[i];
    t->n_args = n + 1;
    t->variadic = params == NULL;
    return t;
}

/* Callables: results covariant, parameters contravariant; `...` and a
 * module function (whose signature the call checks) fit either way. */
static bool callable_assignable(const TyType *to, const TyType *from)
{
    if (to->n_args == 0 || from->n_args == 0)
        return true;
    if (!ty_assignable(to->args[0], from->args[0]))
        return false;
    if (to->variadic || from->variadic)
        return true;
    if (to->n_args != from->n_args)
        return false;
    for (int i = 1; i < to->n_args; i++)
        if (!ty_assignable(from->args[i], to->args[i]))
            return false;
    return true;
}

TyType *ty_set(Arena *a, TyType *elem, bool frozen)
{
    TyType *t = ty_generic(a, TY_SET, elem, NULL);
    t->frozen = frozen;
    return t;
}

static void union_add(TyType **v, int *n, TyType *t)
{
    if (t->kind == TY_UNION) {
        for (int i = 0; i < t->n_args; i++)
            union_add(v, n, t->args[i]);
        return;
    }
    for (int i = 0; i < *n; i++)
        if (ty_equal(v[i], t))
            return;
    v[(*n)++] = t;
}

TyType *ty_union(Arena *a, TyType *x, TyType *y)
{
    /* a union with Any in it accepts and gives anything: it is Any */
    if (x->kind == TY_ANY)
        return x;
    if (y->kind == TY_ANY)
        return y;
    int cap = (x->kind == TY_UNION ? x->n_args : 1) + (y->kind == TY_UNION ? y->n_args : 1);
    TyType **v = ARENA_ARRAY(a, TyType *, cap);
    int n = 0;
    union_add(v, &n, x);
    union_add(v, &n, y);
    if (n == 1)
        return v[0];
    TyType *t = ARENA_NEW(a, TyType);
    t->kind = TY_UNION;
    t->args = v;
    t->n_args = n;
    return t;
}

bool ty_has_none(const TyType *t)
{
    if (t->kind == TY_NONE)
        return true;
    if (t->kind != TY_UNION)
        return false;
    for (int i = 0; i < t->n_args; i++)
        if (t->args[i]->kind == TY_NONE)
            return true;
    return false;
}

TyType *ty_without_none(Arena *a, const TyType *t)
{
    if (t->kind != TY_UNION)
        return (TyType *)t;
    TyType *r = NULL;
    for (int i = 0; i < t->n_args; i++)
        if (t->args[i]->kind != TY_NONE)
            r = r ? ty_union(a, r, t->args[i]) : t->args[i];
    return r ? r : ty_simple(TY_NONE);
}

TyType *ty_iter_elem(const TyType *t)
{
    switch (t->kind) {
    case TY_LIST: case TY_SET: case TY_ITER: case TY_DICT: return t->args[0];
    case TY_STR: return ty_simple(TY_STR);
    case TY_BYTES: return ty_simple(TY_INT);
    case TY_ANY: case TY_OBJECT: return ty_simple(TY_ANY);
    case TY_CLASS: { /* a native class with __iter__ (or the __getitem__ protocol) */
        if (t->cls->dynamic)
            return ty_simple(TY_ANY);
        for (int i = 0; i < t->cls->n_vtable; i++) {
            const TcFunc *m = t->cls->vtable[i];
            if (!strcmp(m->name, "__iter__"))
                return m->ret->kind == TY_ITER ? m->ret->args[0] : ty_simple(TY_ANY);
        }
        for (int i = 0; i < t->cls->n_vtable; i++)
            if (!strcmp(t->cls->vtable[i]->name, "__getitem__"))
                return ty_simple(TY_ANY);
        return NULL;
    }
    case TY_TUPLE: {
        if (t->variadic)
            return t->args[0];
        TyType *r = NULL;
        for (int i = 0; i < t->n_args; i++)
            r = r ? (ty_equal(r, t->args[i]) ? r : ty_simple(TY_ANY)) : t->args[i];
        return r ? r : ty_simple(TY_ANY);
    }
    case TY_UNION: { /* every member iterable: their common element type */
        TyType *r = NULL;
        for (int i = 0; i < t->n_args; i++) {
            TyType *e = ty_iter_elem(t->args[i]);
            if (!e)
                return NULL;
            r = r ? (ty_equal(r, e) ? r : ty_simple(TY_ANY)) : e;
        }
        return r ? r : ty_simple(TY_ANY);
    }
    default: return NULL;
    }
}

/* The same type; with `gradual`, Any on either side at any depth matches
 * anything (gradual typing's consistency: list[list[Any]] is consistent
 * with list[list[int]]). */
static bool same_type(const TyType *a, const TyType *b, bool gradual)
{
    if (a == b)
        return true;
    if (!a || !b)
        return false;
    if (gradual && (a->kind == TY_ANY || b->kind == TY_ANY))
        return true;
    if (a->kind != b->kind || a->n_args != b->n_args || a->variadic != b->variadic ||
        a->frozen != b->frozen)
        return false;
    if (a->kind == TY_CLASS || a->kind == TY_TYPE)
        return a->cls == b->cls;
    for (int i = 0; i < a->n_args; i++)
        if (!same_type(a->args[i], b->args[i], gradual))
            return false;
    return true;
}

bool ty_equal(const TyType *a, const TyType *b)
{
    return same_type(a, b, false);
}

static bool member_of(const TyType *to, const TyType *from)
{
    for (int i = 0; i < to->n_args; i++)
        if (ty_assignable(to->args[i], from))
            return true;
    return false;
}

bool ty_assignable(const TyType *to, const TyType *from)
{
    if (to->kind == TY_ANY || from->kind == TY_ANY || to->kind == TY_OBJECT)
        return true;
    if (from->kind == TY_UNION) {
        for (int i = 0; i < from->n_args; i++)
            if (!ty_assignable(to, from->args[i]))
                return false;
        return true;
    }
    if (to->kind == TY_UNION)
        return member_of(to, from);
    if (to->kind == TY_FLOAT && (from->kind == TY_INT || from->kind == TY_BOOL))
        return true;
    if (to->kind == TY_INT && from->kind == TY_BOOL)
        return true;
    /* int <-> fixed width: converted with a range check at run time. */
    if (ty_is_fixed(to) && (from->kind == TY_INT || from->kind == TY_BOOL))
        return true;
    if (ty_is_fixed(to) && ty_is_fixed(from))
        return fixed_widens(to->kind, from->kind);
    if ((to->kind == TY_INT || to->kind == TY_FLOAT) && ty_is_fixed(from))
        return true;
    if (to->kind == TY_ITER && ty_iter_elem(from))
        return ty_assignable(to->args[0], ty_iter_elem(from));
    if (to->kind != from->kind)
        return false;
    if (to->kind == TY_CLASS) {
        for (const TcClass *c = from->cls; c; c = c->base)
            if (c == to->cls)
                return true;
        return false;
    }
    if (to->kind == TY_TYPE)
        return to->cls == from->cls;
    if (to->kind == TY_FUNC)
        return callable_assignable(to, from);
    if (to->frozen != from->frozen)   /* set and frozenset do not mix */
        return false;
    if (to->kind == TY_TUPLE) {
        if (to->variadic || from->variadic) {
            if (!to->variadic || !from->variadic) {
                if (!to->variadic)
                    return false;
                for (int i = 0; i < from->n_args; i++)   /* () fits any */
                    if (!ty_assignable(to->args[0], from->args[i]))
                        return false;
                return true;
            }
            return ty_assignable(to->args[0], from->args[0]);
        }
        if (to->n_args != from->n_args)
            return false;
        for (int i = 0; i < to->n_args; i++)
            if (!ty_assignable(to->args[i], from->args[i]))
                return false;
        return true;
    }
    /* Containers are invariant, but an element type of Any (an empty
     * literal, an unannotated source), also inside another container,
     * fits either way, and so does a
     * callable type that fits the other both ways (a lambda's
     * Callable[..., Any] and a declared Callable[[int], int]). */
    for (int i = 0; i < to->n_args; i++) {
        const TyType *t = to->args[i], *f = from->args[i];
        if (same_type(t, f, true))
            continue;
        if (t->kind == TY_FUNC && f->kind == TY_FUNC && callable_assignable(t, f) &&
            callable_assignable(f, t))
            continue;
        return false;
    }
    return true;
}

bool ty_is_numeric(const TyType *t)
{
    return t->kind == TY_INT || t->kind == TY_FLOAT || t->kind == TY_BOOL || ty_is_fixed(t);
}

static const char *simple_name(TyKind k)
{
    switch (k) {
    case TY_ANY: return "Any";
    case TY_OBJECT: return "object";
    case TY_INT: return "int";
    case TY_I64: return "i64";
    case TY_I32: return "i32";
    case TY_I16: return "i16";
    case TY_U8: return "u8";
    case TY_FLOAT: return "float";
    case TY_BOOL: return "bool";
    case TY_STR: return "str";
    case TY_NONE: return "None";
    case TY_BYTES: return "bytes";
    case TY_TUPLE: return "tuple";
    case TY_LIST: return "list";
    case TY_DICT: return "dict";
    case TY_SET: return "set";
    case TY_UNION: return "Union";
    case TY_ITER: return "Iterable";
    case TY_FUNC: return "function";
    case TY_MODULE: return "module";
    case TY_CLASS: case TY_TYPE: case TY__COUNT: break;
    }
    return "?";
}

const char *ty_str(Arena *a, const TyType *t)
{
    if (!t)
        return "?";
    if (t->kind == TY_CLASS)
        return t->cls->name;
    if (t->kind == TY_TYPE)
        return arena_printf(a, "type[%s]", t->cls->name);
    if (t->n_args == 0)
        return t->kind == TY_TUPLE ? "tuple[()]" : simple_name(t->kind);
    if (t->kind == TY_FUNC) {
        const char *s = t->variadic ? "..." : "[";
        for (int i = 1; !t->variadic && i < t->n_args; i++)
            s = arena_printf(a, "%s%s%s", s, i > 1 ? ", " : "", ty_str(a, t->args[i]));
        return arena_printf(a, "Callable[%s%s, %s]", s, t->variadic ? "" : "]",
                            ty_str(a, t->args[0]));
    }
    if (t->kind == TY_UNION) {
        if (t->n_args == 2 && ty_has_none(t))
            return arena_printf(a, "Optional[%s]", ty_str(a, ty_without_none(a, t)));
        const char *s = "";
        for (int i = 0; i < t->n_args; i++)
            s = arena_printf(a, "%s%s%s", s, i ? " | " : "", ty_str(a, t->args[i]));
        return s;
    }
    const char *s = arena_printf(a, "%s[", t->frozen ? "frozenset" : simple_name(t->kind));
    for (int i = 0; i < t->n_args; i++)
        s = arena_printf(a, "%s%s%s", s, i ? ", " : "", ty_str(a, t->args[i]));
    return arena_printf(a, "%s%s]", s, t->variadic ? ", ..." : "");
}
