/*
 * check_expr.c — types of expressions.
 *
 * check_expr() sets Expr.type for every node it visits and Expr.sema for
 * names (the TcSymbol).  This file has the dispatch on the node's kind and
 * names, attributes, lambdas, comprehensions, subscripts, displays,
 * f-strings and yield; operators are checked in check_operator.c, calls in
 * check_call.c.  Error messages follow mypy's.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

static TyType *any(void) { return ty_simple(TY_ANY); }

static const char *tstr(Tc *tc, const TyType *t) { return ty_str(tc->a, t); }

static bool is_intlike(const TyType *t) { return t->kind == TY_INT || t->kind == TY_BOOL; }

static bool is_dynamic(const TyType *t) { return t->kind == TY_ANY; }

/* ---- names ------------------------------------------------------------- */

/* A compiled function used as a value: Callable[[its parameters], its
 * return type], when positional arguments alone call it fully. */
static TyType *function_value_type(Tc *tc, const TcFunc *f)
{
    if (f->interpreted || f->n_kwonly || f->n_required_pos != f->n_pos ||
        f->n_pos != f->n_params)
        return ty_simple(TY_FUNC);
    TyType **ps = ARENA_ARRAY(tc->a, TyType *, f->n_params ? f->n_params : 1);
    for (int i = 0; i < f->n_params; i++)
        ps[i] = f->params[i].type;
    return ty_callable(tc->a, ps, f->n_params, f->ret);
}

static TyType *check_name(Tc *tc, Expr *e)
{
    TcSymbol *s = scope_lookup(tc, e->u.name.id);
    if (!s && tc->func->cls && !strcmp(e->u.name.id, "__class__")) {
        /* the method's class cell: the interpreter runs such a method */
        tc_unsupported(tc, e->span, "'__class__' in a method");
        return any();
    }
    if (!s) {
        tc_error(tc, e->span, "name '%s' is not defined", e->u.name.id);
        return any();
    }
    e->sema = s;
    if (s->kind == SYM_LOCAL && !tc->assigned.unreachable &&
        (s->index >= tc->assigned.n || !tc->assigned.v[s->index])) {
        /* Not assigned on every path here: checked at run time, with the
         * interpreter's UnboundLocalError. */
        e->maybe_unbound = true;
        s->maybe_unbound = true;
    }
    if (s->kind == SYM_FUNC && s->func)
        return function_value_type(tc, s->func);
    TyType *n = narrowed_type(tc, s);
    return n ? n : s->type ? s->type : any();
}

/* ---- attributes ------------------------------------------------------- */

static TyType *check_attribute(Tc *tc, Expr *e)
{
    TyType *v = check_expr(tc, e->u.attribute.value);
    TyType *mc = math_constant(tc, e);
    if (mc)
        return mc;
    if (v->kind == TY_CLASS) {
        TcAttr *a = tc_class_attr(v->cls, e->u.attribute.attr);
        if (a) {
            e->sema = a;
            TyType *n = narrowed_chain_type(tc, e);
            return n ? n : a->type;
        }
        TcFunc *m = tc_class_method(v->cls, e->u.attribute.attr);
        if (m && m->is_property) {
            e->u.attribute.property = m;
            return m->ret;
        }
        /* a class variable: read through the type, as any value */
        if (!m && !tc_class_interp_method(v->cls, e->u.attribute.attr) &&
            !tc_class_has_classvar(v->cls, e->u.attribute.attr) &&
            !tc_class_static(v->cls, e->u.attribute.attr) &&
            !tc_class_runtime_attr(v->cls, e->u.attribute.attr))
            tc_error(tc, e->span, "\"%s\" has no attribute \"%s\"", v->cls->name,
                     e->u.attribute.attr);
        return any();
    }
    if (v->kind == TY_NONE)
        tc_error(tc, e->span, "\"None\" has no attribute \"%s\"", e->u.attribute.attr);
    else if (v->kind == TY_UNION && ty_has_none(v))
        tc_error(tc, e->span, "item \"None\" of \"%s\" has no attribute \"%s\"", tstr(tc, v),
                 e->u.attribute.attr);
    return any();
}

/* ---- lambdas ---------------------------------------------------------- */

/* A lambda is made by the interpreter from its source (emit/ compiles it
 * once and makes a new function each time the expression runs), so the
 * function around it still compiles.  Its body is checked for names with
 * its parameters as Any; its defaults are evaluated here, natively; one
 * that reads locals of the enclosing function gets its cells. */
static void count_target(Expr *target, void *n)
{
    (void)target;
    ++*(int *)n;
}

/* Does e hold a `:=` (in its comprehensions too, not in lambdas)? */
static bool has_walrus(Expr *e)
{
    int n = 0;
    ast_expr_named_targets(e, count_target, &n);
    return n > 0;
}

static TyType *check_lambda(Tc *tc, Expr *e)
{
    ParamList *ps = &e->u.lambda.params;
    Overlay ov = {{0}, tc->overlay, true};
    if (has_walrus(e->u.lambda.body)) { /* it would bind a name of the lambda's own */
        tc_unsupported(tc, e->span, "assignment expressions in lambdas");
        return any();
    }
    for (int i = 0; i < ps->n; i++)
        if (ps->v[i]->default_value)
            check_expr(tc, ps->v[i]->default_value);
    for (int i = 0; i < ps->n; i++) {
        TcSymbol *s = ARENA_NEW(tc->a, TcSymbol);
        s->kind = SYM_GLOBAL; /* only for checking: the body is not compiled */
        s->name = ps->v[i]->name;
        s->type = any();
        s->decl = ps->v[i]->span;
        symtab_put(tc->a, &ov.names, s);
    }
    const char *outer_capture = tc->captured;
    Narrow *saved = tc->narrow;
    tc->captured = NULL;
    tc->overlay = &ov;
    check_expr(tc, e->u.lambda.body);
    tc->overlay = ov.outer;
    tc->narrow = saved;
    const char *captured = tc->captured;
    tc->captured = outer_capture;
    /* A lambda reading locals of a plain function is made with its cells
     * (e->sema marks it; lowering wraps its source in a def, which needs
     * a line above it and room for an indented `_=(` before it). */
    if (captured && (tc->func->is_module_body || e->span.line < 2 || e->span.col < 4)) {
        tc_unsupported(tc, e->span, arena_printf(tc->a, "'%s' read by a lambda: closures",
                                                  captured));
        return any();
    }
    e->sema = captured ? tc->func : NULL;
    return ty_callable(tc->a, NULL, 0, any());
}

/* ---- comprehensions -------------------------------------------------------- */

static void bind_comp_target(Tc *tc, Overlay *ov, Expr *t, TyType *elem)
{
    if (t->kind == EX_NAME) {
        TcSymbol *s = scope_hidden_local(tc, t->u.name.id, t->span);
        s->type = elem;
        symtab_put(tc->a, &ov->names, s);
        t->sema = s;
        t->type = elem;
        assigned_set(tc, s);
        return;
    }
    if (t->kind != EX_TUPLE && t->kind != EX_LIST) {
        tc_unsupported(tc, t->span, "this comprehension target");
        return;
    }
    int n = t->u.seq.elts.n;
    bool fits = elem->kind == TY_TUPLE && !elem->variadic && elem->n_args == n;
    if (!fits && elem->kind != TY_ANY)
        tc_error(tc, t->span, "cannot unpack \"%s\" into %d names", tstr(tc, elem), n);
    for (int i = 0; i < n; i++)
        bind_comp_target(tc, ov, t->u.seq.elts.v[i], fits ? elem->args[i] : any());
    t->type = elem;
}

static TyType *check_comp(Tc *tc, Expr *e)
{
    Overlay ov = {{0}, tc->overlay, false};
    TcComp *comp = ARENA_NEW(tc->a, TcComp);
    comp->ranges = ARENA_ARRAY(tc->a, TcForRange *, e->u.comp.n_gens);
    e->sema = comp;
    for (int g = 0; g < e->u.comp.n_gens; g++) {
        Comprehension *gen = e->u.comp.gens[g];
        if (gen->is_async)
            tc_unsupported(tc, e->span, "async comprehensions");
        TyType *elem = ty_simple(TY_INT);
        comp->ranges[g] = check_range(tc, gen->iter);
        if (!comp->ranges[g]) {
            TyType *it = check_expr(tc, gen->iter);
            elem = ty_iter_elem(it);
            if (!elem) {
                tc_error(tc, gen->iter->span, "\"%s\" object is not iterable", tstr(tc, it));
                elem = any();
            }
        }
        /* The first iterable is evaluated in the enclosing scope; the
         * names bound here are visible from the next part on. */
        tc->overlay = &ov;
        bind_comp_target(tc, &ov, gen->target, elem);
        for (int i = 0; i < gen->ifs.n; i++)
            check_expr(tc, gen->ifs.v[i]);
    }
    TyType *elt = check_expr(tc, e->u.comp.elt);
    TyType *value = e->kind == EX_DICTCOMP ? check_expr(tc, e->u.comp.value) : NULL;
    tc->overlay = ov.outer;
    switch (e->kind) {
    case EX_LISTCOMP: return ty_generic(tc->a, TY_LIST, elt, NULL);
    case EX_SETCOMP: return ty_generic(tc->a, TY_SET, elt, NULL);
    case EX_GENEXP: return ty_generic(tc->a, TY_ITER, elt, NULL);
    default: return ty_generic(tc->a, TY_DICT, elt, value);
    }
}

/* ---- everything else ---------------------------------------------------------- */

static TyType *tuple_index(Tc *tc, Expr *e, TyType *v, Expr *ix)
{
    if (v->variadic)
        return v->args[0];
    bool neg = ix->kind == EX_UNARY && ix->u.unary.op == UOP_NEG &&
               ix->u.unary.operand->kind == EX_INT;
    const Expr *lit = neg ? ix->u.unary.operand : ix;
    if (lit->kind != EX_INT)
        return ty_iter_elem(v);
    int64_t i = lit->u.int_lit.fits_i64 ? lit->u.int_lit.value : INT64_MAX;
    if (neg)
        i = v->n_args - i;
    if (i < 0 || i >= v->n_args) {
        tc_error(tc, e->span, "tuple index out of range");
        return any();
    }
    return v->args[i];
}

static TyType *check_subscript(Tc *tc, Expr *e)
{
    TyType *v = check_expr(tc, e->u.subscript.value);
    Expr *ix = e->u.subscript.index;
    TyType *it = check_expr(tc, ix);
    bool slice = ix->kind == EX_SLICE;
    switch (v->kind) {
    case TY_LIST:
        if (slice)
            return v;
        if (is_intlike(it) || ty_is_fixed(it))
            return v->args[0];
        if (is_dynamic(it))
            return any(); /* the index may be a slice */
        tc_error(tc, ix->span, "list indices must be integers or slices, not \"%s\"", tstr(tc, it));
        return any();
    case TY_DICT:
        if (!ty_assignable(v->args[0], it))
            tc_error(tc, ix->span, "invalid index type \"%s\" for \"%s\"; expected type \"%s\"",
                     tstr(tc, it), tstr(tc, v), tstr(tc, v->args[0]));
        return v->args[1];
    case TY_TUPLE:
        if (slice)
            return any();
        if (is_intlike(it) || is_dynamic(it))
            return tuple_index(tc, e, v, ix);
        tc_error(tc, ix->span, "tuple indices must be integers or slices, not \"%s\"", tstr(tc, it));
        return any();
    case TY_STR:
        if (slice || is_intlike(it) || is_dynamic(it))
            return v;
        tc_error(tc, ix->span, "string indices must be integers, not \"%s\"", tstr(tc, it));
        return any();
    case TY_BYTES: /* b[i] is an int, b[i:j] bytes */
        if (slice)
            return v;
        if (is_intlike(it) || is_dynamic(it))
            return ty_simple(TY_INT);
        tc_error(tc, ix->span, "byte indices must be integers or slices, not \"%s\"", tstr(tc, it));
        return any();
    case TY_INT: case TY_FLOAT: case TY_BOOL: case TY_NONE: case TY_SET: case TY_UNION:
        tc_error(tc, e->span, "value of type \"%s\" is not indexable", tstr(tc, v));
        return any();
    default:
        return any();
    }
}

static TyType *check_slice(Tc *tc, Expr *e)
{
    Expr *parts[3] = {e->u.slice.lower, e->u.slice.upper, e->u.slice.step};
    for (int i = 0; i < 3; i++)
        if (parts[i]) {
            TyType *t = check_expr(tc, parts[i]);
            if (!is_intlike(t) && !is_dynamic(t) && t->kind != TY_NONE)
                tc_error(tc, parts[i]->span,
                         "slice index must be an int or None, not \"%s\"", tstr(tc, t));
        }
    return any();
}

/* `*x` in a display: the element type of the iterable x (its own type is
 * recorded on the starred node for lowering). */
static TyType *check_star_item(Tc *tc, Expr *star)
{
    TyType *t = check_expr(tc, star->u.starred.value), *e = ty_iter_elem(t);
    star->type = t;
    if (!e) {
        tc_error(tc, star->u.starred.value->span, "\"%s\" object is not iterable", tstr(tc, t));
        return any();
    }
    return e;
}

/* The type two items of a display share: theirs when they agree. */
static TyType *join_item(TyType *t, TyType *x)
{
    return !t ? x : ty_equal(t, x) ? t : any();
}

static TyType *check_tuple(Tc *tc, Expr *e)
{
    int n = e->u.seq.elts.n;
    TyType **ts = ARENA_ARRAY(tc->a, TyType *, n ? n : 1);
    bool starred = false;
    for (int i = 0; i < n; i++) {
        Expr *x = e->u.seq.elts.v[i];
        starred |= x->kind == EX_STARRED;
        ts[i] = x->kind == EX_STARRED ? check_star_item(tc, x) : check_expr(tc, x);
    }
    if (!starred)
        return ty_tuple(tc->a, ts, n);
    /* (a, *b): a tuple of as many items as b has, of the items' type */
    TyType *t = NULL;
    for (int i = 0; i < n; i++)
        t = join_item(t, ts[i]);
    TyType *r = ty_tuple(tc->a, &t, 1);
    r->variadic = true;
    return r;
}

/* The element type of a display: the items' type when they agree (a
 * starred item counts with its iterable's element type). */
static TyType *items_type(Tc *tc, ExprList *items)
{
    TyType *t = NULL;
    for (int i = 0; i < items->n; i++) {
        Expr *x = items->v[i];
        t = join_item(t, x->kind == EX_STARRED ? check_star_item(tc, x) : check_expr(tc, x));
    }
    return t ? t : any();
}

/* {k: v, **m}: keys and values agree with each mapping's own, which
 * must be a dict (or of unknown type). */
static TyType *check_dict_display(Tc *tc, Expr *e)
{
    TyType *k = NULL, *v = NULL;
    for (int i = 0; i < e->u.dict.keys.n; i++) {
        Expr *key = e->u.dict.keys.v[i], *val = e->u.dict.values.v[i];
        if (key) {
            k = join_item(k, check_expr(tc, key));
            v = join_item(v, check_expr(tc, val));
            continue;
        }
        TyType *m = check_expr(tc, val);
        if (m->kind == TY_DICT) {
            k = join_item(k, m->args[0]);
            v = join_item(v, m->args[1]);
        } else {
            if (m->kind != TY_ANY && m->kind != TY_OBJECT && m->kind != TY_CLASS)
                tc_error(tc, val->span, "\"%s\" object is not a mapping", tstr(tc, m));
            k = v = any();
        }
    }
    return ty_generic(tc->a, TY_DICT, k ? k : any(), v ? v : any());
}

static TyType *check_display(Tc *tc, Expr *e)
{
    if (e->kind == EX_DICT)
        return check_dict_display(tc, e);
    TyType *t = items_type(tc, &e->u.seq.elts);
    return ty_generic(tc->a, e->kind == EX_LIST ? TY_LIST : TY_SET, t, NULL);
}

static void check_fstring(Tc *tc, FString *fs)
{
    for (int i = 0; i < fs->n; i++) {
        if (fs->v[i]->expr)
            check_expr(tc, fs->v[i]->expr);
        if (fs->v[i]->spec)
            check_fstring(tc, fs->v[i]->spec);
    }
}

static const char *unsupported_name(ExprKind k)
{
    switch (k) {
    case EX_IMAG: return "complex literals";
    case EX_BYTES: return "bytes literals";
    case EX_FSTRING: return "f-strings";
    case EX_ELLIPSIS: return "'...' (Ellipsis)";
    case EX_SET: return "set displays";
    case EX_DICT: return "dict displays";
    case EX_LISTCOMP: return "list comprehensions";
    case EX_SETCOMP: return "set comprehensions";
    case EX_DICTCOMP: return "dict comprehensions";
    case EX_GENEXP: return "generator expressions";
    case EX_LAMBDA: return "lambda expressions";
    case EX_STARRED: case EX_DOUBLESTARRED: return "starred expressions";
    case EX_AWAIT: return "await";
    case EX_YIELD: case EX_YIELD_FROM: return "yield";
    case EX_NAMED: return "assignment expressions (:=)";
    default: return "this expression";
    }
}

/* yield x / yield from xs in a generator: what is yielded must fit the
 * declared Iterator[T]; the value of `yield` is what send() passes (Any).
 * `yield from` only as a statement, and neither inside an except or
 * finally block (the generator would have to save the handled exception
 * while suspended): those leave the function to the interpreter. */
static TyType *check_yield(Tc *tc, Expr *e)
{
    TcFunc *f = tc->func;
    if (!f || !f->is_generator) {
        tc_error(tc, e->span, "'yield' outside function");
        return any();
    }
    if (tc->in_handler)
        tc_unsupported(tc, e->span, "yield inside an except or finally block");
    Expr *v = e->u.starred.value;
    if (e->kind == EX_YIELD_FROM) {
        if (!tc->stmt || tc->stmt->kind != ST_EXPR || tc->stmt->u.expr.value != e)
            tc_unsupported(tc, e->span, "'yield from' used as a value");
        TyType *it = check_expr(tc, v), *elem = ty_iter_elem(it);
        if (!elem) {
            tc_error(tc, v->span, "\"%s\" is not iterable", ty_str(tc->a, it));
            return any();
        }
        if (!ty_assignable(f->yield_type, elem))
            tc_error(tc, v->span, "incompatible types in \"yield from\" (actual type \"%s\", "
                     "expected type \"%s\")", ty_str(tc->a, elem), ty_str(tc->a, f->yield_type));
        return any();
    }
    TyType *vt = v ? check_expr(tc, v) : ty_simple(TY_NONE);
    if (!ty_assignable(f->yield_type, vt))
        tc_error(tc, v ? v->span : e->span, "incompatible types in \"yield\" (actual type \"%s\", "
                 "expected type \"%s\")", ty_str(tc->a, vt), ty_str(tc->a, f->yield_type));
    return any();
}

/* Any other generator expression is made by the interpreter (emit wraps
 * it in a lambda taking its first iterable, which is evaluated here, and
 * gives the lambda this function's cells); its elements are Any. Its
 * source needs a line above it and room before it for the wrapper. */
static TyType *check_dynamic_genexp(Tc *tc, Expr *e)
{
    /* made by the interpreter: a `:=` in it would bind in that function,
     * not in the compiled one around it */
    if (has_walrus(e)) {
        tc_unsupported(tc, e->span, "assignment expressions in generator expressions");
        return any();
    }
    if (e->span.line < 2 || e->span.col < 4 || e->u.comp.gens[0]->is_async ||
        (tc->func->is_module_body && tc->overlay)) {
        tc_unsupported(tc, e->span, unsupported_name(e->kind));
        return any();
    }
    check_expr(tc, e->u.comp.gens[0]->iter);
    if (!tc->func->is_module_body)
        tc_mark_captured(tc, e->span);
    e->sema = tc->func;
    return ty_generic(tc->a, TY_ITER, any(), NULL);
}

static TyType *check_inner(Tc *tc, Expr *e)
{
    switch (e->kind) {
    case EX_NAME: return check_name(tc, e);
    case EX_INT: return ty_simple(TY_INT);
    case EX_FLOAT: return ty_simple(TY_FLOAT);
    case EX_STR: return ty_simple(TY_STR);
    case EX_BYTES: return ty_simple(TY_BYTES);
    case EX_IMAG: case EX_ELLIPSIS: return any(); /* complex, Ellipsis: dynamic values */
    case EX_TRUE: case EX_FALSE: return ty_simple(TY_BOOL);
    case EX_NONE: return ty_simple(TY_NONE);
    case EX_BINOP: return check_binop(tc, e);
    case EX_UNARY: return check_unary(tc, e);
    case EX_BOOLOP: return check_boolop(tc, e);
    case EX_COMPARE: return check_compare(tc, e);
    case EX_IFEXP: return check_ifexp(tc, e);
    case EX_CALL: return check_call(tc, e);
    case EX_ATTRIBUTE: return check_attribute(tc, e);
    case EX_SUBSCRIPT: return check_subscript(tc, e);
    case EX_SLICE: return check_slice(tc, e);
    case EX_TUPLE: return check_tuple(tc, e);
    case EX_LIST: case EX_SET: case EX_DICT: return check_display(tc, e);
    case EX_LISTCOMP: case EX_SETCOMP: case EX_DICTCOMP: return check_comp(tc, e);
    case EX_LAMBDA: return check_lambda(tc, e);
    case EX_GENEXP:
        if (e == tc->lazy_genexp)
            return check_comp(tc, e);
        return check_dynamic_genexp(tc, e);
    case EX_FSTRING: check_fstring(tc, &e->u.fstring); return ty_simple(TY_STR);
    case EX_YIELD: case EX_YIELD_FROM: return check_yield(tc, e);
    case EX_NAMED: {
        bool in_lambda = false;
        for (const Overlay *o = tc->overlay; o; o = o->outer)
            in_lambda |= o->lambda;
        if (in_lambda) { /* it would bind in the lambda, made by the interpreter */
            tc_unsupported(tc, e->span, "assignment expressions in lambdas");
            return any();
        }
        /* in a comprehension it binds in the function around it (PEP 572),
         * where scope.c made it a local */
        TyType *t = check_expr(tc, e->u.named.value);
        Expr *plain = tc->plain_value; /* that of the statement around it */
        bool range = tc->range_target;
        tc->plain_value = NULL;
        tc->range_target = false;
        /* `a and (n := f())` may not run: later reads of n test it as the
         * interpreter's would, so n (a name: the grammar allows no other
         * target) keeps whatever definite-assignment state it had */
        TcSymbol *s = scope_lookup(tc, e->u.named.target->u.name.id);
        bool local = s && s->kind == SYM_LOCAL && s->index < tc->assigned.n;
        bool was = local && tc->assigned.v[s->index];
        tc_assign_target(tc, e->u.named.target, t, e->u.named.value->span);
        if (local && s->index < tc->assigned.n)
            tc->assigned.v[s->index] = was;
        tc->plain_value = plain;
        tc->range_target = range;
        return t;
    }
    default:
        tc_unsupported(tc, e->span, unsupported_name(e->kind));
        return any();
    }
}

TyType *check_expr(Tc *tc, Expr *e)
{
    TyType *t = check_inner(tc, e);
    e->type = t;
    return t;
}
