/*
 * frontend.h — the public face of the first stage: source text to AST.
 *
 * Later stages include only this header.  It declares the memory arena and
 * string interning every stage shares, the source/line table, diagnostics,
 * the AST (tagged unions, counted child arrays, spans on every node) and
 * the parser entry point fe_parse().  No tree-sitter type appears here.
 *
 * Entry points: arena_new/arena_free, strtab_*, src_load, diag_*, fe_parse,
 * ast_dump.
 */
#ifndef STATICPY_FRONTEND_H
#define STATICPY_FRONTEND_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- arena: bump allocation, freed all at once ---------------------- */

typedef struct Arena Arena;

Arena *arena_new(void);
void arena_free(Arena *a);
/* Zeroed memory, aligned for any type.  Never returns NULL (aborts on OOM). */
void *arena_alloc(Arena *a, size_t size);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vprintf(Arena *a, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

/* Growable array of pointers, used while building counted arrays. */
typedef struct PtrVec {
    void **v;
    int n, cap;
} PtrVec;

void ptrvec_push(PtrVec *pv, void *p);     /* heap-backed */
void **ptrvec_finish(Arena *a, PtrVec *pv); /* copy into arena, free heap */
void ptrvec_free(PtrVec *pv);

/* ---- interned strings: equal names are equal pointers --------------- */

typedef struct Strtab Strtab;

Strtab *strtab_new(Arena *a);
void strtab_free(Strtab *t);
const char *strtab_intern(Strtab *t, const char *s, size_t n);
const char *strtab_cstr(Strtab *t, const char *s);

/* ---- source files and spans ----------------------------------------- */

typedef struct Source {
    const char *path;   /* as given on the command line */
    const char *text;   /* NUL-terminated copy of the file */
    size_t len;
    const uint32_t *line_starts; /* byte offset of each line; n_lines entries */
    int n_lines;
} Source;

/* line is 1-based; col is a 0-based byte offset within the line. */
typedef struct Span {
    uint32_t line, col, end_line, end_col;
} Span;

/* Reads a file into the arena.  NULL with errno set when it cannot. */
Source *src_load(Arena *a, const char *path);
Source *src_from_string(Arena *a, const char *path, const char *text);
/* Module source in which the expression text[0..n) starts at 1-based line
 * `line`, byte column `col`, as `___=(text)`: compiled or parsed, its
 * nodes carry the positions the text has in the real file. */
char *src_expr_at(Arena *a, uint32_t line, size_t col, const char *text, size_t n);
/* Text of a 1-based line without its newline; *len receives its length. */
const char *src_line(const Source *s, int line, size_t *len);

/* ---- diagnostics ----------------------------------------------------- */

typedef enum DiagLevel { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

typedef struct Diag {
    DiagLevel level;
    Span span;
    const char *msg;
    int seq; /* insertion order, keeps sorting stable */
} Diag;

typedef struct DiagList {
    Arena *arena;
    const Source *src;
    Diag **v;
    int n, cap;
    int n_errors;
} DiagList;

void diag_init(DiagList *d, Arena *a, const Source *src);
void diag_add(DiagList *d, DiagLevel level, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_vadd(DiagList *d, DiagLevel level, Span span, const char *fmt,
               va_list ap);
/* Sorts by position and prints `file:line:col: error: msg`, the source
 * line and a caret/tilde marker. */
void diag_print(DiagList *d, FILE *out);
void diag_free(DiagList *d);

/* ---- the AST ---------------------------------------------------------- */

struct TyType;   /* filled in by typecheck; opaque here */

typedef struct Expr Expr;
typedef struct Stmt Stmt;

typedef struct ExprList { Expr **v; int n; } ExprList;
typedef struct StmtList { Stmt **v; int n; } StmtList;

/* X-macro lists: kind, printable name. */
#define AST_EXPR_KINDS(X) \
    X(EX_NAME, "Name") \
    X(EX_INT, "Int") \
    X(EX_FLOAT, "Float") \
    X(EX_IMAG, "Imag") \
    X(EX_STR, "Str") \
    X(EX_BYTES, "Bytes") \
    X(EX_FSTRING, "FString") \
    X(EX_TRUE, "True") \
    X(EX_FALSE, "False") \
    X(EX_NONE, "None") \
    X(EX_ELLIPSIS, "Ellipsis") \
    X(EX_BINOP, "BinOp") \
    X(EX_UNARY, "Unary") \
    X(EX_BOOLOP, "BoolOp") \
    X(EX_COMPARE, "Compare") \
    X(EX_CALL, "Call") \
    X(EX_ATTRIBUTE, "Attribute") \
    X(EX_SUBSCRIPT, "Subscript") \
    X(EX_SLICE, "Slice") \
    X(EX_TUPLE, "Tuple") \
    X(EX_LIST, "List") \
    X(EX_SET, "Set") \
    X(EX_DICT, "Dict") \
    X(EX_LISTCOMP, "ListComp") \
    X(EX_SETCOMP, "SetComp") \
    X(EX_DICTCOMP, "DictComp") \
    X(EX_GENEXP, "GenExp") \
    X(EX_LAMBDA, "Lambda") \
    X(EX_IFEXP, "IfExp") \
    X(EX_STARRED, "Starred") \
    X(EX_DOUBLESTARRED, "DoubleStarred") \
    X(EX_AWAIT, "Await") \
    X(EX_YIELD, "Yield") \
    X(EX_YIELD_FROM, "YieldFrom") \
    X(EX_NAMED, "NamedExpr") \
    X(EX_PATTERN, "Pattern")

#define AST_STMT_KINDS(X) \
    X(ST_EXPR, "ExprStmt") \
    X(ST_ASSIGN, "Assign") \
    X(ST_AUGASSIGN, "AugAssign") \
    X(ST_ANNASSIGN, "AnnAssign") \
    X(ST_RETURN, "Return") \
    X(ST_PASS, "Pass") \
    X(ST_BREAK, "Break") \
    X(ST_CONTINUE, "Continue") \
    X(ST_IF, "If") \
    X(ST_WHILE, "While") \
    X(ST_FOR, "For") \
    X(ST_FUNCDEF, "FunctionDef") \
    X(ST_CLASSDEF, "ClassDef") \
    X(ST_IMPORT, "Import") \
    X(ST_IMPORTFROM, "ImportFrom") \
    X(ST_GLOBAL, "Global") \
    X(ST_NONLOCAL, "Nonlocal") \
    X(ST_DELETE, "Delete") \
    X(ST_RAISE, "Raise") \
    X(ST_TRY, "Try") \
    X(ST_WITH, "With") \
    X(ST_ASSERT, "Assert") \
    X(ST_MATCH, "Match") \
    X(ST_TYPEALIAS, "TypeAlias")

/* Operators, shared by BinOp and AugAssign. */
#define AST_BINOPS(X) \
    X(OP_ADD, "+") X(OP_SUB, "-") X(OP_MUL, "*") X(OP_MATMUL, "@") \
    X(OP_DIV, "/") X(OP_FLOORDIV, "//") X(OP_MOD, "%") X(OP_POW, "**") \
    X(OP_LSHIFT, "<<") X(OP_RSHIFT, ">>") X(OP_BITOR, "|") \
    X(OP_BITXOR, "^") X(OP_BITAND, "&")

#define AST_UNARYOPS(X) \
    X(UOP_NEG, "-") X(UOP_POS, "+") X(UOP_INVERT, "~") X(UOP_NOT, "not")

#define AST_CMPOPS(X) \
    X(CMP_EQ, "==") X(CMP_NE, "!=") X(CMP_LT, "<") X(CMP_LE, "<=") \
    X(CMP_GT, ">") X(CMP_GE, ">=") X(CMP_IS, "is") X(CMP_IS_NOT, "is not") \
    X(CMP_IN, "in") X(CMP_NOT_IN, "not in")

#define AST_ENUM_(k, s) k,
typedef enum ExprKind { AST_EXPR_KINDS(AST_ENUM_) EX__COUNT } ExprKind;
typedef enum StmtKind { AST_STMT_KINDS(AST_ENUM_) ST__COUNT } StmtKind;
typedef enum BinOp { AST_BINOPS(AST_ENUM_) OP__COUNT } BinOp;
typedef enum UnaryOp { AST_UNARYOPS(AST_ENUM_) UOP__COUNT } UnaryOp;
typedef enum CmpOp { AST_CMPOPS(AST_ENUM_) CMP__COUNT } CmpOp;
#undef AST_ENUM_

typedef enum BoolOpKind { BOOL_AND, BOOL_OR } BoolOpKind;

const char *ast_expr_kind_name(ExprKind k);
const char *ast_stmt_kind_name(StmtKind k);
const char *ast_binop_str(BinOp op);
const char *ast_unaryop_str(UnaryOp op);
const char *ast_cmpop_str(CmpOp op);

/* A call argument: positional (name == NULL), keyword (name set), *x
 * (value is EX_STARRED) or **x (value is EX_DOUBLESTARRED). */
typedef struct Arg {
    Span span;
    const char *name; /* interned keyword name, or NULL */
    Expr *value;
} Arg;

typedef enum ParamKind {
    PARAM_POSONLY,   /* before '/' */
    PARAM_NORMAL,    /* positional-or-keyword */
    PARAM_VARARGS,   /* *args */
    PARAM_KWONLY,    /* after '*' or *args */
    PARAM_VARKW      /* **kwargs */
} ParamKind;

typedef struct Param {
    Span span;
    const char *name;   /* interned */
    ParamKind kind;
    Expr *annotation;   /* NULL if unannotated */
    Expr *default_value; /* NULL if none */
    /* Set by typecheck for the __init__ of a dataclass it generates:
     * default_value is a field's default_factory, called for each call
     * that does not pass the argument. */
    bool default_factory;
} Param;

typedef struct ParamList { Param **v; int n; } ParamList;

/* One `for x in xs if c` clause of a comprehension. */
typedef struct Comprehension {
    Expr *target;
    Expr *iter;
    ExprList ifs;
    bool is_async;
} Comprehension;

/* An f-string part: literal text (expr == NULL) or `{expr!conv:spec}`. */
typedef struct FPart {
    const char *text; size_t text_len; /* decoded UTF-8 literal */
    Expr *expr;
    char conversion;   /* 0, 's', 'r' or 'a' */
    struct FString *spec; /* format spec, itself an f-string, or NULL */
    bool self_doc;     /* {x=} */
} FPart;

typedef struct FString { FPart **v; int n; } FString;

struct Expr {
    ExprKind kind;
    Span span;
    struct TyType *type; /* set by typecheck */
    void *sema;          /* typecheck's per-node resolution (symbol, call) */
    bool maybe_unbound;  /* typecheck: a local read where it may be unbound */
    union {
        struct { const char *id; } name;              /* interned */
        struct {
            const char *text;  /* decimal digits, sign-free, no '_' */
            bool fits_i64;
            int64_t value;     /* valid when fits_i64 */
        } int_lit;
        struct { double value; } float_lit;         /* also EX_IMAG */
        struct { const char *s; size_t len; } str;    /* decoded UTF-8 / bytes */
        FString fstring;
        struct { BinOp op; Expr *left, *right; } binop;
        struct { UnaryOp op; Expr *operand; } unary;
        struct { BoolOpKind op; ExprList values; } boolop;
        /* a op0 b op1 c: operands has n_ops + 1 entries */
        struct { CmpOp *ops; int n_ops; ExprList operands; } compare;
        struct { Expr *func; Arg **args; int n_args; } call;
        struct { Expr *value; const char *attr; Span attr_span;
                 void *property; /* typecheck: the TcFunc of a native @property read */
        } attribute;
        struct { Expr *value; Expr *index; } subscript;
        struct { Expr *lower, *upper, *step; } slice;   /* each may be NULL */
        struct { ExprList elts; } seq;     /* EX_TUPLE EX_LIST EX_SET */
        struct { ExprList keys, values; } dict; /* key NULL for **splat */
        struct {
            Expr *elt, *value; /* value only for DICTCOMP (elt is the key) */
            Comprehension **gens; int n_gens;
        } comp;
        struct { ParamList params; Expr *body; } lambda;
        struct { Expr *test, *body, *orelse; } ifexp;
        struct { Expr *value; } starred; /* STARRED DOUBLESTARRED AWAIT YIELD YIELD_FROM */
        struct { Expr *target, *value; } named;
    } u;
};

typedef struct Alias {
    Span span;
    const char *name;    /* dotted name, interned; "*" for wildcard */
    const char *asname;  /* NULL if none */
    struct Expr *local;  /* inside a function: the local name it binds (set
                            by the type checker), else NULL */
} Alias;

typedef struct ExceptHandler {
    Span span;
    Expr *type;          /* NULL for bare except */
    const char *name;    /* `as name`, or NULL */
    StmtList body;
    void *sema;          /* typecheck: an EX_NAME Expr binding `name` */
} ExceptHandler;

typedef struct WithItem { Expr *context; Expr *target; } WithItem;

typedef struct MatchCase {
    Expr *pattern;       /* EX_PATTERN: only its span is kept for now */
    const char **captures; /* the names the pattern binds (interned) */
    int n_captures;
    Expr *guard;
    StmtList body;
} MatchCase;

struct Stmt {
    StmtKind kind;
    Span span;
    void *sema;
    union {
        struct { Expr *value; } expr;                        /* EX */
        struct { ExprList targets; Expr *value; } assign;    /* a = b = v */
        struct { Expr *target; BinOp op; Expr *value; } augassign;
        struct { Expr *target; Expr *annotation; Expr *value; } annassign;
        struct { Expr *value; } ret;                         /* value may be NULL */
        struct { Expr *test; StmtList body, orelse; } if_;   /* elif nests in orelse */
        struct { Expr *test; StmtList body, orelse; } while_;
        struct { Expr *target, *iter; StmtList body, orelse; bool is_async; } for_;
        struct {
            const char *name; Span name_span;
            ParamList params;
            Expr *returns;       /* NULL if unannotated */
            StmtList body;
            ExprList decorators;
            bool is_async;
            bool has_type_params;
            const char *docstring; /* NULL if none */
        } funcdef;
        struct {
            const char *name; Span name_span;
            Arg **bases; int n_bases; /* bases and keywords (metaclass=) */
            StmtList body;
            ExprList decorators;
            bool has_type_params;
            const char *docstring;
        } classdef;
        struct { Alias **names; int n_names; } import;
        struct {
            const char *module; /* dotted, may be NULL for `from . import x` */
            int level;          /* leading dots */
            Alias **names; int n_names;
        } importfrom;
        struct { const char **names; int n_names; } global; /* also NONLOCAL */
        struct { ExprList targets; } delete_;
        struct { Expr *exc, *cause; } raise;                /* both may be NULL */
        struct {
            StmtList body;
            ExceptHandler **handlers; int n_handlers;
            StmtList orelse, finalbody;
            bool is_star;
        } try_;
        struct { WithItem **items; int n_items; StmtList body; bool is_async; } with;
        struct { Expr *test, *msg; } assert_;
        struct { Expr *subject; MatchCase **cases; int n_cases; } match;
        struct { Expr *name; Expr *value; bool generic; } typealias; /* generic: X[T] */
    } u;
};

typedef struct Module {
    const Source *src;
    const char *name;      /* module name from the file name */
    StmtList body;
    const char *docstring; /* NULL if none */
} Module;

/* ---- parsing ----------------------------------------------------------- */

/* Parses src into an AST allocated in `a`.  Syntax errors go to `diags`
 * (one per ERROR/MISSING region, never a crash); the returned module is
 * still usable for reporting but must not be compiled when
 * diags->n_errors > 0.  Returns NULL only when the parser could not run
 * at all (then an error is in diags). */
Module *fe_parse(Arena *a, Strtab *names, const Source *src, DiagList *diags);

/* Writes an indented, deterministic dump of the AST (for --dump=ast and
 * golden tests). */
void ast_dump(const Module *m, FILE *out);
void ast_dump_expr(const Expr *e, FILE *out);

/* Calls fn with the target of every `name := value` among s's own
 * expressions and their comprehensions (not its nested statements or
 * lambdas). */
void ast_named_targets(Stmt *s, void (*fn)(Expr *target, void *ctx), void *ctx);
/* The same within one expression (comprehensions included, lambdas not). */
void ast_expr_named_targets(Expr *e, void (*fn)(Expr *target, void *ctx), void *ctx);

#endif
