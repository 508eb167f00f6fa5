/*
 * lower_clone.c — int64_t clones of small functions.
 *
 * A loop index is an int64_t (a machine int); passed to `def f(i: int)`
 * it must become a tagged int, and inside f every operation on it tests
 * the tag again.  When every int argument of a call to a small module
 * function is such an int64_t value, the call goes instead to a clone of
 * the function, f_<name>__i64, whose int parameters are themselves
 * machine ints: `1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)` then computes
 * on the int64_t values it was given.  The clone is the same function
 * lowered once more with those parameters marked machine; the values are
 * the same, only their C representation differs, so behaviour is
 * unchanged.  A parameter qualifies when the body never rebinds it (an
 * int64_t parameter could not hold what a new binding stores) and no
 * nested function sees it.
 */
#include "emit/lower.h"

#include <string.h>

/* Does the body assign to s anywhere (loops and plain assignments are
 * recorded apart from other bindings)? */
static bool rebound(const TcFunc *tf, const TcSymbol *s)
{
    if (s->other_assign || s->captured || s->rebound || s->maybe_unbound)
        return true;
    for (const TcForRange *r = tf->ranges; r; r = r->next)
        if (r->target == s)
            return true;
    for (const TcMachineAssign *a = tf->machine_assigns; a; a = a->next)
        if (a->target == s)
            return true;
    return false;
}

static bool clone_param(const TcFunc *tf, int i)
{
    const TcSymbol *s = tf->params[i].sym;
    return tf->params[i].type->kind == TY_INT && s && !rebound(tf, s);
}

/* Statements, counting nested ones; a loop, try, with, match or nested
 * def counts as too many: the clone is for small straight-line leaves. */
static int body_size(const StmtList *b)
{
    enum { TOO_MANY = 1000 };
    int n = 0;
    for (int i = 0; i < b->n; i++) {
        const Stmt *s = b->v[i];
        switch (s->kind) {
        case ST_IF:
            n += 1 + body_size(&s->u.if_.body) + body_size(&s->u.if_.orelse);
            break;
        case ST_WHILE: case ST_FOR: case ST_TRY: case ST_WITH: case ST_MATCH:
        case ST_FUNCDEF: case ST_CLASSDEF:
            return TOO_MANY;
        default:
            n++;
        }
    }
    return n;
}

enum { CLONE_MAX_STMTS = 8 };

bool lower_clonable(const TcFunc *tf)
{
    if (!tf || tf->cls || tf->is_module_body || tf->is_generator || tf->interpreted ||
        tf->decorated || tf->varargs || tf->varkw || !tf->def)
        return false;
    if (body_size(&tf->def->u.funcdef.body) > CLONE_MAX_STMTS)
        return false;
    for (int i = 0; i < tf->n_params; i++)
        if (clone_param(tf, i))
            return true;
    return false;
}

bool lower_clone_param(const TcFunc *tf, int i) { return clone_param(tf, i); }

IrFunc *lower_i64_clone(ModCtx *m, const TcFunc *tf)
{
    /* The machine flag of a local is what every reader of it consults
     * (lowering, int trees, tc_machine_leaf); it is set on the qualifying
     * parameters for this one lowering and put back after. */
    for (int i = 0; i < tf->n_params; i++)
        if (clone_param(tf, i))
            tf->params[i].sym->machine = true;
    IrFunc *f = lower_function(m, tf);
    for (int i = 0; i < tf->n_params; i++)
        if (clone_param(tf, i))
            tf->params[i].sym->machine = false;
    f->c_name = arena_printf(m->a, "%s__i64", f->c_name);
    return f;
}
