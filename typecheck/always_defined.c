/*
 * always_defined.c — which attributes every instance of a native class has.
 *
 * An instance exists only after its class's __init__ has returned (tp_new
 * runs __init__; no other constructor exists), so an attribute that
 * __init__ assigns on every path before `self` can be seen by other code
 * is set whenever compiled code can read it. Those reads then skip the
 * "is it assigned?" test, and the stores skip keeping its bit.
 *
 * The analysis is deliberately simple and conservative. It walks the
 * statements at the top of __init__ while they are
 *   - `self.a = E` or `self.a: T = E`, with `self` nowhere in E;
 *   - `super().__init__(args)` with `self` nowhere in args: the base's
 *     own prefix counts, and the walk stops if the base's walk stopped;
 *   - a docstring or `pass`;
 * and stops at the first other statement (a branch, a loop, a call that
 * may see `self`, a `return`): until then no code can have seen the
 * object, and an exception raised meanwhile discards it. Class-body
 * defaults are always set (by the allocator). An attribute counts for a
 * class only if it is set so for the class and every native subclass, and
 * never if the module deletes an attribute of that name (`del x.a`).
 * Deleting an always-defined attribute from Python raises AttributeError.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

static bool mentions_list(const ExprList *l, const char *name);
#define mentions tc_expr_mentions

/* False when `e` cannot mention `name` (unknown expression kinds, walrus
 * and comprehensions included, count as mentioning it, so new syntax
 * stays on the safe side). */
bool tc_expr_mentions(const Expr *e, const char *name)
{
    if (!e)
        return false;
    switch (e->kind) {
    case EX_NAME: return !strcmp(e->u.name.id, name);
    case EX_INT: case EX_FLOAT: case EX_IMAG: case EX_STR: case EX_BYTES:
    case EX_TRUE: case EX_FALSE: case EX_NONE: case EX_ELLIPSIS:
        return false;
    case EX_BINOP: return mentions(e->u.binop.left, name) || mentions(e->u.binop.right, name);
    case EX_UNARY: return mentions(e->u.unary.operand, name);
    case EX_BOOLOP: return mentions_list(&e->u.boolop.values, name);
    case EX_COMPARE: return mentions_list(&e->u.compare.operands, name);
    case EX_IFEXP:
        return mentions(e->u.ifexp.test, name) || mentions(e->u.ifexp.body, name) ||
               mentions(e->u.ifexp.orelse, name);
    case EX_ATTRIBUTE: return mentions(e->u.attribute.value, name);
    case EX_SUBSCRIPT:
        return mentions(e->u.subscript.value, name) || mentions(e->u.subscript.index, name);
    case EX_SLICE:
        return mentions(e->u.slice.lower, name) || mentions(e->u.slice.upper, name) ||
               mentions(e->u.slice.step, name);
    case EX_TUPLE: case EX_LIST: case EX_SET: return mentions_list(&e->u.seq.elts, name);
    case EX_DICT:
        return mentions_list(&e->u.dict.keys, name) || mentions_list(&e->u.dict.values, name);
    case EX_CALL:
        if (mentions(e->u.call.func, name))
            return true;
        for (int i = 0; i < e->u.call.n_args; i++)
            if (mentions(e->u.call.args[i]->value, name))
                return true;
        return false;
    case EX_STARRED: case EX_DOUBLESTARRED: return mentions(e->u.starred.value, name);
    default: return true;
    }
}

static bool mentions_list(const ExprList *l, const char *name)
{
    for (int i = 0; i < l->n; i++)
        if (mentions(l->v[i], name))
            return true;
    return false;
}

/* `self.a` with a native attribute a of c: that attribute, else NULL. */
static TcAttr *self_attr(const TcClass *c, const Expr *target, const char *self)
{
    if (target->kind != EX_ATTRIBUTE || target->u.attribute.value->kind != EX_NAME ||
        strcmp(target->u.attribute.value->u.name.id, self))
        return NULL;
    return tc_class_attr(c, target->u.attribute.attr);
}

static bool is_super_init(const Expr *e)
{
    if (e->kind != EX_CALL || e->u.call.func->kind != EX_ATTRIBUTE ||
        strcmp(e->u.call.func->u.attribute.attr, "__init__"))
        return false;
    const Expr *s = e->u.call.func->u.attribute.value;
    return s->kind == EX_CALL && s->u.call.n_args == 0 && s->u.call.func->kind == EX_NAME &&
           !strcmp(s->u.call.func->u.name.id, "super");
}

static bool init_prefix(const TcClass *c, bool *set);

/* The __init__ that runs for instances of c (compiled or left to the
 * interpreter, the nearest in c's chain) and the class defining it. */
static const Stmt *init_def(const TcClass *c, const TcClass **owner)
{
    for (; c; c = c->base) {
        for (int i = 0; i < c->n_methods; i++)
            if (!strcmp(c->methods[i]->name, "__init__"))
                return *owner = c, c->methods[i]->def;
        for (int i = 0; i < c->n_interp; i++)
            if (!strcmp(c->interp[i]->name, "__init__"))
                return *owner = c, c->interp[i]->def;
    }
    return NULL;
}

/* Marks in `set` what the __init__ run for class c assigns before `self`
 * can escape; true when its whole body was walked (self never escaped). */
static bool walk_init(const TcClass *c, const Stmt *def, bool *set)
{
    if (!def || def->u.funcdef.params.n == 0 || def->u.funcdef.is_async ||
        def->u.funcdef.decorators.n)
        return false;
    const char *self = def->u.funcdef.params.v[0]->name;
    const StmtList *body = &def->u.funcdef.body;
    for (int i = 0; i < body->n; i++) {
        const Stmt *s = body->v[i];
        if (s->kind == ST_PASS || (s->kind == ST_EXPR && s->u.expr.value->kind == EX_STR))
            continue;
        TcAttr *a = NULL;
        if (s->kind == ST_ASSIGN && s->u.assign.targets.n == 1 &&
            !mentions(s->u.assign.value, self))
            a = self_attr(c, s->u.assign.targets.v[0], self);
        else if (s->kind == ST_ANNASSIGN && s->u.annassign.value &&
                 !mentions(s->u.annassign.value, self))
            a = self_attr(c, s->u.annassign.target, self);
        if (a) {
            set[a->index] = true;
            continue;
        }
        if (s->kind == ST_EXPR && is_super_init(s->u.expr.value) && c->base) {
            const Expr *call = s->u.expr.value;
            for (int k = 0; k < call->u.call.n_args; k++)
                if (mentions(call->u.call.args[k]->value, self))
                    return false;
            if (init_prefix(c->base, set))
                continue;
        }
        return false;
    }
    return true;
}

/* The attributes of class c set before its instances can be seen: the
 * class-body defaults and the prefix of the __init__ that runs for c. */
static bool init_prefix(const TcClass *c, bool *set)
{
    for (int i = 0; i < c->n_attrs; i++)
        if (c->defaults[i])
            set[c->attrs[i]->index] = true;
    const TcClass *owner;
    const Stmt *init = init_def(c, &owner);
    if (!init)
        return true; /* object.__init__: nothing more is set, nothing escapes */
    return walk_init(owner, init, set);
}

static bool deletes(const StmtList *body, const char *attr);

/* Does statement s (or one nested in it) hold `del x.<attr>`? */
static bool deletes_in(const Stmt *s, const char *attr)
{
    switch (s->kind) {
    case ST_DELETE:
        for (int i = 0; i < s->u.delete_.targets.n; i++) {
            const Expr *t = s->u.delete_.targets.v[i];
            if (t->kind == EX_ATTRIBUTE && !strcmp(t->u.attribute.attr, attr))
                return true;
        }
        return false;
    case ST_IF: return deletes(&s->u.if_.body, attr) || deletes(&s->u.if_.orelse, attr);
    case ST_WHILE: return deletes(&s->u.while_.body, attr) || deletes(&s->u.while_.orelse, attr);
    case ST_FOR: return deletes(&s->u.for_.body, attr) || deletes(&s->u.for_.orelse, attr);
    case ST_FUNCDEF: return deletes(&s->u.funcdef.body, attr);
    case ST_CLASSDEF: return deletes(&s->u.classdef.body, attr);
    case ST_WITH: return deletes(&s->u.with.body, attr);
    case ST_TRY:
        for (int i = 0; i < s->u.try_.n_handlers; i++)
            if (deletes(&s->u.try_.handlers[i]->body, attr))
                return true;
        return deletes(&s->u.try_.body, attr) || deletes(&s->u.try_.orelse, attr) ||
               deletes(&s->u.try_.finalbody, attr);
    case ST_MATCH:
        for (int i = 0; i < s->u.match.n_cases; i++)
            if (deletes(&s->u.match.cases[i]->body, attr))
                return true;
        return false;
    default: return false;
    }
}

static bool deletes(const StmtList *body, const char *attr)
{
    for (int i = 0; i < body->n; i++)
        if (deletes_in(body->v[i], attr))
            return true;
    return false;
}

void classes_find_always_defined(Tc *tc)
{
    TcModule *m = tc->mod;
    for (int i = 0; i < m->n_classes; i++)
        for (int j = 0; j < m->classes[i]->n_attrs; j++)
            if (m->classes[i]->attrs[j]->owner == m->classes[i])
                m->classes[i]->attrs[j]->always_defined =
                    !deletes(&m->ast->body, m->classes[i]->attrs[j]->name);
    /* An attribute stays only if every class that has it sets it early. */
    for (int i = 0; i < m->n_classes; i++) {
        TcClass *c = m->classes[i];
        if (c->dynamic || !c->n_attrs)
            continue;
        bool *set = ARENA_ARRAY(tc->a, bool, c->n_attrs);
        init_prefix(c, set);
        for (int j = 0; j < c->n_attrs; j++)
            if (!set[c->attrs[j]->index])
                c->attrs[j]->always_defined = false;
    }
}
