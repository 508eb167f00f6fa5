/*
 * check_call.c — types and resolution of calls.
 *
 * check_call() sets Expr.sema of a call to a TcCall.  Calls to module
 * functions, constructors and methods of native classes are bound here:
 * positional and keyword arguments are mapped to parameter slots so emit/
 * can make a direct C call.  Also methods of builtin types, super(),
 * calls through a Callable, and range() as a loop's iterable
 * (check_range).  Error messages follow mypy's.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

static TyType *any(void) { return ty_simple(TY_ANY); }

static const char *tstr(Tc *tc, const TyType *t) { return ty_str(tc->a, t); }

static int param_index(TcFunc *f, const char *name, int first)
{
    for (int i = first; i < f->n_params; i++)
        if (f->params[i].param->name == name)
            return i;
    return -1;
}

static void check_arg_type(Tc *tc, TcFunc *f, int slot, Arg *arg, int position)
{
    TyType *want = f->params[slot].type;
    TyType *got = in_context(arg->value, arg->value->type, want);
    if (ty_assignable(want, got))
        return;
    if (arg->name)
        tc_error(tc, arg->value->span,
                 "argument \"%s\" to \"%s\" has incompatible type \"%s\"; expected \"%s\"",
                 arg->name, f->name, tstr(tc, got), tstr(tc, want));
    else
        tc_error(tc, arg->value->span,
                 "argument %d to \"%s\" has incompatible type \"%s\"; expected \"%s\"",
                 position, f->name, tstr(tc, got), tstr(tc, want));
}

static void report_missing(Tc *tc, Expr *call, TcFunc *f, Expr **slots, int first)
{
    for (int i = first; i < f->n_params; i++) {
        const Param *p = f->params[i].param;
        if (slots[i] || p->default_value)
            continue;
        if (p->kind == PARAM_KWONLY)
            tc_error(tc, call->span, "missing named argument \"%s\" for \"%s\"",
                     p->name, f->name);
        else
            tc_error(tc, call->span,
                     "missing positional argument \"%s\" in call to \"%s\"",
                     p->name, f->name);
    }
}

/* Maps each argument to its parameter; reports what does not fit.
 * `first` skips parameters the call does not pass (self of a method). */
static void bind_native_call(Tc *tc, Expr *e, TcFunc *f, TcCall *call, int first)
{
    Expr **slots = ARENA_ARRAY(tc->a, Expr *, f->n_params ? f->n_params : 1);
    int n_positional = first;
    for (int i = 0; i < e->u.call.n_args; i++) {
        Arg *arg = e->u.call.args[i];
        int slot;
        if (!arg->name) {
            slot = n_positional++;
            if (slot >= f->n_pos) {
                if (slot == f->n_pos)
                    tc_error(tc, arg->value->span, "too many arguments for \"%s\"",
                             f->name);
                continue;
            }
        } else {
            slot = param_index(f, arg->name, first);
            if (slot < 0 || f->params[slot].param->kind == PARAM_POSONLY) {
                tc_error(tc, arg->span, "unexpected keyword argument \"%s\" for \"%s\"",
                         arg->name, f->name);
                continue;
            }
            if (slots[slot]) {
                tc_error(tc, arg->span,
                         "\"%s\" gets multiple values for keyword argument \"%s\"",
                         f->name, arg->name);
                continue;
            }
        }
        slots[slot] = arg->value;
        check_arg_type(tc, f, slot, arg, i + 1);
    }
    report_missing(tc, e, f, slots, first);
    if (call->kind == CALL_GENERIC)
        call->kind = CALL_NATIVE;
    call->target = f;
    call->slots = slots;
}

/* f(*a, **m): the call is made with the spread arguments, generically
 * (the callee binds them, as in the interpreter). */
static bool has_star_args(Expr *e)
{
    for (int i = 0; i < e->u.call.n_args; i++) {
        ExprKind k = e->u.call.args[i]->value->kind;
        if (k == EX_STARRED || k == EX_DOUBLESTARRED)
            return true;
    }
    return false;
}

/* C(...): allocation, then the __init__ found by lookup. */
static TyType *check_ctor(Tc *tc, Expr *e, TcCall *call, TcClass *c)
{
    TcFunc *init = tc_class_method(c, strtab_cstr(tc->names, "__init__"));
    if (init && (init->varargs || init->varkw)) {
        call->kind = CALL_GENERIC; /* the type's tp_init wrapper binds the extras */
        return c->type;
    }
    call->kind = CALL_CTOR;
    if (init) {
        bind_native_call(tc, e, init, call, 1);
        call->kind = CALL_CTOR;
    } else if (e->u.call.n_args) {
        tc_error(tc, e->u.call.args[0]->value->span, "too many arguments for \"%s\"", c->name);
    }
    call->target = init;
    call->method = c->name;
    return c->type;
}

/* obj.m(...) on a native instance, or super().m(...) in a method. */
static TyType *check_native_method(Tc *tc, Expr *e, TcCall *call, TcClass *c, bool via_super)
{
    const char *m = call->method;
    TcFunc *f = tc_class_method(c, m);
    if (!f && tc_class_interp_method(c, m) && !via_super) {
        call->kind = CALL_METHOD; /* an interpreted method: called generically */
        return any();
    }
    const TcFunc *sf = f ? NULL : tc_class_static(c, m);
    if (sf && !via_super) { /* a static or class method, looked up at run time */
        call->kind = CALL_METHOD;
        return sf->interpreted ? any() : sf->ret;
    }
    TcAttr *field = f || via_super ? NULL : tc_class_attr(c, m);
    if (!f && !via_super && !field && tc_class_has_classvar(c, m)) {
        call->kind = CALL_METHOD; /* a class variable's value, called */
        return any();
    }
    if (field) { /* a callable stored in a field: read, then called generically */
        TyType *ft = field->type;
        call->kind = CALL_METHOD;
        if (ft->kind == TY_FUNC && ft->n_args > 0)
            return ft->args[0]; /* its result, checked when it arrives */
        if (ft->kind != TY_ANY && ft->kind != TY_OBJECT && ft->kind != TY_FUNC)
            tc_error(tc, e->u.call.func->span, "\"%s\" not callable", tstr(tc, ft));
        return any();
    }
    if (!f && !via_super && tc_class_runtime_attr(c, m)) {
        call->kind = CALL_METHOD; /* object's, or what @dataclass added */
        return any();
    }
    if (!f) {
        tc_error(tc, e->u.call.func->span, "\"%s\" has no attribute \"%s\"", c->name, m);
        return any();
    }
    if (f->is_property) { /* obj.prop(...) calls the property's value */
        if (f->ret->kind != TY_ANY && f->ret->kind != TY_OBJECT)
            tc_error(tc, e->u.call.func->span, "\"%s\" not callable", tstr(tc, f->ret));
        call->kind = CALL_METHOD;
        return any();
    }
    if (f->varargs || f->varkw) {
        /* the extras are bound by its Python-visible wrapper: called as
         * the interpreter calls it (overrides found by attribute lookup),
         * its result checked when it arrives */
        call->kind = CALL_METHOD;
        return f->ret;
    }
    call->kind = CALL_NATIVE_METHOD;
    bind_native_call(tc, e, f, call, 1);
    call->kind = CALL_NATIVE_METHOD;
    /* a Python subclass may override any method: through the vtable,
     * unless the class is final */
    call->virtual_call = !via_super && !c->final_class;
    return f->ret;
}

static bool is_super_call(const Expr *e)
{
    return e->kind == EX_CALL && e->u.call.n_args == 0 && e->u.call.func->kind == EX_NAME &&
           !strcmp(e->u.call.func->u.name.id, "super");
}

static void check_method_args(Tc *tc, Expr *e, TyType *recv, const char *m, TyType **args, int n)
{
    TyType *want = NULL;
    if ((recv->kind == TY_LIST && (!strcmp(m, "append") || !strcmp(m, "remove"))) ||
        (recv->kind == TY_SET && (!strcmp(m, "add") || !strcmp(m, "discard"))))
        want = recv->args[0];
    if (want && n == 1 && !ty_assignable(want, args[0]))
        tc_error(tc, e->u.call.args[0]->value->span,
                 "argument 1 to \"%s\" of \"%s\" has incompatible type \"%s\"; expected \"%s\"",
                 m, tstr(tc, recv), tstr(tc, args[0]), tstr(tc, want));
}

/* A generator expression handed straight to a builtin that consumes all
 * of it (sum, min, max, sorted, list, tuple, set, frozenset, str.join)
 * is built as a list comprehension: the consumer sees the same values in
 * the same order, without a generator frame per element.  (any/all stop
 * early, so they keep theirs.)  See docs/guide.md, "Differences". */
static void eager_genexps(Expr *e, const char *consumer)
{
    static const char *const eager[] = {"sum", "min", "max", "sorted", "list", "tuple",
                                        "set", "frozenset", "join", NULL};
    bool consumes = false;
    for (int i = 0; eager[i]; i++)
        consumes |= consumer && !strcmp(consumer, eager[i]);
    for (int i = 0; consumes && i < e->u.call.n_args; i++)
        if (!e->u.call.args[i]->name && e->u.call.args[i]->value->kind == EX_GENEXP)
            e->u.call.args[i]->value->kind = EX_LISTCOMP;
}

/* C.f(...) or obj.f(...) for a @staticmethod/@classmethod f of a native
 * class: a direct call.  The receiver is a name (nothing to evaluate but
 * a classmethod's class); on an instance only where no subclass may hold
 * another f.  NULL when it is not such a call. */
static TyType *check_static_call(Tc *tc, Expr *e, TcCall *call, TyType *rt)
{
    Expr *recv = call->receiver;
    if (recv->kind != EX_NAME || !rt->cls || rt->cls->dynamic ||
        (rt->kind != TY_TYPE && rt->kind != TY_CLASS))
        return NULL;
    TcFunc *f = tc_class_static(rt->cls, call->method);
    if (!f || f->interpreted || f->varargs || f->varkw ||
        (rt->kind == TY_CLASS && tc_name_redefined_below(tc->mod, rt->cls, call->method)))
        return NULL;
    bind_native_call(tc, e, f, call, f->is_classmethod ? 1 : 0);
    call->kind = CALL_NATIVE;
    call->target = f;
    call->cls_arg = rt->kind == TY_TYPE ? rt->cls : NULL;
    return f->ret;
}

/* recv.m(...): a method of a builtin type, or a dynamic attribute call. */
static TyType *check_method_call(Tc *tc, Expr *e, TcCall *call, TyType **args, int n)
{
    Expr *fn = e->u.call.func;
    Expr *recv = fn->u.attribute.value;
    call->receiver = recv;
    call->method = fn->u.attribute.attr;
    fn->type = any();
    bool super = is_super_call(recv);
    const TcFunc *sm = super && tc->func->cls && tc->func->cls->base
                           ? tc_class_method(tc->func->cls->base, call->method) : NULL;
    if (super && !(sm && (sm->varargs || sm->varkw))) {
        /* (a method taking *args or **kwargs binds them in its wrapper: a
         * call on super(<class>, self), below) */
        TcFunc *cur = tc->func;
        if (!cur->cls || !cur->cls->base || !cur->n_params) {
            tc_unsupported(tc, recv->span, "super() outside a method of a derived native class");
            return any();
        }
        /* super().m(...) is m of the base class, called on self. */
        Expr *self = ARENA_NEW(tc->a, Expr);
        self->kind = EX_NAME;
        self->span = recv->span;
        self->u.name.id = cur->params[0].param->name;
        call->receiver = self;
        check_expr(tc, self);
        for (int i = 0; i < n; i++)
            args[i] = check_expr(tc, e->u.call.args[i]->value);
        return check_native_method(tc, e, call, cur->cls->base, true);
    }
    TyType *rt = check_expr(tc, recv);
    if (rt->kind == TY_STR && !strcmp(call->method, "join"))
        eager_genexps(e, "join");
    for (int i = 0; i < n; i++)
        args[i] = check_expr(tc, e->u.call.args[i]->value);
    TyType *mt = math_call(tc, e, call, args, n);
    if (mt)
        return mt;
    TyType *st = check_static_call(tc, e, call, rt);
    if (st)
        return st;
    if (rt->kind == TY_CLASS)
        return check_native_method(tc, e, call, rt->cls, false);
    call->kind = CALL_METHOD;
    if (rt->kind == TY_NONE || (rt->kind == TY_UNION && ty_has_none(rt))) {
        tc_error(tc, fn->span, "item \"None\" of \"%s\" has no attribute \"%s\"", tstr(tc, rt),
                 call->method);
        return any();
    }
    TyType *r = method_result(tc, rt, call->method, args, n, fn->span);
    if (!r)
        return any();
    check_method_args(tc, e, rt, call->method, args, n);
    return r;
}

/* A call through a Callable[[...], R]: the arguments are checked against
 * its parameters; the result, R, is checked when it arrives. */
static TyType *check_callable_call(Tc *tc, Expr *e, TyType *ft, TyType **args, int n)
{
    if (ft->variadic)
        return ft->args[0];
    for (int i = 0; i < n; i++)
        if (e->u.call.args[i]->name) {
            tc_error(tc, e->u.call.args[i]->value->span,
                     "unexpected keyword argument \"%s\" for \"%s\"",
                     e->u.call.args[i]->name, tstr(tc, ft));
            return ft->args[0];
        }
    if (n != ft->n_args - 1) {
        tc_error(tc, e->span, "too %s arguments for \"%s\"",
                 n < ft->n_args - 1 ? "few" : "many", tstr(tc, ft));
        return ft->args[0];
    }
    for (int i = 0; i < n; i++)
        if (!ty_assignable(ft->args[1 + i], args[i]))
            tc_error(tc, e->u.call.args[i]->value->span,
                     "argument %d has incompatible type \"%s\"; expected \"%s\"", i + 1,
                     tstr(tc, args[i]), tstr(tc, ft->args[1 + i]));
    return ft->args[0];
}

/* any(genexp) / all(genexp) with the builtin: emit/ runs the generator as
 * a loop that stops at the first true (false) element, as the builtin
 * does. */
bool is_any_all_genexp(const Expr *e)
{
    if (e->kind != EX_CALL || e->u.call.n_args != 1 || e->u.call.args[0]->name ||
        e->u.call.args[0]->value->kind != EX_GENEXP || e->u.call.func->kind != EX_NAME)
        return false;
    const TcSymbol *s = e->u.call.func->sema;
    return s && s->kind == SYM_BUILTIN && (!strcmp(s->name, "any") || !strcmp(s->name, "all"));
}

TyType *check_call(Tc *tc, Expr *e)
{
    TcCall *call = ARENA_NEW(tc->a, TcCall);
    call->kind = CALL_GENERIC;
    e->sema = call;
    Expr *fn = e->u.call.func;
    bool star = has_star_args(e);
    if (fn->kind == EX_ATTRIBUTE && !star) {
        int n = e->u.call.n_args;
        return check_method_call(tc, e, call, ARENA_ARRAY(tc->a, TyType *, n ? n : 1), n);
    }
    TyType *fn_type = check_expr(tc, fn);
    TcSymbol *callee = fn->kind == EX_NAME ? fn->sema : NULL;
    if (callee && callee->kind == SYM_BUILTIN && is_super_call(e)) {
        /* zero-argument super() finds its class and self in the caller's
         * frame, which compiled code has not got: they are passed */
        TcFunc *cur = tc->func;
        if (!cur->cls || !cur->n_params || cur->params[0].param->kind == PARAM_KWONLY) {
            tc_unsupported(tc, e->span, "super() outside a method of a native class");
            return any();
        }
        Expr *self = ARENA_NEW(tc->a, Expr);
        self->kind = EX_NAME;
        self->span = e->span;
        self->u.name.id = cur->params[0].param->name;
        check_expr(tc, self);
        call->receiver = self;
        call->super_class = cur->cls;
        return any();
    }
    if (callee && callee->kind == SYM_BUILTIN && strcmp(callee->name, "join") != 0)
        eager_genexps(e, callee->name);
    if (is_any_all_genexp(e))
        tc->lazy_genexp = e->u.call.args[0]->value;
    int n = e->u.call.n_args;
    TyType **arg_types = ARENA_ARRAY(tc->a, TyType *, n ? n : 1);
    for (int i = 0; i < n; i++) {
        Expr *v = e->u.call.args[i]->value;
        if (v->kind == EX_STARRED || v->kind == EX_DOUBLESTARRED) {
            TyType *t = check_expr(tc, v->u.starred.value);
            v->type = t;
            if (v->kind == EX_STARRED && !ty_iter_elem(t))
                tc_error(tc, v->u.starred.value->span, "\"%s\" object is not iterable",
                         tstr(tc, t));
            else if (v->kind == EX_DOUBLESTARRED && t->kind != TY_DICT && t->kind != TY_ANY &&
                     t->kind != TY_OBJECT && t->kind != TY_CLASS)
                tc_error(tc, v->u.starred.value->span, "\"%s\" object is not a mapping",
                         tstr(tc, t));
            arg_types[i] = any();
            continue;
        }
        arg_types[i] = check_expr(tc, v);
    }
    if (star) { /* a native function's result is checked when it arrives */
        TcSymbol *f = fn->kind == EX_NAME ? fn->sema : NULL;
        return f && f->kind == SYM_FUNC && f->func && !f->func->interpreted ? f->func->ret : any();
    }
    TcSymbol *s = fn->kind == EX_NAME ? fn->sema : NULL;
    if (s && s->kind == SYM_FUNC && s->func && !s->func->interpreted && !s->func->varargs &&
        !s->func->varkw) { /* those take the wrapper's argument binding */
        bind_native_call(tc, e, s->func, call, 0);
        return s->func->ret;
    }
    if (fn_type->kind == TY_TYPE)
        return check_ctor(tc, e, call, fn_type->cls);
    TyType *fixed = s ? scope_fixed_type(s) : NULL;
    if (fixed) {
        if (n != 1 || e->u.call.args[0]->name ||
            !(ty_is_numeric(arg_types[0]) || arg_types[0]->kind == TY_ANY))
            tc_error(tc, e->span, "%s() takes one int, float or bool argument", s->name);
        call->kind = CALL_FIXED;
        return fixed;
    }
    TyType *mt = math_call(tc, e, call, arg_types, n);
    if (mt)
        return mt;
    if (is_any_all_genexp(e))
        return ty_simple(TY_BOOL);
    if (s && s->kind == SYM_BUILTIN) {
        builtin_check_frame_use(tc, e, s->name);
        return builtin_result_type(tc, s->name, arg_types, n);
    }
    if (fn_type->kind == TY_FUNC && fn_type->n_args > 0)
        return check_callable_call(tc, e, fn_type, arg_types, n);
    const TcFunc *call_method = tc_dunder(tc, fn_type, "__call__");
    if (call_method)
        return call_method->ret; /* called through tp_call, as in the interpreter */
    if (fn_type->kind != TY_ANY && fn_type->kind != TY_FUNC &&
        fn_type->kind != TY_OBJECT && fn_type->kind != TY_MODULE)
        tc_error(tc, fn->span, "\"%s\" not callable", tstr(tc, fn_type));
    return any();
}

/* range(...) with 1 to 3 arguments and no keywords. */
static bool is_range_call(Tc *tc, Expr *e)
{
    if (e->kind != EX_CALL || e->u.call.func->kind != EX_NAME ||
        e->u.call.func->u.name.id != tc->n_range)
        return false;
    TcSymbol *s = scope_lookup(tc, tc->n_range);
    if (!s || s->kind != SYM_BUILTIN || e->u.call.n_args < 1 || e->u.call.n_args > 3)
        return false;
    for (int i = 0; i < e->u.call.n_args; i++)
        if (e->u.call.args[i]->name || e->u.call.args[i]->value->kind == EX_STARRED ||
            e->u.call.args[i]->value->kind == EX_DOUBLESTARRED)
            return false;
    return true;
}

TcForRange *check_range(Tc *tc, Expr *iter)
{
    if (!is_range_call(tc, iter))
        return NULL;
    TcForRange *r = ARENA_NEW(tc->a, TcForRange);
    Arg **args = iter->u.call.args;
    int n = iter->u.call.n_args;
    for (int i = 0; i < n; i++) {
        TyType *t = check_expr(tc, args[i]->value);
        if (t->kind != TY_INT && t->kind != TY_BOOL && t->kind != TY_ANY && !ty_is_fixed(t))
            tc_error(tc, args[i]->value->span,
                     "argument %d to \"range\" has incompatible type \"%s\"; "
                     "expected \"int\"", i + 1, tstr(tc, t));
    }
    r->start = n > 1 ? args[0]->value : NULL;
    r->stop = n > 1 ? args[1]->value : args[0]->value;
    r->step = n > 2 ? args[2]->value : NULL;
    iter->type = ty_generic(tc->a, TY_ITER, ty_simple(TY_INT), NULL);
    return r;
}
