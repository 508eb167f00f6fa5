/*
 * methods.c — methods of the builtin container and string types: which
 * exist (calling another is a compile-time error) and the static type of
 * their results.  Calls still dispatch dynamically unless emit/ has a fast
 * path; results flowing into typed slots are checked at runtime.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

static bool in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(*list, name) == 0)
            return true;
    return false;
}

static const char *const list_methods[] = {
    "append", "extend", "insert", "pop", "remove", "index", "count", "clear",
    "copy", "reverse", "sort", NULL};
static const char *const dict_methods[] = {
    "get", "keys", "values", "items", "setdefault", "pop", "popitem", "update",
    "clear", "copy", "fromkeys", NULL};
static const char *const set_methods[] = {
    "add", "discard", "remove", "pop", "union", "intersection", "difference",
    "symmetric_difference", "issubset", "issuperset", "isdisjoint", "clear",
    "copy", "update", "intersection_update", "difference_update", NULL};
static const char *const frozenset_methods[] = {
    "union", "intersection", "difference", "symmetric_difference", "issubset",
    "issuperset", "isdisjoint", "copy", NULL};
static const char *const str_to_str[] = {
    "join", "strip", "lstrip", "rstrip", "lower", "upper", "replace", "title",
    "capitalize", "casefold", "center", "ljust", "rjust", "zfill", "format",
    "swapcase", "expandtabs", "removeprefix", "removesuffix", "translate",
    "format_map", NULL};
static const char *const str_to_bool[] = {
    "startswith", "endswith", "isdigit", "isalpha", "isalnum", "isspace",
    "isupper", "islower", "isidentifier", "isnumeric", "isdecimal", "istitle",
    "isascii", "isprintable", NULL};
static const char *const str_to_int[] = {"find", "rfind", "index", "rindex", "count", NULL};
static const char *const str_to_list[] = {"split", "rsplit", "splitlines", NULL};
static const char *const str_other[] = {"encode", "partition", "rpartition", "maketrans", NULL};

static TyType *list_method(Tc *tc, TyType *recv, const char *m)
{
    TyType *t = recv->args[0];
    if (!strcmp(m, "pop"))
        return t;
    if (!strcmp(m, "index") || !strcmp(m, "count"))
        return ty_simple(TY_INT);
    if (!strcmp(m, "copy"))
        return recv;
    (void)tc;
    return ty_simple(TY_NONE);
}

static TyType *dict_method(Tc *tc, TyType *recv, const char *m, TyType **args, int n)
{
    TyType *k = recv->args[0], *v = recv->args[1];
    if (!strcmp(m, "get")) {
        /* d.get(k, []) for a dict of lists is a list of them (mypy infers
         * the empty display from context); a default of another type
         * (an int for a float value) keeps its own */
        if (n < 2)
            return ty_union(tc->a, v, ty_simple(TY_NONE));
        bool fits = args[1]->kind == v->kind && !ty_is_numeric(v) && ty_assignable(v, args[1]);
        return ty_equal(args[1], v) || args[1]->kind == TY_ANY || fits ? v
             : ty_union(tc->a, v, args[1]);
    }
    if (!strcmp(m, "keys"))
        return ty_generic(tc->a, TY_ITER, k, NULL);
    if (!strcmp(m, "values"))
        return ty_generic(tc->a, TY_ITER, v, NULL);
    if (!strcmp(m, "items")) {
        TyType *kv[2] = {k, v};
        return ty_generic(tc->a, TY_ITER, ty_tuple(tc->a, kv, 2), NULL);
    }
    if (!strcmp(m, "setdefault") || !strcmp(m, "pop"))
        return v;
    if (!strcmp(m, "copy"))
        return recv;
    if (!strcmp(m, "popitem") || !strcmp(m, "fromkeys"))
        return ty_simple(TY_ANY);
    return ty_simple(TY_NONE);
}

static TyType *set_method(Tc *tc, TyType *recv, const char *m)
{
    (void)tc;
    if (!strcmp(m, "pop"))
        return recv->args[0];
    if (!strcmp(m, "issubset") || !strcmp(m, "issuperset") || !strcmp(m, "isdisjoint"))
        return ty_simple(TY_BOOL);
    if (!strcmp(m, "union") || !strcmp(m, "intersection") || !strcmp(m, "difference") ||
        !strcmp(m, "symmetric_difference") || !strcmp(m, "copy"))
        return recv;
    return ty_simple(TY_NONE);
}

static TyType *str_method(Tc *tc, const char *m)
{
    if (in(m, str_to_str))
        return ty_simple(TY_STR);
    if (in(m, str_to_bool))
        return ty_simple(TY_BOOL);
    if (in(m, str_to_int))
        return ty_simple(TY_INT);
    if (in(m, str_to_list))
        return ty_generic(tc->a, TY_LIST, ty_simple(TY_STR), NULL);
    if (!strcmp(m, "partition") || !strcmp(m, "rpartition")) {
        TyType *s3[3] = {ty_simple(TY_STR), ty_simple(TY_STR), ty_simple(TY_STR)};
        return ty_tuple(tc->a, s3, 3);
    }
    if (!strcmp(m, "encode"))
        return ty_simple(TY_BYTES);
    return ty_simple(TY_ANY);
}

/* The result type of recv.m(args); NULL (after an error) when the type
 * has no such method. */
TyType *method_result(Tc *tc, TyType *recv, const char *m, TyType **args, int n, Span span)
{
    const char *const *known = NULL;
    switch (recv->kind) {
    case TY_LIST: known = list_methods; break;
    case TY_DICT: known = dict_methods; break;
    case TY_SET: known = recv->frozen ? frozenset_methods : set_methods; break;
    case TY_STR:
        if (in(m, str_to_str) || in(m, str_to_bool) || in(m, str_to_int) ||
            in(m, str_to_list) || in(m, str_other))
            return str_method(tc, m);
        break;
    default:
        return ty_simple(TY_ANY);
    }
    if (known && in(m, known)) {
        switch (recv->kind) {
        case TY_LIST: return list_method(tc, recv, m);
        case TY_DICT: return dict_method(tc, recv, m, args, n);
        default: return set_method(tc, recv, m);
        }
    }
    tc_error(tc, span, "\"%s\" has no attribute \"%s\"", ty_str(tc->a, recv), m);
    return NULL;
}
