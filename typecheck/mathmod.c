/*
 * mathmod.c — the functions of the `math` module that compiled code calls
 * as C (DESIGN: module-level names are bound early; `math` is treated
 * like the builtins).  math.f(x) or `from math import f` with float
 * arguments becomes a direct call of the runtime's spy_math_f, which
 * raises the interpreter's ValueError/OverflowError.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

static const struct {
    const char *name;
    int nargs;
    TyKind ret;
} math_fns[] = {
    {"sqrt", 1, TY_FLOAT}, {"exp", 1, TY_FLOAT}, {"log", 1, TY_FLOAT},
    {"log2", 1, TY_FLOAT}, {"log10", 1, TY_FLOAT}, {"sin", 1, TY_FLOAT},
    {"cos", 1, TY_FLOAT}, {"tan", 1, TY_FLOAT}, {"asin", 1, TY_FLOAT},
    {"acos", 1, TY_FLOAT}, {"atan", 1, TY_FLOAT}, {"fabs", 1, TY_FLOAT},
    {"atan2", 2, TY_FLOAT}, {"floor", 1, TY_INT}, {"ceil", 1, TY_INT},
};

static const char *math_attr(const Expr *fn, const char **module)
{
    *module = NULL;
    if (fn->kind == EX_ATTRIBUTE && fn->u.attribute.value->kind == EX_NAME) {
        TcSymbol *s = fn->u.attribute.value->sema;
        if (s && s->kind == SYM_IMPORT && s->import_of && !strcmp(s->import_of, "math"))
            return fn->u.attribute.attr;
        return NULL;
    }
    if (fn->kind == EX_NAME) {
        TcSymbol *s = fn->sema;
        if (s && s->kind == SYM_IMPORT && s->import_of && !strncmp(s->import_of, "math.", 5))
            return s->import_of + 5;
    }
    return NULL;
}

/* For a call of math.f with f in the table: its result type, with
 * call->method set to f; NULL for anything else.  fn must be checked. */
TyType *math_call(Tc *tc, Expr *e, TcCall *call, TyType **args, int n)
{
    const char *module;
    const char *f = math_attr(e->u.call.func, &module);
    if (!f)
        return NULL;
    for (size_t i = 0; i < sizeof math_fns / sizeof *math_fns; i++) {
        if (strcmp(math_fns[i].name, f) != 0)
            continue;
        if (n != math_fns[i].nargs)
            return NULL;
        for (int j = 0; j < n; j++)
            if (e->u.call.args[j]->name || !ty_is_numeric(args[j]))
                return NULL;
        /* log of a huge int is exact in Python; only floats go to C. */
        if (!strncmp(f, "log", 3) && args[0]->kind != TY_FLOAT)
            return NULL;
        call->kind = CALL_MATH;
        call->method = math_fns[i].name;
        (void)tc;
        return ty_simple(math_fns[i].ret);
    }
    return NULL;
}

/* math.pi and friends: a float constant, or NULL. */
TyType *math_constant(Tc *tc, Expr *e)
{
    static const char *const names[] = {"pi", "e", "tau", "inf", "nan"};
    const char *module;
    const char *f = math_attr(e, &module);
    (void)tc;
    if (!f || e->kind != EX_ATTRIBUTE)
        return NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(f, names[i]))
            return ty_simple(TY_FLOAT);
    return NULL;
}
