/*
 * scope.c — binding: which names a module and each function define.
 *
 * scope_collect_module() creates the module's symbols (globals, early-bound
 * functions, imports) and every function's signature before any body is
 * checked, so calls can refer to functions defined later in the file.
 * scope_collect_function() finds a function's locals (parameters, then
 * assigned names in source order, minus `global` declarations).
 */
#include "typecheck/tc_internal.h"

#include <stdlib.h>
#include <string.h>

static unsigned hash_ptr(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15u;
    return (unsigned)(x >> 32);
}

TcSymbol *symtab_get(const SymTab *t, const char *name)
{
    if (!t->cap)
        return NULL;
    for (unsigned i = hash_ptr(name) & (unsigned)(t->cap - 1);;
         i = (i + 1) & (unsigned)(t->cap - 1)) {
        TcSymbol *s = t->slots[i];
        if (!s || s->name == name)
            return s;
    }
}

static void symtab_grow(Arena *a, SymTab *t)
{
    SymTab bigger = {ARENA_ARRAY(a, TcSymbol *, t->cap ? t->cap * 2 : 16),
                     t->cap ? t->cap * 2 : 16, 0};
    for (int i = 0; i < t->cap; i++)
        if (t->slots[i])
            symtab_put(a, &bigger, t->slots[i]);
    *t = bigger;
}

void symtab_put(Arena *a, SymTab *t, TcSymbol *s)
{
    if ((t->n + 1) * 2 > t->cap)
        symtab_grow(a, t);
    unsigned i = hash_ptr(s->name) & (unsigned)(t->cap - 1);
    while (t->slots[i] && t->slots[i]->name != s->name)
        i = (i + 1) & (unsigned)(t->cap - 1);
    if (!t->slots[i])
        t->n++;
    t->slots[i] = s;
}

static TcSymbol *new_symbol(Tc *tc, SymKind kind, const char *name, Span decl)
{
    TcSymbol *s = ARENA_NEW(tc->a, TcSymbol);
    s->kind = kind;
    s->name = name;
    s->decl = decl;
    return s;
}

/* ---- annotations -------------------------------------------------------- */

/* The name an annotation spells: `List`, `typing.List`, `t.Optional`,
 * `collections.abc.Iterable`. */
static const char *annotation_name(const Expr *e)
{
    if (e->kind == EX_NAME)
        return e->u.name.id;
    const Expr *v = e;
    while (v->kind == EX_ATTRIBUTE)
        v = v->u.attribute.value;
    return e->kind == EX_ATTRIBUTE && v->kind == EX_NAME ? e->u.attribute.attr : NULL;
}

static bool is(const char *name, const char *s) { return name && strcmp(name, s) == 0; }

/* The arguments of X[a, b]; n == -1 when there is a single one. */
static ExprList subscript_args(Expr *index)
{
    if (index->kind == EX_TUPLE)
        return index->u.seq.elts;
    return (ExprList){NULL, -1};
}

/* A class the compiler knows nothing of, named where an annotation may:
 * a global or imported name of the module (Decimal, a namedtuple, a class
 * of another module), a builtin (complex, bytearray, Exception), or an
 * attribute of an imported module (pathlib.Path, datetime.date).  Its
 * values are dynamic, as a class left to the interpreter's are. */
static bool runtime_class_name(Tc *tc, const Expr *ann)
{
    if (ann->kind == EX_NAME) {
        const TcSymbol *s = symtab_get(&tc->globals, ann->u.name.id);
        if (s)
            return s->kind == SYM_GLOBAL || s->kind == SYM_IMPORT;
        return builtin_exists(ann->u.name.id);
    }
    if (ann->kind != EX_ATTRIBUTE)
        return false;
    const Expr *v = ann->u.attribute.value;
    while (v->kind == EX_ATTRIBUTE)
        v = v->u.attribute.value;
    const TcSymbol *s = v->kind == EX_NAME ? symtab_get(&tc->globals, v->u.name.id) : NULL;
    return s && s->kind == SYM_IMPORT;
}

static TyType *annotation_error(Tc *tc, Expr *ann)
{
    if (runtime_class_name(tc, ann))
        return ty_simple(TY_ANY);
    if (ann->kind == EX_SUBSCRIPT && runtime_class_name(tc, ann->u.subscript.value))
        return ty_simple(TY_ANY); /* np.ndarray[...], a generic class of another module */
    if (ann->kind == EX_NAME && !symtab_get(&tc->globals, ann->u.name.id)) {
        tc_error(tc, ann->span, "name '%s' is not defined", ann->u.name.id);
        return ty_simple(TY_ANY);
    }
    const Source *src = tc->mod->ast->src;
    size_t len;
    const char *line = src_line(src, (int)ann->span.line, &len);
    size_t end = ann->span.end_line == ann->span.line ? ann->span.end_col : len;
    if (end > len)
        end = len;
    const char *text = ann->span.col < end
                           ? arena_strndup(tc->a, line + ann->span.col, end - ann->span.col)
                           : "?";
    tc_error(tc, ann->span, "type \"%s\" is not supported yet", text);
    return ty_simple(TY_ANY);
}

/* Callable[[A, B], R] and Callable[..., R]. */
static TyType *callable_annotation(Tc *tc, Expr *params, Expr *ret)
{
    TyType *r = scope_annotation(tc, ret);
    if (params->kind == EX_ELLIPSIS)
        return ty_callable(tc->a, NULL, 0, r);
    int n = params->u.seq.elts.n;
    TyType **ps = ARENA_ARRAY(tc->a, TyType *, n ? n : 1);
    for (int i = 0; i < n; i++)
        ps[i] = scope_annotation(tc, params->u.seq.elts.v[i]);
    return ty_callable(tc->a, ps, n, r);
}

/* typing / collections.abc names the checker has no representation for
 * yet: values of these types are dynamic (checked where they meet a typed
 * slot), so annotated code using them compiles. */
static bool dynamic_type_name(const char *n)
{
    static const char *const names[] = {
        "Mapping", "MutableMapping", "AbstractSet", "MutableSet", "Collection",
        "Container", "Reversible", "MutableSequence", "Deque", "deque", "DefaultDict",
        "defaultdict", "OrderedDict", "Counter", "ChainMap", "Hashable", "Sized",
        "Awaitable", "Coroutine", "AsyncIterator", "AsyncIterable", "AsyncGenerator",
        "Type", "type", "Pattern", "Match", "IO", "TextIO", "BinaryIO", "KeysView",
        "ValuesView", "ItemsView", "MappingView", "SupportsInt", "SupportsFloat",
        "SupportsIndex", "SupportsAbs", "Buffer", "LiteralString", "Never", "NoReturn",
        NULL,
    };
    for (int i = 0; names[i]; i++)
        if (!strcmp(n, names[i]))
            return true;
    return false;
}

/* Literal[...]: the type of its values when they all have one (str, int,
 * bool, None), else Any. */
static TyType *literal_annotation(Expr **args, int n)
{
    TyKind k = TY__COUNT;
    for (int i = 0; i < n; i++) {
        TyKind ki = args[i]->kind == EX_STR ? TY_STR
                  : args[i]->kind == EX_INT ? TY_INT
                  : args[i]->kind == EX_UNARY && args[i]->u.unary.operand->kind == EX_INT ? TY_INT
                  : args[i]->kind == EX_TRUE || args[i]->kind == EX_FALSE ? TY_BOOL
                  : args[i]->kind == EX_NONE ? TY_NONE : TY_ANY;
        k = k == TY__COUNT || k == ki ? ki : TY_ANY;
    }
    return ty_simple(k == TY__COUNT ? TY_ANY : k);
}

static TyType *generic_annotation(Tc *tc, Expr *ann, const char *base, Expr *index)
{
    Expr **args = &index;
    int n = 1;
    ExprList many = subscript_args(index);
    if (many.n >= 0) {
        args = many.v;
        n = many.n;
    }
    if ((is(base, "list") || is(base, "List") || is(base, "set") || is(base, "Set") ||
         is(base, "Sequence") || is(base, "Iterator") || is(base, "Iterable") ||
         is(base, "Optional") || is(base, "frozenset") || is(base, "FrozenSet")) && n == 1) {
        TyType *t = scope_annotation(tc, args[0]);
        if (is(base, "Optional"))
            return ty_union(tc->a, t, ty_simple(TY_NONE));
        if (is(base, "frozenset") || is(base, "FrozenSet"))
            return ty_set(tc->a, t, true);
        TyKind k = is(base, "list") || is(base, "List") ? TY_LIST
                 : is(base, "set") || is(base, "Set") ? TY_SET : TY_ITER;
        return ty_generic(tc->a, k, t, NULL);
    }
    if (dynamic_type_name(base))
        return ty_simple(TY_ANY);
    const TcSymbol *cs = ann->u.subscript.value->kind == EX_NAME
                             ? symtab_get(&tc->globals, base) : NULL;
    if (cs && cs->type && cs->type->kind == TY_TYPE && cs->type->cls->generic) {
        for (int i = 0; i < n; i++) /* Stack[int]: a Stack (parameters erased) */
            scope_annotation(tc, args[i]);
        return cs->type->cls->type;
    }
    if (is(base, "Literal") && n >= 1)
        return literal_annotation(args, n);
    if (is(base, "Generator") && n == 3) {
        /* Generator[Y, S, R]: what it yields; send and return types are
         * checked as Any. */
        scope_annotation(tc, args[1]);
        scope_annotation(tc, args[2]);
        return ty_generic(tc->a, TY_ITER, scope_annotation(tc, args[0]), NULL);
    }
    if ((is(base, "dict") || is(base, "Dict")) && n == 2)
        return ty_generic(tc->a, TY_DICT, scope_annotation(tc, args[0]),
                          scope_annotation(tc, args[1]));
    if (is(base, "Union") && n >= 1) {
        TyType *t = scope_annotation(tc, args[0]);
        for (int i = 1; i < n; i++)
            t = ty_union(tc->a, t, scope_annotation(tc, args[i]));
        return t;
    }
    if (is(base, "Final") && n == 1)
        return scope_annotation(tc, args[0]);
    if (is(base, "Callable") && n == 2) {
        if (args[0]->kind == EX_LIST || args[0]->kind == EX_ELLIPSIS)
            return callable_annotation(tc, args[0], args[1]);
        tc_error(tc, args[0]->span, "the first argument to Callable must be a list of "
                 "types or \"...\"");
        return ty_simple(TY_ANY);
    }
    static const struct { const char *name; int nargs; } arity[] = {
        {"list", 1}, {"List", 1}, {"set", 1}, {"Set", 1}, {"Sequence", 1}, {"Iterator", 1},
        {"Iterable", 1}, {"Optional", 1}, {"Final", 1}, {"dict", 2}, {"Dict", 2},
        {"frozenset", 1}, {"FrozenSet", 1}, {"Callable", 2}, {"Generator", 3},
    };
    for (size_t i = 0; i < sizeof arity / sizeof *arity; i++)
        if (is(base, arity[i].name)) {
            tc_error(tc, ann->span, "\"%s\" expects %d type argument%s, got %d", base,
                     arity[i].nargs, arity[i].nargs == 1 ? "" : "s", n);
            return ty_simple(TY_ANY);
        }
    if (is(base, "tuple") || is(base, "Tuple")) {
        if (n == 2 && args[1]->kind == EX_ELLIPSIS) {
            TyType *t = ty_generic(tc->a, TY_TUPLE, scope_annotation(tc, args[0]), NULL);
            t->variadic = true;
            return t;
        }
        TyType **elts = ARENA_ARRAY(tc->a, TyType *, n ? n : 1);
        for (int i = 0; i < n; i++)
            elts[i] = scope_annotation(tc, args[i]);
        return ty_tuple(tc->a, elts, n);
    }
    return annotation_error(tc, ann);
}

/* i64, i32, i16, u8 imported from staticpy or mypy_extensions. */
TyType *scope_fixed_type(const TcSymbol *s)
{
    static const struct { const char *name; TyKind kind; } fixed[] = {
        {"i64", TY_I64}, {"i32", TY_I32}, {"i16", TY_I16}, {"u8", TY_U8},
    };
    if (s->kind != SYM_IMPORT || !s->import_of)
        return NULL;
    const char *dot = strrchr(s->import_of, '.');
    if (!dot || (strncmp(s->import_of, "staticpy.", 9) != 0 &&
                 strncmp(s->import_of, "mypy_extensions.", 16) != 0))
        return NULL;
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (!strcmp(dot + 1, fixed[i].name))
            return ty_simple(fixed[i].kind);
    return NULL;
}

/* "Optional[Node]": the string's text parsed as an expression whose spans
 * are those of the text in the file (src_expr_at).  NULL when the literal
 * is not a plain one-line string or does not parse. */
static Expr *parse_string_annotation(Tc *tc, Expr *ann)
{
    const Source *src = tc->mod->ast->src;
    size_t len, n = ann->u.str.len, col = ann->span.col;
    const char *line = src_line(src, (int)ann->span.line, &len);
    if (ann->span.end_line != ann->span.line || col < 2 || col + n + 2 > len ||
        (line[col] != '"' && line[col] != '\'') || line[col + n + 1] != line[col] ||
        memcmp(line + col + 1, ann->u.str.s, n) != 0 || memchr(ann->u.str.s, '\n', n))
        return NULL;
    const char *text = src_expr_at(tc->a, ann->span.line, col + 1, ann->u.str.s, n);
    Source *fake = src_from_string(tc->a, src->path, text);
    DiagList quiet;
    diag_init(&quiet, tc->a, fake);
    Module *m = fe_parse(tc->a, tc->names, fake, &quiet);
    bool ok = m && !quiet.n_errors && m->body.n == 1 && m->body.v[0]->kind == ST_ASSIGN;
    diag_free(&quiet);
    return ok ? m->body.v[0]->u.assign.value : NULL;
}

/* "Name", "mod.Name" (a forward reference to a class or simple type) or
 * any annotation written as a string. */
static TyType *string_annotation(Tc *tc, Expr *ann)
{
    const char *text = ann->u.str.s;
    size_t len = ann->u.str.len;
    for (size_t i = 0; i < len; i++)
        if (!(text[i] == '_' || text[i] == '.' || (text[i] >= 'a' && text[i] <= 'z') ||
              (text[i] >= 'A' && text[i] <= 'Z') || (i > 0 && text[i] >= '0' && text[i] <= '9'))) {
            Expr *parsed = parse_string_annotation(tc, ann);
            if (!parsed || parsed->kind == EX_STR || tc->alias_depth >= 20)
                return annotation_error(tc, ann);
            tc->expanding[tc->alias_depth++] = NULL;
            TyType *t = scope_annotation(tc, parsed);
            tc->alias_depth--;
            return t;
        }
    const char *dot = memchr(text, '.', len);
    const char *name = dot ? dot + 1 : text;
    Expr fake = {.kind = EX_NAME, .span = ann->span};
    fake.u.name.id = strtab_intern(tc->names, name, len - (size_t)(name - text));
    return scope_annotation(tc, &fake);
}

/* Turns an annotation expression into a type; reports what it cannot. */
TyType *scope_annotation(Tc *tc, Expr *ann)
{
    if (ann->kind == EX_NONE)
        return ty_simple(TY_NONE);
    const char *n = annotation_name(ann);
    if (n) {
        static const struct { const char *name; TyKind kind; } simple[] = {
            {"int", TY_INT}, {"float", TY_FLOAT}, {"bool", TY_BOOL}, {"str", TY_STR},
            {"bytes", TY_BYTES}, {"object", TY_OBJECT}, {"Any", TY_ANY}, {"None", TY_NONE},
        };
        for (size_t i = 0; i < sizeof simple / sizeof *simple; i++)
            if (is(n, simple[i].name))
                return ty_simple(simple[i].kind);
        if (dynamic_type_name(n))
            return ty_simple(TY_ANY);
        if (is(n, "list") || is(n, "List"))
            return ty_generic(tc->a, TY_LIST, ty_simple(TY_ANY), NULL);
        if (is(n, "dict") || is(n, "Dict"))
            return ty_generic(tc->a, TY_DICT, ty_simple(TY_ANY), ty_simple(TY_ANY));
        if (is(n, "set") || is(n, "Set"))
            return ty_generic(tc->a, TY_SET, ty_simple(TY_ANY), NULL);
        if (is(n, "frozenset") || is(n, "FrozenSet"))
            return ty_set(tc->a, ty_simple(TY_ANY), true);
        if (is(n, "Callable"))
            return ty_callable(tc->a, NULL, 0, ty_simple(TY_ANY));
        if (is(n, "tuple") || is(n, "Tuple")) {
            TyType *t = ty_generic(tc->a, TY_TUPLE, ty_simple(TY_ANY), NULL);
            t->variadic = true;
            return t;
        }
    }
    if (ann->kind == EX_SUBSCRIPT) {
        const char *base = annotation_name(ann->u.subscript.value);
        if (base)
            return generic_annotation(tc, ann, base, ann->u.subscript.index);
    }
    if (ann->kind == EX_BINOP && ann->u.binop.op == OP_BITOR)
        return ty_union(tc->a, scope_annotation(tc, ann->u.binop.left),
                        scope_annotation(tc, ann->u.binop.right));
    if (ann->kind == EX_NAME) {
        TcSymbol *sym = symtab_get(&tc->globals, ann->u.name.id);
        if (sym && sym->type && sym->type->kind == TY_TYPE)
            return sym->type->cls->type;
        TyType *f = sym ? scope_fixed_type(sym) : NULL;
        if (f)
            return f;
        /* A class made at run time (non-native base, or left to the
         * interpreter): its instances are dynamic values. */
        for (int i = 0; sym && i < tc->mod->n_classes; i++)
            if (tc->mod->classes[i]->dynamic && !strcmp(tc->mod->classes[i]->name, ann->u.name.id))
                return ty_simple(TY_ANY);
        if (sym && sym->alias_of && tc->alias_depth < 20) {
            /* A recursive alias (Json = Union[Dict[str, "Json"], ...]) is
             * expanded once: its reference to itself is Any, which keeps
             * the type finite and every value it stands for checked. */
            for (int i = 0; i < tc->alias_depth; i++)
                if (tc->expanding[i] == sym)
                    return ty_simple(TY_ANY);
            tc->expanding[tc->alias_depth++] = sym;
            TyType *t = scope_annotation(tc, sym->alias_of);
            tc->alias_depth--;
            return t;
        }
    }
    if (ann->kind == EX_STR)
        return string_annotation(tc, ann);
    return annotation_error(tc, ann);
}

/* ---- module level ---------------------------------------------------------- */

static void bind_global_(Tc *tc, SymKind kind, const char *name, Span span);

static void bind_global(Tc *tc, SymKind kind, const char *name, Span span)
{
    bind_global_(tc, kind, name, span);
    TcSymbol *s = symtab_get(&tc->globals, name);
    if (tc->binding_dynamic && s && s->kind != SYM_FUNC) {
        s->type = ty_simple(TY_ANY);
        s->import_of = NULL;
    }
}

static void bind_global_(Tc *tc, SymKind kind, const char *name, Span span)
{
    TcSymbol *old = symtab_get(&tc->globals, name);
    if (old)
        old->import_of = NULL;
    if (old) {
        if (old->kind == SYM_FUNC || kind == SYM_FUNC)
            tc_error(tc, span, "name '%s' is already bound to %s; "
                     "rebinding a module function is not supported yet",
                     name, old->kind == SYM_FUNC ? "a function" : "a global");
        return;
    }
    TcSymbol *s = new_symbol(tc, kind, name, span);
    symtab_put(tc->a, &tc->globals, s);
    TcModule *m = tc->mod;
    TcSymbol **grown = ARENA_ARRAY(tc->a, TcSymbol *, m->n_globals + 1);
    if (m->n_globals)
        memcpy(grown, m->globals, sizeof(TcSymbol *) * (size_t)m->n_globals);
    grown[m->n_globals++] = s;
    m->globals = grown;
}

/* An import binding; a name imported twice (or also assigned) has no
 * single origin, so only a first, sole binding records it. */
static void bind_import(Tc *tc, const char *name, Span span, const char *origin)
{
    bool fresh = !symtab_get(&tc->globals, name);
    bind_global(tc, SYM_IMPORT, name, span);
    TcSymbol *s = symtab_get(&tc->globals, name);
    s->import_of = fresh && !tc->binding_dynamic ? origin : NULL;
}

static void bind_target(Tc *tc, Expr *t, SymKind kind)
{
    if (t->kind == EX_NAME)
        bind_global(tc, kind, t->u.name.id, t->span);
    else if (t->kind == EX_TUPLE || t->kind == EX_LIST)
        for (int i = 0; i < t->u.seq.elts.n; i++)
            bind_target(tc, t->u.seq.elts.v[i], kind);
    else if (t->kind == EX_STARRED) /* a, *rest = ... */
        bind_target(tc, t->u.starred.value, kind);
}

const char *scope_import_binding(Tc *tc, const Alias *al)
{
    if (al->asname)
        return al->asname;
    const char *dot = strchr(al->name, '.');
    return dot ? strtab_intern(tc->names, al->name, (size_t)(dot - al->name))
               : al->name;
}

static void collect_funcdef(Tc *tc, Stmt *s);

/* Does e spell a generic type (list[int], Optional[X], A | None, ...)? */
static bool looks_like_type(const Expr *e)
{
    static const char *const generics[] = {
        "list", "List", "dict", "Dict", "set", "Set", "tuple", "Tuple", "Optional",
        "Union", "Iterable", "Iterator", "Sequence", "frozenset", "FrozenSet", "Callable",
        "Generator", NULL,
    };
    if (e->kind == EX_BINOP && e->u.binop.op == OP_BITOR)
        return looks_like_type(e->u.binop.left) || looks_like_type(e->u.binop.right);
    if (e->kind != EX_SUBSCRIPT)
        return false;
    const Expr *b = e->u.subscript.value;
    const char *n = b->kind == EX_NAME ? b->u.name.id
                  : b->kind == EX_ATTRIBUTE ? b->u.attribute.attr : NULL;
    for (int i = 0; n && generics[i]; i++)
        if (!strcmp(n, generics[i]))
            return true;
    return n && (!strcmp(n, "Literal") || dynamic_type_name(n)); /* Mode = Literal["r", "w"] */
}

/* `Vec = list[float]`: the name is a type alias for annotations (it is
 * still assigned at run time, as the interpreter does). */
/* T = TypeVar("T") (and ParamSpec, TypeVarTuple): in annotations T is
 * dynamic; UserId = NewType("UserId", int): UserId stands for int. */
static Expr *typevar_alias(Tc *tc, const Expr *v)
{
    if (v->kind != EX_CALL || v->u.call.n_args < 1)
        return NULL;
    const Expr *fn = v->u.call.func;
    const char *n = fn->kind == EX_NAME ? fn->u.name.id
                  : fn->kind == EX_ATTRIBUTE ? fn->u.attribute.attr : NULL;
    if (!n)
        return NULL;
    if (!strcmp(n, "NewType") && v->u.call.n_args == 2 && !v->u.call.args[1]->name)
        return v->u.call.args[1]->value;
    if (strcmp(n, "TypeVar") && strcmp(n, "ParamSpec") && strcmp(n, "TypeVarTuple"))
        return NULL;
    Expr *any = ARENA_NEW(tc->a, Expr);
    any->kind = EX_NAME;
    any->span = v->span;
    any->u.name.id = strtab_cstr(tc->names, "Any");
    return any;
}

static void note_alias(Tc *tc, Stmt *s)
{
    if (s->u.assign.targets.n != 1 || s->u.assign.targets.v[0]->kind != EX_NAME)
        return;
    Expr *tv = typevar_alias(tc, s->u.assign.value);
    if (tv) {
        TcSymbol *sym = symtab_get(&tc->globals, s->u.assign.targets.v[0]->u.name.id);
        if (sym && sym->kind == SYM_GLOBAL)
            sym->alias_of = sym->alias_of ? NULL : tv;
        return;
    }
    if (!looks_like_type(s->u.assign.value))
        return;
    TcSymbol *sym = symtab_get(&tc->globals, s->u.assign.targets.v[0]->u.name.id);
    if (sym && sym->kind == SYM_GLOBAL)
        sym->alias_of = sym->alias_of ? NULL : s->u.assign.value; /* assigned twice: not one */
}

/* `type Vec = list[float]` (PEP 695): an alias for annotations; the
 * statement itself runs in the interpreter, which evaluates it lazily. */
static void note_type_statement(Tc *tc, Stmt *s)
{
    if (s->u.typealias.generic || s->u.typealias.name->kind != EX_NAME)
        return;
    TcSymbol *sym = symtab_get(&tc->globals, s->u.typealias.name->u.name.id);
    if (sym && sym->kind == SYM_GLOBAL)
        sym->alias_of = sym->alias_of ? NULL : s->u.typealias.value;
}

static void named_global(Expr *target, void *tc)
{
    bind_target(tc, target, SYM_GLOBAL);
}

static void collect_module_stmts(Tc *tc, StmtList *body)
{
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        bool was_dynamic = tc->binding_dynamic;
        if (tc_is_interp_stmt(tc, s))
            tc->binding_dynamic = true;
        ast_named_targets(s, named_global, tc);
        if (tc->binding_dynamic && (s->kind == ST_FUNCDEF || s->kind == ST_CLASSDEF)) {
            /* made by the interpreter as part of the statement around it */
            bind_global(tc, SYM_GLOBAL, s->kind == ST_FUNCDEF ? s->u.funcdef.name
                        : s->u.classdef.name, s->span);
            tc->binding_dynamic = was_dynamic;
            continue;
        }
        switch (s->kind) {
        case ST_FUNCDEF:
            collect_funcdef(tc, s);
            break;
        case ST_ASSIGN:
            for (int j = 0; j < s->u.assign.targets.n; j++)
                bind_target(tc, s->u.assign.targets.v[j], SYM_GLOBAL);
            note_alias(tc, s);
            break;
        case ST_ANNASSIGN:
            bind_target(tc, s->u.annassign.target, SYM_GLOBAL);
            break;
        case ST_TYPEALIAS:
            bind_target(tc, s->u.typealias.name, SYM_GLOBAL);
            note_type_statement(tc, s);
            break;
        case ST_CLASSDEF:
            bind_global(tc, SYM_GLOBAL, s->u.classdef.name, s->u.classdef.name_span);
            classes_declare(tc, s, symtab_get(&tc->globals, s->u.classdef.name));
            break;
        case ST_AUGASSIGN:
            bind_target(tc, s->u.augassign.target, SYM_GLOBAL);
            break;
        case ST_FOR:
            bind_target(tc, s->u.for_.target, SYM_GLOBAL);
            collect_module_stmts(tc, &s->u.for_.body);
            collect_module_stmts(tc, &s->u.for_.orelse);
            break;
        case ST_WHILE:
            collect_module_stmts(tc, &s->u.while_.body);
            collect_module_stmts(tc, &s->u.while_.orelse);
            break;
        case ST_IF:
            collect_module_stmts(tc, &s->u.if_.body);
            collect_module_stmts(tc, &s->u.if_.orelse);
            break;
        case ST_TRY:
            collect_module_stmts(tc, &s->u.try_.body);
            for (int j = 0; j < s->u.try_.n_handlers; j++) {
                ExceptHandler *h = s->u.try_.handlers[j];
                if (h->name)
                    bind_global(tc, SYM_GLOBAL, h->name, h->span);
                collect_module_stmts(tc, &h->body);
            }
            collect_module_stmts(tc, &s->u.try_.orelse);
            collect_module_stmts(tc, &s->u.try_.finalbody);
            break;
        case ST_WITH:
            for (int j = 0; j < s->u.with.n_items; j++)
                if (s->u.with.items[j]->target)
                    bind_target(tc, s->u.with.items[j]->target, SYM_GLOBAL);
            collect_module_stmts(tc, &s->u.with.body);
            break;
        case ST_IMPORT:
            for (int j = 0; j < s->u.import.n_names; j++) {
                const Alias *al = s->u.import.names[j];
                bind_import(tc, scope_import_binding(tc, al), s->span,
                            al->asname || !strchr(al->name, '.') ? al->name : NULL);
            }
            break;
        case ST_IMPORTFROM:
            for (int j = 0; j < s->u.importfrom.n_names; j++) {
                const Alias *al = s->u.importfrom.names[j];
                if (strcmp(al->name, "*") != 0 && (s->u.importfrom.module || s->u.importfrom.level))
                    bind_import(tc, al->asname ? al->asname : al->name, s->span,
                                s->u.importfrom.level ? NULL
                                : arena_printf(tc->a, "%s.%s", s->u.importfrom.module, al->name));
            }
            break;
        case ST_MATCH:
            for (int j = 0; j < s->u.match.n_cases; j++) {
                const MatchCase *c = s->u.match.cases[j];
                for (int k = 0; k < c->n_captures; k++)
                    bind_global(tc, SYM_GLOBAL, c->captures[k], c->pattern->span);
                collect_module_stmts(tc, (StmtList *)&c->body);
            }
            break;
        default:
            break;
        }
        tc->binding_dynamic = was_dynamic;
    }
}

/* Signature: parameter kinds and types, counts, return type. */
void scope_signature(Tc *tc, TcFunc *f, Stmt *def)
{
    ParamList *pl = &def->u.funcdef.params;
    f->params = ARENA_ARRAY(tc->a, TcParam, pl->n ? pl->n : 1);
    Param *star[2] = {NULL, NULL}; /* *args, **kwargs: bound last */
    for (int i = 0; i < pl->n; i++) {
        Param *p = pl->v[i];
        if (p->kind == PARAM_VARARGS || p->kind == PARAM_VARKW) {
            star[p->kind == PARAM_VARKW] = p;
            continue;
        }
        TcParam *tp = &f->params[f->n_params++];
        tp->param = p;
        tp->type = p->annotation ? scope_annotation(tc, p->annotation)
                                 : ty_simple(TY_ANY);
        if (p->kind == PARAM_KWONLY) {
            f->n_kwonly++;
        } else {
            if (p->kind == PARAM_POSONLY)
                f->n_posonly++;
            if (!p->default_value && f->n_pos == f->n_required_pos)
                f->n_required_pos++;
            f->n_pos++;
        }
    }
    for (int k = 0; k < 2; k++) {
        Param *p = star[k];
        if (!p)
            continue;
        TyType *t = p->annotation ? scope_annotation(tc, p->annotation) : ty_simple(TY_ANY);
        TcParam *tp = &f->params[f->n_params++];
        tp->param = p;
        if (k == 0) {
            tp->type = ty_generic(tc->a, TY_TUPLE, t, NULL);
            tp->type->variadic = true;
            f->varargs = true;
        } else {
            tp->type = ty_generic(tc->a, TY_DICT, ty_simple(TY_STR), t);
            f->varkw = true;
        }
    }
    f->ret = def->u.funcdef.returns ? scope_annotation(tc, def->u.funcdef.returns)
                                    : ty_simple(TY_ANY);
}

void scope_check_def_header(Tc *tc, Stmt *s)
{
    const TcFunc *f = s->sema;
    const ExprList *d = &s->u.funcdef.decorators;
    /* module functions may have them; a method a lone @property (classes.c
     * decides whether it is a native getter) */
    bool property = d->n == 1 && d->v[0]->kind == EX_NAME && !strcmp(d->v[0]->u.name.id, "property");
    if (d->n && (!f || f->cls) && !property && !tc_abstract_decorated(tc, s) &&
        !tc_setter_decorated(s))
        tc_unsupported(tc, d->v[0]->span, "decorators");
    if (s->u.funcdef.is_async)
        tc_unsupported(tc, s->span, "async functions");
    if (s->u.funcdef.has_type_params)
        tc_unsupported(tc, s->span, "type parameters");
}

void scope_add_func(Tc *tc, TcFunc *f)
{
    TcModule *m = tc->mod;
    f->index = m->n_funcs;
    TcFunc **grown = ARENA_ARRAY(tc->a, TcFunc *, m->n_funcs + 1);
    if (m->n_funcs)
        memcpy(grown, m->funcs, sizeof(TcFunc *) * (size_t)m->n_funcs);
    grown[m->n_funcs++] = f;
    m->funcs = grown;
}

static void collect_funcdef(Tc *tc, Stmt *s)
{
    TcFunc *f = ARENA_NEW(tc->a, TcFunc);
    f->name = s->u.funcdef.name;
    f->qualname = f->name;
    f->def = s;
    scope_add_func(tc, f);
    bool existed = symtab_get(&tc->globals, f->name) != NULL;
    /* A decorated function's name is bound to whatever its decorators
     * return: a global like any other, called through the module dict. */
    f->decorated = s->u.funcdef.decorators.n > 0;
    bind_global(tc, f->decorated ? SYM_GLOBAL : SYM_FUNC, f->name, s->u.funcdef.name_span);
    TcSymbol *sym = symtab_get(&tc->globals, f->name);
    if (!existed && f->decorated) {
        sym->type = ty_simple(TY_ANY);
    } else if (!existed) {
        sym->func = f;
        sym->type = ty_simple(TY_FUNC);
    }
    s->sema = f;
}

/* The name under which the module imports typing's (or
 * typing_extensions') overload, or NULL. */
static const char *overload_name(const StmtList *body)
{
    for (int i = 0; i < body->n; i++) {
        const Stmt *s = body->v[i];
        if (s->kind != ST_IMPORTFROM || !s->u.importfrom.module ||
            (strcmp(s->u.importfrom.module, "typing") &&
             strcmp(s->u.importfrom.module, "typing_extensions")))
            continue;
        for (int j = 0; j < s->u.importfrom.n_names; j++)
            if (!strcmp(s->u.importfrom.names[j]->name, "overload"))
                return s->u.importfrom.names[j]->asname ? s->u.importfrom.names[j]->asname
                                                         : "overload";
    }
    return NULL;
}

static bool is_overload_stub(const Stmt *s, const char *as)
{
    if (s->kind != ST_FUNCDEF)
        return false;
    for (int i = 0; i < s->u.funcdef.decorators.n; i++) {
        const Expr *d = s->u.funcdef.decorators.v[i];
        if ((as && d->kind == EX_NAME && !strcmp(d->u.name.id, as)) ||
            (d->kind == EX_ATTRIBUTE && !strcmp(d->u.attribute.attr, "overload") &&
             d->u.attribute.value->kind == EX_NAME &&
             (!strcmp(d->u.attribute.value->u.name.id, "typing") ||
              !strcmp(d->u.attribute.value->u.name.id, "typing_extensions"))))
            return true;
    }
    return false;
}

/* `@overload` signatures are for type checkers: the def after them is the
 * function.  They are dropped (the interpreter would bind the name to a
 * stub first and record it for typing.get_overloads()), in the module
 * body and in class bodies. */
static void drop_overload_stubs(StmtList *body, const char *as)
{
    int n = 0;
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        if (is_overload_stub(s, as))
            continue;
        if (s->kind == ST_CLASSDEF)
            drop_overload_stubs(&s->u.classdef.body, as);
        body->v[n++] = s;
    }
    body->n = n;
}

/* Names first, then signatures and class layouts, so annotations may
 * name any class of the module wherever it is defined. */
void scope_collect_module(Tc *tc)
{
    drop_overload_stubs(&tc->mod->ast->body, overload_name(&tc->mod->ast->body));
    collect_module_stmts(tc, &tc->mod->ast->body);
    classes_resolve_bases(tc);
    for (int i = 0; i < tc->mod->n_funcs; i++) {
        TcFunc *f = tc->mod->funcs[i];
        if (tc_is_interp(tc, f->def)) {
            f->interpreted = true;
            f->fallback = tc_is_interp(tc, f->def);
            f->ret = ty_simple(TY_ANY);
            continue;
        }
        int n = tc->d->n, errors = tc->d->n_errors, unsupported = tc->n_unsupported;
        scope_check_def_header(tc, f->def);
        scope_signature(tc, f, f->def);
        if (tc->d->n_errors > errors && tc->d->n_errors - errors == tc->n_unsupported - unsupported)
            f->fallback = tc->d->v[n]->msg;
    }
    classes_resolve(tc);
    classes_find_always_defined(tc);
}

/* ---- function level ---------------------------------------------------------- */

typedef struct LocalCollector {
    Tc *tc;
    TcFunc *f;
    PtrVec locals;
    SymTab *globals_declared;
} LocalCollector;

static void add_local(LocalCollector *lc, const char *name, Span span)
{
    Tc *tc = lc->tc;
    if (symtab_get(&tc->locals, name) || symtab_get(lc->globals_declared, name))
        return;
    TcSymbol *s = new_symbol(tc, SYM_LOCAL, name, span);
    s->index = lc->locals.n;
    ptrvec_push(&lc->locals, s);
    symtab_put(tc->a, &tc->locals, s);
}

static void local_target(LocalCollector *lc, Expr *t)
{
    if (t->kind == EX_NAME)
        add_local(lc, t->u.name.id, t->span);
    else if (t->kind == EX_TUPLE || t->kind == EX_LIST)
        for (int i = 0; i < t->u.seq.elts.n; i++)
            local_target(lc, t->u.seq.elts.v[i]);
    else if (t->kind == EX_STARRED) /* a, *rest = ... */
        local_target(lc, t->u.starred.value);
}

static void collect_globals_decl(LocalCollector *lc, StmtList *body)
{
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        if (s->kind == ST_GLOBAL) {
            for (int j = 0; j < s->u.global.n_names; j++) {
                TcSymbol *g = symtab_get(&lc->tc->globals, s->u.global.names[j]);
                if (!g) {
                    bind_global(lc->tc, SYM_GLOBAL, s->u.global.names[j], s->span);
                    g = symtab_get(&lc->tc->globals, s->u.global.names[j]);
                }
                symtab_put(lc->tc->a, lc->globals_declared, g);
            }
        } else if (s->kind == ST_IF) {
            collect_globals_decl(lc, &s->u.if_.body);
            collect_globals_decl(lc, &s->u.if_.orelse);
        } else if (s->kind == ST_WHILE || s->kind == ST_FOR) {
            StmtList *b = s->kind == ST_WHILE ? &s->u.while_.body : &s->u.for_.body;
            StmtList *e = s->kind == ST_WHILE ? &s->u.while_.orelse : &s->u.for_.orelse;
            collect_globals_decl(lc, b);
            collect_globals_decl(lc, e);
        }
    }
}

static void named_local(Expr *target, void *lc)
{
    local_target(lc, target);
}

static void collect_locals(LocalCollector *lc, StmtList *body)
{
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        ast_named_targets(s, named_local, lc); /* if (n := len(x)) > 5: */
        switch (s->kind) {
        case ST_ASSIGN:
            for (int j = 0; j < s->u.assign.targets.n; j++)
                local_target(lc, s->u.assign.targets.v[j]);
            break;
        case ST_ANNASSIGN: local_target(lc, s->u.annassign.target); break;
        case ST_AUGASSIGN: local_target(lc, s->u.augassign.target); break;
        case ST_FOR:
            local_target(lc, s->u.for_.target);
            collect_locals(lc, &s->u.for_.body);
            collect_locals(lc, &s->u.for_.orelse);
            break;
        case ST_WHILE:
            collect_locals(lc, &s->u.while_.body);
            collect_locals(lc, &s->u.while_.orelse);
            break;
        case ST_IF:
            collect_locals(lc, &s->u.if_.body);
            collect_locals(lc, &s->u.if_.orelse);
            break;
        case ST_TRY:
            collect_locals(lc, &s->u.try_.body);
            for (int j = 0; j < s->u.try_.n_handlers; j++) {
                ExceptHandler *h = s->u.try_.handlers[j];
                if (h->name)
                    add_local(lc, h->name, h->span);
                collect_locals(lc, &h->body);
            }
            collect_locals(lc, &s->u.try_.orelse);
            collect_locals(lc, &s->u.try_.finalbody);
            break;
        case ST_WITH:
            for (int j = 0; j < s->u.with.n_items; j++)
                if (s->u.with.items[j]->target)
                    local_target(lc, s->u.with.items[j]->target);
            collect_locals(lc, &s->u.with.body);
            break;
        case ST_MATCH:
            for (int j = 0; j < s->u.match.n_cases; j++) {
                const MatchCase *c = s->u.match.cases[j];
                for (int k = 0; k < c->n_captures; k++)
                    add_local(lc, c->captures[k], c->pattern->span);
                collect_locals(lc, &s->u.match.cases[j]->body);
            }
            break;
        case ST_FUNCDEF: add_local(lc, s->u.funcdef.name, s->span); break;
        case ST_CLASSDEF: add_local(lc, s->u.classdef.name, s->span); break;
        case ST_IMPORT: /* its names are locals of the function */
            for (int j = 0; j < s->u.import.n_names; j++)
                add_local(lc, scope_import_binding(lc->tc, s->u.import.names[j]), s->span);
            break;
        case ST_IMPORTFROM:
            for (int j = 0; j < s->u.importfrom.n_names; j++) {
                const Alias *al = s->u.importfrom.names[j];
                if (strcmp(al->name, "*") != 0)
                    add_local(lc, al->asname ? al->asname : al->name, s->span);
            }
            break;
        default: break;
        }
    }
}

void scope_collect_function(Tc *tc, TcFunc *f)
{
    SymTab declared = {0};
    LocalCollector lc = {tc, f, {0}, &declared};
    tc->locals = (SymTab){0};
    collect_globals_decl(&lc, &f->def->u.funcdef.body);
    for (int i = 0; i < f->n_params; i++) {
        const Param *p = f->params[i].param;
        if (symtab_get(&declared, p->name))
            tc_error(tc, p->span, "name '%s' is parameter and global", p->name);
        add_local(&lc, p->name, p->span);
        TcSymbol *s = symtab_get(&tc->locals, p->name);
        s->is_param = true;
        s->type = f->params[i].type;
        s->annotated = p->annotation != NULL;
        f->params[i].sym = s;
    }
    collect_locals(&lc, &f->def->u.funcdef.body);
    f->n_locals = lc.locals.n;
    f->locals = (TcSymbol **)ptrvec_finish(tc->a, &lc.locals);
}

/* A local only a comprehension can see: a fresh slot in the function. */
TcSymbol *scope_hidden_local(Tc *tc, const char *name, Span span)
{
    TcFunc *f = tc->func;
    TcSymbol *s = new_symbol(tc, SYM_LOCAL, name, span);
    s->index = f->n_locals;
    TcSymbol **grown = ARENA_ARRAY(tc->a, TcSymbol *, f->n_locals + 1);
    bool *assigned = ARENA_ARRAY(tc->a, bool, f->n_locals + 1);
    if (f->n_locals) {
        memcpy(grown, f->locals, sizeof(TcSymbol *) * (size_t)f->n_locals);
        if (tc->assigned.v)
            memcpy(assigned, tc->assigned.v, sizeof(bool) * (size_t)f->n_locals);
    }
    grown[f->n_locals++] = s;
    f->locals = grown;
    tc->assigned.v = assigned;
    tc->assigned.n = f->n_locals;
    return s;
}

/* Comprehension names, then local, then module-level, then builtin; NULL
 * when undefined. */
TcSymbol *scope_lookup(Tc *tc, const char *name)
{
    bool in_lambda = false;
    for (Overlay *o = tc->overlay; o; o = o->outer) {
        TcSymbol *s = symtab_get(&o->names, name);
        if (s) {
            if (in_lambda && !tc->captured)
                tc->captured = name;
            if (in_lambda)
                s->captured = true;
            return s;
        }
        in_lambda |= o->lambda;
    }
    TcSymbol *s = symtab_get(&tc->locals, name);
    if (s) {
        if (in_lambda && !tc->captured)
            tc->captured = name;
        if (in_lambda)
            s->captured = true; /* a cell mirrors it (closure lambdas) */
        return s;
    }
    s = symtab_get(&tc->globals, name);
    if (s)
        return s;
    if (!builtin_exists(name))
        return NULL;
    s = new_symbol(tc, SYM_BUILTIN, name, (Span){0, 0, 0, 0});
    s->type = ty_simple(TY_ANY);
    symtab_put(tc->a, &tc->globals, s);
    return s;
}
