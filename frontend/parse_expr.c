/*
 * parse_expr.c — CST expressions to AST expressions: operators (with
 * `a and b and c` flattened and comparisons chained), calls and their
 * arguments, attributes, subscripts and slices, displays, comprehensions,
 * lambda, conditional, walrus, await/yield, starred, annotation `type`
 * nodes, and the check of assignment/deletion targets.
 *
 * Entry points (parse_internal.h): conv_expr, conv_expr_opt, conv_type,
 * conv_tuple_of_kids, conv_arglist, check_target.
 */
#include "parse_internal.h"

#include <stdlib.h>
#include <string.h>

static ExprList finish_exprs(Parser *p, PtrVec *pv)
{
    ExprList l;
    l.v = (Expr **)ptrvec_finish(p->a, pv);
    l.n = pv->n;
    return l;
}

static Expr *expr_field(Parser *p, TSNode n, const char *name)
{
    TSNode k = field(n, name);
    return ts_node_is_null(k) ? error_expr(p, n) : conv_expr(p, k);
}

/* ---- operators ----------------------------------------------------------- */

static bool binop_of(const char *t, BinOp *op)
{
    static const char *const toks[OP__COUNT] = {
#define AST_TOK_(k, s) s,
        AST_BINOPS(AST_TOK_)
#undef AST_TOK_
    };
    for (int i = 0; i < OP__COUNT; i++)
        if (strcmp(toks[i], t) == 0) {
            *op = (BinOp)i;
            return true;
        }
    return false;
}

/* Python's binding strength of each binary operator (higher binds
 * tighter).  tree-sitter-python 0.23 ranks `^` above `&`, so binary
 * chains are flattened in source order and rebuilt with these. */
static int binop_prec(BinOp op)
{
    switch (op) {
    case OP_BITOR: return 1;
    case OP_BITXOR: return 2;
    case OP_BITAND: return 3;
    case OP_LSHIFT: case OP_RSHIFT: return 4;
    case OP_ADD: case OP_SUB: return 5;
    case OP_POW: return 7;
    default: return 6;
    }
}

/* Operands and operators of a binary chain, in source order. */
typedef struct Chain {
    PtrVec operands;   /* Expr * */
    Span *outer;       /* each operand's span including parentheses */
    BinOp *ops;
    int n_ops, cap_ops;
} Chain;

static void chain_op(Parser *p, Chain *c, TSNode n)
{
    TSNode opn = field(n, "operator");
    BinOp op = OP_ADD;
    if (ts_node_is_null(opn) || !binop_of(ts_node_type(opn), &op))
        op = OP_ADD;
    if (c->n_ops == c->cap_ops) {
        int cap = c->cap_ops ? c->cap_ops * 2 : 8;
        BinOp *ops = ARENA_ARRAY(p->a, BinOp, cap);
        if (c->n_ops)
            memcpy(ops, c->ops, sizeof(BinOp) * (size_t)c->n_ops);
        c->ops = ops;
        c->cap_ops = cap;
    }
    c->ops[c->n_ops++] = op;
}

/* In-order walk over nested binary_operator nodes (not through
 * parentheses) with an explicit stack: long `a + b + ...` chains are
 * left-deep and must not recurse once per operator. */
static void flatten_chain(Parser *p, TSNode n, Chain *c)
{
    size_t cap = 16, top = 0;
    TSNode *stack = malloc(cap * sizeof(TSNode));
    TSNode cur = n;
    for (;;) {
        while (node_is(cur, "binary_operator")) {
            if (top == cap) {
                cap *= 2;
                stack = realloc(stack, cap * sizeof(TSNode));
            }
            if (!stack) {
                fputs("staticpyc: out of memory\n", stderr);
                abort();
            }
            stack[top++] = cur;
            cur = field(cur, "left");
        }
        ptrvec_push(&c->operands, ts_node_is_null(cur) ? error_expr(p, n)
                                                        : conv_expr(p, cur));
        /* outer spans parallel the operands; ops grow in step with them */
        c->outer = realloc(c->outer, sizeof(Span) * (size_t)c->operands.n);
        if (!c->outer) {
            fputs("staticpyc: out of memory\n", stderr);
            abort();
        }
        c->outer[c->operands.n - 1] = ts_node_is_null(cur) ? node_span(n)
                                                           : node_span(cur);
        if (top == 0)
            break;
        TSNode b = stack[--top];
        chain_op(p, c, b);
        cur = field(b, "right");
    }
    free(stack);
}

static Expr *make_binop(Parser *p, BinOp op, Expr *l, Expr *r, Span sp)
{
    Expr *e = new_expr(p, EX_BINOP, sp);
    e->u.binop.op = op;
    e->u.binop.left = l;
    e->u.binop.right = r;
    return e;
}

/* Operator-precedence rebuild (shunting-yard); ** is right-associative.
 * A BinOp spans its operands including their parentheses. */
typedef struct Rebuild {
    Expr **vals;
    Span *spans;
    int *depth;  /* BinOp nesting of each value */
    BinOp *ops;
    int nv, no, max_depth;
} Rebuild;

static void reduce(Parser *p, Rebuild *r)
{
    r->nv--;
    BinOp op = r->ops[--r->no];
    Span sp = span_join(r->spans[r->nv - 1], r->spans[r->nv]);
    r->vals[r->nv - 1] = make_binop(p, op, r->vals[r->nv - 1], r->vals[r->nv], sp);
    r->spans[r->nv - 1] = sp;
    int d = 1 + (r->depth[r->nv - 1] > r->depth[r->nv] ? r->depth[r->nv - 1]
                                                         : r->depth[r->nv]);
    r->depth[r->nv - 1] = d;
    if (d > r->max_depth)
        r->max_depth = d;
}

static Expr *rebuild_chain(Parser *p, Chain *c, int *depth)
{
    int n = c->operands.n;
    Rebuild r = { malloc(sizeof(Expr *) * (size_t)n),
                  malloc(sizeof(Span) * (size_t)n),
                  malloc(sizeof(int) * (size_t)n),
                  malloc(sizeof(BinOp) * (size_t)n), 0, 0, 0 };
    if (!r.vals || !r.spans || !r.depth || !r.ops) {
        fputs("staticpyc: out of memory\n", stderr);
        abort();
    }
    for (int i = 0; i < n; i++) {
        if (i > 0) {
            BinOp op = c->ops[i - 1];
            int pr = binop_prec(op);
            while (r.no > 0 && (binop_prec(r.ops[r.no - 1]) > pr ||
                                (binop_prec(r.ops[r.no - 1]) == pr && op != OP_POW)))
                reduce(p, &r);
            r.ops[r.no++] = op;
        }
        r.vals[r.nv] = c->operands.v[i];
        r.depth[r.nv] = 0;
        r.spans[r.nv++] = c->outer[i];
    }
    while (r.no > 0)
        reduce(p, &r);
    Expr *e = r.vals[0];
    *depth = r.max_depth;
    free(r.vals);
    free(r.spans);
    free(r.depth);
    free(r.ops);
    return e;
}

static Expr *conv_binary(Parser *p, TSNode n)
{
    Chain c;
    memset(&c, 0, sizeof c);
    flatten_chain(p, n, &c);
    if (c.operands.n != c.n_ops + 1 || c.n_ops == 0) {
        ptrvec_free(&c.operands); /* cannot happen with a sane tree */
        free(c.outer);
        return error_expr(p, n);
    }
    int depth;
    Expr *e = rebuild_chain(p, &c, &depth);
    ptrvec_free(&c.operands);
    free(c.outer);
    if (depth > PARSE_MAX_CHAIN) {
        /* Later stages recurse this deep; CPython gives up near here too. */
        perr(p, n, "expression is too deeply nested (more than %d binary "
                   "operators in a row)", PARSE_MAX_CHAIN);
        return error_expr(p, n);
    }
    return e;
}

static Expr *conv_unary(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_UNARY, node_span(n));
    TSNode opn = field(n, "operator");
    const char *t = ts_node_is_null(opn) ? "-" : ts_node_type(opn);
    e->u.unary.op = t[0] == '+' ? UOP_POS : t[0] == '~' ? UOP_INVERT : UOP_NEG;
    e->u.unary.operand = expr_field(p, n, "argument");
    return e;
}

static Expr *conv_not(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_UNARY, node_span(n));
    e->u.unary.op = UOP_NOT;
    e->u.unary.operand = expr_field(p, n, "argument");
    return e;
}

/* a and b and c is one BoolOp with three values; the CST nests to the
 * left.  A parenthesized left operand stays a separate node. */
static Expr *conv_boolop(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_BOOLOP, node_span(n));
    TSNode opn = field(n, "operator");
    const char *op = ts_node_is_null(opn) ? "and" : ts_node_type(opn);
    e->u.boolop.op = strcmp(op, "or") == 0 ? BOOL_OR : BOOL_AND;
    PtrVec rights = { 0 };
    TSNode cur = n;
    int guard = 0;
    for (;;) {
        ptrvec_push(&rights, expr_field(p, cur, "right"));
        TSNode left = field(cur, "left");
        TSNode lop = field(left, "operator");
        if (!node_is(left, "boolean_operator") || ts_node_is_null(lop) ||
            strcmp(ts_node_type(lop), op) != 0 || ++guard > 100000) {
            ptrvec_push(&rights, ts_node_is_null(left) ? error_expr(p, cur)
                                                       : conv_expr(p, left));
            break;
        }
        cur = left;
    }
    /* rights holds the operands last-to-first. */
    PtrVec vals = { 0 };
    for (int i = rights.n - 1; i >= 0; i--)
        ptrvec_push(&vals, rights.v[i]);
    ptrvec_free(&rights);
    e->u.boolop.values = finish_exprs(p, &vals);
    return e;
}

static CmpOp cmpop_of(Parser *p, TSNode opn)
{
    static const struct { const char *tok; CmpOp op; } ops[] = {
        { "==", CMP_EQ }, { "!=", CMP_NE }, { "<", CMP_LT }, { "<=", CMP_LE },
        { ">", CMP_GT }, { ">=", CMP_GE }, { "is", CMP_IS },
        { "is not", CMP_IS_NOT }, { "in", CMP_IN }, { "not in", CMP_NOT_IN },
    };
    const char *t = ts_node_type(opn);
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(ops[i].tok, t) == 0)
            return ops[i].op;
    if (strcmp(t, "<>") == 0)
        perr(p, opn, "invalid syntax: '<>' is not an operator in Python 3, "
                     "use '!='");
    return CMP_NE;
}

static Expr *conv_compare(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_COMPARE, node_span(n));
    PtrVec operands = { 0 };
    int n_ops = 0, cap = 0;
    CmpOp *ops = NULL;
    TSNode k;
    const char *f;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, &f)) {
        if (f && strcmp(f, "operators") == 0) {
            if (n_ops == cap) {
                int ncap = cap ? cap * 2 : 4;
                CmpOp *nops = ARENA_ARRAY(p->a, CmpOp, ncap);
                if (n_ops)
                    memcpy(nops, ops, sizeof(CmpOp) * (size_t)n_ops);
                ops = nops;
                cap = ncap;
            }
            ops[n_ops++] = cmpop_of(p, k);
        } else if (ts_node_is_named(k)) {
            ptrvec_push(&operands, conv_expr(p, k));
        }
    }
    kids_end(&it);
    /* Keep the invariant operands == ops + 1 even in a broken tree. */
    while (operands.n < n_ops + 1)
        ptrvec_push(&operands, error_expr(p, n));
    while (operands.n > n_ops + 1)
        operands.n--;
    e->u.compare.ops = ops;
    e->u.compare.n_ops = n_ops;
    e->u.compare.operands = finish_exprs(p, &operands);
    return e;
}

/* ---- calls -------------------------------------------------------------- */

static Arg *new_arg(Parser *p, TSNode n, const char *name, Expr *value)
{
    Arg *a = ARENA_NEW(p->a, Arg);
    a->span = node_span(n);
    a->name = name;
    a->value = value;
    return a;
}

typedef struct ArgOrder {
    bool keyword, kwsplat;
} ArgOrder;

static void check_arg_order(Parser *p, ArgOrder *o, TSNode k, const Arg *a)
{
    if (a->name) {
        o->keyword = true;
    } else if (a->value->kind == EX_DOUBLESTARRED) {
        o->kwsplat = true;
    } else if (a->value->kind == EX_STARRED) {
        if (o->kwsplat)
            perr(p, k, "iterable argument unpacking follows keyword "
                       "argument unpacking");
    } else if (o->kwsplat) {
        perr(p, k, "positional argument follows keyword argument unpacking");
    } else if (o->keyword) {
        perr(p, k, "positional argument follows keyword argument");
    }
}

Arg **conv_arglist(Parser *p, TSNode n, int *n_args)
{
    PtrVec pv = { 0 };
    ArgOrder order = { false, false };
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        if (!ts_node_is_named(k))
            continue;
        Arg *a;
        if (node_is(k, "keyword_argument")) {
            TSNode name = field(k, "name");
            a = new_arg(p, k, ts_node_is_null(name) ? strtab_cstr(p->names, "<error>")
                                                    : node_intern(p, name),
                        expr_field(p, k, "value"));
        } else {
            a = new_arg(p, k, NULL, conv_expr(p, k));
        }
        check_arg_order(p, &order, k, a);
        ptrvec_push(&pv, a);
    }
    kids_end(&it);
    Arg **v = (Arg **)ptrvec_finish(p->a, &pv);
    *n_args = pv.n;
    return v;
}

/* tree-sitter-python sometimes reads `f(a, *x.y())` as calling `*x.y`:
 * a star never applies to the base of a call, attribute or subscript, so
 * it moves outward.  *base is the converted base; returns the node to
 * hand back (e itself, or a Starred wrapping it). */
static Expr *hoist_star(Parser *p, Expr *e, Expr **base)
{
    Expr *star = *base;
    if (star->kind != EX_STARRED && star->kind != EX_DOUBLESTARRED)
        return e;
    *base = star->u.starred.value;
    e->span.line = (*base)->span.line;
    e->span.col = (*base)->span.col;
    Expr *outer = new_expr(p, star->kind, span_join(star->span, e->span));
    outer->u.starred.value = e;
    return outer;
}

static Expr *conv_call(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_CALL, node_span(n));
    e->u.call.func = expr_field(p, n, "function");
    TSNode args = field(n, "arguments");
    if (node_is(args, "generator_expression")) {
        e->u.call.args = ARENA_ARRAY(p->a, Arg *, 1);
        e->u.call.args[0] = new_arg(p, args, NULL, conv_expr(p, args));
        e->u.call.n_args = 1;
    } else if (!ts_node_is_null(args)) {
        e->u.call.args = conv_arglist(p, args, &e->u.call.n_args);
    }
    return hoist_star(p, e, &e->u.call.func);
}

/* Python's hard keywords; tree-sitter's error recovery sometimes lets one
 * through as an identifier (`xs[else:0]`). */
static bool is_keyword(const char *s)
{
    static const char *const kws[] = {
        "False", "None", "True", "and", "as", "assert", "async", "await",
        "break", "class", "continue", "def", "del", "elif", "else", "except",
        "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
        "while", "with", "yield",
    };
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        if (strcmp(kws[i], s) == 0)
            return true;
    return false;
}

/* ---- attribute, subscript, slice -------------------------------------- */

static Expr *conv_attribute(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_ATTRIBUTE, node_span(n));
    e->u.attribute.value = expr_field(p, n, "object");
    TSNode attr = field(n, "attribute");
    if (ts_node_is_null(attr)) {
        e->u.attribute.attr = strtab_cstr(p->names, "<error>");
        e->u.attribute.attr_span = node_span(n);
    } else {
        e->u.attribute.attr = node_intern(p, attr);
        e->u.attribute.attr_span = node_span(attr);
        if (is_keyword(e->u.attribute.attr))
            perr(p, attr, "invalid syntax: '%s' is a keyword",
                 e->u.attribute.attr);
    }
    return hoist_star(p, e, &e->u.attribute.value);
}

static Expr *conv_slice(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_SLICE, node_span(n));
    int part = 0;
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        if (!ts_node_is_named(k)) {
            if (strcmp(ts_node_type(k), ":") == 0)
                part++;
            continue;
        }
        Expr *x = conv_expr(p, k);
        if (part == 0)
            e->u.slice.lower = x;
        else if (part == 1)
            e->u.slice.upper = x;
        else
            e->u.slice.step = x;
    }
    kids_end(&it);
    return e;
}

/* Builds a Tuple from the fields/kids accepted by `want`, or returns the
 * single element when there is exactly one and no comma. */
static Expr *tuple_or_single(Parser *p, PtrVec *pv, bool comma, TSNode n)
{
    if (pv->n == 1 && !comma) {
        Expr *e = pv->v[0];
        ptrvec_free(pv);
        return e;
    }
    Span sp = pv->n ? span_join(((Expr *)pv->v[0])->span,
                                ((Expr *)pv->v[pv->n - 1])->span)
                    : node_span(n);
    Expr *t = new_expr(p, EX_TUPLE, sp);
    t->u.seq.elts = finish_exprs(p, pv);
    return t;
}

static Expr *conv_subscript(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_SUBSCRIPT, node_span(n));
    e->u.subscript.value = expr_field(p, n, "value");
    PtrVec idx = { 0 };
    bool comma = false;
    TSNode k;
    const char *f;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, &f)) {
        if (f && strcmp(f, "subscript") == 0)
            ptrvec_push(&idx, conv_expr(p, k));
        else if (!ts_node_is_named(k) && strcmp(ts_node_type(k), ",") == 0)
            comma = true;
    }
    kids_end(&it);
    if (idx.n == 0) {
        ptrvec_free(&idx);
        e->u.subscript.index = error_expr(p, n);
    } else {
        e->u.subscript.index = tuple_or_single(p, &idx, comma, n);
    }
    return hoist_star(p, e, &e->u.subscript.value);
}

/* ---- displays and comprehensions ---------------------------------------- */

static ExprList conv_named_kids(Parser *p, TSNode n)
{
    PtrVec pv = { 0 };
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL))
        if (ts_node_is_named(k))
            ptrvec_push(&pv, conv_expr(p, k));
    kids_end(&it);
    return finish_exprs(p, &pv);
}

static Expr *conv_seq(Parser *p, TSNode n, ExprKind kind)
{
    /* `(x): int = 1` arrives as a one-element tuple_pattern without a
     * comma: that is a parenthesized target, not a tuple. */
    if (kind == EX_TUPLE && count_named_kids(n) == 1 && !has_token(n, ","))
        return conv_expr(p, first_named_kid(n));
    Expr *e = new_expr(p, kind, node_span(n));
    e->u.seq.elts = conv_named_kids(p, n);
    return e;
}

/* expression_list / pattern_list / a bare `1, 2` statement: a Tuple that
 * spans its elements. */
Expr *conv_tuple_of_kids(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_TUPLE, node_span(n));
    e->u.seq.elts = conv_named_kids(p, n);
    return e;
}

static Expr *conv_dict(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_DICT, node_span(n));
    PtrVec keys = { 0 }, vals = { 0 };
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        if (node_is(k, "pair")) {
            ptrvec_push(&keys, expr_field(p, k, "key"));
            ptrvec_push(&vals, expr_field(p, k, "value"));
        } else if (node_is(k, "dictionary_splat")) {
            ptrvec_push(&keys, NULL);
            ptrvec_push(&vals, conv_expr_opt(p, first_named_kid(k)));
            if (!vals.v[vals.n - 1])
                vals.v[vals.n - 1] = error_expr(p, k);
        } else if (ts_node_is_named(k)) {
            ptrvec_push(&keys, unexpected_expr(p, k));
            ptrvec_push(&vals, error_expr(p, k));
        }
    }
    kids_end(&it);
    e->u.dict.keys = finish_exprs(p, &keys);
    e->u.dict.values = finish_exprs(p, &vals);
    return e;
}

static Comprehension *conv_for_in(Parser *p, TSNode k)
{
    Comprehension *c = ARENA_NEW(p->a, Comprehension);
    c->is_async = has_token(k, "async");
    c->target = expr_field(p, k, "left");
    check_target(p, c->target, "assign to");
    PtrVec iters = { 0 };
    TSNode x;
    const char *f;
    KidIter it = kids_begin(k);
    while (kids_next(&it, &x, &f))
        if (f && strcmp(f, "right") == 0 && ts_node_is_named(x))
            ptrvec_push(&iters, conv_expr(p, x));
    kids_end(&it);
    if (iters.n > 1)
        perr(p, k, "invalid syntax: a comprehension iterable must be "
                   "parenthesized when it is a tuple");
    if (iters.n == 0) {
        ptrvec_free(&iters);
        c->iter = error_expr(p, k);
    } else {
        c->iter = tuple_or_single(p, &iters, false, k);
    }
    return c;
}

/* Fills gens from the for_in_clause / if_clause kids; each `if` belongs
 * to the `for` before it. */
static void conv_generators(Parser *p, TSNode n, Expr *e)
{
    PtrVec gens = { 0 }, ifs = { 0 };
    Comprehension *cur = NULL;
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        if (node_is(k, "for_in_clause")) {
            if (cur)
                cur->ifs = finish_exprs(p, &ifs);
            cur = conv_for_in(p, k);
            ptrvec_push(&gens, cur);
        } else if (node_is(k, "if_clause") && cur) {
            Expr *c = conv_expr_opt(p, first_named_kid(k));
            ptrvec_push(&ifs, c ? c : error_expr(p, k));
        }
    }
    kids_end(&it);
    if (cur)
        cur->ifs = finish_exprs(p, &ifs);
    else
        ptrvec_free(&ifs);
    e->u.comp.gens = (Comprehension **)ptrvec_finish(p->a, &gens);
    e->u.comp.n_gens = gens.n;
}

static Expr *conv_comp(Parser *p, TSNode n, ExprKind kind)
{
    Expr *e = new_expr(p, kind, node_span(n));
    TSNode body = field(n, "body");
    if (kind == EX_DICTCOMP && node_is(body, "pair")) {
        e->u.comp.elt = expr_field(p, body, "key");
        e->u.comp.value = expr_field(p, body, "value");
    } else {
        e->u.comp.elt = ts_node_is_null(body) ? error_expr(p, n)
                                              : conv_expr(p, body);
        if (kind == EX_DICTCOMP)
            e->u.comp.value = error_expr(p, n);
    }
    conv_generators(p, n, e);
    return e;
}

/* ---- the rest -------------------------------------------------------------- */

static Expr *conv_lambda(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_LAMBDA, node_span(n));
    e->u.lambda.params = conv_params(p, field(n, "parameters"));
    e->u.lambda.body = expr_field(p, n, "body");
    return e;
}

static Expr *conv_ifexp(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_IFEXP, node_span(n));
    Expr *parts[3] = { NULL, NULL, NULL };
    int i = 0;
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL))
        if (ts_node_is_named(k) && i < 3)
            parts[i++] = conv_expr(p, k);
    kids_end(&it);
    for (int j = 0; j < 3; j++)
        if (!parts[j])
            parts[j] = error_expr(p, n);
    e->u.ifexp.body = parts[0];
    e->u.ifexp.test = parts[1];
    e->u.ifexp.orelse = parts[2];
    return e;
}

static Expr *conv_named(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_NAMED, node_span(n));
    e->u.named.target = expr_field(p, n, "name");
    e->u.named.value = expr_field(p, n, "value");
    return e;
}

/* await x, *x, **x, yield x: one operand, maybe optional. */
static Expr *conv_wrap(Parser *p, TSNode n, ExprKind kind)
{
    Expr *e = new_expr(p, kind, node_span(n));
    e->u.starred.value = conv_expr_opt(p, first_named_kid(n));
    if (!e->u.starred.value && kind != EX_YIELD)
        e->u.starred.value = error_expr(p, n);
    return e;
}

static Expr *conv_yield(Parser *p, TSNode n)
{
    return conv_wrap(p, n, has_token(n, "from") ? EX_YIELD_FROM : EX_YIELD);
}

static Expr *conv_parenthesized(Parser *p, TSNode n)
{
    TSNode inner = first_named_kid(n);
    if (ts_node_is_null(inner))
        return error_expr(p, n);
    return conv_expr(p, inner);
}

static Expr *leaf(Parser *p, TSNode n, ExprKind kind)
{
    return new_expr(p, kind, node_span(n));
}

static Expr *conv_name(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_NAME, node_span(n));
    e->u.name.id = node_intern(p, n);
    if (is_keyword(e->u.name.id))
        perr(p, n, "invalid syntax: '%s' is a keyword", e->u.name.id);
    return e;
}

/* ---- annotation `type` nodes ----------------------------------------------- */

/* list[int] in an annotation is a generic_type: Subscript(Name, index). */
static Expr *conv_generic_type(Parser *p, TSNode n)
{
    Expr *e = new_expr(p, EX_SUBSCRIPT, node_span(n));
    TSNode k, params = { 0 };
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        if (node_is(k, "type_parameter"))
            params = k;
        else if (ts_node_is_named(k) && !e->u.subscript.value)
            e->u.subscript.value = conv_expr(p, k);
    }
    kids_end(&it);
    if (!e->u.subscript.value)
        e->u.subscript.value = error_expr(p, n);
    PtrVec idx = { 0 };
    bool comma = false;
    if (!ts_node_is_null(params)) {
        it = kids_begin(params);
        while (kids_next(&it, &k, NULL)) {
            if (ts_node_is_named(k))
                ptrvec_push(&idx, conv_expr(p, k));
            else if (strcmp(ts_node_type(k), ",") == 0)
                comma = true;
        }
        kids_end(&it);
    }
    if (idx.n == 0) {
        ptrvec_free(&idx);
        e->u.subscript.index = error_expr(p, n);
    } else {
        e->u.subscript.index = tuple_or_single(p, &idx, comma, n);
    }
    return e;
}

/* Operands of a union in source order: through `type` wrappers, nested
 * union_type nodes and unparenthesized `|` operators. */
static void union_operands(TSNode n, PtrVec *nodes, int depth)
{
    bool bitor = false;
    if (node_is(n, "binary_operator")) {
        TSNode op = field(n, "operator");
        bitor = !ts_node_is_null(op) && strcmp(ts_node_type(op), "|") == 0;
    }
    if (depth > PARSE_MAX_DEPTH ||
        !(node_is(n, "type") || node_is(n, "union_type") || bitor)) {
        TSNode *copy = malloc(sizeof(TSNode));
        if (!copy) {
            fputs("staticpyc: out of memory\n", stderr);
            abort();
        }
        *copy = n;
        ptrvec_push(nodes, copy);
        return;
    }
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL))
        if (ts_node_is_named(k))
            union_operands(k, nodes, depth + 1);
    kids_end(&it);
}

/* `A[T] | B | C` in an annotation arrives as a union_type whose parts may
 * themselves be `|` operators; Python reads one left-nested BitOr chain. */
static Expr *conv_union_type(Parser *p, TSNode n)
{
    PtrVec nodes = { 0 };
    union_operands(n, &nodes, 0);
    Expr *acc = NULL;
    Span outer = node_span(n);
    for (int i = 0; i < nodes.n; i++) {
        TSNode k = *(TSNode *)nodes.v[i];
        free(nodes.v[i]);
        Expr *x = conv_expr(p, k);
        if (!acc) {
            acc = x;
            outer = node_span(k);
            continue;
        }
        outer = span_join(outer, node_span(k));
        Expr *b = new_expr(p, EX_BINOP, outer);
        b->u.binop.op = OP_BITOR;
        b->u.binop.left = acc;
        b->u.binop.right = x;
        acc = b;
    }
    ptrvec_free(&nodes);
    return acc ? acc : error_expr(p, n);
}

/* a.B inside type parameters. */
static Expr *conv_member_type(Parser *p, TSNode n)
{
    Expr *acc = NULL;
    TSNode k;
    KidIter it = kids_begin(n);
    while (kids_next(&it, &k, NULL)) {
        if (!ts_node_is_named(k))
            continue;
        if (!acc) {
            acc = conv_expr(p, k);
            continue;
        }
        Expr *a = new_expr(p, EX_ATTRIBUTE, span_join(acc->span, node_span(k)));
        a->u.attribute.value = acc;
        a->u.attribute.attr = node_intern(p, k);
        a->u.attribute.attr_span = node_span(k);
        acc = a;
    }
    kids_end(&it);
    return acc ? acc : error_expr(p, n);
}

Expr *conv_type(Parser *p, TSNode n)
{
    if (ts_node_is_null(n))
        return NULL;
    if (!node_is(n, "type"))
        return conv_expr(p, n);
    TSNode inner = first_named_kid(n);
    return ts_node_is_null(inner) ? error_expr(p, n) : conv_expr(p, inner);
}

/* ---- dispatch ------------------------------------------------------------- */

typedef Expr *(*ExprConv)(Parser *p, TSNode n);

static Expr *c_list(Parser *p, TSNode n) { return conv_seq(p, n, EX_LIST); }
static Expr *c_tuple(Parser *p, TSNode n) { return conv_seq(p, n, EX_TUPLE); }
static Expr *c_set(Parser *p, TSNode n) { return conv_seq(p, n, EX_SET); }
static Expr *c_listcomp(Parser *p, TSNode n) { return conv_comp(p, n, EX_LISTCOMP); }
static Expr *c_setcomp(Parser *p, TSNode n) { return conv_comp(p, n, EX_SETCOMP); }
static Expr *c_dictcomp(Parser *p, TSNode n) { return conv_comp(p, n, EX_DICTCOMP); }
static Expr *c_genexp(Parser *p, TSNode n) { return conv_comp(p, n, EX_GENEXP); }
static Expr *c_true(Parser *p, TSNode n) { return leaf(p, n, EX_TRUE); }
static Expr *c_false(Parser *p, TSNode n) { return leaf(p, n, EX_FALSE); }
static Expr *c_none(Parser *p, TSNode n) { return leaf(p, n, EX_NONE); }
static Expr *c_ellipsis(Parser *p, TSNode n) { return leaf(p, n, EX_ELLIPSIS); }
static Expr *c_await(Parser *p, TSNode n) { return conv_wrap(p, n, EX_AWAIT); }
static Expr *c_star(Parser *p, TSNode n) { return conv_wrap(p, n, EX_STARRED); }
static Expr *c_dstar(Parser *p, TSNode n) { return conv_wrap(p, n, EX_DOUBLESTARRED); }
static Expr *c_error(Parser *p, TSNode n) { return error_expr(p, n); }

static Expr *c_keyword_arg(Parser *p, TSNode n)
{
    perr(p, n, "invalid syntax: keyword argument outside a call");
    return error_expr(p, n);
}

static Expr *c_as_pattern(Parser *p, TSNode n)
{
    perr(p, n, "invalid syntax: 'as' is not allowed here");
    return error_expr(p, n);
}

static Expr *c_first_kid(Parser *p, TSNode n)
{
    TSNode k = first_named_kid(n);
    return ts_node_is_null(k) ? error_expr(p, n) : conv_expr(p, k);
}

static Expr *c_splat_type(Parser *p, TSNode n)
{
    return conv_wrap(p, n, EX_STARRED);
}

static const struct { const char *type; ExprConv fn; } expr_convs[] = {
    { "identifier", conv_name },
    { "attribute", conv_attribute },
    { "call", conv_call },
    { "integer", conv_integer },
    { "string", conv_strings },
    { "binary_operator", conv_binary },
    { "comparison_operator", conv_compare },
    { "subscript", conv_subscript },
    { "concatenated_string", conv_strings },
    { "float", conv_float },
    { "true", c_true },
    { "false", c_false },
    { "none", c_none },
    { "unary_operator", conv_unary },
    { "not_operator", conv_not },
    { "boolean_operator", conv_boolop },
    { "parenthesized_expression", conv_parenthesized },
    { "tuple", c_tuple },
    { "list", c_list },
    { "dictionary", conv_dict },
    { "set", c_set },
    { "expression_list", conv_tuple_of_kids },
    { "pattern_list", conv_tuple_of_kids },
    { "tuple_pattern", c_tuple },
    { "list_pattern", c_list },
    { "slice", conv_slice },
    { "keyword_argument", c_keyword_arg },
    { "list_comprehension", c_listcomp },
    { "set_comprehension", c_setcomp },
    { "dictionary_comprehension", c_dictcomp },
    { "generator_expression", c_genexp },
    { "lambda", conv_lambda },
    { "conditional_expression", conv_ifexp },
    { "named_expression", conv_named },
    { "await", c_await },
    { "yield", conv_yield },
    { "list_splat", c_star },
    { "list_splat_pattern", c_star },
    { "parenthesized_list_splat", c_first_kid },
    { "dictionary_splat", c_dstar },
    { "dictionary_splat_pattern", c_dstar },
    { "ellipsis", c_ellipsis },
    { "type", conv_type },
    { "generic_type", conv_generic_type },
    { "union_type", conv_union_type },
    { "member_type", conv_member_type },
    { "constrained_type", c_first_kid },
    { "splat_type", c_splat_type },
    { "as_pattern", c_as_pattern },
    { "as_pattern_target", c_first_kid },
    { "ERROR", c_error },
};

/* Never NULL: a field missing from a broken tree (already reported)
 * becomes a placeholder, so later code need not check. */
Expr *conv_expr(Parser *p, TSNode n)
{
    if (ts_node_is_null(n)) {
        Expr *e = new_expr(p, EX_NAME, (Span){ 0, 0, 0, 0 });
        e->u.name.id = strtab_cstr(p->names, "<error>");
        return e;
    }
    if (!enter(p, n))
        return error_expr(p, n);
    const char *t = ts_node_type(n);
    Expr *e = NULL;
    for (size_t i = 0; i < sizeof expr_convs / sizeof expr_convs[0]; i++)
        if (strcmp(expr_convs[i].type, t) == 0) {
            e = expr_convs[i].fn(p, n);
            break;
        }
    if (!e)
        e = unexpected_expr(p, n);
    leave(p);
    return e;
}

Expr *conv_expr_opt(Parser *p, TSNode n)
{
    return ts_node_is_null(n) ? NULL : conv_expr(p, n);
}

/* ---- targets ---------------------------------------------------------------- */

static const char *target_desc(const Expr *e)
{
    switch (e->kind) {
    case EX_CALL: return "function call";
    case EX_INT: case EX_FLOAT: case EX_IMAG: case EX_STR: case EX_BYTES:
        return "literal";
    case EX_FSTRING: return "f-string expression";
    case EX_TRUE: return "True";
    case EX_FALSE: return "False";
    case EX_NONE: return "None";
    case EX_ELLIPSIS: return "ellipsis";
    case EX_COMPARE: return "comparison";
    case EX_NAMED: return "named expression";
    case EX_LAMBDA: return "lambda";
    case EX_IFEXP: return "conditional expression";
    case EX_AWAIT: return "await expression";
    case EX_YIELD: case EX_YIELD_FROM: return "yield expression";
    case EX_DICT: return "dict literal";
    case EX_SET: return "set display";
    case EX_LISTCOMP: return "list comprehension";
    case EX_SETCOMP: return "set comprehension";
    case EX_DICTCOMP: return "dict comprehension";
    case EX_GENEXP: return "generator expression";
    case EX_TUPLE: return "tuple";
    case EX_LIST: return "list";
    case EX_STARRED: return "starred";
    default: return "expression";
    }
}

/* Names, attributes, subscripts, and (except for augmented assignment)
 * starred names and tuples/lists of targets. */
void check_target(Parser *p, Expr *e, const char *what)
{
    bool aug = strcmp(what, "augmented assignment") == 0;
    switch (e->kind) {
    case EX_NAME:
    case EX_ATTRIBUTE:
    case EX_SUBSCRIPT:
        return;
    case EX_STARRED:
        if (!aug && strcmp(what, "delete") != 0) {
            check_target(p, e->u.starred.value, what);
            return;
        }
        break;
    case EX_TUPLE:
    case EX_LIST:
        if (!aug) {
            for (int i = 0; i < e->u.seq.elts.n; i++)
                check_target(p, e->u.seq.elts.v[i], what);
            return;
        }
        break;
    default:
        break;
    }
    if (aug)
        perr_span(p, e->span, "'%s' is an illegal expression for augmented "
                              "assignment", target_desc(e));
    else
        perr_span(p, e->span, "cannot %s %s", what, target_desc(e));
}
