/*
 * typecheck.h — the public face of the second stage: names and types.
 *
 * tc_check() binds every name of a parsed module to a symbol, turns
 * annotations into types, infers local types from first assignments,
 * checks every expression and statement, and resolves calls: a call to a
 * module function gets its arguments mapped to parameter slots here, at
 * compile time.  Results are attached to the AST (Expr.type, Expr.sema,
 * Stmt.sema) and collected in a TcModule that emit/ walks.
 *
 * Errors go to the DiagList; checking continues so all are reported.
 */
#ifndef STATICPY_TYPECHECK_H
#define STATICPY_TYPECHECK_H

#include "frontend/frontend.h"

/* ---- types ------------------------------------------------------------ */

typedef enum TyKind {
    TY_ANY,      /* unannotated / unknown: a PyObject* checked at use */
    TY_OBJECT,   /* `object`: any value, no checks */
    TY_INT,      /* arbitrary precision int (tagged word) */
    TY_I64,      /* fixed-width ints (staticpy / mypy_extensions): C */
    TY_I32,      /* arithmetic in an int64_t, OverflowError outside */
    TY_I16,      /* the type's range */
    TY_U8,
    TY_FLOAT,
    TY_BOOL,
    TY_STR,
    TY_NONE,
    TY_BYTES,
    TY_TUPLE,    /* tuple[A, B]; with `variadic`, tuple[A, ...] */
    TY_LIST,     /* list[T] */
    TY_DICT,     /* dict[K, V] */
    TY_SET,      /* set[T] */
    TY_UNION,    /* A | B | ...; Optional[T] is T | None */
    TY_ITER,     /* an iterable of args[0] (Iterator/Iterable, dict views) */
    TY_FUNC,     /* a module-level function (its symbol says which), or with
                    args a Callable[[args[1..]], args[0]]; `variadic`: [...] */
    TY_MODULE,   /* an imported module */
    TY_CLASS,    /* an instance of a native class of this module */
    TY_TYPE,     /* a native class object itself (calling it constructs) */
    TY__COUNT
} TyKind;

struct TcClass;

typedef struct TyType {
    TyKind kind;
    struct TyType **args; /* element/key/value/member types */
    int n_args;
    bool variadic;        /* TY_TUPLE: tuple[args[0], ...] */
    bool frozen;          /* TY_SET: frozenset[args[0]] */
    struct TcClass *cls;  /* TY_CLASS, TY_TYPE */
} TyType;

/* Shared singletons for the simple kinds; never freed. */
TyType *ty_simple(TyKind k);
TyType *ty_tuple(Arena *a, TyType **elts, int n);
TyType *ty_generic(Arena *a, TyKind k, TyType *arg0, TyType *arg1);
/* Callable[[params], ret]; Callable[..., ret] when params is NULL. */
TyType *ty_callable(Arena *a, TyType **params, int n, TyType *ret);
/* frozenset[elem] when frozen, else set[elem]. */
TyType *ty_set(Arena *a, TyType *elem, bool frozen);
/* t | None, flattened and without duplicates. */
TyType *ty_union(Arena *a, TyType *x, TyType *y);
/* The non-None part of an Optional, or t itself. */
TyType *ty_without_none(Arena *a, const TyType *t);
bool ty_has_none(const TyType *t);
/* Element type when iterating over t (for loops, comprehensions), or NULL
 * when t is not known to be iterable. */
TyType *ty_iter_elem(const TyType *t);
bool ty_equal(const TyType *a, const TyType *b);
/* May a value of type `from` be stored in a slot of type `to`? (int in a
 * float slot and bool in an int slot are allowed, as PEP 484 says.) */
bool ty_assignable(const TyType *to, const TyType *from);
/* Human-readable, mypy-style: "int", "tuple[int, str]". */
const char *ty_str(Arena *a, const TyType *t);
bool ty_is_numeric(const TyType *t); /* int, float, bool or fixed-width */
bool ty_is_fixed(const TyType *t);   /* i64 i32 i16 u8 */

/* ---- symbols ------------------------------------------------------------- */

typedef struct TcFunc TcFunc;

typedef enum SymKind {
    SYM_LOCAL,    /* local variable (or parameter) of a function */
    SYM_GLOBAL,   /* module global variable (lives in the module dict) */
    SYM_FUNC,     /* module-level def, bound early */
    SYM_BUILTIN,  /* a name from builtins */
    SYM_IMPORT    /* a name bound by import (lives in the module dict) */
} SymKind;

typedef struct TcSymbol {
    SymKind kind;
    const char *name;   /* interned */
    TyType *type;       /* declared or inferred; NULL until known */
    Span decl;          /* first binding */
    bool annotated;     /* type came from an annotation */
    bool is_param;
    /* A local assigned only by range() loops over machine-sized bounds
     * (len(), literals, other such locals): it lives in an int64_t. */
    bool machine;
    bool other_assign;  /* assigned other than as such a loop target */
    /* A list[bool|int|float] local that never leaves its function: a C
     * array of unboxed elements (native_array.c, runtime/spy_array.h). */
    bool native_array;
    bool maybe_unbound; /* some read may find it unbound (UnboundLocalError) */
    bool captured;      /* a nested def may read it: mirrored in a cell */
    bool rebound;       /* a nested def may assign it (nonlocal): read from
                           the cell, and dynamic (its type is Any) */
    const char *import_of; /* SYM_IMPORT bound once: "math", "math.sqrt" */
    bool final;            /* declared Final: assigned once */
    Expr *const_value;     /* a Final global's literal value, folded by emit */
    Expr *alias_of;        /* `Vec = list[float]` at module level: a type alias */
    int index;          /* SYM_LOCAL: slot in TcFunc.locals */
    TcFunc *func;       /* SYM_FUNC: the function */
} TcSymbol;

/* ---- functions ------------------------------------------------------------- */

typedef struct TcParam {
    TcSymbol *sym;
    const Param *param;  /* AST node: name, kind, default expression */
    TyType *type;
} TcParam;

struct TcFunc {
    const char *name;      /* Python name; "<module>" for the module body */
    const char *qualname;  /* "C.m" for methods */
    struct TcClass *cls;   /* owning class of a method, else NULL */
    int vslot;             /* method: its vtable slot */
    bool overridden;       /* method: a subclass overrides it */
    bool overrides;        /* method: it overrides a base method */
    bool interpreted;      /* left to the interpreter: its source is run */
    bool names_class_cell; /* such a method names super or __class__: its
                              def runs inside a stand-in class statement */
    bool is_property;      /* method: a native @property getter */
    struct TcFunc *setter; /* such a getter's native `@name.setter`, or NULL */
    bool is_setter;        /* method: that setter (no vtable slot of its own;
                              C name m_<C>__<name>__set) */
    const char *fallback;  /* why (the first unsupported construct), or NULL */
    int first_line;        /* its first source line (decorators included) */
    Stmt *def;             /* ST_FUNCDEF, or NULL for the module body */
    TcParam *params; int n_params;
    int n_posonly, n_pos, n_kwonly, n_required_pos; /* n_pos includes posonly */
    TyType *ret;
    TcSymbol **locals; int n_locals;  /* params first, in order */
    bool is_module_body;
    bool is_generator;     /* has yield: calling it makes a generator object */
    bool ends_in_with;     /* every path returns or raises, but from inside a
                              `with`: the end is reached only when a context
                              manager swallows an exception, and then returns
                              None (a TypeError unless the type admits it) */
    bool varargs, varkw;   /* has *args / **kwargs: their params come last
                              (after the keyword-only ones), tuple and dict */
    bool decorated;        /* module function with decorators: its name is a
                              plain global bound to what they return */
    /* A @staticmethod or @classmethod of a native class: compiled as a
     * module-level function (cls is NULL; a classmethod's first parameter
     * is the class) and set on the type, wrapped, by the class statement. */
    struct TcClass *static_of;
    bool is_classmethod;
    bool is_abstract;      /* method decorated @abc.abstractmethod */
    TyType *yield_type;    /* generator: the type its yields must have */
    struct TcForRange *ranges; /* its range() loops, for machine-int inference */
    struct TcMachineAssign *machine_assigns; /* `n = expr` to locals, likewise */
    int index;             /* position in TcModule.funcs */
};

/* Resolution attached to Expr.sema of an EX_CALL. */
typedef enum CallKind {
    CALL_NATIVE,   /* direct C call of a module function */
    CALL_CTOR,     /* C(...) for a native class: allocate, then __init__ */
    CALL_NATIVE_METHOD, /* obj.m(...) on a native class instance */
    CALL_METHOD,   /* obj.method(...) on a value of known builtin type */
    CALL_MATH,     /* a math-module function called as C (method names it) */
    CALL_FIXED,    /* i64(x) and kin: a checked conversion */
    CALL_GENERIC   /* anything else: evaluate callee, vectorcall */
} CallKind;

typedef struct TcCall {
    CallKind kind;
    TcFunc *target;   /* CALL_NATIVE */
    /* CALL_NATIVE: target->n_params entries; the argument expression bound
     * to each parameter, or NULL when the default applies. */
    Expr **slots;
    /* CALL_METHOD / CALL_NATIVE_METHOD: the receiver (func's value) and
     * method name; for the native case target is the method found by
     * lookup and slots exclude self.  `virtual`: dispatch through the
     * vtable because a subclass overrides it. */
    Expr *receiver;
    const char *method;
    bool virtual_call;
    /* CALL_GENERIC of a zero-argument super() in a native method: made as
     * super(<this class>, <receiver: the first parameter>), which is what
     * the interpreter finds in the method's frame. */
    const struct TcClass *super_class;
    /* CALL_NATIVE of a @classmethod: the class passed first is this one's
     * type, or (NULL) the type of `receiver`, an instance. */
    const struct TcClass *cls_arg;
} TcCall;

/* A native class: its attributes (inherited first) become struct fields,
 * its methods vtable slots. */
typedef struct TcAttr {
    const char *name;
    TyType *type;
    struct TcClass *owner;   /* class that declared it */
    int index;               /* field number in the owner chain */
    Expr *default_value;     /* class-body `x: int = 0`, or NULL */
    Span decl;
    /* Set on every instance before compiled code can see it (always_defined.c):
     * reads need no "assigned?" test, and deleting it is an error. */
    bool always_defined;
} TcAttr;

typedef struct TcClass {
    const char *name;
    Stmt *def;
    struct TcClass *base;    /* native base class, or NULL */
    TyType *type;            /* TY_CLASS of its instances */
    TcAttr **attrs; int n_attrs;   /* all, inherited first */
    TcFunc **methods; int n_methods; /* defined in this class */
    TcFunc **vtable; int n_vtable;   /* slot -> implementation */
    TcFunc **interp; int n_interp;   /* methods left to the interpreter: set
                                        on the type when the class is made */
    bool has_subclasses;
    /* A base is not a native class (Exception, dict, ...): the class is
     * made at run time by its metaclass, and its instances are dynamic. */
    bool dynamic;
    /* Set (with why) when the whole class statement is left to the
     * interpreter: decorators, metaclass keywords, or methods beside a
     * non-native base. Such a class is dynamic. */
    const char *interp_why;
    int index;               /* in TcModule.classes */
    /* `NAME = value` and `NAME: ClassVar[T] = value` in the body: class
     * variables, set on the type when the class is made; instances read
     * them through the type (Any).  tc_classvar_name/_value read them. */
    Stmt **classvars; int n_classvars;
    TcFunc **statics; int n_statics; /* @staticmethod/@classmethod defs */
    /* Derives from typing.Generic[...] (or from such a native class): its
     * type parameters are Any, and the type has __class_getitem__. */
    bool generic;
    /* Derives from abc.ABC (or has metaclass=ABCMeta), erased like Generic:
     * the abstract methods still unimplemented (sorted); instantiating
     * the class then raises the interpreter's TypeError. */
    bool abc;
    bool final_class;      /* @typing.final: no subclass, native or Python */
    const char **abstract_names; int n_abstract;
    /* A @dataclass made natively (dataclass.c): its __init__ is generated
     * in its body, the rest of what the decorator makes is copied from a
     * stand-in class when the class statement runs.  order=True: its
     * instances compare through the methods the decorator adds. */
    /* By attribute index: the class-body default a new instance starts
     * with, or NULL.  A subclass may give an inherited field another
     * (`fee = 0.0` or `fee: float = 0.0` in its body). */
    Expr **defaults;
    bool dataclass, dataclass_order;
    bool dataclass_frozen; /* its fields are read-only outside __init__ */
    bool dataclass_kw_only; /* kw_only=True: its fields are keyword-only */
    bool dataclass_no_init; /* init=False: no __init__ is generated */
    /* No field(compare=..., hash=...) in it or its dataclass bases: all
     * fields take part in __eq__, __hash__ and ordering, which are then
     * native; no field(repr=...): the same for __repr__. */
    bool dataclass_plain_compare, dataclass_plain_repr;
    struct TcClass *dataclass_base; /* the native dataclass it derives from */
} TcClass;

const char *tc_classvar_name(const Stmt *s);
/* Is c's default for attribute j its own (its field, or one it gives an
 * inherited field) rather than its base's? */
bool tc_own_default(const TcClass *c, int j);
/* Is s, of a @dataclass body, a field (an annotated name; no ClassVar,
 * InitVar or KW_ONLY marker)?  An InitVar (a parameter of __init__ only)? */
bool tc_dataclass_field(const Stmt *s);
bool tc_dataclass_initvar(const Stmt *s);
Expr *tc_classvar_value(const Stmt *s);

/* Expr.sema of an EX_ATTRIBUTE on a native instance: the TcAttr. */

/* Resolution attached to Expr.sema of an EX_NAME: the TcSymbol. */

/* Attached to Stmt.sema of an ST_FOR whose iterable is range(...). */
typedef struct TcForRange {
    Expr *start, *stop, *step;  /* start/step may be NULL */
    TcSymbol *target;           /* the loop variable when it is a local */
    struct TcForRange *next;    /* all range loops of a function */
} TcForRange;

/* A plain `local = value` that may keep the local a machine int. */
typedef struct TcMachineAssign {
    TcSymbol *target;
    Expr *value;
    struct TcMachineAssign *next;
} TcMachineAssign;

/* Attached to Expr.sema of a comprehension: per generator, its range()
 * bounds or NULL for a generic iterable. */
/* A literal, fixed-width value or machine local: an int64_t as it is. */
bool tc_machine_leaf(const Expr *e);

/* The local list a C array stands for when e names it (TcSymbol.native_array),
 * else NULL. */
const TcSymbol *tc_native_array(const Expr *e);

/* any(genexp) / all(genexp) of the builtins: lowered as a stopping loop. */
bool is_any_all_genexp(const Expr *call);
/* A call of the builtin `name` that reads the caller's namespace: locals(),
 * vars(), dir(), eval(src), exec(src). */
bool tc_reads_frame(const Expr *call, const char *name);

typedef struct TcComp {
    TcForRange **ranges;
} TcComp;

/* ---- the module -------------------------------------------------------------- */

typedef struct TcModule {
    Module *ast;
    TcFunc *body;          /* the module's top-level code */
    TcFunc **funcs; int n_funcs; /* module-level defs, in source order */
    TcSymbol **globals; int n_globals; /* source order */
    TcClass **classes; int n_classes;  /* source order, bases first */
    /* Statements of the module body the interpreter runs (their source is
     * executed in the module's namespace; the names they bind are Any),
     * with the reason each is not compiled. */
    Stmt **interp_stmts; const char **interp_stmt_why; int n_interp_stmts;
} TcModule;

/* Is s a statement of the module body the interpreter runs? */
bool tc_is_interpreted_stmt(const TcModule *tm, const Stmt *s);
TcAttr *tc_class_attr(const TcClass *c, const char *name);
/* Is name a class variable of c or of a native base? */
bool tc_class_has_classvar(const TcClass *c, const char *name);
/* Whether expression e may mention the name (conservative: true for any
 * construct it does not look into). */
bool tc_expr_mentions(const Expr *e, const char *name);
TcFunc *tc_class_method(const TcClass *c, const char *name);
/* Does c itself (not a base) define a method of that name (native,
 * interpreted, static or class method)? */
bool tc_class_defines_method(const TcClass *c, const char *name);
/* A @staticmethod/@classmethod of c or a native base, or NULL. */
TcFunc *tc_class_static(const TcClass *c, const char *name);
/* Does a native class of the module below c define `name` (so that on an
 * instance typed c it may be found elsewhere)? */
bool tc_name_redefined_below(const TcModule *tm, const TcClass *c, const char *name);
/* A method of c or a base left to the interpreter, or NULL. */
TcFunc *tc_class_interp_method(const TcClass *c, const char *name);

/* Checks `m`; allocations in `a`, errors to `diags`.  Always returns a
 * TcModule; the caller stops when diags->n_errors > 0.  A module-level
 * function that uses constructs the compiler cannot compile yet is left
 * to the interpreter (TcFunc.interpreted, with a note) unless `strict`,
 * where those are errors; tc_check is the strict form. */
TcModule *tc_check(Arena *a, Strtab *names, Module *m, DiagList *diags);
TcModule *tc_check_module(Arena *a, Strtab *names, Module *m, DiagList *diags, bool strict);

/* Writes each function's signature and each local's type (--dump=types). */
void tc_dump(const TcModule *tm, FILE *out);

#endif
