/*
 * lower_clone.c — copies of functions: int64_t clones of small functions,
 * and exact-receiver copies of methods (below).
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
    f->copy_of = "its copy for int64_t arguments";
    return f;
}

/*
 * Exact-receiver copies of methods.  A call of a method that only a
 * Python subclass could override tests the receiver's bit 0 of
 * defined[0] (cgen_func.c): an instance of a Python subclass goes through
 * the vtable, any other calls the method directly.  Inside the method
 * called that way, self is known to be no such instance, yet each call on
 * self tested the bit again, and the join after each guarded call hid the
 * inlined callee's result from the code after it.  So a method with such
 * calls on self is lowered once more as m_<C>__<name>__x, where they are
 * direct calls (of the callee's own copy, if any); guarded calls and the
 * class's native vtable, which only instances of no Python subclass
 * carry, lead to the copy.  The method wrappers and the trampolines of
 * Python subclasses keep calling the general function.
 */

/* A method that is its class's vtable entry (so the native vtable names
 * the copy, and the copy is never unused), in a class Python code may
 * subclass, compiled as an ordinary function. */
bool lower_exact_clonable(const TcFunc *tf)
{
    const TcClass *c = tf ? tf->cls : NULL;
    return c && !c->dynamic && !c->final_class && !tf->interpreted && !tf->is_generator &&
           !tf->is_setter && tf->n_params > 0 && tf->vslot >= 0 && tf->vslot < c->n_vtable &&
           c->vtable[tf->vslot] == tf;
}

/* Is e the method's own first parameter, never rebound? */
bool lower_is_own_self(const Lower *l, const Expr *e)
{
    const TcFunc *tf = l->tf;
    return lower_exact_clonable(tf) && e->kind == EX_NAME && e->sema &&
           e->sema == (const void *)tf->params[0].sym && !rebound(tf, tf->params[0].sym);
}

IrFunc *lower_exact_clone(ModCtx *m, const TcFunc *tf)
{
    m->exact_self_of = tf;
    IrFunc *f = lower_function(m, tf);
    m->exact_self_of = NULL;
    f->c_name = arena_printf(m->a, "%s__x", f->c_name);
    f->copy_of = "its copy for an instance of no Python subclass (calls on self unguarded)";
    return f;
}

const char *exact_cname(const ModCtx *m, const TcFunc *f)
{
    const IrFunc *copy = f->cls ? m->exact_clones[func_id(m, f)] : NULL;
    return copy ? copy->c_name : func_cname(m->a, f);
}
