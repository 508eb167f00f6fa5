/*
 * ast_walk.c — finding the assignment expressions (`name := value`) of a
 * statement, for the scope of the function or module that binds them.
 *
 * Only the statement's own expressions are searched: nested statement
 * bodies are the caller's to walk.  A walrus in a comprehension binds in
 * the function around it (PEP 572), so comprehensions are searched; a
 * lambda is a function of its own.
 */
#include "frontend/frontend.h"

typedef struct Walk {
    void (*fn)(Expr *target, void *ctx);
    void *ctx;
} Walk;

static void walk(const Walk *w, Expr *e);

static void walk_list(const Walk *w, const ExprList *l)
{
    for (int i = 0; i < l->n; i++)
        walk(w, l->v[i]);
}

static void walk_fstring(const Walk *w, const FString *fs)
{
    for (int i = 0; i < fs->n; i++) {
        walk(w, fs->v[i]->expr);
        if (fs->v[i]->spec)
            walk_fstring(w, fs->v[i]->spec);
    }
}

static void walk(const Walk *w, Expr *e)
{
    if (!e)
        return;
    switch (e->kind) {
    case EX_NAMED:
        w->fn(e->u.named.target, w->ctx);
        walk(w, e->u.named.value);
        break;
    case EX_FSTRING: walk_fstring(w, &e->u.fstring); break;
    case EX_BINOP: walk(w, e->u.binop.left); walk(w, e->u.binop.right); break;
    case EX_UNARY: walk(w, e->u.unary.operand); break;
    case EX_BOOLOP: walk_list(w, &e->u.boolop.values); break;
    case EX_COMPARE: walk_list(w, &e->u.compare.operands); break;
    case EX_CALL:
        walk(w, e->u.call.func);
        for (int i = 0; i < e->u.call.n_args; i++)
            walk(w, e->u.call.args[i]->value);
        break;
    case EX_ATTRIBUTE: walk(w, e->u.attribute.value); break;
    case EX_SUBSCRIPT: walk(w, e->u.subscript.value); walk(w, e->u.subscript.index); break;
    case EX_SLICE:
        walk(w, e->u.slice.lower);
        walk(w, e->u.slice.upper);
        walk(w, e->u.slice.step);
        break;
    case EX_TUPLE: case EX_LIST: case EX_SET: walk_list(w, &e->u.seq.elts); break;
    case EX_DICT: walk_list(w, &e->u.dict.keys); walk_list(w, &e->u.dict.values); break;
    case EX_IFEXP:
        walk(w, e->u.ifexp.test);
        walk(w, e->u.ifexp.body);
        walk(w, e->u.ifexp.orelse);
        break;
    case EX_STARRED: case EX_DOUBLESTARRED: case EX_AWAIT: case EX_YIELD: case EX_YIELD_FROM:
        walk(w, e->u.starred.value);
        break;
    case EX_LISTCOMP: case EX_SETCOMP: case EX_DICTCOMP: case EX_GENEXP:
        walk(w, e->u.comp.elt);
        walk(w, e->u.comp.value);
        for (int i = 0; i < e->u.comp.n_gens; i++) {
            walk(w, e->u.comp.gens[i]->iter);
            walk_list(w, &e->u.comp.gens[i]->ifs);
        }
        break;
    default: /* leaves; a lambda is a function of its own */
        break;
    }
}

void ast_named_targets(Stmt *s, void (*fn)(Expr *target, void *ctx), void *ctx)
{
    Walk w = {fn, ctx};
    switch (s->kind) {
    case ST_EXPR: walk(&w, s->u.expr.value); break;
    case ST_ASSIGN: walk(&w, s->u.assign.value); break;
    case ST_AUGASSIGN: walk(&w, s->u.augassign.value); break;
    case ST_ANNASSIGN: walk(&w, s->u.annassign.value); break;
    case ST_RETURN: walk(&w, s->u.ret.value); break;
    case ST_IF: walk(&w, s->u.if_.test); break;
    case ST_WHILE: walk(&w, s->u.while_.test); break;
    case ST_FOR: walk(&w, s->u.for_.iter); break;
    case ST_RAISE: walk(&w, s->u.raise.exc); walk(&w, s->u.raise.cause); break;
    case ST_ASSERT: walk(&w, s->u.assert_.test); walk(&w, s->u.assert_.msg); break;
    case ST_WITH:
        for (int i = 0; i < s->u.with.n_items; i++)
            walk(&w, s->u.with.items[i]->context);
        break;
    default: break;
    }
}

void ast_expr_named_targets(Expr *e, void (*fn)(Expr *target, void *ctx), void *ctx)
{
    Walk w = {fn, ctx};
    walk(&w, e);
}
