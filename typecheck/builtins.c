/*
 * builtins.c — what the checker knows about Python's builtins: which names
 * exist (so an undefined name is a compile-time error) and the static
 * result type of the few whose calls the rest of the module relies on.
 * Calls to builtins still go through the generic call path; the result is
 * checked at runtime when it flows into a typed slot.
 */
#include "typecheck/tc_internal.h"

#include <string.h>

static const char *const builtin_names[] = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
    "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError",
    "BytesWarning", "ChildProcessError", "ConnectionAbortedError",
    "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning",
    "EnvironmentError", "Exception", "ExceptionGroup", "False",
    "FileExistsError", "FileNotFoundError", "FloatingPointError",
    "FutureWarning", "GeneratorExit", "IOError", "ImportError",
    "ImportWarning", "IndentationError", "IndexError", "InterruptedError",
    "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError",
    "MemoryError", "ModuleNotFoundError", "NameError", "None",
    "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "PermissionError",
    "ProcessLookupError", "PythonFinalizationError", "RecursionError",
    "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning",
    "SystemError", "SystemExit", "TabError", "TimeoutError", "True",
    "TypeError", "UnboundLocalError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
    "UnicodeWarning", "UserWarning", "ValueError", "Warning",
    "ZeroDivisionError", "__build_class__", "__debug__", "__doc__",
    "__import__", "__name__", "__file__", "__spec__", "__loader__",
    "__package__", "abs", "aiter", "all", "anext", "any", "ascii", "bin",
    "bool", "breakpoint", "bytearray", "bytes", "callable", "chr",
    "classmethod", "compile", "complex", "copyright", "credits", "delattr",
    "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter",
    "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash",
    "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter",
    "len", "license", "list", "locals", "map", "max", "memoryview", "min",
    "next", "object", "oct", "open", "ord", "pow", "print", "property",
    "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
    "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars",
    "zip",
};

bool builtin_exists(const char *name)
{
    /* Only looked up once per distinct name (scope_lookup caches the
     * symbol), so a linear scan is enough. */
    for (size_t i = 0; i < sizeof builtin_names / sizeof *builtin_names; i++)
        if (strcmp(builtin_names[i], name) == 0)
            return true;
    return false;
}

/* The common type of all arguments when they share one of int/float/str. */
static TyType *same_simple(TyType **args, int n)
{
    if (n == 0)
        return ty_simple(TY_ANY);
    TyKind k = args[0]->kind;
    if (k != TY_INT && k != TY_FLOAT && k != TY_STR)
        return ty_simple(TY_ANY);
    for (int i = 1; i < n; i++)
        if (args[i]->kind != k)
            return ty_simple(TY_ANY);
    return ty_simple(k);
}

/* Builtins that consume or produce iterables. */
static TyType *iterable_result(Tc *tc, const char *name, TyType **args, int n)
{
    TyType *e = n >= 1 ? ty_iter_elem(args[0]) : NULL;
    Arena *a = tc->a;
    if (!strcmp(name, "list") || !strcmp(name, "sorted"))
        return ty_generic(a, TY_LIST, e ? e : ty_simple(TY_ANY), NULL);
    if (!strcmp(name, "set") || !strcmp(name, "frozenset"))
        return ty_set(a, e ? e : ty_simple(TY_ANY), name[0] == 'f');
    if (!strcmp(name, "dict") && n == 0)
        return ty_generic(a, TY_DICT, ty_simple(TY_ANY), ty_simple(TY_ANY));
    if (!strcmp(name, "reversed") && e)
        return ty_generic(a, TY_ITER, e, NULL);
    if (!strcmp(name, "range"))
        return ty_generic(a, TY_ITER, ty_simple(TY_INT), NULL);
    if (!strcmp(name, "enumerate") && e) {
        TyType *ie[2] = {ty_simple(TY_INT), e};
        return ty_generic(a, TY_ITER, ty_tuple(a, ie, 2), NULL);
    }
    if (!strcmp(name, "zip") && n >= 1) {
        TyType **es = ARENA_ARRAY(a, TyType *, n);
        for (int i = 0; i < n; i++) {
            es[i] = ty_iter_elem(args[i]);
            if (!es[i])
                return ty_simple(TY_ANY);
        }
        return ty_generic(a, TY_ITER, ty_tuple(a, es, n), NULL);
    }
    if ((!strcmp(name, "min") || !strcmp(name, "max")) && n == 1 && e)
        return e;
    if (!strcmp(name, "sum") && n == 1 && e && (e->kind == TY_INT || e->kind == TY_FLOAT))
        return e;
    if ((!strcmp(name, "any") || !strcmp(name, "all")) && n == 1)
        return ty_simple(TY_BOOL);
    return ty_simple(TY_ANY);
}

TyType *builtin_result_type(Tc *tc, const char *name, TyType **args, int n)
{
    if (!strcmp(name, "len") || !strcmp(name, "hash") || !strcmp(name, "ord"))
        return ty_simple(TY_INT);
    if (!strcmp(name, "int"))
        return ty_simple(TY_INT);
    if (!strcmp(name, "float"))
        return ty_simple(TY_FLOAT);
    if (!strcmp(name, "str") || !strcmp(name, "repr") || !strcmp(name, "chr") ||
        !strcmp(name, "hex") || !strcmp(name, "bin") || !strcmp(name, "oct") ||
        !strcmp(name, "ascii"))
        return ty_simple(TY_STR);
    if (!strcmp(name, "bool") || !strcmp(name, "isinstance") ||
        !strcmp(name, "callable"))
        return ty_simple(TY_BOOL);
    if (!strcmp(name, "print"))
        return ty_simple(TY_NONE);
    if (!strcmp(name, "abs") && n == 1) {
        if (args[0]->kind == TY_BOOL)
            return ty_simple(TY_INT);
        return same_simple(args, 1)->kind == TY_STR ? ty_simple(TY_ANY)
                                                    : same_simple(args, 1);
    }
    if (!strcmp(name, "round") && n == 1 && ty_is_numeric(args[0]))
        return ty_simple(TY_INT);
    if ((!strcmp(name, "min") || !strcmp(name, "max")) && n >= 2)
        return same_simple(args, n);
    return iterable_result(tc, name, args, n);
}

/* Does this builtin call read the caller's namespace?  locals(), vars()
 * and dir() without an argument, eval() and exec() given only the source. */
bool tc_reads_frame(const Expr *call, const char *name)
{
    int n = call->u.call.n_args;
    if (!strcmp(name, "locals") || !strcmp(name, "vars") || !strcmp(name, "dir"))
        return n == 0;
    if (!strcmp(name, "eval") || !strcmp(name, "exec"))
        return n == 1 && !call->u.call.args[0]->name;
    return false;
}

/* Compiled code runs without a frame of its own: in a function such a
 * call would see the caller's namespace, so the function is left to the
 * interpreter.  In the module body the namespace is the module dict,
 * which emit passes explicitly (globals() needs no frame anywhere). */
void builtin_check_frame_use(Tc *tc, Expr *call, const char *name)
{
    if (!tc_reads_frame(call, name))
        return;
    if (!tc->func->is_module_body)
        tc_unsupported(tc, call->span, arena_printf(tc->a, "%s() inside a function", name));
    else if (tc->overlay)
        tc_unsupported(tc, call->span,
                       arena_printf(tc->a, "%s() inside a comprehension or lambda", name));
}
