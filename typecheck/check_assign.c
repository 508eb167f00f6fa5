/*
 * check_assign.c — assignment statements and their targets: `x = v`
 * (names, attributes, subscripts, tuple/list unpacking with a starred
 * target), `x: T = v` (and `Final` constants), `x op= v`.  Entry points
 * for check_stmt.c; assign_to() is also how loops, `with`, handlers and
 * walruses bind their targets.  Error messages follow mypy's.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

void incompatible_assignment(Tc *tc, Span span, TyType *vt, TyType *var)
{
    tc_error(tc, span,
             "incompatible types in assignment (expression has type \"%s\", "
             "variable has type \"%s\")",
             ty_str(tc->a, vt), ty_str(tc->a, var));
}

void assign_name(Tc *tc, Expr *target, TyType *vt, Span vspan)
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

/* The declared type of an assignment target, when it has one already. */
TyType *declared_type(Tc *tc, Expr *t)
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

/* Does every item of the display fit the element types of want, after
 * the items that are displays themselves took them ([[1], []] as a
 * list[list[object]])? */
static bool items_fit(Expr *display, TyType *want)
{
    if (display->kind == EX_DICT) {
        ExprList *k = &display->u.dict.keys, *v = &display->u.dict.values;
        for (int i = 0; i < k->n; i++) {
            if (!k->v[i])
                return false; /* {**m}: its own type decides */
            in_context(k->v[i], k->v[i]->type, want->args[0]);
            in_context(v->v[i], v->v[i]->type, want->args[1]);
            if (!ty_assignable(want->args[0], k->v[i]->type) ||
                !ty_assignable(want->args[1], v->v[i]->type))
                return false;
        }
        return true;
    }
    ExprList *items = &display->u.seq.elts;
    for (int i = 0; i < items->n; i++) {
        Expr *x = items->v[i];
        if (x->kind == EX_STARRED)
            return false; /* [*a]: its own type decides */
        in_context(x, x->type, want->args[0]);
        if (!ty_assignable(want->args[0], x->type))
            return false;
    }
    return true;
}

/* A fresh display (`[None] * n`, `{}`, `[]`, `[1, 2]`) takes the declared
 * container type when its items fit, as mypy infers from context: in an
 * assignment, a return and an argument. */
TyType *in_context(Expr *v, TyType *vt, TyType *want)
{
    if (!want || !vt || ty_assignable(want, vt))
        return vt;
    return display_as(v, vt, want);
}

/* The same whether or not vt already fits want: `{}` (dict[Any, Any]) in
 * `m or {}` becomes m's dict[str, int]. */
TyType *display_as(Expr *v, TyType *vt, TyType *want)
{
    if (!want || !vt || vt->kind != want->kind)
        return vt;
    Expr *display = v;
    if (v->kind == EX_BINOP && v->u.binop.op == OP_MUL)
        display = v->u.binop.left->kind == EX_LIST ? v->u.binop.left : v->u.binop.right;
    if (display->kind != EX_LIST && display->kind != EX_SET && display->kind != EX_DICT)
        return vt;
    if (display->type && display->type->n_args != want->n_args)
        return vt;
    if (!items_fit(display, want))
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

void assign_to(Tc *tc, Expr *target, TyType *vt, Span vspan)
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

void check_annassign(Tc *tc, Stmt *s)
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

void check_augassign(Tc *tc, Stmt *s)
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
