/*
 * check_flow.c — control flow: if, while, for, break/continue, return,
 * raise, with and try, and the definite-assignment state they carry.
 * Alongside types the checker tracks which locals are definitely
 * assigned, so a read of a possibly-unbound local is caught at compile
 * time instead of reading garbage; each construct here joins the states
 * of its branches (and the narrowings, with narrow.c).  Entry points for
 * check_stmt.c.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

/* ---- definite assignment ------------------------------------------------- */

static Assigned da_copy(Tc *tc, const Assigned *s)
{
    Assigned c = {NULL, s->n, s->unreachable};
    if (s->n) {
        c.v = ARENA_ARRAY(tc->a, bool, s->n);
        memcpy(c.v, s->v, sizeof(bool) * (size_t)s->n);
    }
    return c;
}

/* into = into ∧ other; an unreachable state is the identity.  Locals
 * beyond the shorter state are comprehension names, dead after it. */
static void da_join(Tc *tc, Assigned *into, const Assigned *other)
{
    if (other->unreachable)
        return;
    if (into->unreachable) {
        *into = da_copy(tc, other);
        return;
    }
    int n = into->n < other->n ? into->n : other->n;
    for (int i = 0; i < n; i++)
        into->v[i] = into->v[i] && other->v[i];
    into->n = n;
}

void assigned_set(Tc *tc, TcSymbol *s)
{
    if (s->kind == SYM_LOCAL && !tc->assigned.unreachable && s->index < tc->assigned.n)
        tc->assigned.v[s->index] = true;
}

/* ---- control flow ---------------------------------------------------------- */

static bool is_true_const(const Expr *e) { return e->kind == EX_TRUE; }

/* After an if whose branches both fall through: a variable narrowed at
 * the end of both (`if x is None: x = "d"` leaves x a str either way)
 * keeps the union of the two. */
static void join_narrowings(Tc *tc, Narrow *a, Narrow *b, Narrow *stop)
{
    for (Narrow *n = a; n && n != stop; n = n->next) {
        if (n->n_path || !n->sym)
            continue;
        Narrow *saved = tc->narrow;
        tc->narrow = a;
        TyType *ta = narrowed_type(tc, n->sym);
        tc->narrow = b;
        TyType *tb = narrowed_type(tc, n->sym);
        tc->narrow = saved;
        if (!ta || !tb || narrowed_type(tc, n->sym))
            continue;
        Narrow *j = ARENA_NEW(tc->a, Narrow);
        j->sym = n->sym;
        j->type = ty_equal(ta, tb) ? ta : ty_union(tc->a, ta, tb);
        j->next = tc->narrow;
        tc->narrow = j;
    }
}

void check_if(Tc *tc, Stmt *s)
{
    check_expr(tc, s->u.if_.test);
    Narrow *saved = tc->narrow, *pos = saved, *neg = saved;
    narrow_from_test(tc, s->u.if_.test, &pos, &neg);
    Assigned before = da_copy(tc, &tc->assigned);
    tc->narrow = pos;
    check_block(tc, &s->u.if_.body);
    Narrow *after_narrow = tc->narrow;
    Assigned after_body = tc->assigned;
    tc->assigned = before;
    tc->narrow = neg;
    check_block(tc, &s->u.if_.orelse);
    bool body_ends = after_body.unreachable, else_ends = tc->assigned.unreachable;
    da_join(tc, &tc->assigned, &after_body);
    /* After `if x is None: return`, x is not None (the surviving branch's
     * narrowings hold); otherwise what either branch assigned is killed. */
    if (body_ends && !else_ends)
        return;
    if (else_ends && !body_ends) {
        tc->narrow = after_narrow;
        return;
    }
    Narrow *else_narrow = tc->narrow;
    tc->narrow = saved;
    invalidate_assigned(tc, &s->u.if_.body);
    invalidate_assigned(tc, &s->u.if_.orelse);
    join_narrowings(tc, after_narrow, else_narrow, saved);
}

/* Shared by while and for: body, else clause, and the state after. */
static void check_loop_body(Tc *tc, StmtList *body, StmtList *orelse,
                            bool cond_always_true, Narrow *pos, Narrow *neg)
{
    Narrow *saved = tc->narrow;
    Assigned entry = da_copy(tc, &tc->assigned);
    LoopCtx loop = {{NULL, 0, true}, false, tc->loop};
    tc->loop = &loop;
    tc->narrow = pos;
    check_block(tc, body);
    tc->loop = loop.outer;
    /* The loop exits normally from its entry state (the condition is
     * re-tested with at least what the entry had). */
    tc->assigned = entry;
    if (cond_always_true)
        tc->assigned.unreachable = true;
    tc->narrow = neg;
    check_block(tc, orelse);
    da_join(tc, &tc->assigned, &loop.at_break);
    tc->narrow = loop.any_break ? saved : neg;
}

void check_while(Tc *tc, Stmt *s)
{
    invalidate_assigned(tc, &s->u.while_.body);
    check_expr(tc, s->u.while_.test);
    Narrow *pos = tc->narrow, *neg = tc->narrow;
    narrow_from_test(tc, s->u.while_.test, &pos, &neg);
    check_loop_body(tc, &s->u.while_.body, &s->u.while_.orelse,
                    is_true_const(s->u.while_.test), pos, neg);
}

void check_for(Tc *tc, Stmt *s)
{
    Expr *iter = s->u.for_.iter;
    TyType *elem = ty_simple(TY_ANY);
    if (s->u.for_.is_async)
        tc_unsupported(tc, s->span, "async for");
    TcForRange *r = check_range(tc, iter);
    if (r) {
        s->sema = r;
        elem = ty_simple(TY_INT);
        Expr *t = s->u.for_.target;
        if (t->kind == EX_NAME && !tc->func->is_module_body) {
            TcSymbol *sym = scope_lookup(tc, t->u.name.id);
            if (sym && sym->kind == SYM_LOCAL) {
                r->target = sym;
                r->next = tc->func->ranges;
                tc->func->ranges = r;
            }
        }
    } else {
        TyType *it = check_expr(tc, iter);
        elem = ty_iter_elem(it);
        if (!elem) {
            tc_error(tc, iter->span, "\"%s\" object is not iterable", ty_str(tc->a, it));
            elem = ty_simple(TY_ANY);
        }
    }
    invalidate_assigned(tc, &s->u.for_.body);
    /* The target is assigned only inside the body: an empty iterable
     * leaves it unbound after the loop. */
    Assigned entry = da_copy(tc, &tc->assigned);
    tc->range_target = r != NULL;
    assign_to(tc, s->u.for_.target, elem, iter->span);
    tc->range_target = false;
    LoopCtx loop = {{NULL, 0, true}, false, tc->loop};
    Narrow *saved_narrow = tc->narrow;
    tc->loop = &loop;
    check_block(tc, &s->u.for_.body);
    tc->loop = loop.outer;
    tc->narrow = saved_narrow;
    tc->assigned = entry;
    check_block(tc, &s->u.for_.orelse);
    da_join(tc, &tc->assigned, &loop.at_break);
}

void check_jump(Tc *tc, Stmt *s)
{
    if (!tc->loop) {
        tc_error(tc, s->span, "'%s' outside loop",
                 s->kind == ST_BREAK ? "break" : "continue");
        return;
    }
    if (s->kind == ST_BREAK) {
        da_join(tc, &tc->loop->at_break, &tc->assigned);
        tc->loop->any_break = true;
    }
    tc->assigned.unreachable = true;
}

void check_return(Tc *tc, Stmt *s)
{
    TcFunc *f = tc->func;
    if (f->is_module_body) {
        tc_error(tc, s->span, "'return' outside function");
        return;
    }
    Expr *v = s->u.ret.value;
    TyType *vt = v ? check_expr(tc, v) : ty_simple(TY_NONE);
    if (v && !f->is_generator)
        vt = in_context(v, vt, f->ret);
    if (f->is_generator) /* the value becomes StopIteration(value) */
        ;
    else if (!v && f->ret->kind != TY_NONE && f->ret->kind != TY_ANY &&
        f->ret->kind != TY_OBJECT)
        tc_error(tc, s->span, "return value expected");
    else if (!ty_assignable(f->ret, vt))
        tc_error(tc, v->span,
                 "incompatible return value type (got \"%s\", expected \"%s\")",
                 ty_str(tc->a, vt), ty_str(tc->a, f->ret));
    tc->assigned.unreachable = true;
}

void check_raise(Tc *tc, Stmt *s)
{
    tc->assigned.unreachable = !s->u.raise.exc ? true : tc->assigned.unreachable;
    if (!s->u.raise.exc)
        return; /* bare `raise`: the handled exception, checked at runtime */
    if (s->u.raise.cause)
        check_expr(tc, s->u.raise.cause);
    TyType *t = check_expr(tc, s->u.raise.exc);
    if (t->kind != TY_ANY && t->kind != TY_OBJECT && t->kind != TY_CLASS)
        tc_error(tc, s->u.raise.exc->span, "exceptions must derive from BaseException");
    tc->assigned.unreachable = true;
}

/* Does the block always return or raise, counting a `with` whose body
 * does (the checker itself keeps the code after a with reachable: its
 * context manager may swallow an exception)?  Syntactic and conservative:
 * loops and try statements count as not terminating. */
bool tc_ends_in_terminal_with(const StmtList *b)
{
    if (b->n == 0)
        return false;
    const Stmt *s = b->v[b->n - 1];
    switch (s->kind) {
    case ST_RETURN: case ST_RAISE: return true;
    case ST_WITH: return tc_ends_in_terminal_with(&s->u.with.body);
    case ST_IF:
        return tc_ends_in_terminal_with(&s->u.if_.body) && tc_ends_in_terminal_with(&s->u.if_.orelse);
    default: return false;
    }
}

/* with: the body may be cut short by an exception that __exit__
 * suppresses, so only what held before it is sure afterwards. */
void check_with(Tc *tc, Stmt *s)
{
    if (s->u.with.is_async)
        tc_unsupported(tc, s->span, "async with");
    for (int i = 0; i < s->u.with.n_items; i++) {
        WithItem *it = s->u.with.items[i];
        check_expr(tc, it->context);
        if (it->target)
            assign_to(tc, it->target, ty_simple(TY_ANY), it->context->span);
    }
    Assigned entry = da_copy(tc, &tc->assigned);
    Narrow *saved = tc->narrow;
    check_block(tc, &s->u.with.body);
    bool reachable = !tc->assigned.unreachable;
    da_join(tc, &tc->assigned, &entry);
    if (!reachable && entry.unreachable)
        tc->assigned.unreachable = true;
    tc->narrow = saved;
    invalidate_assigned(tc, &s->u.with.body);
}

static void check_handler(Tc *tc, ExceptHandler *h)
{
    if (h->type) {
        TyType *t = check_expr(tc, h->type);
        if (ty_is_numeric(t) || t->kind == TY_STR || t->kind == TY_NONE)
            tc_error(tc, h->type->span,
                     "catching classes that do not inherit from BaseException is not allowed");
    }
    if (h->name) {
        Expr *n = ARENA_NEW(tc->a, Expr);
        n->kind = EX_NAME;
        n->span = h->span;
        n->u.name.id = h->name;
        assign_to(tc, n, ty_simple(TY_ANY), h->span);
        h->sema = n;
    }
    tc->in_handler++;
    check_block(tc, &h->body);
    tc->in_handler--;
}

/* try/except/else/finally.  A handler may start anywhere in the body, so
 * it sees only what was assigned before the try. */
void check_try(Tc *tc, Stmt *s)
{
    if (s->u.try_.is_star)
        tc_unsupported(tc, s->span, "'except*'");
    bool fin = s->u.try_.finalbody.n > 0;
    Assigned entry = da_copy(tc, &tc->assigned);
    Narrow *saved = tc->narrow;
    invalidate_assigned(tc, &s->u.try_.body);
    Narrow *killed = tc->narrow;
    tc->narrow = saved;
    check_block(tc, &s->u.try_.body);
    check_block(tc, &s->u.try_.orelse);
    Assigned joined = tc->assigned;
    for (int i = 0; i < s->u.try_.n_handlers; i++) {
        tc->assigned = da_copy(tc, &entry);
        tc->narrow = killed;
        check_handler(tc, s->u.try_.handlers[i]);
        da_join(tc, &joined, &tc->assigned);
    }
    tc->assigned = joined;
    tc->narrow = saved;
    invalidate_assigned(tc, &s->u.try_.body);
    invalidate_assigned(tc, &s->u.try_.orelse);
    for (int i = 0; i < s->u.try_.n_handlers; i++)
        invalidate_assigned(tc, &s->u.try_.handlers[i]->body);
    if (fin) {
        /* The finally body also runs after an exception anywhere above, so
         * it is checked from what held at the try; afterwards (normal
         * completion) both what the try established and what the finally
         * assigned hold. */
        Assigned normal = da_copy(tc, &tc->assigned);
        da_join(tc, &tc->assigned, &entry);
        tc->in_handler++;
        check_block(tc, &s->u.try_.finalbody);
        tc->in_handler--;
        if (normal.unreachable || tc->assigned.unreachable) {
            tc->assigned.unreachable = true;
            return;
        }
        int n = normal.n < tc->assigned.n ? normal.n : tc->assigned.n;
        for (int i = 0; i < n; i++)
            tc->assigned.v[i] = tc->assigned.v[i] || normal.v[i];
    }
}
