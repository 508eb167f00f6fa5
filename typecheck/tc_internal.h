/*
 * tc_internal.h — what the typecheck files share: the checker context, a
 * small name -> symbol table, and the entry points of each file.
 */
#ifndef STATICPY_TC_INTERNAL_H
#define STATICPY_TC_INTERNAL_H

#include "typecheck/typecheck.h"

/* Open-addressing table keyed by interned name pointers. */
typedef struct SymTab {
    TcSymbol **slots;
    int cap, n;
} SymTab;

TcSymbol *symtab_get(const SymTab *t, const char *name);
void symtab_put(Arena *a, SymTab *t, TcSymbol *s);

/* Per-function definite-assignment state: one flag per local. */
typedef struct Assigned {
    bool *v;
    int n;            /* entries in v (comprehensions add locals later) */
    bool unreachable; /* after return/break/continue: joins as "all set" */
} Assigned;

typedef struct LoopCtx {
    Assigned at_break;  /* intersection over break statements */
    bool any_break;
    struct LoopCtx *outer;
} LoopCtx;

/* A narrowed type of a symbol, or of an attribute chain sym.a.b...;
 * type NULL is a kill. */
typedef struct Narrow {
    TcSymbol *sym;     /* NULL: a store to path[n_path - 1] through any alias */
    TcAttr **path;     /* the chain's attributes, sym's first */
    int n_path;        /* 0: sym itself */
    TcSymbol *store_root; /* a store: the variable the stored chain starts
                             from (its shorter chains stay narrowed), or NULL */
    TyType *type;
    struct Narrow *next;
} Narrow;

/* Names bound by a comprehension, visible only inside it. */
typedef struct Overlay {
    SymTab names;
    struct Overlay *outer;
    bool lambda;          /* a lambda's parameters: names found beyond are captured */
} Overlay;

typedef struct Tc {
    Arena *a;
    Strtab *names;
    DiagList *d;
    TcModule *mod;
    SymTab globals;       /* module-level names */
    TcFunc *func;         /* function being checked */
    SymTab locals;        /* its locals (empty for the module body) */
    Assigned assigned;    /* definite assignment in func */
    LoopCtx *loop;
    Narrow *narrow;
    Overlay *overlay;
    bool range_target;    /* assigning a range() loop's target */
    int n_unsupported;    /* tc_unsupported() calls so far */
    bool strict;          /* no fallback to the interpreter */
    Stmt **interp;        /* defs to leave to the interpreter (second pass) */
    const char **interp_why; /* and why, for the note */
    int n_interp;
    bool binding_dynamic; /* scope.c: binding the names of a statement the
                             interpreter runs (they hold Any) */
    Expr *plain_value;    /* assigning `name = plain_value` (machine-int candidate) */
    Expr *lazy_genexp;    /* the genexp argument of any()/all(), compiled as a loop */
    const char *captured; /* a local of the enclosing function a lambda uses */
    int alias_depth;      /* type aliases being expanded (guards cycles) */
    TcSymbol *expanding[20]; /* which: a recursive alias's reference to
                                itself is Any (`Json = list["Json"] | int`) */
    int in_handler;       /* checking an except or finally body */
    Stmt *stmt;           /* the statement being checked */
    /* Interned names the checker compares against. */
    const char *n_int, *n_float, *n_bool, *n_str, *n_object, *n_range,
        *n_Any, *n_tuple, *n_Tuple, *n_None;
} Tc;

void tc_error(Tc *tc, Span span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tc_unsupported(Tc *tc, Span span, const char *what);

/* Does the source of span contain `word` as a whole identifier? */
bool tc_span_mentions(Tc *tc, Span span, const char *word);
/* native_array.c: after a function is checked, marks its native arrays. */
void tc_find_native_arrays(Tc *tc, TcFunc *f);

/* scope.c */
void scope_collect_module(Tc *tc);
/* Appends f to the module's functions (its index is its position). */
void scope_add_func(Tc *tc, TcFunc *f);
void scope_collect_function(Tc *tc, TcFunc *f);
TcSymbol *scope_lookup(Tc *tc, const char *name);
/* The name `import a.b [as c]` binds: c, else a. */
const char *scope_import_binding(Tc *tc, const Alias *al);
/* `target = <a value of type vt>` (check_assign.c; also `target := value`). */
void tc_assign_target(Tc *tc, Expr *target, TyType *vt, Span vspan);
TyType *scope_annotation(Tc *tc, Expr *ann);
TyType *scope_fixed_type(const TcSymbol *s);
TcSymbol *scope_hidden_local(Tc *tc, const char *name, Span span);
void scope_signature(Tc *tc, TcFunc *f, Stmt *def);
void scope_check_def_header(Tc *tc, Stmt *s);
/* classes.c: is e `name` of module `module` (imported from it, or read
 * as module.name)?  abc.ABC, typing.Generic, ... */
bool tc_names_import(Tc *tc, const Expr *e, const char *module, const char *name);
/* class_methods.c: a def of c's body; c's vtable, once all its defs are
 * in; the abstract methods it leaves (an ABC). */
void classes_add_method(Tc *tc, TcClass *c, Stmt *s);
void classes_build_vtable(Tc *tc, TcClass *c);
void classes_find_abstract(Tc *tc, TcClass *c);
/* Is def decorated with `@<its name>.setter` alone, taking self and a value? */
bool tc_setter_decorated(const Stmt *def);
/* Is def decorated with @abstractmethod alone? */
bool tc_abstract_decorated(Tc *tc, const Stmt *def);
/* Module-level statements the interpreter runs (not defs or classes,
 * which have their own fallbacks); reached only in the second pass. */
bool tc_is_interp_stmt(Tc *tc, const Stmt *s);
/* The reason def is left to the interpreter, or NULL if it is not. */
const char *tc_is_interp(Tc *tc, const Stmt *def);

/* classes.c */
void classes_declare(Tc *tc, Stmt *def, TcSymbol *sym);
void classes_resolve_bases(Tc *tc);
void classes_resolve(Tc *tc);
void classes_find_always_defined(Tc *tc);
bool tc_is_final_decorator(Tc *tc, const Expr *e);
bool class_is_subclass(const TcClass *c, const TcClass *base);
/* Is annotation a NAME or X.NAME (subscripted too: ClassVar[int])? */
bool tc_annotation_named(const Expr *a, const char *name);

/* dataclass.c: NULL when c, decorated, can be a native dataclass (then
 * c->dataclass is set), else why not; its generated __init__. */
const char *dataclass_accept(Tc *tc, TcClass *c);
void dataclass_add_init(Tc *tc, TcClass *c);
Expr *dataclass_field_value(Tc *tc, const Stmt *s);
bool tc_class_runtime_attr(const TcClass *c, const char *name);
/* Is f the __init__ dataclass_add_init made? */
bool dataclass_generated_init(const TcFunc *f);

/* check_expr.c */
TyType *check_expr(Tc *tc, Expr *e);

/* check_operator.c: the types of operator expressions, for check_expr(). */
TyType *check_binop(Tc *tc, Expr *e);
TyType *check_unary(Tc *tc, Expr *e);
TyType *check_boolop(Tc *tc, Expr *e);
TyType *check_ifexp(Tc *tc, Expr *e);
TyType *check_compare(Tc *tc, Expr *e);
/* The type of e (a BinOp) given its operand types, without checking them. */
TyType *binop_type(Tc *tc, Expr *e, TyType *l, TyType *r, bool inplace);
/* The method `name` of a native class instance of type t, or NULL. */
const TcFunc *tc_dunder(Tc *tc, const TyType *t, const char *name);

/* check_call.c: the type of a call expression (its TcCall in e->sema). */
TyType *check_call(Tc *tc, Expr *e);
/* For `range(...)` with int arguments as a loop's iterable: the checked
 * bounds; NULL (nothing checked) for any other iterable. */
TcForRange *check_range(Tc *tc, Expr *iter);

/* narrow.c */
TyType *narrowed_type(Tc *tc, TcSymbol *s);
TyType *narrowed_chain_type(Tc *tc, Expr *e);
void narrow_on_assign(Tc *tc, Expr *target, TyType *declared, TyType *vt);
void narrow_from_test(Tc *tc, Expr *test, Narrow **pos, Narrow **neg);
void invalidate_assigned(Tc *tc, StmtList *body);

/* mathmod.c */
TyType *math_call(Tc *tc, Expr *e, TcCall *call, TyType **args, int n);
TyType *math_constant(Tc *tc, Expr *e);

/* methods.c */
TyType *method_result(Tc *tc, TyType *recv, const char *m, TyType **args, int n, Span span);

/* check_stmt.c */
void check_block(Tc *tc, StmtList *body);
void check_stmt(Tc *tc, Stmt *s);
/* Has s its lines to itself (its source can be run on its own)? */
bool tc_alone_on_lines(Tc *tc, const Stmt *s);
/* Marks the locals whose names occur in the source lines of span as read
 * by a nested function (nonlocal ones as rebound). */
bool tc_mark_captured(Tc *tc, Span span);

/* check_assign.c: assignment statements, for check_stmt(); assign_to() is
 * `target = <a value of type vt>`, assign_name() for a name target. */
void assign_to(Tc *tc, Expr *target, TyType *vt, Span vspan);
void assign_name(Tc *tc, Expr *target, TyType *vt, Span vspan);
void incompatible_assignment(Tc *tc, Span span, TyType *vt, TyType *var);
/* The declared type of an assignment target, when it has one already. */
TyType *declared_type(Tc *tc, Expr *t);
/* vt, or the declared type want for a fresh display v whose items fit. */
TyType *in_context(Expr *v, TyType *vt, TyType *want);
TyType *display_as(Expr *v, TyType *vt, TyType *want);
void check_annassign(Tc *tc, Stmt *s);
void check_augassign(Tc *tc, Stmt *s);

/* check_flow.c: control-flow statements, for check_stmt(); definite
 * assignment. */
void check_if(Tc *tc, Stmt *s);
void check_while(Tc *tc, Stmt *s);
void check_for(Tc *tc, Stmt *s);
void check_jump(Tc *tc, Stmt *s);
void check_return(Tc *tc, Stmt *s);
void check_raise(Tc *tc, Stmt *s);
void check_with(Tc *tc, Stmt *s);
void check_try(Tc *tc, Stmt *s);
/* Do all paths of b end inside a `with` whose body returns (check_flow.c)? */
bool tc_ends_in_terminal_with(const StmtList *b);
void assigned_set(Tc *tc, TcSymbol *s);

/* builtins.c */
TyType *builtin_result_type(Tc *tc, const char *name, TyType **args, int n);
bool builtin_exists(const char *name);
void builtin_check_frame_use(Tc *tc, Expr *call, const char *name);

/* fold.c */
void tc_fold_binop(Tc *tc, Expr *e);

#endif
