/*
 * check_stmt.c — statements and definite assignment (check_module.c has
 * the entry point).  Alongside types it tracks which locals are
 * definitely assigned, so a read of a possibly-unbound local is caught at
 * compile time instead of reading garbage.
 */
#include "typecheck/tc_internal.h"

#include <stdlib.h>
#include <string.h>

void tc_error(Tc *tc, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(tc->d, DIAG_ERROR, span, fmt, ap);
    va_end(ap);
}

void tc_unsupported(Tc *tc, Span span, const char *what)
{
    tc->n_unsupported++;
    tc_error(tc, span, "%s %s not supported yet", what,
             what[strlen(what) - 1] == 's' ? "are" : "is");
}

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

/* ---- assignment ---------------------------------------------------------- */

static void incompatible_assignment(Tc *tc, Span span, TyType *vt, TyType *var)
{
    tc_error(tc, span,
             "incompatible types in assignment (expression has type \"%s\", "
             "variable has type \"%s\")",
             ty_str(tc->a, vt), ty_str(tc->a, var));
}

static void assign_name(Tc *tc, Expr *target, TyType *vt, Span vspan)
{
    TcSymbol *s = scope_lookup(tc, target->u.name.id);
    if (!s || s->kind == SYM_BUILTIN) {
        tc_error(tc, target->span, "cannot assign to '%s' here", target->u.name.id);
        return;
    }
    if (s->kind == SYM_FUNC) {
        tc_error(tc, target->span,
                 "cannot assign to function '%s' (functions are bound early)",
                 s->name);
        return;
    }
    target->sema = s;
    if (s->final)
        tc_error(tc, target->span, "cannot assign to final name \"%s\"", s->name);
    if (tc->plain_value && s->kind == SYM_LOCAL && !tc->func->is_module_body) {
        TcMachineAssign *m = ARENA_NEW(tc->a, TcMachineAssign);
        m->target = s;
        m->value = tc->plain_value;
        m->next = tc->func->machine_assigns;
        tc->func->machine_assigns = m;
    } else if (!tc->range_target) {
        s->other_assign = true;
    }
    if (!s->type)
        s->type = vt;
    else if (!ty_assignable(s->type, vt))
        incompatible_assignment(tc, vspan, vt, s->type);
    target->type = s->type;
    assigned_set(tc, s);
    narrow_on_assign(tc, target, s->type, vt);
}

static void assign_to(Tc *tc, Expr *target, TyType *vt, Span vspan);

/* The declared type of an assignment target, when it has one already. */
static TyType *declared_type(Tc *tc, Expr *t)
{
    if (t->kind == EX_NAME) {
        TcSymbol *s = scope_lookup(tc, t->u.name.id);
        return s && (s->kind == SYM_LOCAL || s->kind == SYM_GLOBAL) ? s->type : NULL;
    }
    if (t->kind == EX_ATTRIBUTE && t->u.attribute.value->type &&
        t->u.attribute.value->type->kind == TY_CLASS) {
        TcAttr *a = tc_class_attr(t->u.attribute.value->type->cls, t->u.attribute.attr);
        return a ? a->type : NULL;
    }
    return NULL;
}

/* A fresh display (`[None] * n`, `{}`, `[]`) takes the declared container
 * type when its items fit, as mypy infers from context. */
static TyType *in_context(Expr *v, TyType *vt, TyType *want)
{
    if (!want || vt->kind != want->kind || ty_assignable(want, vt))
        return vt;
    Expr *display = v;
    if (v->kind == EX_BINOP && v->u.binop.op == OP_MUL)
        display = v->u.binop.left->kind == EX_LIST ? v->u.binop.left : v->u.binop.right;
    if (display->kind != EX_LIST && display->kind != EX_SET && display->kind != EX_DICT)
        return vt;
    for (int i = 0; i < vt->n_args; i++)
        if (!ty_assignable(want->args[i], vt->args[i]))
            return vt;
    display->type = want;
    v->type = want;
    return want;
}

/* The position of the one starred target of `a, *b, c = ...`, or -1;
 * two are an error, as in the interpreter's compiler. */
static int starred_target(Tc *tc, ExprList *elts)
{
    int star = -1;
    for (int i = 0; i < elts->n; i++) {
        if (elts->v[i]->kind != EX_STARRED)
            continue;
        if (star >= 0)
            tc_error(tc, elts->v[i]->span, "multiple starred expressions in assignment");
        else
            star = i;
    }
    return star;
}

/* *b of `a, *b, c = ...` receives a new list of the items between. */
static void assign_starred(Tc *tc, Expr *star, TyType *elem, Span vspan)
{
    TyType *lt = ty_generic(tc->a, TY_LIST, elem, NULL);
    star->type = lt;
    assign_to(tc, star->u.starred.value, lt, vspan);
}

static void assign_unpack(Tc *tc, Expr *target, TyType *vt, Span vspan)
{
    ExprList *elts = &target->u.seq.elts;
    int star = starred_target(tc, elts), fixed = elts->n - (star >= 0);
    if ((vt->kind == TY_TUPLE && vt->variadic) || vt->kind == TY_LIST || vt->kind == TY_SET ||
        vt->kind == TY_ITER || vt->kind == TY_DICT || vt->kind == TY_STR) {
        /* Any iterable: every target gets its element type, the count
         * is checked at run time. */
        TyType *e = ty_iter_elem(vt);
        for (int i = 0; i < elts->n; i++) {
            if (i == star)
                assign_starred(tc, elts->v[i], e, vspan);
            else if (elts->v[i]->kind != EX_STARRED)
                assign_to(tc, elts->v[i], e, vspan);
        }
        target->type = vt;
        return;
    }
    if (vt->kind == TY_TUPLE && star >= 0 && vt->n_args < fixed) {
        tc_error(tc, vspan, "not enough values to unpack (expected at least %d, got %d)", fixed,
                 vt->n_args);
        vt = ty_simple(TY_ANY);
    } else if (vt->kind == TY_TUPLE && star < 0 && vt->n_args != elts->n) {
        tc_error(tc, vspan, "%s values to unpack (%d expected, got %d)",
                 vt->n_args < elts->n ? "not enough" : "too many", elts->n,
                 vt->n_args);
        vt = ty_simple(TY_ANY);
    } else if (vt->kind != TY_TUPLE && vt->kind != TY_ANY) {
        tc_error(tc, vspan, "\"%s\" object is not iterable", ty_str(tc->a, vt));
        vt = ty_simple(TY_ANY);
    }
    /* the items of a tuple type: those before the star, the star's run
     * (their common type), those after */
    int after = elts->n - 1 - star;
    for (int i = 0; i < elts->n; i++) {
        if (vt->kind != TY_TUPLE) {
            if (i == star)
                assign_starred(tc, elts->v[i], vt, vspan);
            else if (elts->v[i]->kind != EX_STARRED)
                assign_to(tc, elts->v[i], vt, vspan);
            continue;
        }
        if (i == star) {
            TyType *e = NULL;
            for (int j = star; j < vt->n_args - after; j++)
                e = !e ? vt->args[j] : ty_equal(e, vt->args[j]) ? e : ty_simple(TY_ANY);
            assign_starred(tc, elts->v[i], e ? e : ty_simple(TY_ANY), vspan);
        } else if (elts->v[i]->kind != EX_STARRED) {
            int j = star >= 0 && i > star ? vt->n_args - (elts->n - i) : i;
            assign_to(tc, elts->v[i], vt->args[j], vspan);
        }
    }
    target->type = vt;
}

/* `p.x = v` or `p.x += v` on a field of a frozen dataclass: mypy's error
 * (compiled code writes fields directly; the interpreter would raise
 * FrozenInstanceError from the decorator's __setattr__).  The generated
 * __init__ stores them, as the decorator's does with object.__setattr__. */
static bool frozen_field(Tc *tc, const Expr *target, const TcAttr *a)
{
    if (!a || !a->owner->dataclass_frozen || dataclass_generated_init(tc->func))
        return false;
    tc_error(tc, target->span, "Property \"%s\" defined in \"%s\" is read-only", a->name,
             a->owner->name);
    return true;
}

void tc_assign_target(Tc *tc, Expr *target, TyType *vt, Span vspan)
{
    assign_to(tc, target, vt, vspan);
}

static void assign_to(Tc *tc, Expr *target, TyType *vt, Span vspan)
{
    switch (target->kind) {
    case EX_NAME:
        assign_name(tc, target, vt, vspan);
        break;
    case EX_TUPLE: case EX_LIST:
        assign_unpack(tc, target, vt, vspan);
        break;
    case EX_ATTRIBUTE: {
        TyType *ot = check_expr(tc, target->u.attribute.value);
        target->type = ty_simple(TY_ANY);
        if (ot->kind != TY_CLASS)
            break;
        TcAttr *a = tc_class_attr(ot->cls, target->u.attribute.attr);
        TcFunc *m = a ? NULL : tc_class_method(ot->cls, target->u.attribute.attr);
        if (m && m->is_property && m->setter) {
            /* its native setter, directly unless a subclass may have
             * another property of that name */
            TyType *want = m->setter->params[1].type;
            if (!ty_assignable(want, vt))
                incompatible_assignment(tc, vspan, vt, want);
            if (!m->overridden && !tc_name_redefined_below(tc->mod, ot->cls, m->name))
                target->u.attribute.property = m;
            target->type = want;
            break;
        }
        if (m && m->is_property) {
            tc_error(tc, target->span, "Property \"%s\" defined in \"%s\" is read-only",
                     m->name, m->cls->name);
            break;
        }
        if (!a && tc_class_interp_method(ot->cls, target->u.attribute.attr))
            break; /* a property with a setter, run by the interpreter: stored generically */
        if (!a) {
            tc_error(tc, target->span, "\"%s\" has no attribute \"%s\"", ot->cls->name,
                     target->u.attribute.attr);
            break;
        }
        if (frozen_field(tc, target, a))
            break;
        target->sema = a;
        target->type = a->type;
        if (!ty_assignable(a->type, vt))
            incompatible_assignment(tc, vspan, vt, a->type);
        narrow_on_assign(tc, target, a->type, vt);
        break;
    }
    case EX_SUBSCRIPT:
        check_expr(tc, target->u.subscript.value);
        check_expr(tc, target->u.subscript.index);
        target->type = ty_simple(TY_ANY);
        break;
    default:
        tc_unsupported(tc, target->span, "this assignment target");
    }
}

/* `Final`, `Final[T]`, `typing.Final[T]`: *inner gets T or NULL. */
static bool is_final(Expr *ann, Expr **inner)
{
    *inner = NULL;
    Expr *base = ann->kind == EX_SUBSCRIPT ? ann->u.subscript.value : ann;
    const char *n = base->kind == EX_NAME ? base->u.name.id
                  : base->kind == EX_ATTRIBUTE ? base->u.attribute.attr : NULL;
    if (!n || strcmp(n, "Final") != 0)
        return false;
    if (ann->kind == EX_SUBSCRIPT)
        *inner = ann->u.subscript.index;
    return true;
}

static bool is_literal(const Expr *e)
{
    switch (e->kind) {
    case EX_INT: case EX_FLOAT: case EX_STR: case EX_TRUE: case EX_FALSE: case EX_NONE:
        return true;
    case EX_UNARY:
        return e->u.unary.op == UOP_NEG &&
               (e->u.unary.operand->kind == EX_INT || e->u.unary.operand->kind == EX_FLOAT);
    default:
        return false;
    }
}

/* X: Final = literal at module level: a constant compiled code folds. */
static void check_final(Tc *tc, Stmt *s, Expr *inner)
{
    Expr *t = s->u.annassign.target, *v = s->u.annassign.value;
    TcSymbol *sym = t->kind == EX_NAME ? scope_lookup(tc, t->u.name.id) : NULL;
    if (!sym || !v || sym->kind != SYM_GLOBAL || !tc->func->is_module_body) {
        tc_unsupported(tc, s->span, "Final outside a module-level assignment with a value");
        return;
    }
    TyType *vt = check_expr(tc, v);
    TyType *decl = inner ? scope_annotation(tc, inner) : vt;
    if (sym->final || sym->type)
        tc_error(tc, t->span, "cannot redefine final name \"%s\"", sym->name);
    sym->type = decl;
    sym->annotated = true;
    assign_to(tc, t, vt, v->span);
    sym->final = true;
    if (is_literal(v))
        sym->const_value = v;
}

static void check_annassign(Tc *tc, Stmt *s)
{
    Expr *t = s->u.annassign.target;
    Expr *final_inner;
    if (is_final(s->u.annassign.annotation, &final_inner)) {
        check_final(tc, s, final_inner);
        return;
    }
    TyType *decl = scope_annotation(tc, s->u.annassign.annotation);
    Expr *v = s->u.annassign.value;
    if (t->kind == EX_ATTRIBUTE && v) {
        /* `self.x: T = v`: classes.c declared x from the annotation. */
        assign_to(tc, t, in_context(v, check_expr(tc, v), decl), v->span);
        return;
    }
    if (t->kind != EX_NAME) {
        tc_unsupported(tc, t->span, "annotated assignment to this target");
        return;
    }
    TcSymbol *sym = scope_lookup(tc, t->u.name.id);
    if (sym && (sym->kind == SYM_LOCAL || sym->kind == SYM_GLOBAL)) {
        if (sym->type && !ty_equal(sym->type, decl))
            tc_error(tc, s->span, "name '%s' already has type \"%s\"", sym->name,
                     ty_str(tc->a, sym->type));
        else {
            sym->type = decl;
            sym->annotated = true;
        }
    }
    if (v)
        assign_to(tc, t, in_context(v, check_expr(tc, v), decl), v->span);
}

static void check_augassign(Tc *tc, Stmt *s)
{
    Expr *t = s->u.augassign.target;
    if (t->kind != EX_NAME && t->kind != EX_SUBSCRIPT && t->kind != EX_ATTRIBUTE) {
        tc_unsupported(tc, t->span, "augmented assignment to this target");
        check_expr(tc, s->u.augassign.value);
        return;
    }
    /* `t op= v` reads t once, computes like a BinOp, stores back. */
    TyType *cur = check_expr(tc, t);
    if (t->kind == EX_ATTRIBUTE && t->u.attribute.value->type->kind == TY_CLASS)
        frozen_field(tc, t, t->sema);
    TyType *vt = check_expr(tc, s->u.augassign.value);
    Expr tmp = {.kind = EX_BINOP, .span = s->span};
    tmp.u.binop.op = s->u.augassign.op;
    tmp.u.binop.left = t;
    tmp.u.binop.right = s->u.augassign.value;
    TyType *r = binop_type(tc, &tmp, cur, vt, true);
    s->sema = r;
    if (t->kind == EX_NAME)
        assign_name(tc, t, r, s->span);
    else if (!ty_assignable(cur, r))
        incompatible_assignment(tc, s->span, r, cur);
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

static void check_if(Tc *tc, Stmt *s)
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

static void check_while(Tc *tc, Stmt *s)
{
    invalidate_assigned(tc, &s->u.while_.body);
    check_expr(tc, s->u.while_.test);
    Narrow *pos = tc->narrow, *neg = tc->narrow;
    narrow_from_test(tc, s->u.while_.test, &pos, &neg);
    check_loop_body(tc, &s->u.while_.body, &s->u.while_.orelse,
                    is_true_const(s->u.while_.test), pos, neg);
}

static void check_for(Tc *tc, Stmt *s)
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

static void check_jump(Tc *tc, Stmt *s)
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

static void check_return(Tc *tc, Stmt *s)
{
    TcFunc *f = tc->func;
    if (f->is_module_body) {
        tc_error(tc, s->span, "'return' outside function");
        return;
    }
    Expr *v = s->u.ret.value;
    TyType *vt = v ? check_expr(tc, v) : ty_simple(TY_NONE);
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

/* ---- statements ------------------------------------------------------------ */

/* Marks every local of the enclosing function whose name occurs in the
 * nested def's text as captured (an over-approximation of its free
 * variables: a name in a string only costs a cell); the names after a
 * `nonlocal` are also rebound: the function then reads them from the cell
 * and they become dynamic. Always true (kept for a construct it might
 * one day refuse). */
/* Does the source of s contain `word` (as text)? */
static bool mentions(Tc *tc, const Stmt *s, const char *word)
{
    for (uint32_t ln = s->span.line; ln <= s->span.end_line; ln++) {
        size_t len;
        const char *text = src_line(tc->mod->ast->src, (int)ln, &len);
        size_t wl = strlen(word);
        for (size_t i = 0; i + wl <= len; i++)
            if (!memcmp(text + i, word, wl))
                return true;
    }
    return false;
}


static bool ident_char(unsigned char c, bool first)
{
    return c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (!first && c >= '0' && c <= '9');
}

bool tc_span_mentions(Tc *tc, Span span, const char *word)
{
    size_t wl = strlen(word);
    for (uint32_t ln = span.line; ln <= span.end_line; ln++) {
        size_t len;
        const char *t = src_line(tc->mod->ast->src, (int)ln, &len);
        size_t lo = ln == span.line ? span.col : 0;
        size_t hi = ln == span.end_line && span.end_col < len ? span.end_col : len;
        for (size_t i = lo; i + wl <= hi; i++)
            if (!memcmp(t + i, word, wl) &&
                (i == 0 || !ident_char((unsigned char)t[i - 1], false)) &&
                (i + wl == len || !ident_char((unsigned char)t[i + wl], false)))
                return true;
    }
    return false;
}

static bool mark_captured(Tc *tc, const Stmt *s)
{
    return tc_mark_captured(tc, s->span);
}

/* A local or comprehension variable of the function being checked. */
static TcSymbol *enclosing_local(Tc *tc, const char *name)
{
    for (Overlay *o = tc->overlay; o; o = o->outer) {
        TcSymbol *s = symtab_get(&o->names, name);
        if (s)
            return s->kind == SYM_LOCAL ? s : NULL;
    }
    return symtab_get(&tc->locals, name);
}

bool tc_mark_captured(Tc *tc, Span span)
{
    const Stmt *s = &(Stmt){.span = span};
    for (uint32_t ln = s->span.line; ln <= s->span.end_line; ln++) {
        size_t len, i = 0;
        const char *t = src_line(tc->mod->ast->src, (int)ln, &len);
        bool nonlocal = false;
        while (i < len) {
            if (!ident_char((unsigned char)t[i], true)) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < len && ident_char((unsigned char)t[j], false))
                j++;
            if (j - i == 8 && !memcmp(t + i, "nonlocal", 8)) {
                nonlocal = true;
                i = j;
                continue;
            }
            TcSymbol *sym = enclosing_local(tc, strtab_intern(tc->names, t + i, j - i));
            if (sym) {
                sym->captured = true;
                if (nonlocal) {
                    sym->rebound = true;
                    sym->type = ty_simple(TY_ANY);
                }
            }
            i = j;
            /* `nonlocal a, b`: the names up to the end of the line */
        }
    }
    return true;
}

/* def inside a function: made at run time by the interpreter from its
 * source, with the enclosing function's captured locals as its cells;
 * its defaults and decorators are evaluated here, natively. */
static void check_nested_def(Tc *tc, Stmt *s)
{
    if (s->u.funcdef.is_async) {
        tc_unsupported(tc, s->span, "nested async functions");
        return;
    }
    if (!mark_captured(tc, s)) {
        tc_unsupported(tc, s->span, "nonlocal");
        return;
    }
    /* made outside any class, it would lack the __class__ cell super() needs */
    if (tc->func->cls && mentions(tc, s, "super")) {
        tc_unsupported(tc, s->span, "super() in a nested function");
        return;
    }
    for (int i = 0; i < s->u.funcdef.decorators.n; i++)
        check_expr(tc, s->u.funcdef.decorators.v[i]);
    for (int i = 0; i < s->u.funcdef.params.n; i++)
        if (s->u.funcdef.params.v[i]->default_value)
            check_expr(tc, s->u.funcdef.params.v[i]->default_value);
    Expr *n = ARENA_NEW(tc->a, Expr);
    n->kind = EX_NAME;
    n->span = s->u.funcdef.name_span;
    n->u.name.id = s->u.funcdef.name;
    assign_to(tc, n, ty_simple(TY_ANY), s->span);
    s->sema = n;
}

static void check_funcdef(Tc *tc, Stmt *s)
{
    if (!tc->func->is_module_body && !tc->overlay) {
        check_nested_def(tc, s); /* (its sema is not a TcFunc) */
        return;
    }
    TcFunc *f = s->sema;
    if (f && f->interpreted)
        return; /* the interpreter evaluates its defaults */
    if (!f || (!tc->func->is_module_body && !f->cls)) {
        tc_unsupported(tc, s->span, "nested functions");
        return;
    }
    for (int i = 0; i < s->u.funcdef.decorators.n && !f->is_setter; i++)
        check_expr(tc, s->u.funcdef.decorators.v[i]); /* (a setter's names the property) */
    for (int i = 0; i < f->n_params; i++) {
        Expr *d = f->params[i].param->default_value;
        if (!d)
            continue;
        TyType *dt = check_expr(tc, d);
        if (f->params[i].param->default_factory)
            continue; /* what it returns is checked when it is called */
        if (!ty_assignable(f->params[i].type, dt))
            tc_error(tc, d->span,
                     "incompatible default for argument \"%s\" (default has type "
                     "\"%s\", argument has type \"%s\")",
                     f->params[i].param->name, ty_str(tc->a, dt),
                     ty_str(tc->a, f->params[i].type));
    }
}

/* Class-body defaults (`x: int = 0`) are evaluated where the class is. */
static void check_class_defaults(Tc *tc, TcClass *c)
{
    if (c->dynamic) {
        for (int i = 0; i < c->def->u.classdef.n_bases; i++)
            check_expr(tc, c->def->u.classdef.bases[i]->value);
        StmtList *body = &c->def->u.classdef.body;
        for (int i = 0; i < body->n; i++)
            if (body->v[i]->kind == ST_ASSIGN)
                check_expr(tc, body->v[i]->u.assign.value);
        return;
    }
    for (int i = 0; i < c->n_classvars; i++)
        check_expr(tc, tc_classvar_value(c->classvars[i]));
    for (int i = 0; i < c->n_attrs; i++) {
        TcAttr *a = c->attrs[i];
        Expr *d = c->defaults[i];
        if (!tc_own_default(c, i))
            continue;
        TyType *t = check_expr(tc, d);
        if (!ty_assignable(a->type, t))
            incompatible_assignment(tc, d->span, t, a->type);
    }
    for (int i = 0; i < c->n_methods; i++)
        check_funcdef(tc, c->methods[i]->def);
    for (int i = 0; i < c->n_statics; i++)
        check_funcdef(tc, c->statics[i]->def);
}

static void check_raise(Tc *tc, Stmt *s)
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

static bool has_jump(StmtList *b, bool in_loop)
{
    for (int i = 0; i < b->n; i++) {
        Stmt *s = b->v[i];
        switch (s->kind) {
        case ST_RETURN: return true;
        case ST_BREAK: case ST_CONTINUE: if (!in_loop) return true; break;
        case ST_IF:
            if (has_jump(&s->u.if_.body, in_loop) || has_jump(&s->u.if_.orelse, in_loop))
                return true;
            break;
        case ST_WHILE: case ST_FOR: {
            StmtList *body = s->kind == ST_WHILE ? &s->u.while_.body : &s->u.for_.body;
            StmtList *orelse = s->kind == ST_WHILE ? &s->u.while_.orelse : &s->u.for_.orelse;
            if (has_jump(body, true) || has_jump(orelse, in_loop))
                return true;
            break;
        }
        case ST_TRY:
            if (has_jump(&s->u.try_.body, in_loop) || has_jump(&s->u.try_.orelse, in_loop) ||
                has_jump(&s->u.try_.finalbody, in_loop))
                return true;
            for (int j = 0; j < s->u.try_.n_handlers; j++)
                if (has_jump(&s->u.try_.handlers[j]->body, in_loop))
                    return true;
            break;
        default:
            break;
        }
    }
    return false;
}

/* del x / del x[i] / del x.a / del a, b.  A deleted local is unbound
 * afterwards (reads are then checked at run time). */
static void check_del(Tc *tc, Expr *t)
{
    switch (t->kind) {
    case EX_NAME: {
        TcSymbol *s = scope_lookup(tc, t->u.name.id);
        if (!s || s->kind == SYM_BUILTIN) {
            tc_error(tc, t->span, "name '%s' is not defined", t->u.name.id);
            return;
        }
        if (s->kind == SYM_FUNC || s->final || (s->type && s->type->kind == TY_TYPE)) {
            tc_error(tc, t->span, "cannot delete '%s' (bound early)", s->name);
            return;
        }
        t->sema = s;
        t->type = s->type ? s->type : ty_simple(TY_ANY);
        if (s->kind == SYM_LOCAL) {
            /* Reading it while unbound is Python's UnboundLocalError. */
            if (!tc->assigned.unreachable && s->index < tc->assigned.n &&
                !tc->assigned.v[s->index]) {
                t->maybe_unbound = true;
                s->maybe_unbound = true;
            }
            if (!tc->assigned.unreachable && s->index < tc->assigned.n)
                tc->assigned.v[s->index] = false;
            s->maybe_unbound = true;
            s->other_assign = true;
        }
        narrow_on_assign(tc, t, ty_simple(TY_ANY), ty_simple(TY_ANY)); /* kill */
        break;
    }
    case EX_SUBSCRIPT:
        check_expr(tc, t->u.subscript.value);
        check_expr(tc, t->u.subscript.index);
        break;
    case EX_ATTRIBUTE:
        check_expr(tc, t->u.attribute.value);
        break;
    case EX_TUPLE: case EX_LIST:
        for (int i = 0; i < t->u.seq.elts.n; i++)
            check_del(tc, t->u.seq.elts.v[i]);
        break;
    default:
        tc_unsupported(tc, t->span, "this del target");
    }
}

/* with: the body may be cut short by an exception that __exit__
 * suppresses, so only what held before it is sure afterwards. */
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

static void check_with(Tc *tc, Stmt *s)
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
static void check_try(Tc *tc, Stmt *s)
{
    if (s->u.try_.is_star)
        tc_unsupported(tc, s->span, "'except*'");
    bool fin = s->u.try_.finalbody.n > 0;
    bool jumps = has_jump(&s->u.try_.body, false) || has_jump(&s->u.try_.orelse, false);
    for (int i = 0; i < s->u.try_.n_handlers; i++)
        jumps |= has_jump(&s->u.try_.handlers[i]->body, false);
    (void)jumps;
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

/* An import inside a function binds a local (a module or what it exports:
 * a dynamic value). */
static void bind_import_local(Tc *tc, Alias *al, const char *name)
{
    Expr *e = ARENA_NEW(tc->a, Expr);
    e->kind = EX_NAME;
    e->span = al->span;
    e->u.name.id = name;
    assign_name(tc, e, ty_simple(TY_ANY), al->span);
    al->local = e;
}

static void check_import(Tc *tc, Stmt *s)
{
    if (!tc->func->is_module_body && s->kind == ST_IMPORT)
        for (int i = 0; i < s->u.import.n_names; i++)
            bind_import_local(tc, s->u.import.names[i],
                              scope_import_binding(tc, s->u.import.names[i]));
    if (!tc->func->is_module_body && s->kind == ST_IMPORTFROM)
        for (int i = 0; i < s->u.importfrom.n_names; i++) {
            Alias *al = s->u.importfrom.names[i];
            if (strcmp(al->name, "*") != 0)
                bind_import_local(tc, al, al->asname ? al->asname : al->name);
        }
    if (s->kind == ST_IMPORTFROM) {
        for (int i = 0; i < s->u.importfrom.n_names; i++)
            if (!strcmp(s->u.importfrom.names[i]->name, "*"))
                tc_unsupported(tc, s->span, "'from ... import *'");
    }
}

/* `type X = ...` at module level is handed to the interpreter as source
 * (lazy evaluation, TypeAliasType, __module__ all as it does them), so it
 * must have its lines to itself. */
/* Has s its lines to itself (its source can be run on its own)? */
bool tc_alone_on_lines(Tc *tc, const Stmt *s)
{
    const Source *src = tc->mod->ast->src;
    size_t len;
    const char *first = src_line(src, (int)s->span.line, &len);
    bool alone = true;
    for (size_t i = 0; i < s->span.col && i < len; i++)
        alone &= first[i] == ' ' || first[i] == '\t';
    const char *last = src_line(src, (int)s->span.end_line, &len);
    for (size_t i = s->span.end_col; i < len && last[i] != '#'; i++)
        alone &= last[i] == ' ' || last[i] == '\t' || last[i] == '\r';
    return alone;
}

static void check_type_statement(Tc *tc, Stmt *s)
{
    if (!tc->func->is_module_body) {
        tc_unsupported(tc, s->span, "type alias statements inside functions");
        return;
    }
    if (!tc_alone_on_lines(tc, s))
        tc_unsupported(tc, s->span, "a type statement sharing its line with another statement");
}

static const char *unsupported_stmt(StmtKind k)
{
    switch (k) {
    case ST_CLASSDEF: return "classes";
    case ST_NONLOCAL: return "'nonlocal'";
    case ST_MATCH: return "match statements";
    case ST_TYPEALIAS: return "type alias statements";
    default: return "this statement";
    }
}

void check_stmt(Tc *tc, Stmt *s)
{
    tc->stmt = s;
    switch (s->kind) {
    case ST_EXPR: check_expr(tc, s->u.expr.value); break;
    case ST_ASSIGN: {
        TyType *vt = check_expr(tc, s->u.assign.value);
        for (int i = 0; i < s->u.assign.targets.n; i++) {
            Expr *t = s->u.assign.targets.v[i];
            if (t->kind == EX_ATTRIBUTE)
                check_expr(tc, t->u.attribute.value);
            TyType *want = declared_type(tc, t);
            tc->plain_value = s->u.assign.targets.n == 1 && t->kind == EX_NAME
                                  ? s->u.assign.value : NULL;
            assign_to(tc, t, in_context(s->u.assign.value, vt, want), s->u.assign.value->span);
            tc->plain_value = NULL;
        }
        break;
    }
    case ST_ANNASSIGN: check_annassign(tc, s); break;
    case ST_AUGASSIGN: check_augassign(tc, s); break;
    case ST_RETURN: check_return(tc, s); break;
    case ST_PASS: case ST_GLOBAL: break;
    case ST_TYPEALIAS: check_type_statement(tc, s); break;
    case ST_BREAK: case ST_CONTINUE: check_jump(tc, s); break;
    case ST_IF: check_if(tc, s); break;
    case ST_WHILE: check_while(tc, s); break;
    case ST_FOR: check_for(tc, s); break;
    case ST_FUNCDEF: check_funcdef(tc, s); break;
    case ST_CLASSDEF:
        if (!tc->func->is_module_body || !s->sema)
            tc_unsupported(tc, s->span, "nested classes");
        else
            check_class_defaults(tc, s->sema);
        break;
    case ST_IMPORT: case ST_IMPORTFROM: check_import(tc, s); break;
    case ST_RAISE: check_raise(tc, s); break;
    case ST_TRY: check_try(tc, s); break;
    case ST_DELETE:
        for (int i = 0; i < s->u.delete_.targets.n; i++)
            check_del(tc, s->u.delete_.targets.v[i]);
        break;
    case ST_WITH: check_with(tc, s); break;
    case ST_ASSERT: {
        check_expr(tc, s->u.assert_.test);
        if (s->u.assert_.msg)
            check_expr(tc, s->u.assert_.msg);
        Narrow *pos = tc->narrow, *neg = tc->narrow;
        narrow_from_test(tc, s->u.assert_.test, &pos, &neg);
        tc->narrow = pos;
        break;
    }
    default:
        tc_unsupported(tc, s->span, unsupported_stmt(s->kind));
        /* What follows cannot be judged without it: no cascade of
         * "missing return" or "may be used before assignment". */
        tc->assigned.unreachable = true;
    }
}

void check_block(Tc *tc, StmtList *body)
{
    for (int i = 0; i < body->n; i++)
        check_stmt(tc, body->v[i]);
}

