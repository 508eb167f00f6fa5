/*
 * ir.h — the emitter's intermediate representation.
 *
 * A function is a list of basic blocks of operations on registers.  Every
 * register has a C-level representation (IrRep).  Every operation that can
 * fail says how failure is detected (IrErrKind); lowering leaves the error
 * edge implicit ("propagate out of the function") and the refcount pass
 * turns it into an explicit edge to a cleanup block.  Blocks end in exactly
 * one terminator (goto, branch, return, unreachable).
 *
 * Ownership contract (what refcount.c relies on):
 *  - an op that defines a refcounted register gives it a new reference,
 *    unless the register is marked `borrowed` (constants, parameters);
 *  - ops never steal their operands; IR_RETURN hands its operand to the
 *    caller, and IR_ASSIGN copies (incref) unless the pass marks it a move;
 *    the pass may switch a tagged-int operation to its owning form, which
 *    consumes the operands in `owns` on success and failure alike;
 *  - named locals own their value: assignment releases the old value and
 *    the function's exits release them all (lowering emits that);
 *  - every other refcounted register is a temporary, released after its
 *    last use by the refcount pass (liveness-based).
 */
#ifndef STATICPY_IR_H
#define STATICPY_IR_H

#include "emit/emit.h"

typedef enum IrRep {
    REP_OBJ,    /* PyObject *            refcounted */
    REP_INT,    /* SpyInt (tagged word)  refcounted when boxed */
    REP_FLOAT,  /* double */
    REP_BOOL,   /* char, 0 or 1 */
    REP_CINT,   /* int: C API status results */
    REP_I64,    /* int64_t */
} IrRep;

bool ir_rep_refcounted(IrRep r);
const char *ir_rep_ctype(IrRep r);

typedef struct IrReg {
    int id;
    IrRep rep;
    const char *name;   /* Python name for locals, NULL for temporaries */
    bool is_local;      /* owned named variable, released at exits */
    bool borrowed;      /* never released by the refcount pass */
    const char *literal; /* an int literal's digits ("-7"), for boxing it as
                            a module constant as the interpreter's
                            co_consts do; NULL otherwise */
} IrReg;

typedef enum IrErrKind {
    ERR_NEVER,   /* cannot fail */
    ERR_NULL,    /* fails when the result is NULL */
    ERR_NEG,     /* fails when the (int) result is negative */
    ERR_INT,     /* fails when the result is SPY_INT_ERR */
    ERR_FLOAT,   /* fails when the result is -1.0 and an exception is set */
    ERR_BOOL,    /* fails when the (char) result is 2 */
    ERR_I64,     /* fails when the int64_t result is SPY_I64_ERR and an
                    exception is set */
    ERR_ALWAYS,  /* always raises (raise statement) */
    ERR_NULLX,   /* fails when the result is NULL and an exception is set
                    (NULL alone means "no more": yield from) */
    ERR_RET,     /* a native function returning float/i64: fails when its
                    SpyRet* result says so */
} IrErrKind;

#define IR_OPS(X) \
    X(IR_CONST, "const")       /* dst = C text c (a literal or state slot) */ \
    X(IR_ASSIGN, "assign")     /* dst = args[0] */ \
    X(IR_CALL, "call")         /* dst = c(args...) or template c with %0..%9, \
                                  %{10}.. and %* (ir_operand) */ \
    X(IR_CALL_NATIVE, "callnative") /* dst = native callee(st, args...) */ \
    X(IR_VCALL, "vcall")       /* dst = vectorcall args[0](args[1..]; c = kwnames) */ \
    X(IR_INCREF, "incref") \
    X(IR_DECREF, "decref") \
    X(IR_XDECREF, "xdecref") \
    X(IR_TRACEBACK, "traceback") /* add a traceback entry for `line` */ \
    X(IR_GOTO, "goto") \
    X(IR_BRANCH, "branch")     /* if args[0] goto target else target2 */ \
    X(IR_RETURN, "return") \
    X(IR_YIELD, "yield")       /* generator: hand out args[0], suspend; resumed,  \
                                  dst = the value sent (NULL if an exception was  \
                                  thrown in); args[1]: the iterator of a yield from */ \
    X(IR_UNREACHABLE, "unreachable")

#define IR_ENUM_(k, s) k,
typedef enum IrOpKind { IR_OPS(IR_ENUM_) IR__COUNT } IrOpKind;
#undef IR_ENUM_

typedef struct IrBlock IrBlock;

typedef struct IrOp {
    IrOpKind kind;
    int line;             /* Python source line, 0 if none */
    IrReg *dst;           /* may be NULL */
    IrReg **args;
    int n_args;
    const char *c;        /* C function name, template or literal */
    IrErrKind err;
    IrBlock *handler;     /* where an error goes: an except/finally block
                             of this function, or NULL to leave it */
    bool no_traceback;    /* re-raise: this frame's entry is already there */
    IrBlock *err_target;  /* the cleanup block (the refcount pass makes it) */
    IrBlock *target, *target2;
    const TcFunc *callee; /* IR_CALL_NATIVE */
    const TcClass *ctor;  /* IR_CALL_NATIVE: construct this class instead */
    const TcClass *vclass;/* IR_CALL_NATIVE: dispatch through this class's vtable */
    bool i64_clone;       /* IR_CALL_NATIVE: call the callee's int64_t clone */
    bool exact_recv;      /* IR_CALL_NATIVE of a method: the receiver is an
                             instance of no Python subclass (lower_clone.c) */
    int n_pos;            /* IR_VCALL: positional argument count */
    const char *method;   /* IR_VCALL: C text of an interned method name: call
                             that method of args[0] with args[1..] */
    int mcache;           /* IR_VCALL with method: its st->mc[]/mct[] slots,
                             a per-site cache of the method descriptor */
    bool move;            /* IR_ASSIGN: source dies here, no incref */
    unsigned owns;        /* IR_CALL: bit j set: consumes args[j] (refcount pass) */
    int yield_index;      /* IR_YIELD: its resume point, 1, 2, ... */
} IrOp;

struct IrBlock {
    int id;
    IrOp **ops;
    int n_ops, cap;
    bool is_error_path;   /* cleanup/traceback blocks, for readability */
    bool cold;            /* a rarely taken path (not counted for inlining) */
};

typedef struct IrFunc {
    Arena *a;
    const TcFunc *tc;
    const char *c_name;   /* f_<name> */
    const char *copy_of;  /* a copy's comment: what it is for, or NULL */
    IrRep ret_rep;
    IrReg **regs; int n_regs, cap_regs;
    IrBlock **blocks; int n_blocks, cap_blocks;
    IrReg **params; int n_params; /* parameter registers, in order */
    IrReg *retval;        /* the value being returned */
    IrBlock *exit_ok;     /* releases locals, returns retval */
    IrBlock *exit_err;    /* releases locals, returns the error value */
    IrReg **locals; int n_locals; /* refcounted locals released at exits */
    bool is_generator;    /* the body is a resumable generator body */
    int n_yields;
    int name_const, qualname_const; /* generator: K_NAME constants for its objects */
} IrFunc;

IrFunc *ir_func_new(Arena *a, const TcFunc *tc);
IrReg *ir_reg(IrFunc *f, IrRep rep, const char *name);
IrBlock *ir_block(IrFunc *f);
IrOp *ir_op(IrFunc *f, IrBlock *b, IrOpKind kind, int line);
void ir_set_args(IrFunc *f, IrOp *op, IrReg **args, int n);
/* Inserts op into b before position i. */
void ir_insert(IrFunc *f, IrBlock *b, int i, IrOp *op);
IrOp *ir_new_op(IrFunc *f, IrOpKind kind, int line);
bool ir_is_terminator(IrOpKind k);
/* How a call template names operand i: %0..%9, then %{10}, %{11}, ... */
const char *ir_operand(Arena *a, int i);
bool ir_op_can_fail(const IrOp *op);

/* Checks the invariants; reports violations to stderr and returns false. */
bool ir_verify(const IrFunc *f);
void ir_print(const IrFunc *f, FILE *out);

#endif
