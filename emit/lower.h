/*
 * lower.h — what the emitter's files share: the module-wide context
 * (constants, default-value slots), the per-function lowering state, and
 * the entry points of lower_*.c, refcount.c and cgen_*.c.
 */
#ifndef STATICPY_LOWER_H
#define STATICPY_LOWER_H

#include "emit/ir.h"

/* Module-state constants, created once by the module's exec function. */
typedef enum ConstKind {
    K_NAME,     /* interned str (identifiers) */
    K_STR,      /* str literal */
    K_BYTES,    /* bytes literal */
    K_BIGINT,   /* int literal that does not fit a tagged word */
    K_KWNAMES,  /* tuple of K_NAME constants: keyword names of a call */
    K_TUPLE,    /* tuple of constants: a tuple display of literals */
    K_OBJ,      /* C expression of a new reference: None, True, False, a float */
} ConstKind;

typedef struct Const {
    ConstKind kind;
    const char *s; size_t len;  /* text (UTF-8) */
    int *items; int n_items;    /* K_KWNAMES, K_TUPLE: indices of the items' constants */
} Const;

typedef struct ModCtx {
    Arena *a;
    TcModule *tm;
    DiagList *d;
    const char *src_path;       /* absolute path of the .py, for tracebacks */
    Const **consts; int n_consts, cap_consts;
    int n_defaults;             /* module-state slots for default values */
    /* Functions are numbered: module functions first, then each class's
     * methods (func_id()).  Per function id: */
    int n_ids;
    int *class_first_id;        /* [class index] -> id of its first method */
    int **default_slot;         /* [id][param] -> slot or -1 */
    int **attr_default_slot;    /* [class][attr index] -> d[] slot of a class-body
                                   default that is not a literal (evaluated when
                                   the class statement runs), or -1 */
    int *param_names;           /* [id] -> first K_NAME of its params */
    IrFunc **irs;               /* [id] -> lowered function */
    bool *wants_clone;          /* [id] -> a call goes to its int64_t clone */
    IrFunc **clones;            /* [id] -> that clone, f_<name>__i64 */
    bool *wants_exact;          /* [id] -> a method whose calls on self are guarded */
    IrFunc **exact_clones;      /* [id] -> its copy for exact receivers, m_<C>__<name>__x */
    const TcFunc *exact_self_of; /* the method being lowered as such a copy */
    int *gcache_names;          /* [memo] -> K_NAME constant of a global read */
    int n_gcache, cap_gcache;
    bool has_generators;        /* st->gen_type is needed */
    int n_mcache;               /* st->mc[]: method descriptors of builtin types */
    const char **helpers;       /* C text of static helper functions the */
    int n_helpers, cap_helpers; /* lowered code calls (lower_intfast.c) */
    char *spec_state;           /* [id]: lower_spec.c's SPEC_* */
    const char **spec_names;    /* [id]: C name of the function's copy */
    bool *spec_recursive;       /* [id]: the copy calls itself */
    const char **spec_texts;    /* [id]: its C, printed once something */
    const TcFunc ***spec_callees; /* calls it (lower_spec_emit) */
    int *n_spec_callees;
} ModCtx;

/* The memo slot (st->g[]) of reads of global `name_const`. */
int global_cache_slot(ModCtx *m, int name_const);

int func_id(const ModCtx *m, const TcFunc *f);
/* Adds the C text of a helper function, printed before the functions. */
void module_helper(ModCtx *m, const char *text);
/* The C name of a function's native code: f_<name>, m_<Class>__<name>. */
const char *func_cname(Arena *a, const TcFunc *f);
/* w_<name>/wd_<name> of a module function (w_C__name for a static or
 * class method of C, which are module functions too). */
const char *func_wrapper_name(Arena *a, const char *prefix, const TcFunc *f);
/* struct spy_obj_<Class> */
const char *class_struct(Arena *a, const TcClass *c);

int const_name(ModCtx *m, const char *name);
/* Appends c without looking for an equal one (runs that must be contiguous). */
int const_append(ModCtx *m, Const *c);
int const_str(ModCtx *m, const char *s, size_t len);
int const_bytes(ModCtx *m, const char *s, size_t len);
int const_bigint(ModCtx *m, const char *digits);
int const_kwnames(ModCtx *m, const char **names, int n);
int const_tuple(ModCtx *m, const int *items, int n);
int const_obj(ModCtx *m, const char *c_expr);
/* "st->c[12]" */
const char *const_ref(ModCtx *m, int index);

typedef struct LoopTargets {
    IrBlock *brk, *cont;
    struct LoopTargets *outer;
} LoopTargets;

/* A region whose exits by return/break/continue must run code first:
 * an except block restores the previously handled exception, a try with
 * finally runs its finally body, a with block calls __exit__. */
typedef enum FrameKind { FRAME_EXCEPT, FRAME_FINALLY, FRAME_WITH } FrameKind;

typedef struct ExcFrame {
    FrameKind kind;
    IrReg *prev;         /* FRAME_EXCEPT: the previously handled exception */
    StmtList *finalbody; /* FRAME_FINALLY */
    IrReg *exit_fn;      /* FRAME_WITH: the bound __exit__ */
    IrBlock *outer_handler; /* where errors of that code go */
    LoopTargets *loop;   /* the loop current when the region began */
    struct ExcFrame *outer;
} ExcFrame;

/* Statements of a loop's general copy that its versioned copy may resume
 * at, and their blocks (lower_version.c). */
typedef struct LoopResume {
    Stmt **stmts;
    IrBlock **blocks;
    int n;
} LoopResume;

typedef struct Lower {
    ModCtx *m;
    IrFunc *f;
    const TcFunc *tf;    /* the function being lowered */
    IrBlock *cur;        /* block being appended to; NULL after a jump */
    IrReg **local_regs;  /* by TcSymbol.index */
    IrReg **bound_regs;  /* by TcSymbol.index: "assigned" flags of unboxed
                            locals that may be read unbound, else NULL */
    IrReg **cell_regs;   /* by TcSymbol.index: the cell mirroring a local a
                            nested def reads, else NULL */
    int line;            /* source line of the statement being lowered */
    LoopTargets *loop;
    IrBlock *handler;    /* innermost except/finally block, NULL outside try */
    ExcFrame *exc;       /* innermost except block being lowered */
    LoopResume *resume;  /* while lowering a versioned loop's general copy */
    Stmt *for_stmt;      /* lower_for's statement and its break target, */
    IrBlock *for_brk;    /* for lower_loop to version a range loop */
    const Expr *discarded; /* the value of the expression statement being
                              lowered: its result is dropped unchecked */
} Lower;

/* lower_func.c */
IrFunc *lower_function(ModCtx *m, const TcFunc *tf);
/* The registers of tf's locals without lowering it: what they hold, for
 * lower_spec_of. */
Lower *lower_scratch(ModCtx *m, const TcFunc *tf);
/* lower_clone.c: int64_t clones of small functions for machine-int calls. */
bool lower_clonable(const TcFunc *tf);
bool lower_clone_param(const TcFunc *tf, int i);
IrFunc *lower_i64_clone(ModCtx *m, const TcFunc *tf);
/* lower_clone.c: copies of methods for receivers that are instances of no
 * Python subclass (calls on self in them need no guard). */
bool lower_exact_clonable(const TcFunc *tf);
bool lower_is_own_self(const Lower *l, const Expr *e);
IrFunc *lower_exact_clone(ModCtx *m, const TcFunc *tf);
/* The C name to call f by for such a receiver: its copy if it has one. */
const char *exact_cname(const ModCtx *m, const TcFunc *f);
IrRep rep_of(const TyType *t);
IrOp *lower_op(Lower *l, IrOpKind kind);
IrReg *emit_call(Lower *l, const char *c, IrRep rep, IrErrKind err,
                 IrReg **args, int n);
/* The lowering files' shorthands: the module's arena, and emit_call
 * with one or two arguments. */
static inline Arena *A(Lower *l) { return l->m->a; }
static inline IrReg *call1(Lower *l, const char *c, IrRep rep, IrErrKind err, IrReg *a)
{
    return emit_call(l, c, rep, err, &a, 1);
}
static inline IrReg *call2(Lower *l, const char *c, IrRep rep, IrErrKind err, IrReg *a, IrReg *b)
{
    IrReg *args[2] = {a, b};
    return emit_call(l, c, rep, err, args, 2);
}
IrReg *emit_const(Lower *l, IrRep rep, const char *text, bool borrowed);
void emit_assign(Lower *l, IrReg *dst, IrReg *src);
void emit_goto(Lower *l, IrBlock *target);
void emit_branch(Lower *l, IrReg *cond, IrBlock *t, IrBlock *f);
void start_block(Lower *l, IrBlock *b);
IrReg *temp_copy(Lower *l, IrReg *r);
/* The Python text from a's start to b's end if on one line (else a
 * placeholder), made safe for a C comment. */
const char *source_text(ModCtx *m, Span a, Span b);

/* lower_expr.c */
IrReg *lower_expr(Lower *l, Expr *e);
IrReg *lower_expr_as(Lower *l, Expr *e, const TyType *want);
/* A C double literal of v. */
const char *float_text(Arena *a, double v);
IrReg *coerce(Lower *l, IrReg *r, const TyType *from, const TyType *to);
IrReg *box(Lower *l, IrReg *r, const TyType *t);
IrReg *load_global(Lower *l, const char *name);
IrReg *load_global_as(Lower *l, const char *name, const TyType *to);
bool machine_able(const Expr *e);
IrReg *lower_machine(Lower *l, Expr *e);
IrReg *lower_machine_sat(Lower *l, Expr *e);
/* The SPY_K_* kinds a slot of type t accepts; 0 when it accepts anything. */
unsigned kind_mask(const TyType *t);
const char *union_class_check(Arena *a, const TyType *t, const char *v);
const char *fixed_kind(const TyType *t); /* SPY_I64 ... SPY_U8 */
/* The tagged int of an int literal (negated when `negative`). */
IrReg *int_const(Lower *l, bool negative, const Expr *lit);
/* lower_expr.c, shared with lower_call.c: a local held as int64_t. */
bool machine_local(const Expr *e);

/* lower_operator.c: the operator expressions lower_expr() dispatches to,
 * typed binary operations on lowered values, branch conditions. */
IrReg *lower_binop(Lower *l, Expr *e);
IrReg *lower_unary(Lower *l, Expr *e);
IrReg *lower_boolop(Lower *l, Expr *e);
IrReg *lower_compare(Lower *l, Expr *e);
IrReg *lower_ifexp(Lower *l, Expr *e);
IrReg *lower_binop_values(Lower *l, BinOp op, IrReg *a, const TyType *at, IrReg *b,
                          const TyType *bt, const TyType *rt, bool inplace);
IrReg *lower_cond(Lower *l, Expr *e);
/* A branchable register for the truth of v:t (shared with lower_call.c). */
IrReg *truth_of(Lower *l, IrReg *v, const TyType *t);

/* lower_container.c: the subscripts, displays, f-strings and attributes
 * lower_expr() dispatches to; indexes; fields of native instances. */
IrReg *lower_subscript(Lower *l, Expr *e);
IrReg *lower_sequence(Lower *l, Expr *e, const char *packer);
IrReg *lower_dict(Lower *l, Expr *e);
IrReg *lower_fstring(Lower *l, FString *fs);
IrReg *lower_attribute(Lower *l, Expr *e);
IrReg *lower_index(Lower *l, Expr *ix);
/* Is the (non-slice) index an int, so list paths may take it? */
bool int_index(const Expr *ix);
const char *field_lvalue(Arena *a, const TcAttr *attr);
/* The one field of that name among the module's native classes, if one. */
const TcAttr *field_named(const TcModule *tm, const char *name);
/* The C name of its getset getter (kind "get") or setter ("set"). */
const char *field_accessor(Arena *a, const TcAttr *attr, const char *kind);
IrReg *load_field(Lower *l, IrReg *o, const TcAttr *attr);
const char *field_defined(Arena *a, const TcAttr *attr);
const char *defined_word(Arena *a, int index);
const char *defined_mask(Arena *a, int index);

/* emit.c: the words of the defined[] bitmap of c's instances: as many as
 * the class of c's hierarchy with the most attributes needs (one layout
 * for the hierarchy: the fields come after the bitmap), bit 0 being
 * SPY_PYTHON_SUBCLASS_BIT. */
int defined_words(const TcModule *tm, const TcClass *c);

/* lower_func.c: stores v into local symbol s (setting its "assigned" flag
 * if it has one). */
void assign_local(Lower *l, const TcSymbol *s, IrReg *v);

/* lower_call.c: a call expression; obj.prop of a native @property. */
IrReg *lower_call(Lower *l, Expr *e);
IrReg *lower_property(Lower *l, Expr *e, const TcFunc *f);
void lower_property_set(Lower *l, Expr *target, IrReg *v, const TyType *vt);
bool is_constant_default(const Expr *e);

/* lower_array.c: native arrays (typecheck/native_array.c) */
const char *list_fn(Arena *a, const Expr *list, const char *op);
/* The runtime's name for an unboxed element kind ("bool", "float",
 * "int"), and how reading one reports an index error. */
const char *list_elem_kind(const TyType *elem);
IrErrKind list_read_err(const TyType *elem);
/* `name = value` making the native array name: true when lowered. */
bool lower_array_bind(Lower *l, Expr *target, Expr *value);
void lower_array_augassign(Lower *l, Stmt *s);
typedef void (*LoopBodyFn)(Lower *l, void *ctx, IrBlock *next);
typedef struct IndexLoop {
    const char *more, *item;  /* templates on %0 = index, %1 = sequence */
    IrRep rep;                /* of the item read */
    IrErrKind err;
    const TyType *item_type;  /* converted to the loop's element type */
    Stmt *s;                  /* a for statement's loop, which may be */
    IrBlock *brk;             /* versioned, and where its break goes */
    bool native;              /* the sequence is a native array */
} IndexLoop;
void lower_index_loop(Lower *l, Expr *target, IrReg *seq, const IndexLoop *how,
                      const TyType *elem, LoopBodyFn body, void *ctx, IrBlock *orelse);
void lower_array_loop(Lower *l, Expr *target, Expr *iter, LoopBodyFn body, void *ctx,
                      IrBlock *orelse, Stmt *s, IrBlock *brk);

/* lower_stmt.c */
void lower_block(Lower *l, StmtList *body);

/* lower_assign.c: the assignment statements lower_block() dispatches to. */
void lower_assign(Lower *l, Stmt *s);
void lower_augassign(Lower *l, Stmt *s);
void lower_del(Lower *l, Expr *t);
/* Binds v (of type vt) to an assignment target. */
void store_target(Lower *l, Expr *target, IrReg *v, const TyType *vt);
void store_global(Lower *l, const char *name, IrReg *boxed);
void store_field(Lower *l, const TcAttr *attr, IrReg *o, IrReg *v, const TyType *vt);

/* lower_loop.c: `body` lowers one iteration; `next` is where `continue`
 * goes.  Exhaustion jumps to orelse. */
void lower_loop(Lower *l, Expr *target, Expr *iter, TcForRange *range, LoopBodyFn body,
                void *ctx, IrBlock *orelse);
IrReg *lower_comprehension(Lower *l, Expr *e);
IrReg *lower_any_all(Lower *l, Expr *call);
/* lower_intfast.c: an int operator tree (or a comparison of two) over
 * locals and literals, on int64_t when every value is small; NULL when
 * the expression is not such a tree. */
IrReg *lower_int_fast(Lower *l, Expr *e);
IrReg *lower_int_fast_float(Lower *l, Expr *e);
IrReg *lower_int_fast_compare(Lower *l, Expr *a, CmpOp op, Expr *b);
/* An int64_t operand of generated C: its text, and its value when it is a
 * literal (so no test is written for what the literal rules out). */
typedef struct I64Operand {
    const char *c;
    bool is_lit;
    int64_t lit;
} I64Operand;
/* C statements (each line starting with indent) computing r = a OP b on
 * int64_t for + - * // % << >> & | ^; a case Python would raise or int64_t
 * cannot hold runs the statement `fail` instead. */
const char *i64_binop_text(Arena *a, BinOp op, const char *r, I64Operand x, I64Operand y,
                           const char *fail, const char *indent);

/* lower_version.c: an innermost while loop over small ints, bools, floats
 * and native arrays also gets a copy on plain C values.  When it does,
 * this emits the copy's call and the jumps to the general loop's test,
 * orelse, done or one of its statements, and returns where those
 * statements are: lower_block then starts a block at each. */
LoopResume *lower_loop_version(Lower *l, Stmt *s, IrBlock *test, IrBlock *orelse,
                               IrBlock *done);
/* The same for a for loop over range(start, stop) counting in the int64_t
 * counter; brk is where break goes. */
LoopResume *lower_for_version(Lower *l, Stmt *s, IrReg *counter, IrReg *stop, IrBlock *test,
                              IrBlock *orelse, IrBlock *brk);
/* The same for `for x in seq` over a list or native array, counting in
 * the int64_t counter. */
LoopResume *lower_foreach_version(Lower *l, Stmt *s, IrReg *counter, IrReg *seq, bool native,
                                  IrBlock *test, IrBlock *orelse, IrBlock *brk);
void lower_resume_point(Lower *l, const Stmt *s);
/* A recursive function of small ints also gets a copy on int64_t, tried
 * first at its entry (lower_version.c). */
void lower_spec_entry(Lower *l);
/* The C name of f's copy on plain values, written on first use; NULL when
 * it has none. */
const char *lower_spec_of(ModCtx *m, const TcFunc *f);
/* Prints f's copy (after the copies it calls) unless it is printed. */
void lower_spec_emit(ModCtx *m, const TcFunc *f);

/* lower_def.c: a def statement (lower_block() dispatches to it); lambdas. */
void lower_def(Lower *l, Stmt *s);
IrReg *lower_lambda(Lower *l, Expr *e);
/* A function's defaults that are not literals, into their state slots. */
void store_defaults(Lower *l, const TcFunc *f);
/* The source of a def, for the interpreter to run. */
const char *def_source(Lower *l, const Stmt *s);
/* The first line of s, its decorators included. */
int stmt_first_line(const Stmt *s);
/* The leading blanks and tabs of a source line. */
size_t indent_of(const char *text, size_t len);
const char *method_source_in_class(Lower *l, const TcFunc *f, const char *cls);
bool future_annotations(const Module *m);
void lower_interpreted_def(Lower *l, Stmt *s);
/* A generator expression the interpreter makes (typecheck:
 * check_dynamic_genexp). */
IrReg *lower_dynamic_genexp(Lower *l, Expr *e);

/* lower_class.c */
void lower_classdef(Lower *l, Stmt *s);

/* lower_gen.c */
IrReg *lower_yield(Lower *l, Expr *e);
void lower_yield_from(Lower *l, Expr *e);

/* borrow.c (before the refcount pass) */
void borrow_pass(IrFunc *f);

/* refcount.c */
void refcount_pass(IrFunc *f);

/* cgen_func.c / cgen_module.c */
const char *cg_ident(Arena *a, const char *prefix, const char *name);
const char *cg_default_literal(ModCtx *m, const Expr *d, const TyType *t);
void cg_function_proto(FILE *out, const IrFunc *f, bool semicolon);
void cg_function(FILE *out, ModCtx *m, const IrFunc *f, const EmitOptions *o);
/* Writes the module's C; returns the number of constants its state was
 * sized for (the caller checks that none was made after). */
int cg_module(FILE *out, ModCtx *m, IrFunc *body, const EmitOptions *o);
void cg_wrapper(FILE *out, ModCtx *m, const IrFunc *nf);
/* first: 0 for a function, 1 for a method (self passed on), -1 for a
 * constructor (__init__'s parameters, no self). */
void cg_wrapper_body(FILE *out, ModCtx *m, const IrFunc *nf, int first, const char *callee,
                     IrRep ret_rep);
const char *ret_ctype(IrRep rep);
const char *box_result(IrRep rep);
const char *failed_result(IrRep rep);
/* What a native function returning rep returns when it fails. */
const char *cg_error_value(IrRep rep);
/* The C test that object `v` is a `t` (a parameter's check), or NULL for
 * any object. */
const char *cg_type_test(ModCtx *m, const TyType *t, const char *v);
void c_string(FILE *out, const char *s, size_t len);
/* cgen_signature.c: the ml_doc of f's wrapper as a C string (NULL): its
 * text signature (for inspect.signature), then its docstring. */
void cg_func_doc(FILE *out, ModCtx *m, const TcFunc *f, bool method);
/* `C(params of init after self)\n--\n\n` (init NULL: `C()`), or NULL: the
 * start of a class's tp_doc, where inspect finds its signature. */
const char *cg_class_text_signature(ModCtx *m, const TcClass *c, const TcFunc *init);

/* cgen_gen.c: a generator function is its frame struct, a traverse
 * function, the resumable body (cgen_func.c) and the function that makes
 * the generator object.  The body works on C locals; each yield stores
 * those live after it in the frame and loads them back when resumed. */
typedef struct GenSpill {
    bool **at;   /* [yield index][reg id]: kept by that yield */
    bool *slot;  /* [reg id]: has a slot in the frame (kept, or an argument) */
} GenSpill;
GenSpill *cg_gen_spills(const IrFunc *f);
void cg_gen_frame(FILE *out, ModCtx *m, const IrFunc *f, const GenSpill *s, const char **names);
void cg_gen_resume_head(FILE *out, ModCtx *m, const IrFunc *f);
void cg_gen_resume_entry(FILE *out, const IrFunc *f, const char **names);
void cg_gen_creator(FILE *out, ModCtx *m, const IrFunc *f, const char **names);
void cg_yield(FILE *out, const IrFunc *f, const GenSpill *s, const IrOp *op,
              const char **names);

/* cgen_class.c */
void cg_class_decls(FILE *out, ModCtx *m, const TcClass *c);
void cg_class_proto(FILE *out, ModCtx *m, const TcClass *c);
void cg_class_defs(FILE *out, ModCtx *m, const TcClass *c);

/* cgen_subclass.c: the trampolines of Python subclasses' instances and
 * their vtable, spy_vtramp_<Class>. */
void cg_subclass_vtable(FILE *out, ModCtx *m, const TcClass *c);

/* cgen_dataclass.c: a native dataclass's __eq__ and __hash__ (when
 * cg_dataclass_native_methods), as the PyMethodDef array named by
 * cg_dataclass_methods_name that spy_dataclass_finish installs. */
bool cg_dataclass_native_methods(const TcClass *c);
const char *cg_dataclass_methods_name(ModCtx *m, const TcClass *c);
void cg_dataclass_proto(FILE *out, ModCtx *m, const TcClass *c);
void cg_dataclass_defs(FILE *out, ModCtx *m, const TcClass *c);

#endif
