/*
 * classes.c — native classes: declaration, bases, attribute layout, and
 * which class statements are left to the interpreter.
 *
 * classes_declare() creates a TcClass when the module's names are
 * collected; classes_resolve() then (all class names being known) finds
 * each base (typing.Generic and abc.ABC are erased), the attributes —
 * class-body annotations, and `self.x = ...` / `self.x: T = ...` in
 * methods, typed from the annotation, a parameter or a literal, else Any
 * — and, through class_methods.c, the method signatures and the vtable.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

static void push_class(Tc *tc, TcClass *c)
{
    TcModule *m = tc->mod;
    TcClass **grown = ARENA_ARRAY(tc->a, TcClass *, m->n_classes + 1);
    if (m->n_classes)
        memcpy(grown, m->classes, sizeof(TcClass *) * (size_t)m->n_classes);
    c->index = m->n_classes;
    grown[m->n_classes++] = c;
    m->classes = grown;
}

void classes_declare(Tc *tc, Stmt *def, TcSymbol *sym)
{
    if (sym->type) {
        tc_error(tc, def->u.classdef.name_span, "name '%s' is already defined", sym->name);
        return;
    }
    TcClass *c = ARENA_NEW(tc->a, TcClass);
    c->name = def->u.classdef.name;
    c->def = def;
    c->type = ARENA_NEW(tc->a, TyType);
    c->type->kind = TY_CLASS;
    c->type->cls = c;
    TyType *tt = ARENA_NEW(tc->a, TyType);
    tt->kind = TY_TYPE;
    tt->cls = c;
    sym->type = tt;
    def->sema = c;
    push_class(tc, c);
}

TcAttr *tc_class_attr(const TcClass *c, const char *name)
{
    for (int i = 0; i < c->n_attrs; i++)
        if (c->attrs[i]->name == name)
            return c->attrs[i];
    return NULL;
}

const char *tc_classvar_name(const Stmt *s)
{
    return s->kind == ST_ASSIGN ? s->u.assign.targets.v[0]->u.name.id
                                : s->u.annassign.target->u.name.id;
}

Expr *tc_classvar_value(const Stmt *s)
{
    return s->kind == ST_ASSIGN ? s->u.assign.value : s->u.annassign.value;
}

bool tc_class_has_classvar(const TcClass *c, const char *name)
{
    for (; c; c = c->base)
        for (int i = 0; i < c->n_classvars; i++)
            if (!strcmp(tc_classvar_name(c->classvars[i]), name))
                return true;
    return false;
}

/* Does a class variable's value read name?  A lambda's body cannot see
 * the class body's names (class scopes do not enclose functions), only
 * its default values are evaluated there. */
static bool reads_class_name(const Expr *v, const char *name)
{
    if (v->kind != EX_LAMBDA)
        return tc_expr_mentions(v, name);
    for (int i = 0; i < v->u.lambda.params.n; i++)
        if (tc_expr_mentions(v->u.lambda.params.v[i]->default_value, name))
            return true;
    return false;
}

/* `NAME = value` in a native class body: a class variable.  Its value is
 * evaluated where the class statement is, so it may not read names the
 * class body defines (the interpreter's class scope). */
static void add_classvar(Tc *tc, TcClass *c, Stmt *s)
{
    const char *name = tc_classvar_name(s);
    StmtList *body = &c->def->u.classdef.body;
    for (int i = 0; i < body->n && body->v[i] != s; i++) {
        Stmt *d = body->v[i];
        const char *other = d->kind == ST_FUNCDEF ? d->u.funcdef.name
                          : d->kind == ST_ASSIGN ? d->u.assign.targets.v[0]->u.name.id
                          : d->kind == ST_ANNASSIGN ? d->u.annassign.target->u.name.id : NULL;
        if (other && reads_class_name(tc_classvar_value(s), other)) {
            tc_unsupported(tc, s->span, "a class variable whose value reads a name of the class body");
            return;
        }
    }
    TcAttr *field = tc_class_attr(c, name);
    if (field && field->owner != c)
        return; /* a new default for an inherited field (class_defaults) */
    bool twice = field != NULL;
    for (int i = 0; i < c->n_classvars; i++)
        twice |= !strcmp(tc_classvar_name(c->classvars[i]), name);
    if (twice) {
        tc_unsupported(tc, s->span, "a class variable defined twice or also declared as a field");
        return;
    }
    Stmt **grown = ARENA_ARRAY(tc->a, Stmt *, c->n_classvars + 1);
    if (c->n_classvars)
        memcpy(grown, c->classvars, sizeof(Stmt *) * (size_t)c->n_classvars);
    grown[c->n_classvars++] = s;
    c->classvars = grown;
}

TcFunc *tc_class_method(const TcClass *c, const char *name)
{
    for (int i = 0; i < c->n_vtable; i++)
        if (c->vtable[i]->name == name)
            return c->vtable[i];
    return NULL;
}

static bool defines_name(const TcClass *k, const char *name);

/* The class nearest c that defines the name decides. */
TcFunc *tc_class_static(const TcClass *c, const char *name)
{
    for (; c; c = c->base) {
        for (int i = 0; i < c->n_statics; i++)
            if (!strcmp(c->statics[i]->name, name))
                return c->statics[i];
        if (defines_name(c, name))
            return NULL;
    }
    return NULL;
}

bool tc_class_defines_method(const TcClass *k, const char *name)
{
    for (int i = 0; i < k->n_methods; i++)
        if (!strcmp(k->methods[i]->name, name))
            return true;
    for (int i = 0; i < k->n_interp; i++)
        if (!strcmp(k->interp[i]->name, name))
            return true;
    for (int i = 0; i < k->n_statics; i++)
        if (!strcmp(k->statics[i]->name, name))
            return true;
    return false;
}

static bool defines_name(const TcClass *k, const char *name)
{
    if (tc_class_defines_method(k, name))
        return true;
    for (int i = 0; i < k->n_attrs; i++)
        if (k->attrs[i]->owner == k && !strcmp(k->attrs[i]->name, name))
            return true;
    for (int i = 0; i < k->n_classvars; i++)
        if (!strcmp(tc_classvar_name(k->classvars[i]), name))
            return true;
    return false;
}

bool tc_name_redefined_below(const TcModule *tm, const TcClass *c, const char *name)
{
    for (int i = 0; i < tm->n_classes; i++) {
        const TcClass *k = tm->classes[i];
        bool below = false;
        for (const TcClass *b = k->base; b && !below; b = b->base)
            below = b == c;
        if (below && defines_name(k, name))
            return true;
    }
    return false;
}

TcFunc *tc_class_interp_method(const TcClass *c, const char *name)
{
    for (; c; c = c->base)
        for (int i = 0; i < c->n_interp; i++)
            if (c->interp[i]->name == name)
                return c->interp[i];
    return NULL;
}

bool class_is_subclass(const TcClass *c, const TcClass *base)
{
    for (; c; c = c->base)
        if (c == base)
            return true;
    return false;
}

/* ---- attributes ------------------------------------------------------------ */

static TcAttr *add_attr(Tc *tc, TcClass *c, const char *name, TyType *t, Span decl)
{
    TcAttr *a = ARENA_NEW(tc->a, TcAttr);
    a->name = name;
    a->type = t;
    a->owner = c;
    a->index = c->n_attrs;
    a->decl = decl;
    TcAttr **grown = ARENA_ARRAY(tc->a, TcAttr *, c->n_attrs + 1);
    if (c->n_attrs)
        memcpy(grown, c->attrs, sizeof(TcAttr *) * (size_t)c->n_attrs);
    grown[c->n_attrs++] = a;
    c->attrs = grown;
    return a;
}

static TyType *syntactic_type(Tc *tc, const TcFunc *m, Expr *v);

/* The type a module global gets from its first assignment at module
 * level, when that is a literal (`I_HANDLERA = 3`), or its annotation:
 * the type the checker gives it later.  NULL for anything else. */
static TyType *global_literal_type(Tc *tc, const TcFunc *m, const char *name)
{
    const StmtList *body = &tc->mod->ast->body;
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        if (s->kind == ST_ANNASSIGN && s->u.annassign.target->kind == EX_NAME &&
            s->u.annassign.target->u.name.id == name)
            return scope_annotation(tc, s->u.annassign.annotation);
        if (s->kind != ST_ASSIGN || s->u.assign.targets.n != 1 ||
            s->u.assign.targets.v[0]->kind != EX_NAME ||
            s->u.assign.targets.v[0]->u.name.id != name)
            continue;
        Expr *v = s->u.assign.value;
        if (v->kind == EX_NAME) /* not a literal */
            return NULL;
        TyType *t = syntactic_type(tc, m, v);
        return t->kind == TY_ANY ? NULL : t;
    }
    return NULL;
}

/* The type of `self.x = value` without checking value in context: a
 * parameter's annotation, a literal's type, a module global's literal
 * type, a typed field of a parameter's native class declared before
 * (`self.link = area.head`), as mypy infers them; Any otherwise. */
static TyType *syntactic_type(Tc *tc, const TcFunc *m, Expr *v)
{
    switch (v->kind) {
    case EX_INT: return ty_simple(TY_INT);
    case EX_FLOAT: return ty_simple(TY_FLOAT);
    case EX_STR: return ty_simple(TY_STR);
    case EX_TRUE: case EX_FALSE: return ty_simple(TY_BOOL);
    case EX_UNARY:
        if (v->u.unary.op == UOP_NEG && (v->u.unary.operand->kind == EX_INT ||
                                         v->u.unary.operand->kind == EX_FLOAT))
            return syntactic_type(tc, m, v->u.unary.operand);
        break;
    case EX_NAME: {
        for (int i = 0; i < m->n_params; i++)
            if (m->params[i].param->name == v->u.name.id)
                return m->params[i].param->annotation ? m->params[i].type : ty_simple(TY_ANY);
        /* a module global of a scalar type (`self.dest = I_HANDLERA`), as
         * mypy infers it; a local of the method shadows it */
        for (int i = 0; i < m->n_locals; i++)
            if (m->locals[i]->name == v->u.name.id)
                return ty_simple(TY_ANY);
        const TcSymbol *g = symtab_get(&tc->globals, v->u.name.id);
        TyType *t = g && g->kind == SYM_GLOBAL ? global_literal_type(tc, m, v->u.name.id) : NULL;
        if (t)
            return t;
        break;
    }
    case EX_ATTRIBUTE: {
        const TyType *owner = syntactic_type(tc, m, v->u.attribute.value);
        const TcAttr *a = owner->kind == TY_CLASS && owner->cls
                        ? tc_class_attr(owner->cls, v->u.attribute.attr) : NULL;
        if (a && a->type)
            return a->type;
        break;
    }
    default:
        break;
    }
    return ty_simple(TY_ANY);
}

static bool is_self_attr(const Expr *t, const char *self)
{
    return t->kind == EX_ATTRIBUTE && t->u.attribute.value->kind == EX_NAME &&
           t->u.attribute.value->u.name.id == self;
}

/* Is name a method of c or a base (native, interpreted, static or class
 * method)?  Assigning it through self goes to the type's descriptor (a
 * property's setter), never to a field. */
static bool names_method(const TcClass *c, const char *name)
{
    for (; c; c = c->base)
        if (tc_class_defines_method(c, name))
            return true;
    return false;
}

static void declare_from(Tc *tc, TcClass *c, const TcFunc *m, Expr *target, Expr *ann, Expr *v)
{
    const char *name = target->u.attribute.attr;
    if (tc_class_attr(c, name) || names_method(c, name))
        return;
    TyType *t = ann ? scope_annotation(tc, ann) : v ? syntactic_type(tc, m, v) : ty_simple(TY_ANY);
    add_attr(tc, c, name, t, target->span);
}

/* `self.x = v`, and the self attributes of `self.x, self.y = a, b`
 * (typed from the matching item of a tuple display, else dynamic). */
static void scan_target(Tc *tc, TcClass *c, const TcFunc *m, Expr *t, Expr *v, const char *self)
{
    if (is_self_attr(t, self)) {
        declare_from(tc, c, m, t, NULL, v);
        return;
    }
    if (t->kind != EX_TUPLE && t->kind != EX_LIST)
        return;
    ExprList *elts = &t->u.seq.elts;
    bool matches = v && (v->kind == EX_TUPLE || v->kind == EX_LIST) && v->u.seq.elts.n == elts->n;
    for (int i = 0; i < elts->n && matches; i++)
        matches = elts->v[i]->kind != EX_STARRED && v->u.seq.elts.v[i]->kind != EX_STARRED;
    for (int i = 0; i < elts->n; i++) {
        Expr *x = elts->v[i]->kind == EX_STARRED ? elts->v[i]->u.starred.value : elts->v[i];
        scan_target(tc, c, m, x, matches ? v->u.seq.elts.v[i] : NULL, self);
    }
}

static void scan_method(Tc *tc, TcClass *c, const TcFunc *m, StmtList *body, const char *self)
{
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        switch (s->kind) {
        case ST_ASSIGN:
            for (int j = 0; j < s->u.assign.targets.n; j++)
                scan_target(tc, c, m, s->u.assign.targets.v[j], s->u.assign.value, self);
            break;
        case ST_ANNASSIGN:
            if (is_self_attr(s->u.annassign.target, self))
                declare_from(tc, c, m, s->u.annassign.target, s->u.annassign.annotation, NULL);
            break;
        case ST_IF:
            scan_method(tc, c, m, &s->u.if_.body, self);
            scan_method(tc, c, m, &s->u.if_.orelse, self);
            break;
        case ST_WHILE:
            scan_method(tc, c, m, &s->u.while_.body, self);
            break;
        case ST_FOR:
            scan_method(tc, c, m, &s->u.for_.body, self);
            break;
        case ST_WITH:
            scan_method(tc, c, m, &s->u.with.body, self);
            break;
        case ST_TRY:
            scan_method(tc, c, m, &s->u.try_.body, self);
            for (int j = 0; j < s->u.try_.n_handlers; j++)
                scan_method(tc, c, m, &s->u.try_.handlers[j]->body, self);
            scan_method(tc, c, m, &s->u.try_.orelse, self);
            scan_method(tc, c, m, &s->u.try_.finalbody, self);
            break;
        default:
            break;
        }
    }
}

/* The class statement cannot be compiled natively: with --strict an
 * error, else the interpreter runs all of it (a note says so). */
static void leave_class(Tc *tc, TcClass *c, Span span, const char *why)
{
    if (tc->strict) {
        tc_unsupported(tc, span, why);
        return;
    }
    c->dynamic = true;
    if (!c->interp_why)
        c->interp_why = why;
}

/* Special methods compiled code would bypass (native field reads and
 * stores skip attribute hooks; a native instance is freed without running
 * a finalizer) or that the class statement treats specially (implicit
 * static and class methods): such a class is the interpreter's. */
static const char *const interp_dunders[] = {
    "__getattr__", "__getattribute__", "__setattr__", "__delattr__", "__del__", "__new__",
    "__init_subclass__", "__class_getitem__", "__set_name__", "__get__", "__set__",
    "__delete__",
};

static void leave_for_dunders(Tc *tc, TcClass *c)
{
    const StmtList *body = &c->def->u.classdef.body;
    for (int i = 0; i < body->n; i++) {
        const Stmt *s = body->v[i];
        if (s->kind != ST_FUNCDEF)
            continue;
        for (size_t k = 0; k < sizeof interp_dunders / sizeof *interp_dunders; k++)
            if (!strcmp(s->u.funcdef.name, interp_dunders[k]))
                leave_class(tc, c, s->u.funcdef.name_span,
                            arena_printf(tc->a, "the special method %s", interp_dunders[k]));
    }
}

/* What resolve_body makes natively: methods, fields, class variables
 * (NAME = value), pass and a docstring.  A class body with anything else
 * (a nested class, an `if`, a loop, ...) is left to the interpreter. */
static void leave_for_statements(Tc *tc, TcClass *c)
{
    const StmtList *body = &c->def->u.classdef.body;
    for (int i = 0; i < body->n; i++) {
        const Stmt *s = body->v[i];
        if (s->kind == ST_FUNCDEF || s->kind == ST_PASS ||
            (s->kind == ST_EXPR && s->u.expr.value->kind == EX_STR) ||
            (s->kind == ST_ANNASSIGN && s->u.annassign.target->kind == EX_NAME) ||
            (s->kind == ST_ASSIGN && s->u.assign.targets.n == 1 &&
             s->u.assign.targets.v[0]->kind == EX_NAME))
            continue;
        leave_class(tc, c, s->span, s->kind == ST_CLASSDEF ? "nested classes"
                    : "statements other than fields, class variables and methods in a class body");
        return;
    }
}

bool tc_names_import(Tc *tc, const Expr *e, const char *module, const char *name)
{
    if (e->kind == EX_NAME) {
        const TcSymbol *s = symtab_get(&tc->globals, e->u.name.id);
        return s && s->import_of && !strncmp(s->import_of, module, strlen(module)) &&
               s->import_of[strlen(module)] == '.' &&
               !strcmp(s->import_of + strlen(module) + 1, name);
    }
    if (e->kind == EX_ATTRIBUTE && e->u.attribute.value->kind == EX_NAME &&
        !strcmp(e->u.attribute.attr, name)) {
        const TcSymbol *s = symtab_get(&tc->globals, e->u.attribute.value->u.name.id);
        return s && s->import_of && !strcmp(s->import_of, module);
    }
    return false;
}

bool tc_abstract_decorated(Tc *tc, const Stmt *def)
{
    const ExprList *d = &def->u.funcdef.decorators;
    return d->n == 1 && tc_names_import(tc, d->v[0], "abc", "abstractmethod");
}

/* Generic[...] of typing (`from typing import Generic`, or typing.Generic). */
static bool is_typing_generic(Tc *tc, const Expr *b)
{
    return b->kind == EX_SUBSCRIPT && tc_names_import(tc, b->u.subscript.value, "typing", "Generic");
}

/* @final (typing's or typing_extensions'), which a native class may carry
 * besides @dataclass. */
bool tc_is_final_decorator(Tc *tc, const Expr *e)
{
    return tc_names_import(tc, e, "typing", "final") ||
           tc_names_import(tc, e, "typing_extensions", "final");
}

static void resolve_base(Tc *tc, TcClass *c)
{
    Stmt *def = c->def;
    int others = 0;
    for (int i = 0; i < def->u.classdef.decorators.n; i++) {
        if (tc_is_final_decorator(tc, def->u.classdef.decorators.v[i]))
            c->final_class = true;
        else
            others++;
    }
    if (others) {
        const char *why = dataclass_accept(tc, c);
        if (why)
            leave_class(tc, c, def->u.classdef.decorators.v[0]->span, why);
    }
    leave_for_dunders(tc, c);
    leave_for_statements(tc, c);
    for (int i = 0; i < def->u.classdef.n_bases; i++) {
        Arg *b = def->u.classdef.bases[i];
        if (b->name && !strcmp(b->name, "metaclass") && tc_names_import(tc, b->value, "abc", "ABCMeta")) {
            c->abc = true; /* erased: abstract methods are checked natively */
            continue;
        }
        if (b->name) {
            leave_class(tc, c, b->span, "metaclass keywords");
            continue;
        }
        if (tc_names_import(tc, b->value, "abc", "ABC")) {
            c->abc = true;
            continue;
        }
        if (b->value->kind == EX_NAME && !strcmp(b->value->u.name.id, "object"))
            continue;
        if (is_typing_generic(tc, b->value)) {
            /* type parameters are erased (Any); C[int] still works at run
             * time through __class_getitem__ */
            c->generic = true;
            continue;
        }
        /* Base[int]: a generic native base, its parameters erased */
        const Expr *bv = b->value->kind == EX_SUBSCRIPT ? b->value->u.subscript.value : b->value;
        TcSymbol *s = bv->kind == EX_NAME ? symtab_get(&tc->globals, bv->u.name.id) : NULL;
        if (b->value->kind == EX_SUBSCRIPT && s && s->type && s->type->kind == TY_TYPE &&
            !s->type->cls->generic)
            s = NULL; /* a subscript of a class that is not generic */
        if (!s || !s->type || s->type->kind != TY_TYPE || s->type->cls->index >= c->index ||
            s->type->cls->dynamic) {
            c->dynamic = true;
            continue;
        }
        if (c->base)
            tc_unsupported(tc, b->span, "multiple inheritance");
        else if (s->type->cls->final_class)
            tc_error(tc, b->span, "Cannot inherit from final class \"%s\"", s->type->cls->name);
        else
            c->base = s->type->cls;
    }
    if (c->dynamic)
        c->base = NULL;
    else if (c->base)
        c->base->has_subclasses = true;
    if (c->base && c->base->generic)
        c->generic = true;
}

/* A subclass's layout starts with its base's (resolved before it). */
static void inherit_attrs(Tc *tc, TcClass *c)
{
    if (!c->base)
        return;
    c->attrs = ARENA_ARRAY(tc->a, TcAttr *, c->base->n_attrs + 1);
    if (c->base->n_attrs) /* a base without fields has no array at all */
        memcpy(c->attrs, c->base->attrs, sizeof(TcAttr *) * (size_t)c->base->n_attrs);
    c->n_attrs = c->base->n_attrs;
}

static bool leave_bases_of_dynamic(Tc *tc);

/* Before any signature is read: which classes are dynamic (their names
 * then stand for Any in annotations). */
void classes_resolve_bases(Tc *tc)
{
    TcModule *m = tc->mod;
    for (int i = 0; i < m->n_classes; i++) {
        TcClass *c = m->classes[i];
        resolve_base(tc, c);
        if (c->dynamic) {
            TcSymbol *s = symtab_get(&tc->globals, c->name);
            s->type = ty_simple(TY_ANY);
        }
    }
    while (leave_bases_of_dynamic(tc))
        continue;
}

/* A native class cannot derive from a class the interpreter makes (its
 * layout is not known), so a native subclass of one is made by the
 * interpreter too.  (The other way round is fine: a class the
 * interpreter makes may derive from a native class, as Python code
 * anywhere may.)  True when something changed (the caller repeats until
 * nothing does). */
static bool leave_bases_of_dynamic(Tc *tc)
{
    TcModule *m = tc->mod;
    bool changed = false;
    for (int i = 0; i < m->n_classes; i++) {
        TcClass *c = m->classes[i];
        if (!c->dynamic && c->base && c->base->dynamic) {
            c->dynamic = true;
            c->base = NULL;
            changed = true;
        }
        if (c->dynamic)
            symtab_get(&tc->globals, c->name)->type = ty_simple(TY_ANY);
    }
    return changed;
}

/* What the interpreter builds from a class deriving from one of typing's
 * and enum's special bases, for the note; NULL for other bases. */
static const char *special_kind(const TcClass *c)
{
    static const char *const kinds[][2] = {
        {"NamedTuple", "NamedTuple classes"}, {"TypedDict", "TypedDict classes"},
        {"Protocol", "Protocol classes"}, {"Enum", "Enum classes"},
        {"IntEnum", "Enum classes"}, {"StrEnum", "Enum classes"}, {"Flag", "Enum classes"},
        {"IntFlag", "Enum classes"},
    };
    for (int i = 0; i < c->def->u.classdef.n_bases; i++) {
        const Arg *b = c->def->u.classdef.bases[i];
        for (size_t k = 0; !b->name && k < sizeof kinds / sizeof *kinds; k++)
            if (tc_annotation_named(b->value, kinds[k][0]))
                return kinds[k][1];
    }
    return NULL;
}

/* A dynamic class body made natively may hold a docstring, pass and
 * NAME = value; anything else leaves the class to the interpreter. */
static void check_dynamic_body(Tc *tc, TcClass *c)
{
    StmtList *body = &c->def->u.classdef.body;
    if (c->def->u.classdef.decorators.n) /* a dataclass whose base was left */
        leave_class(tc, c, c->def->u.classdef.decorators.v[0]->span,
                    "dataclasses deriving from a class the interpreter makes");
    for (int i = 0; i < body->n && !c->interp_why; i++) {
        Stmt *s = body->v[i];
        if (s->kind == ST_PASS || (s->kind == ST_EXPR && s->u.expr.value->kind == EX_STR))
            continue;
        if (s->kind == ST_ASSIGN && s->u.assign.targets.n == 1 &&
            s->u.assign.targets.v[0]->kind == EX_NAME)
            continue;
        const char *special = special_kind(c);
        leave_class(tc, c, s->span, special ? special : s->kind == ST_FUNCDEF
                    ? "methods in classes with non-native bases"
                    : "statements other than NAME = value in classes with non-native bases");
    }
}

bool tc_annotation_named(const Expr *a, const char *name)
{
    if (a->kind == EX_SUBSCRIPT)
        a = a->u.subscript.value;
    const char *n = a->kind == EX_NAME ? a->u.name.id
                  : a->kind == EX_ATTRIBUTE ? a->u.attribute.attr : NULL;
    return n && !strcmp(n, name);
}

static void resolve_body(Tc *tc, TcClass *c)
{
    StmtList *body = &c->def->u.classdef.body;
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        if (s->kind == ST_FUNCDEF)
            classes_add_method(tc, c, s);
        else if (s->kind == ST_ANNASSIGN && s->u.annassign.target->kind == EX_NAME &&
                 tc_annotation_named(s->u.annassign.annotation, "ClassVar")) {
            if (s->u.annassign.value) /* without a value it only declares */
                add_classvar(tc, c, s);
        } else if (s->kind == ST_ANNASSIGN && c->dataclass && !tc_dataclass_field(s)) {
            continue; /* `_: KW_ONLY` marks the fields after it */
        } else if (s->kind == ST_ANNASSIGN && s->u.annassign.target->kind == EX_NAME) {
            Expr *t = s->u.annassign.target;
            if (tc_class_attr(c, t->u.name.id))
                continue; /* an inherited field's new default: class_defaults */
            TcAttr *a = add_attr(tc, c, t->u.name.id, scope_annotation(tc, s->u.annassign.annotation),
                                 t->span);
            a->default_value = c->dataclass ? dataclass_field_value(tc, s) : s->u.annassign.value;
        } else if (s->kind == ST_PASS || (s->kind == ST_EXPR && s->u.expr.value->kind == EX_STR))
            continue;
        else if (s->kind == ST_ASSIGN && s->u.assign.targets.n == 1 &&
                 s->u.assign.targets.v[0]->kind == EX_NAME)
            add_classvar(tc, c, s);
        else
            tc_unsupported(tc, s->span, "this statement in a class body");
    }
}

bool tc_own_default(const TcClass *c, int j)
{
    return c->defaults[j] && (c->attrs[j]->owner == c || c->defaults[j] != c->base->defaults[j]);
}

/* What a new instance of c starts with: its fields' defaults, its base's
 * for inherited ones, unless its body gives one another (`fee = 0.0`,
 * `fee: float = 0.0`), as a class attribute of the subclass would. */
static void class_defaults(Tc *tc, TcClass *c)
{
    c->defaults = ARENA_ARRAY(tc->a, Expr *, c->n_attrs ? c->n_attrs : 1);
    for (int j = 0; j < c->n_attrs; j++)
        c->defaults[j] = c->attrs[j]->owner == c ? c->attrs[j]->default_value : c->base->defaults[j];
    StmtList *body = &c->def->u.classdef.body;
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        bool ann = s->kind == ST_ANNASSIGN && s->u.annassign.target->kind == EX_NAME &&
                   s->u.annassign.value && !tc_annotation_named(s->u.annassign.annotation, "ClassVar");
        bool plain = s->kind == ST_ASSIGN && s->u.assign.targets.n == 1 &&
                     s->u.assign.targets.v[0]->kind == EX_NAME;
        TcAttr *a = ann || plain ? tc_class_attr(c, tc_classvar_name(s)) : NULL;
        if (a && a->owner != c)
            c->defaults[a->index] = tc_classvar_value(s);
    }
}

/* A class variable that methods also assign through self would be both a
 * field of every instance and a value of the type. */
static void check_classvars(Tc *tc, TcClass *c)
{
    for (int i = 0; i < c->n_classvars; i++) {
        Stmt *s = c->classvars[i];
        const char *name = tc_classvar_name(s);
        if (tc_class_attr(c, name) || tc_class_method(c, name))
            tc_error(tc, s->span,
                     "class variable \"%s\" is also an attribute of the instances or a method "
                     "(declare the attribute in the class body: %s: T = value)", name, name);
    }
}

void classes_resolve(Tc *tc)
{
    TcModule *m = tc->mod;
    for (int i = 0; i < m->n_classes; i++) {
        TcClass *c = m->classes[i];
        if (c->dynamic) {
            if (!c->interp_why)
                check_dynamic_body(tc, c);
            continue;
        }
        inherit_attrs(tc, c);
        if (c->dataclass)
            dataclass_add_init(tc, c);
        resolve_body(tc, c);
        for (int j = 0; j < c->n_methods; j++) {
            TcFunc *f = c->methods[j];
            if (f->n_params)
                scan_method(tc, c, f, &f->def->u.funcdef.body, f->params[0].param->name);
        }
        /* Attributes an interpreted method assigns must exist as fields. */
        for (int j = 0; j < c->n_interp; j++) {
            Stmt *d = c->interp[j]->def;
            if (d->u.funcdef.params.n)
                scan_method(tc, c, c->interp[j], &d->u.funcdef.body,
                            d->u.funcdef.params.v[0]->name);
        }
        class_defaults(tc, c);
        classes_build_vtable(tc, c);
        classes_find_abstract(tc, c);
        check_classvars(tc, c);
    }
}
