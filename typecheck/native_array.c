/*
 * native_array.c — finds the local lists that never leave their function.
 *
 * A local list[bool], list[int] or list[float] whose every binding is
 * `[x] * n`, a list display or `list(range(...))`, and whose every other
 * mention is an int index (read, assigned or updated in place), len() or
 * the iterable of a `for` statement, cannot be seen
 * by any other code: no call receives it, nothing stores, returns or
 * yields it, no nested scope reads it.  emit/ then keeps it as a C array
 * of unboxed elements (runtime/spy_array.h), with no boxes and no type
 * checks on reads.
 *
 * The walk is conservative: a mention anywhere else, and any construct it
 * does not look into (nested defs, lambdas, comprehensions, f-strings,
 * match...) whose source mentions the name, keeps the list a list.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

typedef struct Walk {
    Tc *tc;
    TcSymbol **cand;
    int n;
    bool strict;  /* walking a target stored by a path that knows no arrays */
} Walk;

static bool is_builtin(const Expr *e, const char *name)
{
    const TcSymbol *s = e->kind == EX_NAME ? e->sema : NULL;
    return s && s->kind == SYM_BUILTIN && !strcmp(s->name, name);
}

const TcSymbol *tc_native_array(const Expr *e)
{
    const TcSymbol *s = e->kind == EX_NAME ? e->sema : NULL;
    return s && s->kind == SYM_LOCAL && s->native_array ? s : NULL;
}

static bool int_typed(const Expr *e)
{
    return e->type && (e->type->kind == TY_INT || tc_machine_leaf(e));
}

/* One positional argument, neither starred nor named. */
static const Expr *only_arg(const Expr *call, int i, int n)
{
    if (call->u.call.n_args != n)
        return NULL;
    const Arg *a = call->u.call.args[i];
    if (a->name || a->value->kind == EX_STARRED || a->value->kind == EX_DOUBLESTARRED)
        return NULL;
    return a->value;
}

/* `[x] * n`, a display or `list(range(...))` making an array of elem. */
static bool array_creation(const Expr *v, const TyType *elem)
{
    if (v->kind == EX_LIST) {
        for (int i = 0; i < v->u.seq.elts.n; i++) {
            const Expr *x = v->u.seq.elts.v[i];
            if (x->kind == EX_STARRED || !x->type || !ty_assignable(elem, x->type))
                return false;
        }
        return v->u.seq.elts.n > 0;
    }
    if (v->kind == EX_BINOP && v->u.binop.op == OP_MUL) {
        const Expr *l = v->u.binop.left;
        return l->kind == EX_LIST && l->u.seq.elts.n == 1 &&
               l->u.seq.elts.v[0]->kind != EX_STARRED && l->u.seq.elts.v[0]->type &&
               ty_assignable(elem, l->u.seq.elts.v[0]->type) && int_typed(v->u.binop.right);
    }
    if (v->kind != EX_CALL || elem->kind != TY_INT || !is_builtin(v->u.call.func, "list"))
        return false;
    const Expr *r = only_arg(v, 0, 1);
    if (!r || r->kind != EX_CALL || !is_builtin(r->u.call.func, "range"))
        return false;
    int n = r->u.call.n_args;
    for (int i = 0; i < n; i++) {
        const Expr *a = only_arg(r, i, n);
        if (n > 2 || !a || !int_typed(a))
            return false;
    }
    return n >= 1;
}

/* ---- escapes ------------------------------------------------------------- */

static void escape(Walk *w, const char *name)
{
    for (int i = 0; i < w->n; i++)
        if (!strcmp(w->cand[i]->name, name))
            w->cand[i]->native_array = false;
}

/* Every candidate whose name occurs as a word in the source of span. */
static void escape_text(Walk *w, Span span)
{
    for (int c = 0; c < w->n; c++)
        if (tc_span_mentions(w->tc, span, w->cand[c]->name))
            w->cand[c]->native_array = false;
}

static TcSymbol *candidate(Walk *w, const Expr *e)
{
    if (e->kind != EX_NAME)
        return NULL;
    for (int i = 0; i < w->n; i++)
        if (e->sema == w->cand[i])
            return w->cand[i];
    return NULL;
}

/* cand[i] for an int i: the one use of the list that keeps it an array. */
static TcSymbol *indexed(Walk *w, const Expr *e)
{
    if (w->strict || e->kind != EX_SUBSCRIPT || e->u.subscript.index->kind == EX_SLICE ||
        !int_typed(e->u.subscript.index))
        return NULL;
    return candidate(w, e->u.subscript.value);
}

static void walk_expr(Walk *w, Expr *e);

static void walk_list(Walk *w, ExprList *l)
{
    for (int i = 0; i < l->n; i++)
        walk_expr(w, l->v[i]);
}

static void walk_expr(Walk *w, Expr *e)
{
    if (!e)
        return;
    switch (e->kind) {
    case EX_NAME: escape(w, e->u.name.id); break;
    case EX_INT: case EX_FLOAT: case EX_IMAG: case EX_STR: case EX_BYTES:
    case EX_TRUE: case EX_FALSE: case EX_NONE: case EX_ELLIPSIS:
        break;
    case EX_SUBSCRIPT:
        if (!indexed(w, e))
            walk_expr(w, e->u.subscript.value);
        walk_expr(w, e->u.subscript.index);
        break;
    case EX_CALL: {
        const Expr *x = only_arg(e, 0, 1);
        if (is_builtin(e->u.call.func, "len") && x && candidate(w, x))
            break;
        walk_expr(w, e->u.call.func);
        for (int i = 0; i < e->u.call.n_args; i++)
            walk_expr(w, e->u.call.args[i]->value);
        break;
    }
    case EX_BINOP:
        walk_expr(w, e->u.binop.left);
        walk_expr(w, e->u.binop.right);
        break;
    case EX_UNARY: walk_expr(w, e->u.unary.operand); break;
    case EX_BOOLOP: walk_list(w, &e->u.boolop.values); break;
    case EX_COMPARE: walk_list(w, &e->u.compare.operands); break;
    case EX_IFEXP:
        walk_expr(w, e->u.ifexp.test);
        walk_expr(w, e->u.ifexp.body);
        walk_expr(w, e->u.ifexp.orelse);
        break;
    case EX_ATTRIBUTE: walk_expr(w, e->u.attribute.value); break;
    case EX_SLICE:
        walk_expr(w, e->u.slice.lower);
        walk_expr(w, e->u.slice.upper);
        walk_expr(w, e->u.slice.step);
        break;
    case EX_TUPLE: case EX_LIST: case EX_SET: walk_list(w, &e->u.seq.elts); break;
    case EX_DICT:
        walk_list(w, &e->u.dict.keys);
        walk_list(w, &e->u.dict.values);
        break;
    case EX_STARRED: case EX_YIELD: case EX_YIELD_FROM: case EX_AWAIT:
        walk_expr(w, e->u.starred.value);
        break;
    case EX_NAMED:
        walk_expr(w, e->u.named.target);
        walk_expr(w, e->u.named.value);
        break;
    default: /* comprehensions, lambdas, f-strings, ... */
        escape_text(w, e->span);
    }
}

/* The parts of a creation that are ordinary expressions. */
static void walk_creation(Walk *w, Expr *v)
{
    if (v->kind == EX_LIST)
        walk_list(w, &v->u.seq.elts);
    else if (v->kind == EX_BINOP) {
        walk_expr(w, v->u.binop.left->u.seq.elts.v[0]);
        walk_expr(w, v->u.binop.right);
    } else {
        Expr *r = v->u.call.args[0]->value;
        for (int i = 0; i < r->u.call.n_args; i++)
            walk_expr(w, r->u.call.args[i]->value);
    }
}

/* `name = value` (or annotated) binding a candidate: only a creation keeps
 * it an array. */
static bool walk_binding(Walk *w, Expr *target, Expr *value)
{
    TcSymbol *s = candidate(w, target);
    if (!s)
        return false;
    if (!value)
        return true;
    if (array_creation(value, s->type->args[0]))
        walk_creation(w, value);
    else {
        s->native_array = false;
        walk_expr(w, value);
    }
    return true;
}

static void walk_block(Walk *w, StmtList *b);

/* `xs[i] op= v` keeps xs an array (the checker has typed the result for
 * the element slot); `xs += ...` does not. */
static void walk_augassign(Walk *w, Stmt *s)
{
    walk_expr(w, s->u.augassign.target);
    walk_expr(w, s->u.augassign.value);
}

static void walk_try(Walk *w, Stmt *s)
{
    walk_block(w, &s->u.try_.body);
    for (int i = 0; i < s->u.try_.n_handlers; i++) {
        ExceptHandler *h = s->u.try_.handlers[i];
        walk_expr(w, h->type);
        if (h->name)
            escape(w, h->name);
        walk_block(w, &h->body);
    }
    walk_block(w, &s->u.try_.orelse);
    walk_block(w, &s->u.try_.finalbody);
}

static void walk_stmt(Walk *w, Stmt *s)
{
    switch (s->kind) {
    case ST_EXPR: walk_expr(w, s->u.expr.value); break;
    case ST_ASSIGN:
        if (s->u.assign.targets.n == 1 &&
            walk_binding(w, s->u.assign.targets.v[0], s->u.assign.value))
            break;
        walk_list(w, &s->u.assign.targets);
        walk_expr(w, s->u.assign.value);
        break;
    case ST_ANNASSIGN:
        if (!walk_binding(w, s->u.annassign.target, s->u.annassign.value)) {
            walk_expr(w, s->u.annassign.target);
            walk_expr(w, s->u.annassign.value);
        }
        break;
    case ST_AUGASSIGN: walk_augassign(w, s); break;
    case ST_RETURN: walk_expr(w, s->u.ret.value); break;
    case ST_IF:
        walk_expr(w, s->u.if_.test);
        walk_block(w, &s->u.if_.body);
        walk_block(w, &s->u.if_.orelse);
        break;
    case ST_WHILE:
        walk_expr(w, s->u.while_.test);
        walk_block(w, &s->u.while_.body);
        walk_block(w, &s->u.while_.orelse);
        break;
    case ST_FOR:
        w->strict = true; /* the loop's stores know no arrays */
        walk_expr(w, s->u.for_.target);
        w->strict = false;
        if (!candidate(w, s->u.for_.iter)) /* `for x in xs` reads elements in place */
            walk_expr(w, s->u.for_.iter);
        walk_block(w, &s->u.for_.body);
        walk_block(w, &s->u.for_.orelse);
        break;
    case ST_RAISE:
        walk_expr(w, s->u.raise.exc);
        walk_expr(w, s->u.raise.cause);
        break;
    case ST_ASSERT:
        walk_expr(w, s->u.assert_.test);
        walk_expr(w, s->u.assert_.msg);
        break;
    case ST_TRY: walk_try(w, s); break;
    case ST_PASS: case ST_BREAK: case ST_CONTINUE: break;
    default: /* del, with, defs, classes, imports, global, match... */
        escape_text(w, s->span);
    }
}

static void walk_block(Walk *w, StmtList *b)
{
    for (int i = 0; i < b->n; i++)
        walk_stmt(w, b->v[i]);
}

static bool array_elem(const TyType *t)
{
    if (!t || t->kind != TY_LIST || t->n_args != 1)
        return false;
    TyKind k = t->args[0]->kind;
    return k == TY_BOOL || k == TY_INT || k == TY_FLOAT;
}

void tc_find_native_arrays(Tc *tc, TcFunc *f)
{
    Walk w = {tc, ARENA_ARRAY(tc->a, TcSymbol *, f->n_locals ? f->n_locals : 1), 0, false};
    for (int i = 0; i < f->n_locals; i++) {
        TcSymbol *s = f->locals[i];
        if (s->kind == SYM_LOCAL && !s->is_param && !s->captured && !s->rebound &&
            array_elem(s->type)) {
            s->native_array = true;
            w.cand[w.n++] = s;
        }
    }
    if (w.n)
        walk_block(&w, &f->def->u.funcdef.body);
}
