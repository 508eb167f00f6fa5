/*
 * narrow.c — flow-sensitive narrowing of Optional and union types.
 *
 * `if x is not None:`, `if x is None: return`, `if x:`, `isinstance(x, T)`
 * and `and`/`not` combinations give x (or x.attr) a narrower type in the
 * branches, and after an if whose other branch cannot fall through; so
 * does assigning a value of a narrower type.  The narrowings form a list
 * that follows the control flow: an assignment pushes a kill entry (type
 * NULL); each branch starts from the list before it; after an if, and at
 * the top of a loop, everything assigned inside is killed.  emit/ still
 * checks a value when it converts it, so a wrong narrowing is a TypeError,
 * never a crash.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

/* Searched newest first; a kill ends the search. */
TyType *narrowed_type(Tc *tc, TcSymbol *s)
{
    for (Narrow *n = tc->narrow; n; n = n->next)
        if (n->sym == s && !n->attr)
            return n->type;
    return NULL;
}

/* The narrowed type of `base.attr` (base a variable), or NULL.  A store to
 * the attribute through any variable (sym NULL), or an assignment to base
 * itself, ends it. */
TyType *narrowed_attr_type(Tc *tc, TcSymbol *base, TcAttr *attr)
{
    for (Narrow *n = tc->narrow; n; n = n->next) {
        if (n->sym == base && !n->attr)
            return NULL;
        if (n->attr == attr && (n->sym == base || !n->sym))
            return n->type;
    }
    return NULL;
}

static Narrow *push_attr(Tc *tc, Narrow *list, TcSymbol *s, TcAttr *attr, TyType *t)
{
    Narrow *n = ARENA_NEW(tc->a, Narrow);
    n->sym = s;
    n->attr = attr;
    n->type = t;
    n->next = list;
    return n;
}

static Narrow *push(Tc *tc, Narrow *list, TcSymbol *s, TyType *t)
{
    return push_attr(tc, list, s, NULL, t);
}

/* After `x = value` (or `x.attr = value`) the target holds value's type
 * until assigned again: an Optional variable given a Packet is a Packet. */
void narrow_on_assign(Tc *tc, Expr *target, TyType *declared, TyType *vt)
{
    bool narrower = declared->kind == TY_UNION && vt->kind != TY_UNION && vt->kind != TY_ANY &&
                    ty_assignable(declared, vt);
    if (target->kind == EX_NAME && target->sema) {
        tc->narrow = push(tc, tc->narrow, target->sema, narrower ? vt : NULL);
    } else if (target->kind == EX_ATTRIBUTE && target->sema) {
        Expr *base = target->u.attribute.value;
        /* A store through any alias ends every narrowing of the attribute. */
        tc->narrow = push_attr(tc, tc->narrow, NULL, target->sema, NULL);
        if (narrower && base->kind == EX_NAME && base->sema)
            tc->narrow = push_attr(tc, tc->narrow, base->sema, target->sema, vt);
    }
}

/* The symbol a narrowable expression names, with its current type; for
 * `x.attr`, *attr is set too. */
static TcSymbol *subject_attr(Tc *tc, Expr *e, TyType **cur, TcAttr **attr)
{
    *attr = NULL;
    if (e->kind == EX_ATTRIBUTE && e->sema && e->u.attribute.value->kind == EX_NAME &&
        e->u.attribute.value->sema) {
        TcSymbol *s = e->u.attribute.value->sema;
        if (s->kind != SYM_LOCAL)
            return NULL;
        *attr = e->sema;
        TyType *n = narrowed_attr_type(tc, s, *attr);
        *cur = n ? n : (*attr)->type;
        return s;
    }
    if (e->kind != EX_NAME || !e->sema)
        return NULL;
    TcSymbol *s = e->sema;
    if (s->kind != SYM_LOCAL && s->kind != SYM_GLOBAL)
        return NULL;
    TyType *n = narrowed_type(tc, s);
    *cur = n ? n : s->type;
    return *cur ? s : NULL;
}

static TcSymbol *subject(Tc *tc, Expr *e, TyType **cur)
{
    TcAttr *attr;
    TcSymbol *s = subject_attr(tc, e, cur, &attr);
    return attr ? NULL : s;
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
    TcSymbol *s = scope_lookup(tc, n);
    if (s && s->type && s->type->kind == TY_TYPE)
        return s->type->cls->type;
    return NULL;
}

/* Is every value of type m an instance of t?  (Not the same as
 * assignability: an int fits a float slot but is no float instance.) */
static bool surely_instance(const TyType *m, const TyType *t)
{
    if (t->kind == TY_CLASS)
        return m->kind == TY_CLASS && ty_assignable(t, m);
    return m->kind == t->kind || (t->kind == TY_INT && m->kind == TY_BOOL);
}

/* The members of union u that may fail isinstance(x, t); NULL if none. */
static TyType *union_minus(Tc *tc, const TyType *u, const TyType *t)
{
    TyType *r = NULL;
    for (int i = 0; i < u->n_args; i++)
        if (!surely_instance(u->args[i], t))
            r = r ? ty_union(tc->a, r, u->args[i]) : u->args[i];
    return r;
}

/* What isinstance(x, t) being true leaves of union u: the members that
 * are surely instances, and t itself for members it is narrower than. */
static TyType *union_meet(Tc *tc, const TyType *u, TyType *t)
{
    TyType *r = NULL;
    for (int i = 0; i < u->n_args; i++) {
        TyType *m = surely_instance(u->args[i], t) ? u->args[i]
                  : surely_instance(t, u->args[i]) ? t : NULL;
        if (m)
            r = r ? ty_union(tc->a, r, m) : m;
    }
    return r ? r : t;
}

static void narrow_is_none(Tc *tc, Expr *e, Narrow **pos, Narrow **neg)
{
    CmpOp op = e->u.compare.ops[0];
    Expr *l = e->u.compare.operands.v[0], *r = e->u.compare.operands.v[1];
    if (r->kind != EX_NONE)
        return;
    TyType *cur;
    TcAttr *attr;
    TcSymbol *s = subject_attr(tc, l, &cur, &attr);
    if (!s || !ty_has_none(cur))
        return;
    Narrow **is = op == CMP_IS ? pos : neg, **not = op == CMP_IS ? neg : pos;
    *is = push_attr(tc, *is, s, attr, ty_simple(TY_NONE));
    *not = push_attr(tc, *not, s, attr, ty_without_none(tc->a, cur));
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
    case EX_NAME: case EX_ATTRIBUTE: {
        TcAttr *attr;
        s = subject_attr(tc, test, &cur, &attr);
        if (s && cur->kind == TY_UNION && ty_has_none(cur))
            *pos = push_attr(tc, *pos, s, attr, ty_without_none(tc->a, cur));
        break;
    }
    case EX_UNARY:
        if (test->u.unary.op == UOP_NOT)
            narrow_from_test(tc, test->u.unary.operand, neg, pos);
        break;
    case EX_BOOLOP:
        /* Every operand of a true `and` is true; every operand of a false
         * `or` is false; each operand is narrowed knowing that of those
         * before it (`x is None or isinstance(x, str)`). */
        for (int i = 0; i < test->u.boolop.values.n; i++) {
            Narrow *saved = tc->narrow, *ignored = tc->narrow;
            bool and = test->u.boolop.op == BOOL_AND;
            tc->narrow = and ? *pos : *neg;
            if (and)
                narrow_from_test(tc, test->u.boolop.values.v[i], pos, &ignored);
            else
                narrow_from_test(tc, test->u.boolop.values.v[i], &ignored, neg);
            tc->narrow = saved;
        }
        break;
    case EX_CALL: {
        Expr *fn = test->u.call.func;
        if (fn->kind != EX_NAME || strcmp(fn->u.name.id, "isinstance") != 0 ||
            test->u.call.n_args != 2)
            break;
        s = subject(tc, test->u.call.args[0]->value, &cur);
        TyType *t = isinstance_type(tc, test->u.call.args[1]->value);
        if (!s || !t)
            break;
        bool downcast = t && cur->kind == TY_CLASS && t->kind == TY_CLASS &&
                        !ty_equal(cur, t) && ty_assignable(cur, t);
        if (s && t && (cur->kind == TY_ANY || cur->kind == TY_OBJECT || cur->kind == TY_UNION ||
                       downcast))
            *pos = push(tc, *pos, s, cur->kind == TY_UNION ? union_meet(tc, cur, t) : t);
        TyType *rest = cur->kind == TY_UNION ? union_minus(tc, cur, t) : NULL;
        if (rest)
            *neg = push(tc, *neg, s, rest);
        break;
    }
    default:
        break;
    }
}


/* ---- assignments in a region end narrowings made before it ------------ */

static void kill_target(Tc *tc, Expr *t)
{
    if (t->kind == EX_NAME) {
        TcSymbol *s = scope_lookup(tc, t->u.name.id);
        if (s)
            tc->narrow = push(tc, tc->narrow, s, NULL);
    } else if (t->kind == EX_ATTRIBUTE) {
        /* Not resolved yet: end narrowings of any attribute of that name. */
        for (int i = 0; i < tc->mod->n_classes; i++) {
            TcAttr *a = tc_class_attr(tc->mod->classes[i], t->u.attribute.attr);
            if (a)
                tc->narrow = push_attr(tc, tc->narrow, NULL, a, NULL);
        }
    } else if (t->kind == EX_TUPLE || t->kind == EX_LIST) {
        for (int i = 0; i < t->u.seq.elts.n; i++)
            kill_target(tc, t->u.seq.elts.v[i]);
    } else if (t->kind == EX_STARRED) {
        kill_target(tc, t->u.starred.value);
    }
}

void invalidate_assigned(Tc *tc, StmtList *body)
{
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        switch (s->kind) {
        case ST_ASSIGN:
            for (int j = 0; j < s->u.assign.targets.n; j++)
                kill_target(tc, s->u.assign.targets.v[j]);
            break;
        case ST_ANNASSIGN: kill_target(tc, s->u.annassign.target); break;
        case ST_AUGASSIGN: kill_target(tc, s->u.augassign.target); break;
        case ST_FOR:
            kill_target(tc, s->u.for_.target);
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
