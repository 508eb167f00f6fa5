/*
 * narrow.c — flow-sensitive narrowing of Optional and union types.
 *
 * `if x is not None:`, `if x is None: return`, `if x:`, `isinstance(x, T)`
 * and `and`/`not` combinations give x a narrower type in the branches (and
 * after an if whose other branch cannot fall through).  A narrowing lasts
 * while the variable is not assigned again: each entry remembers the
 * symbol's assignment count, and loops first count the assignments in
 * their body, so a value reassigned later in a loop is not trusted on the
 * next iteration.  emit/ still checks the value when it converts it, so
 * a wrong narrowing is a TypeError, never a crash.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

TyType *narrowed_type(Tc *tc, TcSymbol *s)
{
    for (Narrow *n = tc->narrow; n; n = n->next)
        if (n->sym == s)
            return n->epoch == s->assignments ? n->type : NULL;
    return NULL;
}

static Narrow *push(Tc *tc, Narrow *list, TcSymbol *s, TyType *t)
{
    Narrow *n = ARENA_NEW(tc->a, Narrow);
    n->sym = s;
    n->type = t;
    n->epoch = s->assignments;
    n->next = list;
    return n;
}

/* The symbol a narrowable expression names, with its current type. */
static TcSymbol *subject(Tc *tc, Expr *e, TyType **cur)
{
    if (e->kind != EX_NAME || !e->sema)
        return NULL;
    TcSymbol *s = e->sema;
    if (s->kind != SYM_LOCAL && s->kind != SYM_GLOBAL)
        return NULL;
    TyType *n = narrowed_type(tc, s);
    *cur = n ? n : s->type;
    return *cur ? s : NULL;
}

static TyType *isinstance_type(Tc *tc, Expr *cls)
{
    if (cls->kind != EX_NAME)
        return NULL;
    const char *n = cls->u.name.id;
    static const struct { const char *name; TyKind kind; } simple[] = {
        {"int", TY_INT}, {"float", TY_FLOAT}, {"bool", TY_BOOL}, {"str", TY_STR},
        {"bytes", TY_BYTES},
    };
    for (size_t i = 0; i < sizeof simple / sizeof *simple; i++)
        if (!strcmp(n, simple[i].name))
            return ty_simple(simple[i].kind);
    (void)tc;
    return NULL;
}

static void narrow_is_none(Tc *tc, Expr *e, Narrow **pos, Narrow **neg)
{
    CmpOp op = e->u.compare.ops[0];
    Expr *l = e->u.compare.operands.v[0], *r = e->u.compare.operands.v[1];
    if (r->kind != EX_NONE)
        return;
    TyType *cur;
    TcSymbol *s = subject(tc, l, &cur);
    if (!s || !ty_has_none(cur))
        return;
    Narrow **is = op == CMP_IS ? pos : neg, **not = op == CMP_IS ? neg : pos;
    *is = push(tc, *is, s, ty_simple(TY_NONE));
    *not = push(tc, *not, s, ty_without_none(tc->a, cur));
}

void narrow_from_test(Tc *tc, Expr *test, Narrow **pos, Narrow **neg)
{
    TyType *cur;
    TcSymbol *s;
    switch (test->kind) {
    case EX_COMPARE:
        if (test->u.compare.n_ops == 1 &&
            (test->u.compare.ops[0] == CMP_IS || test->u.compare.ops[0] == CMP_IS_NOT))
            narrow_is_none(tc, test, pos, neg);
        break;
    case EX_NAME:
        s = subject(tc, test, &cur);
        if (s && cur->kind == TY_UNION && ty_has_none(cur))
            *pos = push(tc, *pos, s, ty_without_none(tc->a, cur));
        break;
    case EX_UNARY:
        if (test->u.unary.op == UOP_NOT)
            narrow_from_test(tc, test->u.unary.operand, neg, pos);
        break;
    case EX_BOOLOP:
        /* Every operand of a true `and` is true; every operand of a false
         * `or` is false. */
        for (int i = 0; i < test->u.boolop.values.n; i++) {
            Narrow *ignored = NULL;
            if (test->u.boolop.op == BOOL_AND)
                narrow_from_test(tc, test->u.boolop.values.v[i], pos, &ignored);
            else
                narrow_from_test(tc, test->u.boolop.values.v[i], &ignored, neg);
        }
        break;
    case EX_CALL: {
        Expr *fn = test->u.call.func;
        if (fn->kind != EX_NAME || strcmp(fn->u.name.id, "isinstance") != 0 ||
            test->u.call.n_args != 2)
            break;
        s = subject(tc, test->u.call.args[0]->value, &cur);
        TyType *t = isinstance_type(tc, test->u.call.args[1]->value);
        if (s && t && (cur->kind == TY_ANY || cur->kind == TY_OBJECT || cur->kind == TY_UNION))
            *pos = push(tc, *pos, s, t);
        break;
    }
    default:
        break;
    }
}

/* ---- loops: assignments in the body invalidate what was narrowed before -- */

static void invalidate_target(Tc *tc, Expr *t)
{
    if (t->kind == EX_NAME) {
        TcSymbol *s = scope_lookup(tc, t->u.name.id);
        if (s)
            s->assignments++;
    } else if (t->kind == EX_TUPLE || t->kind == EX_LIST) {
        for (int i = 0; i < t->u.seq.elts.n; i++)
            invalidate_target(tc, t->u.seq.elts.v[i]);
    }
}

void invalidate_assigned(Tc *tc, StmtList *body)
{
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        switch (s->kind) {
        case ST_ASSIGN:
            for (int j = 0; j < s->u.assign.targets.n; j++)
                invalidate_target(tc, s->u.assign.targets.v[j]);
            break;
        case ST_ANNASSIGN: invalidate_target(tc, s->u.annassign.target); break;
        case ST_AUGASSIGN: invalidate_target(tc, s->u.augassign.target); break;
        case ST_FOR:
            invalidate_target(tc, s->u.for_.target);
            invalidate_assigned(tc, &s->u.for_.body);
            invalidate_assigned(tc, &s->u.for_.orelse);
            break;
        case ST_WHILE:
            invalidate_assigned(tc, &s->u.while_.body);
            invalidate_assigned(tc, &s->u.while_.orelse);
            break;
        case ST_IF:
            invalidate_assigned(tc, &s->u.if_.body);
            invalidate_assigned(tc, &s->u.if_.orelse);
            break;
        default:
            break;
        }
    }
}
