/*
 * check_module.c — the entry point: tc_check() collects the module's names
 * and signatures (scope.c), checks the module body (which gives module
 * globals their types), then each function; machine-int inference of
 * locals; and the fallbacks to the interpreter (functions, methods and
 * module-level statements whose only errors are unsupported constructs,
 * found in a first pass and left to the interpreter in a second).
 */
#include "typecheck/tc_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- entry point -------------------------------------------------------------- */

static bool machine_expr(const Expr *e);

static bool machine_bound(const Expr *e) { return !e || machine_expr(e); }

/* A stop may also be any int: emit saturates it to the int64 range, so
 * indices from a machine start stay machine-sized. */
static bool machine_stop(const Expr *e)
{
    return machine_expr(e) || (e->type && e->type->kind == TY_INT);
}

bool tc_machine_leaf(const Expr *e)
{
    if (e->type && ty_is_fixed(e->type))
        return true;
    switch (e->kind) {
    case EX_INT: return e->u.int_lit.fits_i64;
    case EX_UNARY:
        return e->u.unary.op == UOP_NEG && e->u.unary.operand->kind == EX_INT &&
               e->u.unary.operand->u.int_lit.fits_i64;
    case EX_NAME: {
        const TcSymbol *s = e->sema;
        return s && s->kind == SYM_LOCAL && s->machine;
    }
    default: return false;
    }
}

/* Is e's value known to fit an int64 (given the current machine locals)? */
static bool machine_expr(const Expr *e)
{
    if (tc_machine_leaf(e))
        return true;
    switch (e->kind) {
    case EX_BINOP:
        /* i + 1 for a loop index i: the loop's bounds keep it far from the
         * int64 limits; lowering still checks the conversion. */
        return (e->u.binop.op == OP_ADD || e->u.binop.op == OP_SUB) &&
               machine_expr(e->u.binop.left) && machine_expr(e->u.binop.right);
    case EX_CALL: {
        const Expr *fn = e->u.call.func;
        const TcSymbol *s = fn->kind == EX_NAME ? fn->sema : NULL;
        return s && s->kind == SYM_BUILTIN && !strcmp(s->name, "len") &&
               e->u.call.n_args == 1;
    }
    default: return false;
    }
}

/* Fixpoint: start from every local only ever assigned as a range() loop
 * target, drop those with a loop whose bounds are not machine-sized. */
static bool machine_candidate(const TcSymbol *s)
{
    return !s->other_assign && !s->is_param && !s->captured && s->type &&
           s->type->kind == TY_INT;
}

/* Fixpoint: start from every int local only ever assigned as a range()
 * loop target or by a plain `n = value`, drop those with a loop whose
 * bounds, or a value, is not machine-sized. */
static void infer_machine_locals(TcFunc *f)
{
    for (TcForRange *r = f->ranges; r; r = r->next)
        r->target->machine = machine_candidate(r->target);
    for (TcMachineAssign *a = f->machine_assigns; a; a = a->next)
        a->target->machine = machine_candidate(a->target);
    for (bool changed = true; changed;) {
        changed = false;
        for (TcForRange *r = f->ranges; r; r = r->next)
            if (r->target->machine &&
                !(machine_bound(r->start) && machine_stop(r->stop) && machine_bound(r->step))) {
                r->target->machine = false;
                changed = true;
            }
        for (TcMachineAssign *a = f->machine_assigns; a; a = a->next)
            if (a->target->machine && !machine_expr(a->value)) {
                a->target->machine = false;
                changed = true;
            }
    }
}

static bool expr_yields(const Expr *e);

static bool list_yields(const ExprList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i] && expr_yields(l->v[i]))
            return true;
    return false;
}

/* Does e contain yield (outside nested lambdas/comprehensions' own scopes
 * it counts too: either way the function is not compilable yet)? */
static bool expr_yields(const Expr *e)
{
    switch (e->kind) {
    case EX_YIELD: case EX_YIELD_FROM: return true;
    case EX_BINOP: return expr_yields(e->u.binop.left) || expr_yields(e->u.binop.right);
    case EX_UNARY: return expr_yields(e->u.unary.operand);
    case EX_BOOLOP: return list_yields(&e->u.boolop.values);
    case EX_COMPARE: return list_yields(&e->u.compare.operands);
    case EX_CALL:
        if (expr_yields(e->u.call.func))
            return true;
        for (int i = 0; i < e->u.call.n_args; i++)
            if (expr_yields(e->u.call.args[i]->value))
                return true;
        return false;
    case EX_ATTRIBUTE: return expr_yields(e->u.attribute.value);
    case EX_SUBSCRIPT: return expr_yields(e->u.subscript.value) || expr_yields(e->u.subscript.index);
    case EX_TUPLE: case EX_LIST: case EX_SET: return list_yields(&e->u.seq.elts);
    case EX_IFEXP:
        return expr_yields(e->u.ifexp.test) || expr_yields(e->u.ifexp.body) ||
               expr_yields(e->u.ifexp.orelse);
    case EX_STARRED: case EX_DOUBLESTARRED: case EX_AWAIT:
        return e->u.starred.value && expr_yields(e->u.starred.value);
    default: return false;
    }
}

/* Is f a generator?  Checked up front so its `return`s and the end of its
 * body are not reported as errors of a normal function. */
static bool block_yields(const StmtList *b)
{
    for (int i = 0; i < b->n; i++) {
        const Stmt *s = b->v[i];
        switch (s->kind) {
        case ST_EXPR: if (expr_yields(s->u.expr.value)) return true; break;
        case ST_ASSIGN: if (expr_yields(s->u.assign.value)) return true; break;
        case ST_AUGASSIGN: if (expr_yields(s->u.augassign.value)) return true; break;
        case ST_ANNASSIGN:
            if (s->u.annassign.value && expr_yields(s->u.annassign.value)) return true;
            break;
        case ST_RETURN: if (s->u.ret.value && expr_yields(s->u.ret.value)) return true; break;
        case ST_IF:
            if (expr_yields(s->u.if_.test) || block_yields(&s->u.if_.body) ||
                block_yields(&s->u.if_.orelse))
                return true;
            break;
        case ST_WHILE:
            if (expr_yields(s->u.while_.test) || block_yields(&s->u.while_.body) ||
                block_yields(&s->u.while_.orelse))
                return true;
            break;
        case ST_FOR:
            if (expr_yields(s->u.for_.iter) || block_yields(&s->u.for_.body) ||
                block_yields(&s->u.for_.orelse))
                return true;
            break;
        case ST_TRY:
            if (block_yields(&s->u.try_.body) || block_yields(&s->u.try_.orelse) ||
                block_yields(&s->u.try_.finalbody))
                return true;
            for (int j = 0; j < s->u.try_.n_handlers; j++)
                if (block_yields(&s->u.try_.handlers[j]->body))
                    return true;
            break;
        case ST_WITH: if (block_yields(&s->u.with.body)) return true; break;
        default: break;
        }
    }
    return false;
}

/* Did everything reported since (n, errors, unsupported) come from
 * unsupported constructs?  Then the function can be left to the
 * interpreter; the reason is the first message. */
static const char *only_unsupported(Tc *tc, int n, int errors, int unsupported)
{
    int new_errors = tc->d->n_errors - errors;
    if (new_errors == 0 || new_errors != tc->n_unsupported - unsupported)
        return NULL;
    for (int i = n; i < tc->d->n; i++)
        if (tc->d->v[i]->level == DIAG_ERROR)
            return tc->d->v[i]->msg;
    return NULL;
}

bool tc_is_interp_stmt(Tc *tc, const Stmt *s)
{
    return s->kind != ST_FUNCDEF && s->kind != ST_CLASSDEF && tc_is_interp(tc, s);
}

bool tc_is_interpreted_stmt(const TcModule *tm, const Stmt *s)
{
    for (int i = 0; i < tm->n_interp_stmts; i++)
        if (tm->interp_stmts[i] == s)
            return true;
    return false;
}

static void add_interp_stmt(Tc *tc, Stmt *s, const char *why)
{
    TcModule *tm = tc->mod;
    Stmt **v = ARENA_ARRAY(tc->a, Stmt *, tm->n_interp_stmts + 1);
    const char **w = ARENA_ARRAY(tc->a, const char *, tm->n_interp_stmts + 1);
    for (int i = 0; i < tm->n_interp_stmts; i++) {
        v[i] = tm->interp_stmts[i];
        w[i] = tm->interp_stmt_why[i];
    }
    v[tm->n_interp_stmts] = s;
    w[tm->n_interp_stmts++] = why;
    tm->interp_stmts = v;
    tm->interp_stmt_why = w;
}

/* The module body.  A top-level statement (other than a def or class,
 * which have their own fallbacks) whose only errors are unsupported
 * constructs is run by the interpreter: found in the first pass, skipped
 * in the second (scope.c binds its names as Any). */
static void check_module_body(Tc *tc, StmtList *body)
{
    for (int i = 0; i < body->n; i++) {
        Stmt *s = body->v[i];
        const char *why = tc_is_interp_stmt(tc, s) ? tc_is_interp(tc, s) : NULL;
        if (why) {
            add_interp_stmt(tc, s, why);
            continue;
        }
        int n = tc->d->n, errors = tc->d->n_errors, unsupported = tc->n_unsupported;
        check_stmt(tc, s);
        why = only_unsupported(tc, n, errors, unsupported);
        if (why && !tc->interp && !tc->strict && s->kind != ST_FUNCDEF &&
            s->kind != ST_CLASSDEF && tc_alone_on_lines(tc, s))
            add_interp_stmt(tc, s, why);
    }
}

const char *tc_is_interp(Tc *tc, const Stmt *def)
{
    for (int i = 0; i < tc->n_interp; i++)
        if (tc->interp[i] == def)
            return tc->interp_why[i];
    return NULL;
}

static void check_function_body(Tc *tc, TcFunc *f);

static void check_function(Tc *tc, TcFunc *f)
{
    if (f->interpreted)
        return;
    int n = tc->d->n, errors = tc->d->n_errors, unsupported = tc->n_unsupported;
    tc->in_handler = 0;
    check_function_body(tc, f);
    if (!f->fallback)
        f->fallback = only_unsupported(tc, n, errors, unsupported);
    /* A method stays native where native code relies on it. */
    if (f->cls && (f->overridden || f->overrides || !strcmp(f->name, "__init__") ||
                   !strcmp(f->name, "__repr__") || !strcmp(f->name, "__str__")))
        f->fallback = NULL;
}

/* A generator's declared return type gives the type of what it yields. */
static void start_generator(Tc *tc, TcFunc *f)
{
    f->is_generator = true;
    TyKind rk = f->ret->kind;
    if (rk == TY_ITER)
        f->yield_type = f->ret->args[0];
    else if (rk == TY_ANY || rk == TY_OBJECT)
        f->yield_type = ty_simple(TY_ANY);
    else {
        Expr *r = f->def->u.funcdef.returns;
        tc_error(tc, r ? r->span : f->def->u.funcdef.name_span,
                 "the return type of a generator function should be \"Generator\" or one of "
                 "its supertypes");
        f->yield_type = ty_simple(TY_ANY);
    }
}

static void check_function_body(Tc *tc, TcFunc *f)
{
    if (block_yields(&f->def->u.funcdef.body)) {
        if (f->def->u.funcdef.is_async) {
            tc_unsupported(tc, f->def->u.funcdef.name_span, "async generators");
            return;
        }
        start_generator(tc, f);
    }
    tc->func = f;
    scope_collect_function(tc, f);
    tc->assigned = (Assigned){ARENA_ARRAY(tc->a, bool, f->n_locals ? f->n_locals : 1),
                              f->n_locals, false};
    for (int i = 0; i < f->n_params; i++)
        tc->assigned.v[f->params[i].sym->index] = true;
    tc->loop = NULL;
    check_block(tc, &f->def->u.funcdef.body);
    TyKind rk = f->ret->kind;
    if (!tc->assigned.unreachable && rk != TY_NONE && rk != TY_ANY && rk != TY_OBJECT &&
        !f->is_generator) {
        /* as mypy: a with body that returns ends the function, and an
         * abstract method's body may be `...`; reaching the end returns
         * None, checked against the declared type */
        if (tc_ends_in_terminal_with(&f->def->u.funcdef.body) || f->is_abstract)
            f->ends_in_with = true;
        else
            tc_error(tc, f->def->u.funcdef.name_span, "missing return statement");
    }
    infer_machine_locals(f);
    tc_find_native_arrays(tc, f);
    /* Locals never assigned a value of known type stay dynamic. */
    for (int i = 0; i < f->n_locals; i++)
        if (!f->locals[i]->type)
            f->locals[i]->type = ty_simple(TY_ANY);
}

static void init_names(Tc *tc)
{
    Strtab *n = tc->names;
    tc->n_int = strtab_cstr(n, "int");
    tc->n_float = strtab_cstr(n, "float");
    tc->n_bool = strtab_cstr(n, "bool");
    tc->n_str = strtab_cstr(n, "str");
    tc->n_object = strtab_cstr(n, "object");
    tc->n_range = strtab_cstr(n, "range");
    tc->n_Any = strtab_cstr(n, "Any");
    tc->n_tuple = strtab_cstr(n, "tuple");
    tc->n_Tuple = strtab_cstr(n, "Tuple");
    tc->n_None = strtab_cstr(n, "None");
}

static TcModule *check_once(Arena *a, Strtab *names, Module *m, DiagList *diags, bool strict,
                            Stmt **interp, const char **why, int n_interp)
{
    Tc tc = {.a = a, .names = names, .d = diags, .strict = strict, .interp = interp,
             .interp_why = why, .n_interp = n_interp};
    init_names(&tc);
    TcModule *tm = ARENA_NEW(a, TcModule);
    tm->ast = m;
    tc.mod = tm;
    scope_collect_module(&tc);
    TcFunc *body = ARENA_NEW(a, TcFunc);
    body->name = body->qualname = "<module>";
    body->is_module_body = true;
    body->ret = ty_simple(TY_NONE);
    body->index = -1;
    tm->body = body;
    tc.func = body;
    tc.assigned = (Assigned){NULL, 0, false};
    check_module_body(&tc, &m->body);
    for (int i = 0; i < tm->n_globals; i++)
        if (!tm->globals[i]->type)
            tm->globals[i]->type = ty_simple(TY_ANY);
    for (int i = 0; i < tm->n_funcs; i++)
        check_function(&tc, tm->funcs[i]);
    for (int i = 0; i < tm->n_classes; i++)
        for (int j = 0; j < tm->classes[i]->n_methods; j++)
            check_function(&tc, tm->classes[i]->methods[j]);
    for (int i = 0; i < tm->n_funcs; i++) {
        TcFunc *f = tm->funcs[i];
        if (f->interpreted)
            diag_add(diags, DIAG_NOTE, f->def->u.funcdef.name_span,
                     "function '%s' is left to the interpreter: %s", f->name, f->fallback);
    }
    for (int i = 0; i < tm->n_classes; i++)
        if (tm->classes[i]->interp_why)
        {
            const char *why = tm->classes[i]->interp_why;
            diag_add(diags, DIAG_NOTE, tm->classes[i]->def->u.classdef.name_span,
                     "class '%s' is left to the interpreter: %s %s not supported yet",
                     tm->classes[i]->name, why, why[strlen(why) - 1] == 's' ? "are" : "is");
        }
    for (int i = 0; i < tm->n_classes; i++)
        for (int j = 0; j < tm->classes[i]->n_interp; j++) {
            TcFunc *f = tm->classes[i]->interp[j];
            diag_add(diags, DIAG_NOTE, f->def->u.funcdef.name_span,
                     "method '%s' is left to the interpreter: %s", f->qualname, f->fallback);
        }
    for (int i = 0; interp && i < tm->n_interp_stmts; i++)
        diag_add(diags, DIAG_NOTE, tm->interp_stmts[i]->span,
                 "this statement is left to the interpreter: %s", tm->interp_stmt_why[i]);
    return tm;
}

/* Functions whose only problems are unsupported constructs are found in a
 * first pass, then everything is checked again with them left to the
 * interpreter, so that calls to them are not bound natively. */
TcModule *tc_check_module(Arena *a, Strtab *names, Module *m, DiagList *diags, bool strict)
{
    int n = diags->n, errors = diags->n_errors;
    TcModule *tm = check_once(a, names, m, diags, strict, NULL, NULL, 0);
    if (strict)
        return tm;
    Stmt **interp;
    const char **why;
    int k = 0;
    int cap = tm->n_funcs + tm->n_interp_stmts;
    for (int i = 0; i < tm->n_classes; i++)
        cap += tm->classes[i]->n_methods;
    interp = ARENA_ARRAY(a, Stmt *, cap ? cap : 1);
    why = ARENA_ARRAY(a, const char *, cap ? cap : 1);
    for (int i = 0; i < tm->n_funcs; i++)
        if (tm->funcs[i]->fallback) {
            why[k] = tm->funcs[i]->fallback;
            interp[k++] = tm->funcs[i]->def;
        }
    for (int i = 0; i < tm->n_classes; i++)
        for (int j = 0; j < tm->classes[i]->n_methods; j++)
            if (tm->classes[i]->methods[j]->fallback) {
                why[k] = tm->classes[i]->methods[j]->fallback;
                interp[k++] = tm->classes[i]->methods[j]->def;
            }
    for (int i = 0; i < tm->n_interp_stmts; i++) {
        why[k] = tm->interp_stmt_why[i];
        interp[k++] = tm->interp_stmts[i];
    }
    if (!k)
        return tm;
    diags->n = n;
    diags->n_errors = errors;
    return check_once(a, names, m, diags, strict, interp, why, k);
}

TcModule *tc_check(Arena *a, Strtab *names, Module *m, DiagList *diags)
{
    return tc_check_module(a, names, m, diags, true);
}

void tc_dump(const TcModule *tm, FILE *out)
{
    Arena *a = arena_new();
    for (int i = 0; i < tm->n_globals; i++)
        fprintf(out, "global %s: %s\n", tm->globals[i]->name,
                ty_str(a, tm->globals[i]->type));
    for (int i = 0; i < tm->n_funcs; i++) {
        TcFunc *f = tm->funcs[i];
        fprintf(out, "def %s(", f->name);
        for (int j = 0; j < f->n_params; j++)
            fprintf(out, "%s%s: %s%s", j ? ", " : "", f->params[j].param->name,
                    ty_str(a, f->params[j].type),
                    f->params[j].param->default_value ? " = ..." : "");
        fprintf(out, ") -> %s\n", ty_str(a, f->ret));
        for (int j = 0; j < f->n_locals; j++)
            if (!f->locals[j]->is_param)
                fprintf(out, "    %s: %s\n", f->locals[j]->name,
                        ty_str(a, f->locals[j]->type));
    }
    arena_free(a);
}
