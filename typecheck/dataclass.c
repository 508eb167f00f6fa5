/*
 * dataclass.c — `@dataclass` classes made natively.
 *
 * The fields become native fields and the generated __init__ a native
 * method: dataclass_accept() checks that the class uses only what that
 * covers (else the class is left to the interpreter, as before) and
 * dataclass_add_init() adds, as an AST the checker then compiles like any
 * method, the __init__ dataclasses would generate:
 *
 *     def __init__(self, x: int, y: float = 0.0) -> None:
 *         self.x = x
 *         self.y = y
 *         self.__post_init__()      # when the class defines one
 *
 * Keyword-only fields (kw_only=True, `_: KW_ONLY`, field(kw_only=True))
 * become keyword-only parameters after the positional ones; a
 * field(init=False) is no parameter (its default_factory is called in the
 * body); an InitVar[T] is a parameter passed on to __post_init__, in
 * order; init=False generates nothing.  A frozen dataclass's fields are
 * read-only outside this __init__ (check_assign.c).
 *
 * Everything else the decorator makes (__repr__, __eq__, ordering,
 * __hash__, __match_args__, __dataclass_fields__, ...) comes from the
 * real decorator when the class statement runs: emit applies it to a
 * stand-in class holding only the field statements and copies the result
 * onto the native type (spy_dataclass_finish), so those behave exactly as
 * the interpreter's; cgen_dataclass.c then gives __eq__, __hash__, the
 * order methods and __repr__ C versions where every field takes part.  A
 * field's default is evaluated there too, and by the native code;
 * defaults are therefore limited to expressions that read names and
 * literals only (evaluating them twice cannot be seen).
 */
#include "typecheck/tc_internal.h"

#include <string.h>

static bool is_dataclass_name(Tc *tc, const Expr *e)
{
    return tc_names_import(tc, e, "dataclasses", "dataclass");
}

/* A keyword of @dataclass(...) that leaves the generated __init__ as
 * dataclass_add_init makes it (or that only the stand-in needs). */
static const char *unsupported_option(Tc *tc, TcClass *c, const Arg *a)
{
    static const char *const free_opts[] = {"repr", "eq", "unsafe_hash", "match_args"};
    bool t = a->value->kind == EX_TRUE, f = a->value->kind == EX_FALSE;
    if (!a->name || (!t && !f))
        return "@dataclass arguments other than True/False keywords";
    for (size_t i = 0; i < sizeof free_opts / sizeof *free_opts; i++)
        if (!strcmp(a->name, free_opts[i]))
            return NULL;
    if (!strcmp(a->name, "order")) {
        c->dataclass_order = t;
        return NULL;
    }
    if (!strcmp(a->name, "init")) {
        c->dataclass_no_init = f; /* the class's own __init__, or object's */
        return NULL;
    }
    if (!strcmp(a->name, "frozen")) {
        c->dataclass_frozen = t;
        return NULL;
    }
    if (!strcmp(a->name, "slots"))
        return NULL; /* a native instance has no __dict__ either */
    if (!strcmp(a->name, "kw_only")) {
        c->dataclass_kw_only = t;
        return NULL;
    }
    if (!strcmp(a->name, "weakref_slot"))
        return f ? NULL : arena_printf(tc->a, "@dataclass(%s=True)", a->name);
    return arena_printf(tc->a, "@dataclass(%s=...)", a->name);
}

/* Is the decorator list one @dataclass (bare, or called with keywords
 * this file supports)?  NULL when it is, else why not. */
static const char *check_decorator(Tc *tc, TcClass *c)
{
    const ExprList *d = &c->def->u.classdef.decorators;
    const Expr *e = NULL;
    for (int i = 0; i < d->n; i++) {
        if (tc_is_final_decorator(tc, d->v[i]))
            continue;
        if (e)
            return "class decorators";
        e = d->v[i];
    }
    if (is_dataclass_name(tc, e))
        return NULL;
    if (e->kind != EX_CALL || !is_dataclass_name(tc, e->u.call.func))
        return "class decorators";
    for (int i = 0; i < e->u.call.n_args; i++) {
        const char *why = unsupported_option(tc, c, e->u.call.args[i]);
        if (why)
            return why;
    }
    return NULL;
}

/* Literals, names and attributes of them, tuples and arithmetic of
 * those: a default whose second evaluation cannot be told apart. */
static bool pure_default(const Expr *e)
{
    switch (e->kind) {
    case EX_INT: case EX_FLOAT: case EX_STR: case EX_BYTES: case EX_TRUE: case EX_FALSE:
    case EX_NONE: case EX_ELLIPSIS: case EX_NAME:
        return true;
    case EX_ATTRIBUTE:
        return pure_default(e->u.attribute.value);
    case EX_UNARY:
        return pure_default(e->u.unary.operand);
    case EX_BINOP:
        return pure_default(e->u.binop.left) && pure_default(e->u.binop.right);
    case EX_TUPLE:
        for (int i = 0; i < e->u.seq.elts.n; i++)
            if (!pure_default(e->u.seq.elts.v[i]))
                return false;
        return true;
    default:
        return false;
    }
}

/* What a field statement says about its __init__ parameter. */
typedef struct FieldSpec {
    Stmt *s;
    Expr *dflt, *factory; /* default= / default_factory=, or NULL */
    int kw_only;          /* field(kw_only=...): 1 or 0; -1: not given */
    bool no_init;         /* field(init=False): not a parameter */
    bool initvar;         /* InitVar[T]: a parameter for __post_init__ only */
} FieldSpec;

/* `field(...)` of dataclasses into f, or why the field is not supported. */
static const char *field_call(Tc *tc, const Expr *v, FieldSpec *f, TcClass *c)
{
    static const char *const stand_in_only[] = {"repr", "hash", "compare", "metadata"};
    f->dflt = f->factory = NULL;
    for (int i = 0; i < v->u.call.n_args; i++) {
        const Arg *a = v->u.call.args[i];
        if (!a->name)
            return "field() with positional arguments";
        if (!strcmp(a->name, "default")) {
            f->dflt = a->value;
            continue;
        }
        if (!strcmp(a->name, "kw_only") && (a->value->kind == EX_TRUE || a->value->kind == EX_FALSE)) {
            f->kw_only = a->value->kind == EX_TRUE;
            continue;
        }
        if (!strcmp(a->name, "init") && (a->value->kind == EX_TRUE || a->value->kind == EX_FALSE)) {
            f->no_init = a->value->kind == EX_FALSE;
            continue;
        }
        if (!strcmp(a->name, "default_factory")) {
            f->factory = a->value;
            if (!pure_default(a->value) && a->value->kind != EX_LAMBDA)
                return "default factories other than names and lambdas";
            continue;
        }
        bool ok = false;
        for (size_t k = 0; k < sizeof stand_in_only / sizeof *stand_in_only; k++)
            ok |= !strcmp(a->name, stand_in_only[k]);
        if (!ok)
            return arena_printf(tc->a, "field(%s=...) arguments", a->name);
        if (c && (!strcmp(a->name, "compare") || !strcmp(a->name, "hash")))
            c->dataclass_plain_compare = false;
        if (c && !strcmp(a->name, "repr"))
            c->dataclass_plain_repr = false;
        if (!pure_default(a->value) && a->value->kind != EX_DICT)
            return "field() arguments that are not literals or names";
    }
    return NULL;
}

/* `_: KW_ONLY`: the fields after it are keyword-only. */
static bool kw_only_marker(const Stmt *s)
{
    return s->kind == ST_ANNASSIGN && s->u.annassign.target->kind == EX_NAME &&
           tc_annotation_named(s->u.annassign.annotation, "KW_ONLY");
}

/* `x: InitVar[T]`: a parameter of __init__ passed to __post_init__,
 * not a field. */
bool tc_dataclass_initvar(const Stmt *s)
{
    return s->kind == ST_ANNASSIGN && s->u.annassign.target->kind == EX_NAME &&
           tc_annotation_named(s->u.annassign.annotation, "InitVar");
}

/* Is s a field of the dataclass (an annotated name, no ClassVar, no
 * InitVar and no KW_ONLY marker)? */
bool tc_dataclass_field(const Stmt *s)
{
    return s->kind == ST_ANNASSIGN && s->u.annassign.target->kind == EX_NAME &&
           !tc_annotation_named(s->u.annassign.annotation, "ClassVar") && !kw_only_marker(s) &&
           !tc_dataclass_initvar(s);
}

/* Field statement s as a FieldSpec (kw_only: what its class says), or
 * why it is not supported. */
static const char *field_spec(Tc *tc, Stmt *s, bool kw_only, FieldSpec *f, TcClass *c)
{
    Expr *v = s->u.annassign.value;
    *f = (FieldSpec){.s = s, .dflt = v, .kw_only = -1, .initvar = tc_dataclass_initvar(s)};
    const char *why = NULL;
    if (v && v->kind == EX_CALL && tc_names_import(tc, v->u.call.func, "dataclasses", "field"))
        why = field_call(tc, v, f, c);
    if (f->kw_only < 0)
        f->kw_only = kw_only;
    return why;
}

/* The default a field of a native dataclass starts with (its field()'s
 * default=), NULL if none. */
Expr *dataclass_field_value(Tc *tc, const Stmt *s)
{
    FieldSpec f;
    return field_spec(tc, (Stmt *)s, false, &f, NULL) ? NULL : f.dflt;
}

/* The __init__ dataclass_add_init made (on the class name's span, where
 * no def of the source can be): the checker runs twice on one AST. */
static bool generated_init(const TcClass *c, const Stmt *s)
{
    return s->kind == ST_FUNCDEF && !memcmp(&s->span, &c->def->u.classdef.name_span, sizeof s->span);
}

/* The fields of c and of the dataclasses it derives from, the bases'
 * first (the decorator's order); out may be NULL (just count). */
static int chain_fields(Tc *tc, const TcClass *c, FieldSpec *out)
{
    int n = c->dataclass_base ? chain_fields(tc, c->dataclass_base, out) : 0;
    const StmtList *body = &c->def->u.classdef.body;
    bool kw_only = c->dataclass_kw_only;
    for (int i = 0; i < body->n; i++) {
        kw_only |= kw_only_marker(body->v[i]);
        if (!tc_dataclass_field(body->v[i]) && !tc_dataclass_initvar(body->v[i]))
            continue;
        FieldSpec f;
        (void)field_spec(tc, body->v[i], kw_only, &f, NULL);
        if (out)
            out[n] = f;
        n++;
    }
    return n;
}

/* Is name a field of a dataclass c derives from? */
static bool base_field(const TcClass *base, const char *name)
{
    for (; base; base = base->dataclass_base) {
        const StmtList *body = &base->def->u.classdef.body;
        for (int i = 0; i < body->n; i++)
            if (tc_dataclass_field(body->v[i]) &&
                body->v[i]->u.annassign.target->u.name.id == name)
                return true;
    }
    return false;
}

/* Has a positional field of a dataclass c derives from a default? */
static bool base_has_default(Tc *tc, const TcClass *base)
{
    if (!base)
        return false;
    int n = chain_fields(tc, base, NULL);
    FieldSpec *fields = ARENA_ARRAY(tc->a, FieldSpec, n ? n : 1);
    chain_fields(tc, base, fields);
    for (int i = 0; i < n; i++)
        if (!fields[i].kw_only && !fields[i].no_init && (fields[i].dflt || fields[i].factory))
            return true;
    return false;
}

/* Does a native instance of c have name at run time without c's body
 * declaring it: an attribute of object, or one the dataclass decorator
 * adds to c or a base?  (Read and called dynamically.) */
bool tc_class_runtime_attr(const TcClass *c, const char *name)
{
    static const char *const of_object =
        " __class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__"
        " __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __module__"
        " __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__"
        " __subclasshook__ ";
    static const char *const of_dataclass =
        " __dataclass_fields__ __dataclass_params__ __match_args__ __replace__ __setstate__ ";
    size_t n = strlen(name);
    for (const char *p = strstr(of_object, name); p; p = strstr(p + 1, name))
        if (p[-1] == ' ' && p[n] == ' ')
            return true;
    for (; c; c = c->base)
        for (const char *p = c->dataclass ? strstr(of_dataclass, name) : NULL; p;
             p = strstr(p + 1, name))
            if (p[-1] == ' ' && p[n] == ' ')
                return true;
    return false;
}

bool dataclass_generated_init(const TcFunc *f)
{
    return f && f->cls && f->cls->dataclass && generated_init(f->cls, f->def);
}

/* The fields: why one is not supported, or NULL. */
static const char *check_fields(Tc *tc, TcClass *c)
{
    StmtList *body = &c->def->u.classdef.body;
    bool seen_default = base_has_default(tc, c->dataclass_base);
    c->dataclass_plain_compare = !c->dataclass_base || c->dataclass_base->dataclass_plain_compare;
    c->dataclass_plain_repr = !c->dataclass_base || c->dataclass_base->dataclass_plain_repr;
    bool kw_only = c->dataclass_kw_only;
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        if (generated_init(c, s))
            continue;
        if (s->span.line == c->def->span.line)
            return "a class body on the line of its class statement";
        kw_only |= kw_only_marker(s);
        if (!tc_dataclass_field(s) && !tc_dataclass_initvar(s))
            continue;
        if (!strcmp(s->u.annassign.target->u.name.id, "self"))
            return "a dataclass field named self";
        if (base_field(c->dataclass_base, s->u.annassign.target->u.name.id))
            return "a dataclass field that redefines a base class's";
        FieldSpec f;
        const char *why = field_spec(tc, s, kw_only, &f, c);
        if (why)
            return why;
        if (f.dflt && !pure_default(f.dflt))
            return "dataclass defaults other than literals and names";
        if (f.kw_only || f.no_init) /* after the positional parameters, or none */
            continue;
        if (seen_default && !f.dflt && !f.factory) /* the decorator's TypeError, as interpreted */
            return "a field without a default after one with a default";
        seen_default |= f.dflt || f.factory;
    }
    return NULL;
}

static bool body_defines(const TcClass *c, const char *name);

/* Does c or a dataclass it derives from define name? */
static bool chain_defines(const TcClass *c, const char *name)
{
    for (; c; c = c->dataclass_base)
        if (body_defines(c, name))
            return true;
    return false;
}

/* Does the source of c's body define name? */
static bool body_defines(const TcClass *c, const char *name)
{
    const StmtList *body = &c->def->u.classdef.body;
    for (int i = 0; i < body->n; i++)
        if (body->v[i]->kind == ST_FUNCDEF && !strcmp(body->v[i]->u.funcdef.name, name) &&
            !generated_init(c, body->v[i]))
            return true;
    return false;
}

/* The native dataclass c derives from (an earlier class of the module),
 * or NULL; *why says when a base is not supported. */
static TcClass *dataclass_base(Tc *tc, const TcClass *c, const char **why)
{
    const Stmt *def = c->def;
    TcClass *base = NULL;
    *why = NULL;
    for (int i = 0; i < def->u.classdef.n_bases; i++) {
        const Arg *b = def->u.classdef.bases[i];
        if (!b->name && b->value->kind == EX_NAME && !strcmp(b->value->u.name.id, "object"))
            continue;
        const TcSymbol *s = !b->name && b->value->kind == EX_NAME
                                ? symtab_get(&tc->globals, b->value->u.name.id) : NULL;
        TcClass *k = s && s->type && s->type->kind == TY_TYPE ? s->type->cls : NULL;
        if (!k || k->index >= c->index || !k->dataclass || k->dynamic || base) {
            *why = "dataclasses deriving from classes other than one native dataclass";
            return NULL;
        }
        base = k;
    }
    return base;
}

/* Can c be made natively?  NULL if so (c->dataclass is then set). */
const char *dataclass_accept(Tc *tc, TcClass *c)
{
    const char *why = check_decorator(tc, c);
    if (why)
        return why;
    c->dataclass_base = dataclass_base(tc, c, &why);
    if (why)
        return why;
    static const char *const order_names[] = {"__lt__", "__le__", "__gt__", "__ge__"};
    for (size_t i = 0; c->dataclass_order && i < 4; i++)
        if (body_defines(c, order_names[i])) /* the decorator's TypeError */
            return "a dataclass with order=True defining an order method";
    why = check_fields(tc, c);
    if (!why)
        c->dataclass = true;
    return why;
}

/* ---- the generated __init__ ---------------------------------------------- */

static Expr *new_expr(Tc *tc, ExprKind kind, Span span)
{
    Expr *e = ARENA_NEW(tc->a, Expr);
    e->kind = kind;
    e->span = span;
    return e;
}

static Expr *new_name(Tc *tc, const char *id, Span span)
{
    Expr *e = new_expr(tc, EX_NAME, span);
    e->u.name.id = strtab_cstr(tc->names, id);
    return e;
}

static Expr *self_attr(Tc *tc, const char *attr, Span span)
{
    Expr *e = new_expr(tc, EX_ATTRIBUTE, span);
    e->u.attribute.value = new_name(tc, "self", span);
    e->u.attribute.attr = strtab_cstr(tc->names, attr);
    e->u.attribute.attr_span = span;
    return e;
}

static Param *new_param(Tc *tc, const char *name, Span span)
{
    Param *p = ARENA_NEW(tc->a, Param);
    p->span = span;
    p->name = strtab_cstr(tc->names, name);
    p->kind = PARAM_NORMAL;
    return p;
}

static Stmt *new_stmt(Tc *tc, StmtKind kind, Span span)
{
    Stmt *s = ARENA_NEW(tc->a, Stmt);
    s->kind = kind;
    s->span = span;
    return s;
}

/* `self.name = name` (with a factory: `self.name = factory()`), on the
 * field's line. */
static Stmt *store_field(Tc *tc, const Stmt *field, Expr *factory)
{
    const char *name = field->u.annassign.target->u.name.id;
    Stmt *s = new_stmt(tc, ST_ASSIGN, field->span);
    s->u.assign.targets.v = ARENA_ARRAY(tc->a, Expr *, 1);
    s->u.assign.targets.v[0] = self_attr(tc, name, field->span);
    s->u.assign.targets.n = 1;
    s->u.assign.value = new_name(tc, name, field->span);
    if (factory) {
        Expr *call = new_expr(tc, EX_CALL, field->span);
        call->u.call.func = factory;
        s->u.assign.value = call;
    }
    return s;
}

/* `self.__post_init__(initvar, ...)`, on the class statement's line. */
static Stmt *call_post_init(Tc *tc, Span span, const FieldSpec *fields, int n)
{
    Expr *call = new_expr(tc, EX_CALL, span);
    call->u.call.func = self_attr(tc, "__post_init__", span);
    PtrVec args = {0};
    for (int i = 0; i < n; i++)
        if (fields[i].initvar) {
            Arg *a = ARENA_NEW(tc->a, Arg);
            a->span = span;
            a->value = new_name(tc, fields[i].s->u.annassign.target->u.name.id, span);
            ptrvec_push(&args, a);
        }
    call->u.call.n_args = args.n;
    call->u.call.args = (Arg **)ptrvec_finish(tc->a, &args);
    Stmt *s = new_stmt(tc, ST_EXPR, span);
    s->u.expr.value = call;
    return s;
}

/* Adds the generated __init__ to c's body, unless the class defines one
 * (then the decorator keeps it too). */
void dataclass_add_init(Tc *tc, TcClass *c)
{
    StmtList *body = &c->def->u.classdef.body;
    for (int i = 0; i < body->n; i++)
        if (generated_init(c, body->v[i]))
            return; /* by the first pass */
    if (body_defines(c, "__init__") || c->dataclass_no_init)
        return;
    Span at = c->def->u.classdef.name_span;
    PtrVec params = {0}, stmts = {0};
    ptrvec_push(&params, new_param(tc, "self", at));
    int n = chain_fields(tc, c, NULL);
    FieldSpec *fields = ARENA_ARRAY(tc->a, FieldSpec, n ? n : 1);
    chain_fields(tc, c, fields);
    for (int kw = 0; kw < 2; kw++) /* the positional parameters, then the keyword-only */
        for (int i = 0; i < n; i++) {
            FieldSpec *f = &fields[i];
            if (f->kw_only != kw || f->no_init)
                continue;
            Param *p = new_param(tc, f->s->u.annassign.target->u.name.id, f->s->span);
            p->annotation = f->s->u.annassign.annotation;
            if (f->initvar) /* InitVar[T]: a T (bare InitVar: any value) */
                p->annotation = p->annotation->kind == EX_SUBSCRIPT
                                    ? p->annotation->u.subscript.index : NULL;
            p->kind = kw ? PARAM_KWONLY : PARAM_NORMAL;
            p->default_value = f->factory ? f->factory : f->dflt;
            p->default_factory = f->factory != NULL;
            ptrvec_push(&params, p);
        }
    for (int i = 0; i < n; i++)
        if (fields[i].initvar)
            continue;
        else if (!fields[i].no_init)
            ptrvec_push(&stmts, store_field(tc, fields[i].s, NULL));
        else if (fields[i].factory) /* init=False: made here, as the decorator does */
            ptrvec_push(&stmts, store_field(tc, fields[i].s, fields[i].factory));
    if (chain_defines(c, "__post_init__"))
        ptrvec_push(&stmts, call_post_init(tc, at, fields, n));
    if (!stmts.n)
        ptrvec_push(&stmts, new_stmt(tc, ST_PASS, at));
    Stmt *def = new_stmt(tc, ST_FUNCDEF, at);
    def->u.funcdef.name = strtab_cstr(tc->names, "__init__");
    def->u.funcdef.name_span = at;
    def->u.funcdef.returns = new_expr(tc, EX_NONE, at);
    def->u.funcdef.params.n = params.n;
    def->u.funcdef.params.v = (Param **)ptrvec_finish(tc->a, &params);
    def->u.funcdef.body.n = stmts.n;
    def->u.funcdef.body.v = (Stmt **)ptrvec_finish(tc->a, &stmts);
    Stmt **grown = ARENA_ARRAY(tc->a, Stmt *, body->n + 1);
    memcpy(grown, body->v, sizeof(Stmt *) * (size_t)body->n);
    grown[body->n++] = def;
    body->v = grown;
}
