/*
 * plain.h — the generator of plain-value copies (plain_gen.c, plain_expr.c), shared by
 * loop versioning (lower_version.c) and recursive functions' copies
 * (lower_spec.c): C text on int64_t, bools, doubles and C arrays for a
 * body made only of what it can write.
 */
#ifndef STATICPY_PLAIN_H
#define STATICPY_PLAIN_H

#include "emit/lower.h"

/* A helper's operands: a range loop's counter, stop and flag, then the
 * variables. */
enum { VER_MAX_VARS = 16, VER_MAX_OPERANDS = VER_MAX_VARS + 3, VER_MAX_STMTS = 64,
       VER_MAX_CALLEES = 8 };
enum { RESUME_DONE, RESUME_BREAK, RESUME_TEST, RESUME_STMT };

/* A tagged int local, an int64_t one, a bool, a float, a native array, a
 * list[int|float|bool] that the copy only reads, a str that it only reads
 * (indexes and measures), a str local holding one character (s[i]) as its
 * code point. */
typedef enum VarKind {
    V_TAGGED, V_MACHINE, V_BOOL, V_FLOAT, V_ARRAY, V_LIST, V_STR, V_CHAR,
    V_GLOBAL,            /* a module global int the copy reads (not Final):
                            nothing the copy runs can rebind it, so the
                            caller reads it once, as a small int or
                            SPY_INT_ERR */
} VarKind;

typedef struct VerVar {
    const TcSymbol *sym;
    VarKind kind;
    char elem;           /* V_ARRAY, V_LIST: 'b', 'f' or 'i' */
    bool assigned;
    bool elements_read;  /* V_ARRAY: indexed, not only measured by len() */
    bool is_target;      /* a range loop's variable: set by each iteration,
                            written back once one has begun */
} VerVar;

/* A C value of the copy: int64_t ('i'), char 0/1 ('b'), double ('f') or
 * the int32_t code point of a one-character str ('c'). */
typedef struct CVal {
    const char *c;
    char kind;
    bool small;          /* 'i' known to be in the tagged small range */
    bool is_lit;
    int64_t lit;
} CVal;

typedef struct Version {
    Lower *l;
    Arena *a;
    VerVar vars[VER_MAX_VARS];
    int n_vars;
    Stmt *resume[VER_MAX_STMTS];
    int n_resume;
    const char *body;    /* C statements of the loop */
    const char *indent;
    const char *temps;   /* declarations */
    int n_temps;
    const char *stop;    /* the statement stopping at the current resume point */
    const char *bail;    /* a function's copy: how every statement stops */
    const TcFunc *spec;  /* a function's copy: that function */
    const char *spec_name; /* and its C name */
    int n_self_calls;
    bool uses_state;     /* calls other copies: needs st and depth */
    const TcFunc *callees[VER_MAX_CALLEES]; /* whose copies it calls */
    int n_callees;
    bool failed;         /* something the copy cannot do */
} Version;

Version plain_new(Lower *l, const char *indent);
/* 'i', 'f' or 'b' for int, float and bool; 0 for other types. */
char plain_kind(const TyType *t);
/* The variable s of the copy, added; NULL when the copy cannot hold it. */
VerVar *plain_add_var(Version *v, const TcSymbol *s);
/* v_<name> (g_<name> for a global): the C variable of a variable of the
 * copy. */
const char *plain_var_c(Version *v, const VerVar *x);
/* C text of a test (appending the statements it needs to v->body). */
const char *plain_test(Version *v, Expr *e);
/* The value of a list element (C text of a PyObject *) of kind elem
 * ('i', 'f', 'b'), stopping unless it is an exact small int, an exact
 * float or a bool. */
CVal plain_list_item(Version *v, const char *item, char elem);
/* Does C text use the identifier name? */
bool plain_mentions(const char *text, const char *name);
/* Appends the statements; sets v->failed on anything it cannot write. */
void plain_block(Version *v, StmtList *b);

/* ---- between plain_gen.c and plain_expr.c ---- */

/* Appends one line of C to the body. */
void plain_emit(Version *v, const char *s);
/* A new temporary of kind 'i', 'f', 'b', 'c' or 'w' (Py_ssize_t). */
const char *plain_temp(Version *v, char kind);
/* Marks the copy impossible; a dummy value. */
CVal plain_fail(Version *v);
/* Stops the copy (v->stop) when the C condition holds. */
void plain_stop_if(Version *v, const char *cond);
/* The int, bool, float, array or list local a name stands for,
 * registered on first use; NULL when the copy cannot hold it. */
VerVar *plain_var_of(Version *v, const Expr *e);
/* The str local a name stands for as a V_STR (only indexed and measured)
 * or V_CHAR (one character), registered on first use as `want`; NULL
 * when it is not a str local or was registered as the other kind. */
VerVar *plain_str_var_of(Version *v, const Expr *e, VarKind want);
/* The C value of an expression (its statements appended to the body). */
CVal plain_expr(Version *v, Expr *e);
/* arr[ix]: the checked element position, as list indexing finds it. */
const char *plain_array_pos(Version *v, VerVar *arr, Expr *ix);
/* An int operand of float arithmetic: converted as int.__float__ does. */
CVal plain_as_float(Version *v, CVal x);
/* a OP b of kind k ('i' or 'f'). */
CVal plain_binop(Version *v, BinOp op, CVal a, CVal b, char k);

#endif
