/*
 * parse_def.c — definitions and imports: def / async def / class,
 * decorators, parameter lists of every kind (`/`, `*`, *args, **kw,
 * annotations, defaults), import and from-import.
 *
 * Entry points (parse_internal.h): conv_funcdef, conv_classdef,
 * conv_decorated, conv_params, conv_import, conv_import_from.
 */
#include "parse_internal.h"

#include <string.h>

/* ---- parameters ------------------------------------------------------- */

typedef struct ParamState {
    PtrVec params;
    ParamKind next;     /* kind of the next plain parameter */
    bool saw_default;   /* a positional parameter had a default */
    bool saw_slash, saw_star;
    int bare_star_at;   /* params.n when a bare '*' was seen, or -1 */
} ParamState;

static Param *new_param(Parser *p, TSNode n, TSNode name, ParamKind kind)
{
    Param *pa = ARENA_NEW(p->a, Param);
    pa->span = node_span(n);
    pa->kind = kind;
    if (node_is(name, "identifier")) {
        pa->name = node_intern(p, name);
    } else {
        if (!ts_node_is_null(name) && !p->tree_has_errors)
            perr(p, name, "invalid syntax: parameter must be a name");
        pa->name = strtab_cstr(p->names, "<error>");
    }
    return pa;
}

/* *args or **kw (possibly inside a typed_parameter). */
static Param *splat_param(Parser *p, ParamState *st, TSNode outer, TSNode splat)
{
    bool varkw = node_is(splat, "dictionary_splat_pattern");
    Param *pa = new_param(p, outer, first_named_kid(splat),
                          varkw ? PARAM_VARKW : PARAM_VARARGS);
    if (!varkw) {
        if (st->saw_star)
            perr(p, splat, "* argument may appear only once");
        st->saw_star = true;
        st->next = PARAM_KWONLY;
    }
    return pa;
}

static void check_default_order(Parser *p, ParamState *st, Param *pa, TSNode n)
{
    if (pa->kind != PARAM_NORMAL && pa->kind != PARAM_POSONLY)
        return;
    if (pa->default_value)
        st->saw_default = true;
    else if (st->saw_default)
        perr(p, n, "non-default argument follows default argument");
}

static void mark_posonly(Parser *p, ParamState *st, TSNode n)
{
    if (st->saw_slash || st->saw_star) {
        perr(p, n, "/ may appear only once, before * and *args");
        return;
    }
    if (st->params.n == 0)
        perr(p, n, "at least one argument must precede /");
    for (int i = 0; i < st->params.n; i++)
        ((Param *)st->params.v[i])->kind = PARAM_POSONLY;
    st->saw_slash = true;
}

static Param *typed_param(Parser *p, ParamState *st, TSNode k)
{
    TSNode inner = first_named_kid(k);
    Param *pa;
    if (node_is(inner, "list_splat_pattern") ||
        node_is(inner, "dictionary_splat_pattern"))
        pa = splat_param(p, st, k, inner);
    else
        pa = new_param(p, k, inner, st->next);
    pa->annotation = conv_type(p, field(k, "type"));
    return pa;
}

static Param *default_param(Parser *p, ParamState *st, TSNode k)
{
    Param *pa = new_param(p, k, field(k, "name"), st->next);
    TSNode type = field(k, "type");
    if (!ts_node_is_null(type))
        pa->annotation = conv_type(p, type);
    pa->default_value = conv_expr(p, field(k, "value"));
    return pa;
}

/* One child of a parameter list; NULL for separators and junk. */
static Param *one_param(Parser *p, ParamState *st, TSNode k)
{
    const char *t = ts_node_type(k);
    if (strcmp(t, "identifier") == 0)
        return new_param(p, k, k, st->next);
    if (strcmp(t, "typed_parameter") == 0)
        return typed_param(p, st, k);
    if (strcmp(t, "default_parameter") == 0 ||
        strcmp(t, "typed_default_parameter") == 0)
        return default_param(p, st, k);
    if (strcmp(t, "list_splat_pattern") == 0 ||
        strcmp(t, "dictionary_splat_pattern") == 0)
        return splat_param(p, st, k, k);
    if (strcmp(t, "keyword_separator") == 0) {
        if (st->saw_star)
            perr(p, k, "* argument may appear only once");
        st->saw_star = true;
        st->next = PARAM_KWONLY;
        st->bare_star_at = st->params.n;
    } else if (strcmp(t, "positional_separator") == 0) {
        mark_posonly(p, st, k);
    } else if (strcmp(t, "tuple_pattern") == 0) {
        perr(p, k, "invalid syntax: tuple parameters are not supported "
                   "in Python 3");
    } else if (strcmp(t, "ERROR") != 0) {
        unexpected_expr(p, k);
    }
    return NULL;
}

static void check_duplicates(Parser *p, ParamState *st)
{
    for (int i = 1; i < st->params.n; i++) {
        Param *a = st->params.v[i];
        for (int j = 0; j < i; j++) {
            Param *b = st->params.v[j];
            if (a->name == b->name && strcmp(a->name, "<error>") != 0) {
                perr_span(p, a->span, "duplicate argument '%s' in function "
                                      "definition", a->name);
                break;
            }
        }
    }
}

ParamList conv_params(Parser *p, TSNode params)
{
    ParamState st = { .next = PARAM_NORMAL, .bare_star_at = -1 };
    ParamList pl = { NULL, 0 };
    if (ts_node_is_null(params))
        return pl;
    TSNode k;
    KidIter it = kids_begin(params);
    while (kids_next(&it, &k, NULL)) {
        if (!ts_node_is_named(k))
            continue;
        Param *pa = one_param(p, &st, k);
        if (!pa)
            continue;
        check_default_order(p, &st, pa, k);
        ptrvec_push(&st.params, pa);
    }
    kids_end(&it);
    if (st.bare_star_at >= 0 && st.bare_star_at == st.params.n)
        perr(p, params, "named arguments must follow bare *");
    else if (st.bare_star_at >= 0 && st.bare_star_at < st.params.n &&
             ((Param *)st.params.v[st.bare_star_at])->kind == PARAM_VARKW)
        perr(p, params, "named arguments must follow bare *");
    check_duplicates(p, &st);
    pl.v = (Param **)ptrvec_finish(p->a, &st.params);
    pl.n = st.params.n;
    return pl;
}

/* ---- def and class ---------------------------------------------------- */

static const char *name_of(Parser *p, TSNode n, Span *sp)
{
    TSNode name = field(n, "name");
    if (ts_node_is_null(name)) {
        *sp = node_span(n);
        return strtab_cstr(p->names, "<error>");
    }
    *sp = node_span(name);
    return node_intern(p, name);
}

Stmt *conv_funcdef(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_FUNCDEF, node_span(n));
    s->u.funcdef.name = name_of(p, n, &s->u.funcdef.name_span);
    s->u.funcdef.is_async = has_token(n, "async");
    s->u.funcdef.has_type_params = !ts_node_is_null(field(n, "type_parameters"));
    s->u.funcdef.params = conv_params(p, field(n, "parameters"));
    TSNode ret = field(n, "return_type");
    if (!ts_node_is_null(ret))
        s->u.funcdef.returns = conv_type(p, ret);
    s->u.funcdef.body = conv_block(p, field(n, "body"), n);
    s->u.funcdef.docstring = docstring_of(s->u.funcdef.body);
    return s;
}

Stmt *conv_classdef(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_CLASSDEF, node_span(n));
    s->u.classdef.name = name_of(p, n, &s->u.classdef.name_span);
    s->u.classdef.has_type_params = !ts_node_is_null(field(n, "type_parameters"));
    TSNode bases = field(n, "superclasses");
    if (!ts_node_is_null(bases))
        s->u.classdef.bases = conv_arglist(p, bases, &s->u.classdef.n_bases);
    s->u.classdef.body = conv_block(p, field(n, "body"), n);
    s->u.classdef.docstring = docstring_of(s->u.classdef.body);
    return s;
}

Stmt *conv_decorated(Parser *p, TSNode n)
{
    PtrVec decos = { 0 };
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL))
        if (node_is(k, "decorator"))
            ptrvec_push(&decos, conv_expr(p, first_named_kid(k)));
    kids_end(&it);
    TSNode def = field(n, "definition");
    Stmt *s;
    ExprList *dl;
    if (node_is(def, "class_definition")) {
        s = conv_classdef(p, def);
        dl = &s->u.classdef.decorators;
    } else if (node_is(def, "function_definition")) {
        s = conv_funcdef(p, def);
        dl = &s->u.funcdef.decorators;
    } else {
        ptrvec_free(&decos);
        Stmt *e = new_stmt(p, ST_EXPR, node_span(n));
        e->u.expr.value = unexpected_expr(p, ts_node_is_null(def) ? n : def);
        return e;
    }
    dl->v = (Expr **)ptrvec_finish(p->a, &decos);
    dl->n = decos.n;
    return s;
}

/* ---- imports ----------------------------------------------------------- */

/* `a . b` in the source is the name "a.b". */
static const char *dotted_name(Parser *p, TSNode n)
{
    if (!node_is(n, "dotted_name"))
        return node_intern(p, n);
    char buf[512];
    size_t o = 0;
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        if (!node_is(k, "identifier"))
            continue;
        size_t len;
        const char *t = node_text(p, k, &len);
        if (o + len + 2 >= sizeof buf)
            break;
        if (o)
            buf[o++] = '.';
        memcpy(buf + o, t, len);
        o += len;
    }
    kids_end(&it);
    return strtab_intern(p->names, buf, o);
}

static Alias *conv_alias(Parser *p, TSNode k)
{
    Alias *al = ARENA_NEW(p->a, Alias);
    al->span = node_span(k);
    if (node_is(k, "aliased_import")) {
        al->name = dotted_name(p, field(k, "name"));
        TSNode as = field(k, "alias");
        if (!ts_node_is_null(as))
            al->asname = node_intern(p, as);
    } else if (node_is(k, "wildcard_import")) {
        al->name = strtab_cstr(p->names, "*");
    } else {
        al->name = dotted_name(p, k);
    }
    return al;
}

static Alias **conv_aliases(Parser *p, TSNode n, int *count)
{
    PtrVec pv = { 0 };
    TSNode k;
    const char *f;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, &f))
        if ((f && strcmp(f, "name") == 0) || node_is(k, "wildcard_import"))
            ptrvec_push(&pv, conv_alias(p, k));
    kids_end(&it);
    Alias **v = (Alias **)ptrvec_finish(p->a, &pv);
    *count = pv.n;
    return v;
}

Stmt *conv_import(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_IMPORT, node_span(n));
    s->u.import.names = conv_aliases(p, n, &s->u.import.n_names);
    return s;
}

static void conv_relative(Parser *p, TSNode rel, Stmt *s)
{
    TSNode k;
    KidIter it = kids_begin(rel);
    while (kids_next(&it, &k, NULL)) {
        if (node_is(k, "import_prefix")) {
            size_t len;
            const char *t = node_text(p, k, &len);
            for (size_t i = 0; i < len; i++)
                s->u.importfrom.level += t[i] == '.';
        }
        else if (node_is(k, "dotted_name"))
            s->u.importfrom.module = dotted_name(p, k);
    }
    kids_end(&it);
}

/* `from m import a, b,` needs parentheses for its trailing comma. */
static void check_import_comma(Parser *p, TSNode n)
{
    TSNode k, last = { 0 };
    bool paren = false;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        paren |= !ts_node_is_named(k) && strcmp(ts_node_type(k), "(") == 0;
        last = k;
    }
    kids_end(&it);
    if (!paren && !ts_node_is_null(last) && !ts_node_is_named(last) &&
        strcmp(ts_node_type(last), ",") == 0)
        perr(p, last, "trailing comma not allowed without surrounding "
                      "parentheses");
}

Stmt *conv_import_from(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_IMPORTFROM, node_span(n));
    if (node_is(n, "future_import_statement")) {
        s->u.importfrom.module = strtab_cstr(p->names, "__future__");
    } else {
        TSNode mod = field(n, "module_name");
        if (node_is(mod, "relative_import"))
            conv_relative(p, mod, s);
        else if (!ts_node_is_null(mod))
            s->u.importfrom.module = dotted_name(p, mod);
    }
    s->u.importfrom.names = conv_aliases(p, n, &s->u.importfrom.n_names);
    check_import_comma(p, n);
    return s;
}
