/*
 * parse_internal.h — private to frontend/parse*.c: the parser context and
 * the CST helpers shared by the statement, expression and literal
 * converters.  This is the only header that includes tree-sitter; no
 * TSNode leaves the parse*.c files.
 */
#ifndef STATICPY_PARSE_INTERNAL_H
#define STATICPY_PARSE_INTERNAL_H

#include "frontend.h"

#include <tree_sitter/api.h>

/* Deeper nesting than this is reported instead of recursed into, so
 * neither this walk nor later recursive stages can exhaust the stack. */
enum { PARSE_MAX_DEPTH = 900, PARSE_MAX_CHAIN = 3000, PARSE_MAX_BRACKETS = 200 };

typedef struct Parser {
    Arena *a;
    Strtab *names;
    const Source *src;
    DiagList *diags;
    int depth;
    bool reported_depth;
    bool tree_has_errors; /* recovery artefacts are not re-reported */
} Parser;

/* Iterates the children of a node (named and anonymous), skipping extras
 * such as comments.  Always finish with kids_end. */
typedef struct KidIter {
    TSTreeCursor cur;
    bool started, done;
} KidIter;

KidIter kids_begin(TSNode n);
bool kids_next(KidIter *it, TSNode *out, const char **field);
void kids_end(KidIter *it);
int count_named_kids(TSNode n);
TSNode first_named_kid(TSNode n);

/* parse.c: spans, text, diagnostics, node constructors */
Span node_span(TSNode n);
Span span_join(Span a, Span b);
Span span_of_bytes(const Source *src, size_t off, size_t len);
bool node_is(TSNode n, const char *type);
TSNode field(TSNode n, const char *name);
bool has_token(TSNode n, const char *tok);
const char *node_text(const Parser *p, TSNode n, size_t *len);
const char *node_intern(Parser *p, TSNode n);
void perr(Parser *p, TSNode n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void perr_span(Parser *p, Span sp, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
Expr *new_expr(Parser *p, ExprKind k, Span sp);
Stmt *new_stmt(Parser *p, StmtKind k, Span sp);
Expr *error_expr(Parser *p, TSNode n);
Expr *unexpected_expr(Parser *p, TSNode n);
bool enter(Parser *p, TSNode n);
void leave(Parser *p);

/* parse_errors.c */
void report_syntax_errors(Parser *p, TSNode root);
void check_block_layout(Parser *p, TSNode block, TSNode owner); /* owner null: module */
void check_source_bytes(Parser *p);
bool check_bracket_depth(Parser *p);

/* parse_stmt.c */
/* owner: the statement or clause the block belongs to */
StmtList conv_block(Parser *p, TSNode block, TSNode owner);
StmtList conv_module_body(Parser *p, TSNode module);
void conv_stmt_into(Parser *p, TSNode n, PtrVec *out);
const char *docstring_of(StmtList body);

/* parse_def.c */
Stmt *conv_funcdef(Parser *p, TSNode n);
Stmt *conv_classdef(Parser *p, TSNode n);
Stmt *conv_decorated(Parser *p, TSNode n);
Stmt *conv_import(Parser *p, TSNode n);
Stmt *conv_import_from(Parser *p, TSNode n);
ParamList conv_params(Parser *p, TSNode params);

/* parse_expr.c */
Expr *conv_expr(Parser *p, TSNode n);
Expr *conv_expr_opt(Parser *p, TSNode n);   /* NULL for a null node */
Expr *conv_type(Parser *p, TSNode n);       /* `type` nodes (annotations) */
Expr *conv_tuple_of_kids(Parser *p, TSNode n); /* expression_list & co */
Arg **conv_arglist(Parser *p, TSNode n, int *n_args);
void check_target(Parser *p, Expr *e, const char *what);

/* parse_literal.c */
Expr *conv_integer(Parser *p, TSNode n);
Expr *conv_float(Parser *p, TSNode n);
Expr *conv_strings(Parser *p, TSNode n); /* string or concatenated_string */

#endif
