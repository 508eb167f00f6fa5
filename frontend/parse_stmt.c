/*
 * parse_stmt.c — CST statements to AST statements: simple statements,
 * compound statements (elif chains nest in orelse), blocks, docstrings.
 * Function and class definitions and parameter lists live in
 * parse_def.c.
 *
 * Entry points (parse_internal.h): conv_module_body, conv_block,
 * conv_stmt_into, docstring_of.
 */
#include "parse_internal.h"

#include <string.h>

static StmtList finish_stmts(Parser *p, PtrVec *pv)
{
    StmtList l;
    l.v = (Stmt **)ptrvec_finish(p->a, pv);
    l.n = pv->n;
    return l;
}

/* A bare `*x` is only an element of a tuple, list, set or call. */
static void check_not_starred(Parser *p, const Expr *e)
{
    if (e && e->kind == EX_STARRED)
        perr_span(p, e->span, "can't use starred expression here");
}

/* ---- assignment -------------------------------------------------------- */

static Stmt *conv_annassign(Parser *p, TSNode n, TSNode left, TSNode type)
{
    Stmt *s = new_stmt(p, ST_ANNASSIGN, node_span(n));
    if (node_is(left, "pattern_list"))
        perr(p, left, "only single target (not tuple) can be annotated");
    s->u.annassign.target = conv_expr(p, left);
    check_target(p, s->u.annassign.target, "assign to");
    s->u.annassign.annotation = conv_type(p, type);
    TSNode right = field(n, "right");
    if (node_is(right, "assignment") || node_is(right, "augmented_assignment")) {
        perr(p, right, "invalid syntax");
        right = field(right, "left");
    }
    s->u.annassign.value = conv_expr_opt(p, right);
    return s;
}

/* a = b = v: the CST nests the chain to the right. */
static Stmt *conv_assignment(Parser *p, TSNode n)
{
    TSNode left = field(n, "left"), type = field(n, "type");
    if (!ts_node_is_null(type))
        return conv_annassign(p, n, left, type);
    Stmt *s = new_stmt(p, ST_ASSIGN, node_span(n));
    PtrVec targets = { 0 };
    TSNode cur = n;
    for (;;) {
        Expr *t = conv_expr(p, field(cur, "left"));
        check_target(p, t, "assign to");
        ptrvec_push(&targets, t);
        TSNode right = field(cur, "right");
        if (node_is(right, "assignment") && ts_node_is_null(field(right, "type"))) {
            cur = right;
            continue;
        }
        if (node_is(right, "assignment") || node_is(right, "augmented_assignment")) {
            perr(p, right, "invalid syntax");
            right = field(right, "left");
        }
        s->u.assign.value = ts_node_is_null(right) ? error_expr(p, cur)
                                                   : conv_expr(p, right);
        check_not_starred(p, s->u.assign.value);
        break;
    }
    s->u.assign.targets.v = (Expr **)ptrvec_finish(p->a, &targets);
    s->u.assign.targets.n = targets.n;
    return s;
}

static bool augop_of(const char *t, BinOp *op)
{
    static const struct { const char *tok; BinOp op; } ops[] = {
        { "+=", OP_ADD }, { "-=", OP_SUB }, { "*=", OP_MUL },
        { "@=", OP_MATMUL }, { "/=", OP_DIV }, { "//=", OP_FLOORDIV },
        { "%=", OP_MOD }, { "**=", OP_POW }, { "<<=", OP_LSHIFT },
        { ">>=", OP_RSHIFT }, { "|=", OP_BITOR }, { "^=", OP_BITXOR },
        { "&=", OP_BITAND },
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(ops[i].tok, t) == 0) {
            *op = ops[i].op;
            return true;
        }
    return false;
}

static Stmt *conv_augassign(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_AUGASSIGN, node_span(n));
    TSNode opn = field(n, "operator");
    if (ts_node_is_null(opn) || !augop_of(ts_node_type(opn), &s->u.augassign.op))
        s->u.augassign.op = OP_ADD;
    s->u.augassign.target = conv_expr(p, field(n, "left"));
    check_target(p, s->u.augassign.target, "augmented assignment");
    TSNode right = field(n, "right");
    if (node_is(right, "assignment") || node_is(right, "augmented_assignment")) {
        perr(p, right, "invalid syntax");
        right = field(right, "left");
    }
    s->u.augassign.value = ts_node_is_null(right) ? error_expr(p, n)
                                                  : conv_expr(p, right);
    return s;
}

/* expression_statement: an assignment, or an expression (a bare `1, 2`
 * is a tuple). */
static Stmt *conv_expr_stmt(Parser *p, TSNode n)
{
    int count = count_named_kids(n);
    TSNode first = first_named_kid(n);
    if (count == 1 && node_is(first, "assignment"))
        return conv_assignment(p, first);
    if (count == 1 && node_is(first, "augmented_assignment"))
        return conv_augassign(p, first);
    Stmt *s = new_stmt(p, ST_EXPR, node_span(n));
    if (count == 1)
        s->u.expr.value = conv_expr(p, first);
    else
        s->u.expr.value = conv_tuple_of_kids(p, n);
    check_not_starred(p, s->u.expr.value);
    return s;
}

/* ---- simple statements ----------------------------------------------- */

static Stmt *conv_return(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_RETURN, node_span(n));
    TSNode v = first_named_kid(n);
    s->u.ret.value = conv_expr_opt(p, v);
    check_not_starred(p, s->u.ret.value);
    return s;
}

static const char **conv_name_list(Parser *p, TSNode n, int *count)
{
    PtrVec pv = { 0 };
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL))
        if (node_is(k, "identifier"))
            ptrvec_push(&pv, (void *)node_intern(p, k));
    kids_end(&it);
    const char **names = (const char **)ptrvec_finish(p->a, &pv);
    *count = pv.n;
    return names;
}

static Stmt *conv_global(Parser *p, TSNode n, StmtKind kind)
{
    Stmt *s = new_stmt(p, kind, node_span(n));
    s->u.global.names = conv_name_list(p, n, &s->u.global.n_names);
    return s;
}

static Stmt *conv_delete(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_DELETE, node_span(n));
    TSNode v = first_named_kid(n);
    PtrVec pv = { 0 };
    if (node_is(v, "expression_list")) {
        TSNode k;
        KidIter it = kids_begin(v);
        while (kids_next(&it, &k, NULL))
            if (ts_node_is_named(k))
                ptrvec_push(&pv, conv_expr(p, k));
        kids_end(&it);
    } else if (!ts_node_is_null(v)) {
        ptrvec_push(&pv, conv_expr(p, v));
    }
    for (int i = 0; i < pv.n; i++)
        check_target(p, pv.v[i], "delete");
    s->u.delete_.targets.v = (Expr **)ptrvec_finish(p->a, &pv);
    s->u.delete_.targets.n = pv.n;
    return s;
}

static Stmt *conv_raise(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_RAISE, node_span(n));
    TSNode k;
    const char *f;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, &f)) {
        if (!ts_node_is_named(k))
            continue;
        if (f && strcmp(f, "cause") == 0) {
            s->u.raise.cause = conv_expr(p, k);
        } else {
            if (node_is(k, "expression_list"))
                perr(p, k, "invalid syntax (Python 2 raise statement)");
            s->u.raise.exc = conv_expr(p, k);
        }
    }
    kids_end(&it);
    return s;
}

static Stmt *conv_assert(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_ASSERT, node_span(n));
    TSNode k;
    int i = 0;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        if (!ts_node_is_named(k))
            continue;
        Expr *e = conv_expr(p, k);
        if (i == 0)
            s->u.assert_.test = e;
        else if (i == 1)
            s->u.assert_.msg = e;
        i++;
    }
    kids_end(&it);
    if (!s->u.assert_.test)
        s->u.assert_.test = error_expr(p, n);
    return s;
}

/* The base of `type(x).a.b = v` gets `type` applied: (x) becomes the
 * call type(x), [x] the subscript type[x]. */
static Expr *apply_type_kw(Parser *p, TSNode kw, TSNode base, Expr *conv)
{
    Expr *name = new_expr(p, EX_NAME, node_span(kw));
    name->u.name.id = strtab_cstr(p->names, "type");
    Span sp = span_join(node_span(kw), node_span(base));
    if (node_is(base, "list")) {
        Expr *e = new_expr(p, EX_SUBSCRIPT, sp);
        e->u.subscript.value = name;
        e->u.subscript.index = conv->u.seq.elts.n == 1 ? conv->u.seq.elts.v[0]
                                                       : conv;
        if (conv->u.seq.elts.n != 1)
            conv->kind = EX_TUPLE;
        return e;
    }
    Expr *e = new_expr(p, EX_CALL, sp);
    e->u.call.func = name;
    bool tuple = node_is(base, "tuple");
    int n = tuple ? conv->u.seq.elts.n : 1;
    e->u.call.args = ARENA_ARRAY(p->a, Arg *, n ? n : 1);
    for (int i = 0; i < n; i++) {
        Arg *a = ARENA_NEW(p->a, Arg);
        a->value = tuple ? conv->u.seq.elts.v[i] : conv;
        a->span = a->value->span;
        e->u.call.args[i] = a;
    }
    e->u.call.n_args = n;
    return e;
}

/* tree-sitter-python reads `type(x).attr = v` as a type alias whose name
 * is `(x).attr`; Python reads an assignment to an attribute of type(x). */
static Stmt *alias_as_assignment(Parser *p, TSNode n, TSNode left)
{
    TSNode kw = ts_node_child(n, 0);
    Expr *target = conv_expr(p, left);
    Expr **slot = &target;
    TSNode c = left;
    for (;;) {
        Expr *e = *slot;
        bool chain = node_is(c, "attribute") || node_is(c, "subscript") ||
                     node_is(c, "call");
        if (chain) { /* the whole chain now starts at `type` */
            e->span.line = node_span(kw).line;
            e->span.col = node_span(kw).col;
        }
        if (node_is(c, "attribute") && e->kind == EX_ATTRIBUTE) {
            slot = &e->u.attribute.value;
            c = field(c, "object");
        } else if (node_is(c, "subscript") && e->kind == EX_SUBSCRIPT) {
            slot = &e->u.subscript.value;
            c = field(c, "value");
        } else if (node_is(c, "call") && e->kind == EX_CALL) {
            slot = &e->u.call.func;
            c = field(c, "function");
        } else {
            break;
        }
    }
    if (node_is(c, "parenthesized_expression") || node_is(c, "tuple") ||
        (node_is(c, "list") && (*slot)->kind == EX_LIST))
        *slot = apply_type_kw(p, kw, c, *slot);
    else
        perr(p, left, "invalid syntax");
    Stmt *s = new_stmt(p, ST_ASSIGN, node_span(n));
    check_target(p, target, "assign to");
    s->u.assign.targets.v = ARENA_ARRAY(p->a, Expr *, 1);
    s->u.assign.targets.v[0] = target;
    s->u.assign.targets.n = 1;
    s->u.assign.value = conv_type(p, field(n, "right"));
    if (!s->u.assign.value)
        s->u.assign.value = error_expr(p, n);
    return s;
}

static Stmt *conv_type_alias(Parser *p, TSNode n)
{
    TSNode left = field(n, "left");
    TSNode inner = node_is(left, "type") ? first_named_kid(left) : left;
    if (!node_is(inner, "identifier") && !node_is(inner, "generic_type") &&
        !ts_node_is_null(inner))
        return alias_as_assignment(p, n, inner);
    Stmt *s = new_stmt(p, ST_TYPEALIAS, node_span(n));
    s->u.typealias.generic = node_is(inner, "generic_type");
    if (s->u.typealias.generic) /* type X[T] = ...: keep the name */
        s->u.typealias.name = conv_expr(p, first_named_kid(inner));
    else
        s->u.typealias.name = conv_type(p, left);
    if (!s->u.typealias.name)
        s->u.typealias.name = error_expr(p, n);
    s->u.typealias.value = conv_type(p, field(n, "right"));
    if (!s->u.typealias.value)
        s->u.typealias.value = error_expr(p, n);
    return s;
}

/* `print >> f, x` is valid Python 3: the tuple (print >> f, x).  Without
 * the chevron, `print x` is the Python 2 statement. */
static Stmt *conv_print(Parser *p, TSNode n)
{
    TSNode chevron = { 0 }, k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL))
        if (node_is(k, "chevron"))
            chevron = k;
    kids_end(&it);
    if (ts_node_is_null(chevron)) {
        perr(p, n, "Missing parentheses in call to 'print'. Did you mean "
                   "print(...)?");
        Stmt *s = new_stmt(p, ST_EXPR, node_span(n));
        s->u.expr.value = error_expr(p, n);
        return s;
    }
    TSNode kw = ts_node_child(n, 0);
    Expr *name = new_expr(p, EX_NAME, node_span(kw));
    name->u.name.id = strtab_cstr(p->names, "print");
    Expr *shift = new_expr(p, EX_BINOP, span_join(node_span(kw), node_span(chevron)));
    shift->u.binop.op = OP_RSHIFT;
    shift->u.binop.left = name;
    shift->u.binop.right = conv_expr_opt(p, first_named_kid(chevron));
    if (!shift->u.binop.right)
        shift->u.binop.right = error_expr(p, chevron);
    PtrVec elts = { 0 };
    ptrvec_push(&elts, shift);
    const char *f;
    it = kids_begin(n);
    while (kids_next(&it, &k, &f))
        if (f && strcmp(f, "argument") == 0)
            ptrvec_push(&elts, conv_expr(p, k));
    kids_end(&it);
    Stmt *s = new_stmt(p, ST_EXPR, node_span(n));
    if (elts.n == 1 && !has_token(n, ",")) {
        ptrvec_free(&elts);
        s->u.expr.value = shift;
        return s;
    }
    Expr *t = new_expr(p, EX_TUPLE, node_span(n));
    t->u.seq.elts.v = (Expr **)ptrvec_finish(p->a, &elts);
    t->u.seq.elts.n = elts.n;
    s->u.expr.value = t;
    return s;
}

/* Python 2 statements tree-sitter still accepts. */
static Stmt *conv_py2_stmt(Parser *p, TSNode n, const char *what)
{
    perr(p, n, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
         what, what);
    Stmt *s = new_stmt(p, ST_EXPR, node_span(n));
    s->u.expr.value = error_expr(p, n);
    return s;
}

/* ---- compound statements ---------------------------------------------- */

static StmtList conv_else(Parser *p, TSNode else_clause)
{
    StmtList none = { NULL, 0 };
    if (ts_node_is_null(else_clause))
        return none;
    return conv_block(p, field(else_clause, "body"), else_clause);
}

static Stmt *conv_if(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_IF, node_span(n));
    s->u.if_.test = conv_expr(p, field(n, "condition"));
    s->u.if_.body = conv_block(p, field(n, "consequence"), n);
    Stmt *last = s; /* the If whose orelse receives the next clause */
    TSNode k;
    const char *f;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, &f)) {
        if (!f || strcmp(f, "alternative") != 0)
            continue;
        if (node_is(k, "elif_clause")) {
            Span sp = span_join(node_span(k), node_span(n));
            Stmt *e = new_stmt(p, ST_IF, sp);
            e->u.if_.test = conv_expr(p, field(k, "condition"));
            e->u.if_.body = conv_block(p, field(k, "consequence"), k);
            last->u.if_.orelse.v = ARENA_ARRAY(p->a, Stmt *, 1);
            last->u.if_.orelse.v[0] = e;
            last->u.if_.orelse.n = 1;
            last = e;
        } else if (node_is(k, "else_clause")) {
            last->u.if_.orelse = conv_else(p, k);
        }
    }
    kids_end(&it);
    return s;
}

static Stmt *conv_while(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_WHILE, node_span(n));
    s->u.while_.test = conv_expr(p, field(n, "condition"));
    s->u.while_.body = conv_block(p, field(n, "body"), n);
    s->u.while_.orelse = conv_else(p, field(n, "alternative"));
    return s;
}

static Stmt *conv_for(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_FOR, node_span(n));
    s->u.for_.is_async = has_token(n, "async");
    s->u.for_.target = conv_expr(p, field(n, "left"));
    check_target(p, s->u.for_.target, "assign to");
    s->u.for_.iter = conv_expr(p, field(n, "right"));
    s->u.for_.body = conv_block(p, field(n, "body"), n);
    s->u.for_.orelse = conv_else(p, field(n, "alternative"));
    return s;
}

/* `except E as e` arrives as an as_pattern; split it. */
static void split_as(Parser *p, TSNode v, Expr **type, const char **name)
{
    if (!node_is(v, "as_pattern")) {
        *type = conv_expr_opt(p, v);
        return;
    }
    *type = conv_expr_opt(p, first_named_kid(v));
    TSNode alias = field(v, "alias");
    TSNode id = first_named_kid(alias);
    if (node_is(id, "identifier"))
        *name = node_intern(p, id);
    else if (!ts_node_is_null(alias))
        perr(p, alias, "invalid syntax: expected a name after 'as'");
}

static ExceptHandler *conv_except(Parser *p, TSNode n)
{
    ExceptHandler *h = ARENA_NEW(p->a, ExceptHandler);
    h->span = node_span(n);
    TSNode k, block = { 0 }, value = { 0 };
    const char *f;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, &f)) {
        if (node_is(k, "block"))
            block = k;
        else if (f && strcmp(f, "alias") == 0)
            perr(p, k, "multiple exception types must be parenthesized");
        else if (ts_node_is_named(k) && ts_node_is_null(value))
            value = k;
    }
    kids_end(&it);
    if (!ts_node_is_null(value))
        split_as(p, value, &h->type, &h->name);
    h->body = conv_block(p, block, n);
    return h;
}

static Stmt *conv_try(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_TRY, node_span(n));
    s->u.try_.body = conv_block(p, field(n, "body"), n);
    PtrVec handlers = { 0 };
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        if (node_is(k, "except_clause")) {
            ptrvec_push(&handlers, conv_except(p, k));
        } else if (node_is(k, "except_group_clause")) {
            s->u.try_.is_star = true;
            ptrvec_push(&handlers, conv_except(p, k));
        } else if (node_is(k, "else_clause")) {
            s->u.try_.orelse = conv_else(p, k);
        } else if (node_is(k, "finally_clause")) {
            TSNode b = first_named_kid(k);
            s->u.try_.finalbody = conv_block(p, b, k);
        }
    }
    kids_end(&it);
    s->u.try_.handlers = (ExceptHandler **)ptrvec_finish(p->a, &handlers);
    s->u.try_.n_handlers = handlers.n;
    return s;
}

static WithItem *conv_with_item(Parser *p, TSNode item)
{
    WithItem *w = ARENA_NEW(p->a, WithItem);
    TSNode v = field(item, "value");
    TSNode inner = first_named_kid(v);
    if (node_is(v, "parenthesized_expression") && node_is(inner, "as_pattern"))
        v = inner; /* with (open(x) as f): */
    if (node_is(v, "as_pattern")) {
        w->context = conv_expr_opt(p, first_named_kid(v));
        TSNode alias = first_named_kid(field(v, "alias"));
        w->target = conv_expr_opt(p, alias);
        if (w->target)
            check_target(p, w->target, "assign to");
    } else {
        w->context = conv_expr_opt(p, v);
    }
    if (!w->context)
        w->context = error_expr(p, item);
    return w;
}

static Stmt *conv_with(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_WITH, node_span(n));
    s->u.with.is_async = has_token(n, "async");
    PtrVec items = { 0 };
    TSNode clause = first_named_kid(n), k;
    if (node_is(clause, "with_clause")) {
        KidIter it = kids_begin(clause);
        while (kids_next(&it, &k, NULL))
            if (node_is(k, "with_item"))
                ptrvec_push(&items, conv_with_item(p, k));
        kids_end(&it);
    }
    s->u.with.items = (WithItem **)ptrvec_finish(p->a, &items);
    s->u.with.n_items = items.n;
    s->u.with.body = conv_block(p, field(n, "body"), n);
    return s;
}

/* The names a pattern binds: a lone name where a pattern goes (not `_`;
 * a class's name, a keyword and a dotted value are not in such places),
 * `as name`, `*name`, `**name`. */
static void collect_captures(Parser *p, TSNode n, PtrVec *out)
{
    TSNode parent = ts_node_parent(n);
    const char *pt = ts_node_is_null(parent) ? "" : ts_node_type(parent);
    TSNode name = { 0 };
    if (node_is(n, "dotted_name") && ts_node_named_child_count(n) == 1 &&
        (!strcmp(pt, "case_pattern") || !strcmp(pt, "union_pattern") ||
         !strcmp(pt, "keyword_pattern")))
        name = ts_node_named_child(n, 0);
    else if (node_is(n, "identifier") && (!strcmp(pt, "as_pattern") || !strcmp(pt, "splat_pattern")))
        name = n;
    if (!ts_node_is_null(name)) {
        const char *id = node_intern(p, name);
        if (strcmp(id, "_") != 0)
            ptrvec_push(out, (void *)id);
        return;
    }
    uint32_t k = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < k; i++)
        collect_captures(p, ts_node_named_child(n, i), out);
}

static MatchCase *conv_case(Parser *p, TSNode n)
{
    MatchCase *c = ARENA_NEW(p->a, MatchCase);
    TSNode k, first = { 0 }, last = { 0 };
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL))
        if (node_is(k, "case_pattern")) {
            if (ts_node_is_null(first))
                first = k;
            last = k;
        }
    kids_end(&it);
    Span sp = ts_node_is_null(first) ? node_span(n)
                                     : span_join(node_span(first), node_span(last));
    c->pattern = new_expr(p, EX_PATTERN, sp);
    PtrVec caps = { 0 };
    it = kids_begin(n);
    while (kids_next(&it, &k, NULL))
        if (node_is(k, "case_pattern"))
            collect_captures(p, k, &caps);
    kids_end(&it);
    c->n_captures = caps.n;
    c->captures = (const char **)ptrvec_finish(p->a, &caps);
    TSNode guard = field(n, "guard");
    if (!ts_node_is_null(guard))
        c->guard = conv_expr_opt(p, first_named_kid(guard));
    c->body = conv_block(p, field(n, "consequence"), n);
    return c;
}

static Expr *conv_match_subject(Parser *p, TSNode n)
{
    PtrVec pv = { 0 };
    TSNode k;
    const char *f;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, &f))
        if (f && strcmp(f, "subject") == 0)
            ptrvec_push(&pv, conv_expr(p, k));
    kids_end(&it);
    if (pv.n == 1 && !has_token(n, ",")) {
        Expr *e = pv.v[0];
        ptrvec_free(&pv);
        return e;
    }
    Span sp = pv.n ? span_join(((Expr *)pv.v[0])->span,
                               ((Expr *)pv.v[pv.n - 1])->span)
                   : node_span(n);
    Expr *t = new_expr(p, EX_TUPLE, sp);
    t->u.seq.elts.v = (Expr **)ptrvec_finish(p->a, &pv);
    t->u.seq.elts.n = pv.n;
    return t;
}

static Stmt *conv_match(Parser *p, TSNode n)
{
    Stmt *s = new_stmt(p, ST_MATCH, node_span(n));
    s->u.match.subject = conv_match_subject(p, n);
    PtrVec cases = { 0 };
    TSNode body = field(n, "body"), k;
    if (!ts_node_is_null(body)) {
        KidIter it = kids_begin(body);
        while (kids_next(&it, &k, NULL))
            if (node_is(k, "case_clause"))
                ptrvec_push(&cases, conv_case(p, k));
        kids_end(&it);
    }
    s->u.match.cases = (MatchCase **)ptrvec_finish(p->a, &cases);
    s->u.match.n_cases = cases.n;
    return s;
}

/* ---- dispatch --------------------------------------------------------- */

static Stmt *simple_stmt(Parser *p, TSNode n, StmtKind kind)
{
    return new_stmt(p, kind, node_span(n));
}

static void conv_error_stmts(Parser *p, TSNode n, PtrVec *out);

typedef Stmt *(*StmtConv)(Parser *p, TSNode n);

static Stmt *c_pass(Parser *p, TSNode n) { return simple_stmt(p, n, ST_PASS); }
static Stmt *c_break(Parser *p, TSNode n) { return simple_stmt(p, n, ST_BREAK); }
static Stmt *c_continue(Parser *p, TSNode n) { return simple_stmt(p, n, ST_CONTINUE); }
static Stmt *c_global(Parser *p, TSNode n) { return conv_global(p, n, ST_GLOBAL); }
static Stmt *c_nonlocal(Parser *p, TSNode n) { return conv_global(p, n, ST_NONLOCAL); }
static Stmt *c_exec(Parser *p, TSNode n) { return conv_py2_stmt(p, n, "exec"); }

static const struct { const char *type; StmtConv fn; } stmt_convs[] = {
    { "expression_statement", conv_expr_stmt },
    { "return_statement", conv_return },
    { "if_statement", conv_if },
    { "function_definition", conv_funcdef },
    { "import_from_statement", conv_import_from },
    { "import_statement", conv_import },
    { "pass_statement", c_pass },
    { "for_statement", conv_for },
    { "class_definition", conv_classdef },
    { "decorated_definition", conv_decorated },
    { "raise_statement", conv_raise },
    { "try_statement", conv_try },
    { "with_statement", conv_with },
    { "while_statement", conv_while },
    { "break_statement", c_break },
    { "continue_statement", c_continue },
    { "assert_statement", conv_assert },
    { "delete_statement", conv_delete },
    { "global_statement", c_global },
    { "nonlocal_statement", c_nonlocal },
    { "future_import_statement", conv_import_from },
    { "match_statement", conv_match },
    { "type_alias_statement", conv_type_alias },
    { "print_statement", conv_print },
    { "exec_statement", c_exec },
};

/* Converts one statement node; ERROR nodes contribute the statements
 * recovered inside them. */
void conv_stmt_into(Parser *p, TSNode n, PtrVec *out)
{
    const char *t = ts_node_type(n);
    if (strcmp(t, "ERROR") == 0) {
        conv_error_stmts(p, n, out);
        return;
    }
    if (!enter(p, n))
        return;
    Stmt *s = NULL;
    for (size_t i = 0; i < sizeof stmt_convs / sizeof stmt_convs[0]; i++)
        if (strcmp(stmt_convs[i].type, t) == 0) {
            s = stmt_convs[i].fn(p, n);
            break;
        }
    if (!s && ts_node_is_named(n)) {
        /* An expression where a statement should be (error recovery). */
        s = new_stmt(p, ST_EXPR, node_span(n));
        s->u.expr.value = conv_expr(p, n);
    }
    leave(p);
    if (s)
        ptrvec_push(out, s);
}

static void conv_error_stmts(Parser *p, TSNode n, PtrVec *out)
{
    if (!enter(p, n))
        return;
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        const char *t = ts_node_type(k);
        size_t len = strlen(t);
        bool stmt = (len > 10 && strcmp(t + len - 10, "_statement") == 0) ||
                    strcmp(t, "function_definition") == 0 ||
                    strcmp(t, "class_definition") == 0 ||
                    strcmp(t, "decorated_definition") == 0 ||
                    strcmp(t, "ERROR") == 0;
        if (stmt)
            conv_stmt_into(p, k, out);
    }
    kids_end(&it);
    leave(p);
}

static StmtList conv_stmt_kids(Parser *p, TSNode n)
{
    PtrVec pv = { 0 };
    if (!ts_node_is_null(n)) {
        TSNode k;
        KidIter it = kids_begin(n);
        while (kids_next(&it, &k, NULL))
            if (ts_node_is_named(k) && !node_is(k, "case_clause"))
                conv_stmt_into(p, k, &pv);
        kids_end(&it);
    }
    return finish_stmts(p, &pv);
}

StmtList conv_block(Parser *p, TSNode block, TSNode owner)
{
    check_block_layout(p, block, owner);
    return conv_stmt_kids(p, block);
}

StmtList conv_module_body(Parser *p, TSNode module)
{
    check_block_layout(p, module, (TSNode){ 0 });
    return conv_stmt_kids(p, module);
}

const char *docstring_of(StmtList body)
{
    if (body.n == 0 || body.v[0]->kind != ST_EXPR)
        return NULL;
    const Expr *e = body.v[0]->u.expr.value;
    if (!e || e->kind != EX_STR)
        return NULL;
    return e->u.str.s;
}
