/*
 * class_methods.c — the defs of a native class's body: methods (native,
 * or left to the interpreter), native @property getters and setters,
 * @staticmethod/@classmethod functions, @abstractmethod; the vtable (a
 * subclass's method with the name of a base method takes over its slot);
 * and the abstract methods an ABC leaves unimplemented.
 */
#include "typecheck/tc_internal.h"

#include <stdlib.h>
#include <string.h>

/* The TcFunc of def s in c's body: "C.name", the def's sema. */
static TcFunc *new_member(Tc *tc, TcClass *c, Stmt *s)
{
    TcFunc *f = ARENA_NEW(tc->a, TcFunc);
    f->name = s->u.funcdef.name;
    f->qualname = arena_printf(tc->a, "%s.%s", c->name, f->name);
    f->def = s;
    s->sema = f;
    return f;
}

static void add_interp_method(Tc *tc, TcClass *c, Stmt *s, const char *why)
{
    TcFunc *f = new_member(tc, c, s);
    f->cls = c;
    f->interpreted = true;
    f->fallback = why;
    f->ret = ty_simple(TY_ANY);
    f->names_class_cell = tc_span_mentions(tc, s->span, "super") ||
                          tc_span_mentions(tc, s->span, "__class__");
    TcFunc **grown = ARENA_ARRAY(tc->a, TcFunc *, c->n_interp + 1);
    if (c->n_interp)
        memcpy(grown, c->interp, sizeof(TcFunc *) * (size_t)c->n_interp);
    grown[c->n_interp++] = f;
    c->interp = grown;
}

/* Does the body `return NotImplemented` (the binary-operator protocol's
 * "try the other operand")? */
static bool returns_not_implemented(const StmtList *b)
{
    for (int i = 0; i < b->n; i++) {
        const Stmt *s = b->v[i];
        switch (s->kind) {
        case ST_RETURN:
            if (s->u.ret.value && s->u.ret.value->kind == EX_NAME &&
                !strcmp(s->u.ret.value->u.name.id, "NotImplemented"))
                return true;
            break;
        case ST_IF:
            if (returns_not_implemented(&s->u.if_.body) ||
                returns_not_implemented(&s->u.if_.orelse))
                return true;
            break;
        case ST_WHILE:
            if (returns_not_implemented(&s->u.while_.body))
                return true;
            break;
        case ST_FOR:
            if (returns_not_implemented(&s->u.for_.body))
                return true;
            break;
        case ST_WITH:
            if (returns_not_implemented(&s->u.with.body))
                return true;
            break;
        case ST_TRY:
            if (returns_not_implemented(&s->u.try_.body) ||
                returns_not_implemented(&s->u.try_.orelse) ||
                returns_not_implemented(&s->u.try_.finalbody))
                return true;
            for (int h = 0; h < s->u.try_.n_handlers; h++)
                if (returns_not_implemented(&s->u.try_.handlers[h]->body))
                    return true;
            break;
        default:
            break;
        }
    }
    return false;
}

/* `@name.setter` alone over `def name(self, value)`. */
bool tc_setter_decorated(const Stmt *s)
{
    const ExprList *d = &s->u.funcdef.decorators;
    if (d->n != 1 || d->v[0]->kind != EX_ATTRIBUTE || s->u.funcdef.params.n != 2)
        return false;
    const Expr *a = d->v[0];
    return !strcmp(a->u.attribute.attr, "setter") && a->u.attribute.value->kind == EX_NAME &&
           !strcmp(a->u.attribute.value->u.name.id, s->u.funcdef.name);
}

static bool getter_decorated(const Stmt *s)
{
    const ExprList *d = &s->u.funcdef.decorators;
    return d->n == 1 && d->v[0]->kind == EX_NAME && !strcmp(d->v[0]->u.name.id, "property") &&
           s->u.funcdef.params.n == 1;
}

/* `@property` alone over `def name(self)`, followed by nothing of that
 * name in the class but, optionally, one `@name.setter` (no deleter): a
 * native getter, and setter.  Returns the getter's def, or NULL. */
static const Stmt *native_property_of(Tc *tc, const TcClass *c, const Stmt *s)
{
    const StmtList *body = &c->def->u.classdef.body;
    const Stmt *getter = NULL;
    int setters = 0, others = 0;
    for (int i = 0; i < body->n; i++) {
        const Stmt *o = body->v[i];
        if (o->kind != ST_FUNCDEF || strcmp(o->u.funcdef.name, s->u.funcdef.name))
            continue;
        if (tc_is_interp(tc, o))
            return NULL; /* one of them is the interpreter's: both are */
        if (!getter && getter_decorated(o))
            getter = o;
        else if (getter && tc_setter_decorated(o))
            setters++;
        else
            others++;
    }
    return getter && setters <= 1 && !others ? getter : NULL;
}

static bool native_property(Tc *tc, const TcClass *c, const Stmt *s)
{
    return native_property_of(tc, c, s) == s;
}

static bool native_setter(Tc *tc, const TcClass *c, const Stmt *s)
{
    return tc_setter_decorated(s) && native_property_of(tc, c, s);
}

/* `@staticmethod` or `@classmethod` alone (the builtins, not shadowed by a
 * global): which, or NULL. */
static const char *static_kind(Tc *tc, const Stmt *s)
{
    const ExprList *d = &s->u.funcdef.decorators;
    if (d->n != 1 || d->v[0]->kind != EX_NAME)
        return NULL;
    const char *n = d->v[0]->u.name.id;
    if (strcmp(n, "staticmethod") && strcmp(n, "classmethod"))
        return NULL;
    return symtab_get(&tc->globals, n) ? NULL : n;
}

/* A @staticmethod/@classmethod: a module-level function of the class
 * (its name is not a global), its signature read now. */
static void add_static(Tc *tc, TcClass *c, Stmt *s, bool classmethod)
{
    TcFunc *f = new_member(tc, c, s);
    f->static_of = c;
    f->is_classmethod = classmethod;
    scope_add_func(tc, f);
    int n = tc->d->n, errors = tc->d->n_errors, unsupported = tc->n_unsupported;
    scope_check_def_header(tc, s);
    scope_signature(tc, f, s);
    if (tc->d->n_errors > errors && tc->d->n_errors - errors == tc->n_unsupported - unsupported)
        f->fallback = tc->d->v[n]->msg;
    if (classmethod && (f->n_params == 0 || f->params[0].param->kind == PARAM_KWONLY))
        tc_error(tc, s->u.funcdef.name_span, "class method \"%s\" needs a 'cls' parameter",
                 f->name);
    else if (classmethod)
        f->params[0].type = ty_simple(TY_ANY); /* the class, or a subclass */
    TcFunc **st = ARENA_ARRAY(tc->a, TcFunc *, c->n_statics + 1);
    if (c->n_statics)
        memcpy(st, c->statics, sizeof(TcFunc *) * (size_t)c->n_statics);
    st[c->n_statics++] = f;
    c->statics = st;
}

void classes_add_method(Tc *tc, TcClass *c, Stmt *s)
{
    const char *why = tc_is_interp(tc, s);
    const char *kind = why ? NULL : static_kind(tc, s);
    if (kind) {
        add_static(tc, c, s, !strcmp(kind, "classmethod"));
        return;
    }
    bool property = !why && native_property(tc, c, s);
    bool setter = !why && native_setter(tc, c, s);
    bool abstract = !why && tc_abstract_decorated(tc, s);
    if (!why && !property && !setter && !abstract && s->u.funcdef.decorators.n) {
        if (tc->strict) { /* --strict: an error, and the method is not compiled */
            tc_unsupported(tc, s->u.funcdef.decorators.v[0]->span, "decorators");
            return;
        }
        why = "decorators are not supported yet"; /* @staticmethod has no self */
    }
    if (why) {
        add_interp_method(tc, c, s, why);
        return;
    }
    int n = tc->d->n, errors = tc->d->n_errors, unsupported = tc->n_unsupported;
    scope_check_def_header(tc, s);
    TcFunc *f = new_member(tc, c, s);
    f->is_property = property;
    f->is_setter = setter;
    f->is_abstract = abstract;
    f->cls = c;
    f->index = c->n_methods;
    scope_signature(tc, f, s);
    if (tc->d->n_errors > errors && tc->d->n_errors - errors == tc->n_unsupported - unsupported)
        f->fallback = tc->d->v[n]->msg;
    if (f->n_params == 0 || f->params[0].param->kind == PARAM_KWONLY) {
        tc_error(tc, s->u.funcdef.name_span, "method \"%s\" needs a 'self' parameter", f->name);
        return;
    }
    f->params[0].type = c->type;
    /* `-> Money` that may return NotImplemented (as mypy allows): its
     * callers see a dynamic value, never a Money that is not one. */
    if (returns_not_implemented(&s->u.funcdef.body))
        f->ret = ty_simple(TY_ANY);
    TcFunc **grown = ARENA_ARRAY(tc->a, TcFunc *, c->n_methods + 1);
    if (c->n_methods)
        memcpy(grown, c->methods, sizeof(TcFunc *) * (size_t)c->n_methods);
    grown[c->n_methods++] = f;
    c->methods = grown;
}

static bool same_signature(const TcFunc *a, const TcFunc *b)
{
    if (a->n_params != b->n_params || !ty_equal(a->ret, b->ret))
        return false;
    for (int i = 1; i < a->n_params; i++)
        if (!ty_equal(a->params[i].type, b->params[i].type) ||
            a->params[i].param->kind != b->params[i].param->kind)
            return false;
    return true;
}

void classes_build_vtable(Tc *tc, TcClass *c)
{
    int cap = (c->base ? c->base->n_vtable : 0) + c->n_methods + 1;
    c->vtable = ARENA_ARRAY(tc->a, TcFunc *, cap);
    if (c->base) {
        memcpy(c->vtable, c->base->vtable, sizeof(TcFunc *) * (size_t)c->base->n_vtable);
        c->n_vtable = c->base->n_vtable;
    }
    for (int i = 0; i < c->n_methods; i++) {
        TcFunc *m = c->methods[i];
        TcFunc *old = tc_class_method(c, m->name);
        if (m->is_setter) { /* no slot: reached through its getter */
            if (old && old->is_property && old->cls == c)
                old->setter = m;
            continue;
        }
        if (old && !strcmp(m->name, "__init__")) {
            /* Constructors are not virtual: C(...) calls C's own. */
            m->vslot = old->vslot;
            c->vtable[m->vslot] = m;
            continue;
        }
        if (old) {
            if (!same_signature(old, m))
                tc_error(tc, m->def->u.funcdef.name_span,
                         "signature of \"%s\" differs from the overridden \"%s\" "
                         "(not supported yet)", m->qualname, old->qualname);
            m->vslot = old->vslot;
            c->vtable[m->vslot] = m;
            /* Calls that may reach `old` now dispatch through the vtable. */
            old->overridden = true;
            m->overrides = true;
            continue;
        }
        m->vslot = c->n_vtable;
        c->vtable[c->n_vtable++] = m;
    }
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The abstract methods an ABC leaves unimplemented, sorted as the
 * interpreter's message lists them. */
void classes_find_abstract(Tc *tc, TcClass *c)
{
    bool abc = false;
    for (const TcClass *k = c; k; k = k->base)
        abc |= k->abc;
    if (!abc)
        return;
    c->abc = true;
    c->abstract_names = ARENA_ARRAY(tc->a, const char *, c->n_vtable + 1);
    for (int i = 0; i < c->n_vtable; i++)
        if (c->vtable[i]->is_abstract)
            c->abstract_names[c->n_abstract++] = c->vtable[i]->name;
    qsort(c->abstract_names, (size_t)c->n_abstract, sizeof(const char *), compare_names);
}

