/*
 * narrow.c — flow-sensitive narrowing of Optional and union types.
 *
 * `if x is not None:`, `if x is None: return`, `if x:`, `isinstance(x, T)`
 * and `and`/`not` combinations give x (or x.attr, x.a.attr, or the x of
 * `(x := value)`) a narrower type in the branches, and after an if whose
 * other branch cannot fall through; so
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
        if (n->sym == s && !n->n_path)
            return n->type;
    return NULL;
}

/* Chains longer than this are not narrowed. */
#define MAX_CHAIN 8

/* The chain of fields `x.a.b...` that e is, x a variable: x, and the
 * attributes in *path (x's first); 0 when e is no such chain. */
static int field_chain(Expr *e, TcSymbol **root, TcAttr **path)
{
    int n = 0;
    Expr *x = e;
    for (; x->kind == EX_ATTRIBUTE; x = x->u.attribute.value)
        if (!x->sema || ++n > MAX_CHAIN)
            return 0;
    if (!n || x->kind != EX_NAME || !x->sema)
        return 0;
    SymKind k = ((TcSymbol *)x->sema)->kind;
    if (k != SYM_LOCAL && k != SYM_GLOBAL)
        return 0;
    *root = x->sema;
    int i = n;
    for (x = e; x->kind == EX_ATTRIBUTE; x = x->u.attribute.value)
        path[--i] = x->sema;
    return n;
}

static bool in_chain(const TcAttr *a, TcAttr *const *path, int n)
{
    for (int i = 0; i < n; i++)
        if (path[i] == a)
            return true;
    return false;
}

/* Does the store x leave the chain root.path[0..n) narrowed?  It does a
 * chain the stored one extends (`self.head.nxt` after `self.head.nxt.nxt
 * = v`), as mypy does; only a cycle could make that store change it, and
 * the value is still checked where it is used. */
static bool store_spares(const Narrow *x, const TcSymbol *root, TcAttr *const *path, int n)
{
    return x->store_root == root && n < x->n_path &&
           !memcmp(x->path, path, sizeof *path * (size_t)n);
}

/* The narrowed type of the chain root.path[0..n), or NULL.  An assignment
 * to root, or a store to any of the chain's attributes through any
 * variable, ends it. */
static TyType *narrowed_path_type(Tc *tc, TcSymbol *root, TcAttr *const *path, int n)
{
    for (Narrow *x = tc->narrow; x; x = x->next) {
        if (x->sym == root && !x->n_path)
            return NULL;
        if (!x->sym && in_chain(x->path[x->n_path - 1], path, n) &&
            !store_spares(x, root, path, n))
            return x->type;
        if (x->sym == root && x->n_path == n &&
            !memcmp(x->path, path, sizeof *path * (size_t)n))
            return x->type;
    }
    return NULL;
}

/* The narrowed type of attribute expression e (checked), or NULL. */
TyType *narrowed_chain_type(Tc *tc, Expr *e)
{
    TcSymbol *root;
    TcAttr *path[MAX_CHAIN];
    int n = field_chain(e, &root, path);
    return n ? narrowed_path_type(tc, root, path, n) : NULL;
}

static Narrow *push_path(Tc *tc, Narrow *list, TcSymbol *s, TcAttr *const *path, int n,
                         TyType *t)
{
    Narrow *x = ARENA_NEW(tc->a, Narrow);
    x->sym = s;
    x->n_path = n;
    if (n) {
        x->path = ARENA_ARRAY(tc->a, TcAttr *, n);
        memcpy(x->path, path, sizeof *path * (size_t)n);
    }
    x->type = t;
    x->next = list;
    return x;
}

static Narrow *push(Tc *tc, Narrow *list, TcSymbol *s, TyType *t)
{
    return push_path(tc, list, s, NULL, 0, t);
}

/* The kill of every chain through attribute a. */
static Narrow *push_store(Tc *tc, Narrow *list, TcAttr *a)
{
    return push_path(tc, list, NULL, &a, 1, NULL);
}

/* The same for a store to the chain root.path[0..n) (a is path[n - 1]). */
static Narrow *push_chain_store(Tc *tc, Narrow *list, TcSymbol *root, TcAttr *const *path, int n)
{
    Narrow *x = push_path(tc, list, NULL, path, n, NULL);
    x->store_root = root;
    return x;
}

/* After `x = value` (or `x.attr = value`, `x.a.attr = value`) the target
 * holds value's type until assigned again: an Optional variable given a
 * Packet is a Packet. */
void narrow_on_assign(Tc *tc, Expr *target, TyType *declared, TyType *vt)
{
    bool narrower = declared->kind == TY_UNION && vt->kind != TY_UNION && vt->kind != TY_ANY &&
                    ty_assignable(declared, vt);
    if (target->kind == EX_NAME && target->sema) {
        tc->narrow = push(tc, tc->narrow, target->sema, narrower ? vt : NULL);
    } else if (target->kind == EX_ATTRIBUTE && target->sema) {
        /* A store through any alias ends every narrowing through the attribute. */
        TcSymbol *root;
        TcAttr *path[MAX_CHAIN];
        int n = field_chain(target, &root, path);
        tc->narrow = n ? push_chain_store(tc, tc->narrow, root, path, n)
                       : push_store(tc, tc->narrow, target->sema);
        if (narrower && n)
            tc->narrow = push_path(tc, tc->narrow, root, path, n, vt);
    }
}

/* The symbol a narrowable expression names, with its current type; for
 * a chain `x.a.b`, *path and *n_path are set too (else *n_path is 0). */
static TcSymbol *subject_attr(Tc *tc, Expr *e, TyType **cur, TcAttr **path, int *n_path)
{
    *n_path = 0;
    if (e->kind == EX_NAMED) /* `(x := f()) is not None` narrows x */
        e = e->u.named.target;
    if (e->kind == EX_ATTRIBUTE) {
        TcSymbol *s;
        int n = field_chain(e, &s, path);
        if (!n)
            return NULL;
        *n_path = n;
        TyType *t = narrowed_path_type(tc, s, path, n);
        *cur = t ? t : path[n - 1]->type;
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
    /* containers: a member of the union keeps its element types, anything
     * else becomes the container of Any */
    TyType *any = ty_simple(TY_ANY);
    if (!strcmp(n, "list"))
        return ty_generic(tc->a, TY_LIST, any, NULL);
    if (!strcmp(n, "dict"))
        return ty_generic(tc->a, TY_DICT, any, any);
    if (!strcmp(n, "set") || !strcmp(n, "frozenset"))
        return ty_set(tc->a, any, n[0] == 'f');
    if (!strcmp(n, "tuple")) {
        TyType *t = ty_tuple(tc->a, &any, 1);
        t->variadic = true;
        return t;
    }
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
    if (t->kind == TY_SET)
        return m->kind == TY_SET && m->frozen == t->frozen;
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

/* isinstance(x, C) or isinstance(x, (C, D, ...)), x currently a cur:
 * pushes what each outcome leaves of it. */
static void narrow_isinstance(Tc *tc, TcSymbol *s, TcAttr *const *path, int n, TyType *cur,
                              Expr *cls, Narrow **pos, Narrow **neg)
{
    int k = cls->kind == EX_TUPLE ? cls->u.seq.elts.n : 1;
    TyType *yes = NULL, *rest = cur->kind == TY_UNION ? cur : NULL;
    bool narrows = cur->kind == TY_ANY || cur->kind == TY_OBJECT || cur->kind == TY_UNION;
    for (int i = 0; i < k; i++) {
        TyType *t = isinstance_type(tc, cls->kind == EX_TUPLE ? cls->u.seq.elts.v[i] : cls);
        if (!t)
            return; /* a class it does not know: no narrowing either way */
        narrows |= cur->kind == TY_CLASS && t->kind == TY_CLASS && !ty_equal(cur, t) &&
                   ty_assignable(cur, t); /* a downcast */
        TyType *m = cur->kind == TY_UNION ? union_meet(tc, cur, t) : t;
        yes = yes ? ty_union(tc->a, yes, m) : m;
        if (rest)
            rest = rest->kind == TY_UNION ? union_minus(tc, rest, t)
                 : surely_instance(rest, t) ? NULL : rest;
    }
    if (narrows && yes)
        *pos = push_path(tc, *pos, s, path, n, yes);
    if (rest) /* only a union has a rest */
        *neg = push_path(tc, *neg, s, path, n, rest);
}

static void narrow_is_none(Tc *tc, Expr *e, Narrow **pos, Narrow **neg)
{
    CmpOp op = e->u.compare.ops[0];
    Expr *l = e->u.compare.operands.v[0], *r = e->u.compare.operands.v[1];
    if (r->kind != EX_NONE)
        return;
    TyType *cur;
    TcAttr *path[MAX_CHAIN];
    int n;
    TcSymbol *s = subject_attr(tc, l, &cur, path, &n);
    if (!s || !ty_has_none(cur))
        return;
    Narrow **is = op == CMP_IS ? pos : neg, **not = op == CMP_IS ? neg : pos;
    *is = push_path(tc, *is, s, path, n, ty_simple(TY_NONE));
    *not = push_path(tc, *not, s, path, n, ty_without_none(tc->a, cur));
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
    case EX_NAME: case EX_ATTRIBUTE: case EX_NAMED: {
        TcAttr *path[MAX_CHAIN];
        int n;
        s = subject_attr(tc, test, &cur, path, &n);
        if (s && cur->kind == TY_UNION && ty_has_none(cur))
            *pos = push_path(tc, *pos, s, path, n, ty_without_none(tc->a, cur));
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
        TcAttr *path[MAX_CHAIN];
        int n;
        s = subject_attr(tc, test->u.call.args[0]->value, &cur, path, &n);
        if (s)
            narrow_isinstance(tc, s, path, n, cur, test->u.call.args[1]->value, pos, neg);
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
                tc->narrow = push_store(tc, tc->narrow, a);
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
