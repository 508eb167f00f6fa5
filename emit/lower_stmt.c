/*
 * lower_stmt.c — statements to IR: the dispatch on the statement's kind
 * (lower_block), control flow (if, while, for, break and continue,
 * return, raise, try/except/finally, with, assert) and imports (in a
 * function they bind locals).  Assignments are lowered in lower_assign.c,
 * defs and lambdas in lower_def.c.
 */
#include "emit/lower.h"

#include <stdlib.h>
#include <string.h>

/* ---- control flow ---------------------------------------------------------------- */

static void lower_if(Lower *l, Stmt *s)
{
    IrBlock *yes = ir_block(l->f), *no = ir_block(l->f), *done = ir_block(l->f);
    emit_branch(l, lower_cond(l, s->u.if_.test), yes, no);
    l->cur = yes;
    lower_block(l, &s->u.if_.body);
    if (l->cur)
        emit_goto(l, done);
    l->cur = no;
    lower_block(l, &s->u.if_.orelse);
    if (l->cur)
        emit_goto(l, done);
    l->cur = done;
}

/* The body of a loop with its break/continue targets; then the else
 * clause, which runs when the loop ends without break. */
static void loop_body(Lower *l, StmtList *body, IrBlock *cont, IrBlock *brk)
{
    LoopTargets t = {brk, cont, l->loop};
    l->loop = &t;
    lower_block(l, body);
    l->loop = t.outer;
    if (l->cur)
        emit_goto(l, cont);
}

static void lower_while(Lower *l, Stmt *s)
{
    IrBlock *head = ir_block(l->f), *body = ir_block(l->f), *orelse = ir_block(l->f),
            *done = ir_block(l->f);
    l->line = (int)s->span.line;
    l->resume = lower_loop_version(l, s, head, orelse, done);
    start_block(l, head);
    emit_branch(l, lower_cond(l, s->u.while_.test), body, orelse);
    l->cur = body;
    loop_body(l, &s->u.while_.body, head, done);
    l->resume = NULL;
    l->cur = orelse;
    lower_block(l, &s->u.while_.orelse);
    if (l->cur)
        emit_goto(l, done);
    l->cur = done;
}

typedef struct ForCtx {
    StmtList *body;
    IrBlock *brk;
} ForCtx;

static void for_body(Lower *l, void *p, IrBlock *next)
{
    ForCtx *c = p;
    LoopTargets t = {c->brk, next, l->loop};
    l->loop = &t;
    lower_block(l, c->body);
    l->loop = t.outer;
}

static void lower_for(Lower *l, Stmt *s)
{
    IrBlock *orelse = ir_block(l->f), *done = ir_block(l->f);
    ForCtx c = {&s->u.for_.body, done};
    l->for_stmt = s;
    l->for_brk = done;
    lower_loop(l, s->u.for_.target, s->u.for_.iter, s->sema, for_body, &c, orelse);
    l->cur = orelse;
    lower_block(l, &s->u.for_.orelse);
    if (l->cur)
        emit_goto(l, done);
    l->cur = done;
}

/* Runs what leaving the frames from l->exc out to (not including) `stop`
 * requires, innermost first. */
static void unwind(Lower *l, ExcFrame *stop)
{
    ExcFrame *saved_exc = l->exc;
    IrBlock *saved_handler = l->handler;
    for (ExcFrame *x = l->exc; x != stop && l->cur; x = x->outer) {
        l->handler = x->outer_handler;
        l->exc = x->outer;
        switch (x->kind) {
        case FRAME_EXCEPT:
            emit_call(l, "spy_exc_end", (IrRep)-1, ERR_NEVER, &x->prev, 1);
            break;
        case FRAME_FINALLY:
            lower_block(l, x->finalbody);
            break;
        case FRAME_WITH: {
            IrReg *r = emit_call(l, "spy_with_exit_ok", REP_OBJ, ERR_NULL, &x->exit_fn, 1);
            (void)r;
            break;
        }
        }
    }
    l->exc = saved_exc;
    l->handler = saved_handler;
}

static void lower_return(Lower *l, Stmt *s)
{
    IrFunc *f = l->f;
    const TyType *rt = f->tc->ret;
    Expr *x = s->u.ret.value;
    IrReg *v;
    if (f->is_generator) /* becomes StopIteration(value) (spy_gen_return) */
        v = x ? box(l, lower_expr(l, x), x->type) : emit_const(l, REP_OBJ, "Py_None", true);
    else
        v = x ? lower_expr_as(l, x, rt)
              : coerce(l, emit_const(l, REP_OBJ, "Py_None", true), ty_simple(TY_NONE), rt);
    emit_assign(l, f->retval, v);
    unwind(l, NULL);
    if (l->cur)
        emit_goto(l, f->exit_ok);
}

/* An error that keeps propagating from here to the enclosing handler (or
 * out of the function) without another traceback entry. */
static void propagate(Lower *l, const char *c, IrReg **args, int n, IrBlock *outer)
{
    IrBlock *saved = l->handler;
    l->handler = outer;
    emit_call(l, c, (IrRep)-1, ERR_ALWAYS, args, n);
    l->cur->ops[l->cur->n_ops - 1]->no_traceback = true;
    lower_op(l, IR_UNREACHABLE);
    l->handler = saved;
    l->cur = NULL;
}

static void lower_raise(Lower *l, Stmt *s)
{
    Expr *e = s->u.raise.exc, *cause = s->u.raise.cause;
    if (!e) {
        propagate(l, "spy_exc_reraise_handled()", NULL, 0, l->handler);
        return;
    }
    if (cause) {
        IrReg *args[2] = {box(l, lower_expr(l, e), e->type), NULL};
        args[1] = box(l, lower_expr(l, cause), cause->type);
        emit_call(l, "spy_raise_from", (IrRep)-1, ERR_ALWAYS, args, 2);
    } else {
        IrReg *v = box(l, lower_expr(l, e), e->type);
        emit_call(l, "spy_raise", (IrRep)-1, ERR_ALWAYS, &v, 1);
    }
    lower_op(l, IR_UNREACHABLE);
    l->cur = NULL;
}

/* The cleanup block of code running with an exception handled (an except
 * body, a finally or __exit__ after an error): when that code itself
 * fails, the previous exception is handled again and the new error goes
 * on to `outer`. */
static void handler_error_exit(Lower *l, IrBlock *cleanup, IrReg *prev, IrBlock *outer)
{
    l->cur = cleanup;
    emit_call(l, "spy_exc_end", (IrRep)-1, ERR_NEVER, &prev, 1);
    propagate(l, "spy_propagate()", NULL, 0, outer);
}

/* The except clauses, entered with the raised exception as `exc` and the
 * previously handled one as `prev`. */
static void lower_handlers(Lower *l, Stmt *s, IrReg *exc, IrReg *prev, IrBlock *outer,
                           IrBlock *after)
{
    IrBlock *cleanup = ir_block(l->f);
    l->handler = cleanup;
    for (int i = 0; i < s->u.try_.n_handlers; i++) {
        ExceptHandler *h = s->u.try_.handlers[i];
        IrBlock *next = ir_block(l->f);
        l->line = (int)h->span.line;
        if (h->type) {
            IrBlock *body = ir_block(l->f);
            IrReg *cls = box(l, lower_expr(l, h->type), h->type->type);
            IrReg *m = emit_call(l, "spy_exc_matches", REP_CINT, ERR_NEG, (IrReg *[]){exc, cls}, 2);
            emit_branch(l, m, body, next);
            l->cur = body;
        }
        if (h->sema)
            store_target(l, h->sema, exc, ty_simple(TY_ANY));
        ExcFrame frame = {FRAME_EXCEPT, prev, NULL, NULL, l->handler, l->loop, l->exc};
        l->exc = &frame;
        lower_block(l, &h->body);
        l->exc = frame.outer;
        if (l->cur) {
            emit_call(l, "spy_exc_end", (IrRep)-1, ERR_NEVER, &prev, 1);
            emit_goto(l, after);
        }
        l->cur = next;
        if (!h->type)
            break; /* a bare except catches everything: nothing follows */
    }
    if (l->cur)
        propagate(l, "spy_exc_reraise", (IrReg *[]){exc, prev}, 2, outer);
    handler_error_exit(l, cleanup, prev, outer);
}

/* Takes the raised exception at the start of an except/finally block. */
static IrReg *take_exception(Lower *l, IrReg **prev)
{
    *prev = emit_call(l, "spy_exc_handled()", REP_OBJ, ERR_NEVER, NULL, 0);
    return emit_call(l, "spy_exc_take()", REP_OBJ, ERR_NEVER, NULL, 0);
}

static void lower_try_except(Lower *l, Stmt *s, IrBlock *outer, IrBlock *after)
{
    IrBlock *dispatch = ir_block(l->f);
    l->handler = s->u.try_.n_handlers ? dispatch : outer;
    lower_block(l, &s->u.try_.body);
    l->handler = outer;
    if (l->cur) {
        lower_block(l, &s->u.try_.orelse);
        if (l->cur)
            emit_goto(l, after);
    }
    if (!s->u.try_.n_handlers)
        return;
    l->cur = dispatch;
    IrReg *prev, *exc = take_exception(l, &prev);
    lower_handlers(l, s, exc, prev, outer, after);
    l->handler = outer;
}

/* try ... finally: the finally body runs after normal completion, and
 * with the exception handled (then raised again) after an error. */
static void lower_try(Lower *l, Stmt *s)
{
    IrBlock *outer = l->handler, *after = ir_block(l->f);
    if (!s->u.try_.finalbody.n) {
        lower_try_except(l, s, outer, after);
        l->cur = after;
        return;
    }
    IrBlock *fin_err = ir_block(l->f), *fin_ok = ir_block(l->f);
    ExcFrame frame = {FRAME_FINALLY, NULL, &s->u.try_.finalbody, NULL, outer, l->loop, l->exc};
    l->exc = &frame;
    lower_try_except(l, s, fin_err, fin_ok);
    l->exc = frame.outer;
    l->handler = outer;
    l->cur = fin_ok;
    lower_block(l, &s->u.try_.finalbody);
    if (l->cur)
        emit_goto(l, after);
    l->cur = fin_err;
    IrReg *prev, *exc = take_exception(l, &prev);
    IrBlock *cleanup = ir_block(l->f);
    l->handler = cleanup;
    lower_block(l, &s->u.try_.finalbody);
    if (l->cur)
        propagate(l, "spy_exc_reraise", (IrReg *[]){exc, prev}, 2, outer);
    handler_error_exit(l, cleanup, prev, outer);
    l->handler = outer;
    l->cur = after;
}

static void lower_assert(Lower *l, Stmt *s)
{
    IrBlock *fail = ir_block(l->f), *ok = ir_block(l->f);
    emit_branch(l, lower_cond(l, s->u.assert_.test), ok, fail);
    l->cur = fail;
    Expr *m = s->u.assert_.msg;
    IrReg *msg = m ? box(l, lower_expr(l, m), m->type) : NULL;
    emit_call(l, m ? "spy_raise_assert" : "spy_raise_assert(NULL)", (IrRep)-1, ERR_ALWAYS,
              &msg, m ? 1 : 0);
    lower_op(l, IR_UNREACHABLE);
    l->cur = ok;
}

/* with a as x, b as y: body — one item at a time, each like
 * try/finally around the rest, with __exit__ told about an exception (and
 * able to suppress it). */
static void lower_with_items(Lower *l, Stmt *s, int i)
{
    if (i == s->u.with.n_items) {
        lower_block(l, &s->u.with.body);
        return;
    }
    WithItem *it = s->u.with.items[i];
    IrBlock *outer = l->handler;
    IrReg *mgr = box(l, lower_expr(l, it->context), it->context->type);
    IrReg *exit_fn = emit_call(l, "spy_with_exit_fn", REP_OBJ, ERR_NULL, &mgr, 1);
    IrReg *value = emit_call(l, "spy_with_enter", REP_OBJ, ERR_NULL, &mgr, 1);
    IrBlock *err = ir_block(l->f), *after = ir_block(l->f);
    l->handler = err;
    if (it->target)
        store_target(l, it->target, value, ty_simple(TY_ANY));
    ExcFrame frame = {FRAME_WITH, NULL, NULL, exit_fn, outer, l->loop, l->exc};
    l->exc = &frame;
    lower_with_items(l, s, i + 1);
    l->exc = frame.outer;
    l->handler = outer;
    if (l->cur) {
        emit_call(l, "spy_with_exit_ok", REP_OBJ, ERR_NULL, &exit_fn, 1);
        emit_goto(l, after);
    }
    /* An exception in the body: __exit__(type, value, tb) decides. */
    l->cur = err;
    IrReg *prev, *exc = take_exception(l, &prev);
    IrBlock *cleanup = ir_block(l->f), *swallow = ir_block(l->f), *reraise = ir_block(l->f);
    l->handler = cleanup;
    IrReg *keep = emit_call(l, "spy_with_exit_exc", REP_CINT, ERR_NEG, (IrReg *[]){exit_fn, exc}, 2);
    emit_branch(l, keep, swallow, reraise);
    l->cur = swallow;
    emit_call(l, "spy_exc_end", (IrRep)-1, ERR_NEVER, &prev, 1);
    emit_goto(l, after);
    l->cur = reraise;
    propagate(l, "spy_exc_reraise", (IrReg *[]){exc, prev}, 2, outer);
    handler_error_exit(l, cleanup, prev, outer);
    l->handler = outer;
    l->cur = after;
}

/* ---- imports -------------------------------------------------------------------- */

static IrReg *import_module(Lower *l, const char *name, IrReg *fromlist, int level)
{
    const char *c = arena_printf(A(l),
        "PyImport_ImportModuleLevelObject(%s, st->globals, NULL, %s, %d)",
        const_ref(l->m, const_name(l->m, name)), fromlist ? "%0" : "NULL", level);
    return emit_call(l, c, REP_OBJ, ERR_NULL, &fromlist, fromlist ? 1 : 0);
}

/* What an import binds: a global in the module body, a local in a function. */
static void store_import(Lower *l, const Alias *al, const char *name, IrReg *v)
{
    if (al->local)
        store_target(l, al->local, v, ty_simple(TY_ANY));
    else
        store_global(l, name, v);
}

static void lower_import(Lower *l, Stmt *s)
{
    for (int i = 0; i < s->u.import.n_names; i++) {
        const Alias *al = s->u.import.names[i];
        /* `import a.b` binds the top package `a`; `import a.b as c` binds
         * the submodule itself (found in sys.modules once imported). */
        IrReg *mod = import_module(l, al->name, NULL, 0);
        const char *dot = strchr(al->name, '.');
        if (al->asname && dot) {
            const char *c = arena_printf(A(l), "spy_import_submodule(%s)",
                                         const_ref(l->m, const_name(l->m, al->name)));
            mod = emit_call(l, c, REP_OBJ, ERR_NULL, NULL, 0);
        }
        const char *bind = al->asname ? al->asname
                         : dot ? arena_strndup(A(l), al->name, (size_t)(dot - al->name))
                         : al->name;
        store_import(l, al, bind, mod);
    }
}

static void lower_importfrom(Lower *l, Stmt *s)
{
    const char *from = s->u.importfrom.module;
    if (from && !s->u.importfrom.level &&
        (!strcmp(from, "staticpy") || !strcmp(from, "mypy_extensions"))) {
        /* Compile-time names: the compiled module does not need the
         * package; at run time they are plain int, as interpreted. */
        for (int i = 0; i < s->u.importfrom.n_names; i++) {
            const Alias *al = s->u.importfrom.names[i];
            store_import(l, al, al->asname ? al->asname : al->name, load_global(l, "int"));
        }
        return;
    }
    int n = s->u.importfrom.n_names;
    const char **names = ARENA_ARRAY(A(l), const char *, n);
    for (int i = 0; i < n; i++)
        names[i] = s->u.importfrom.names[i]->name;
    IrReg *fromlist = emit_const(l, REP_OBJ, const_ref(l->m, const_kwnames(l->m, names, n)), true);
    /* `from . import x`: the package itself, as __import__('', ..., level) */
    const char *modname = s->u.importfrom.module ? s->u.importfrom.module : "";
    IrReg *mod = import_module(l, modname, fromlist, s->u.importfrom.level);
    for (int i = 0; i < n; i++) {
        const Alias *al = s->u.importfrom.names[i];
        const char *c = arena_printf(A(l), "spy_import_from(%%0, %s)",
                                     const_ref(l->m, const_name(l->m, al->name)));
        IrReg *x = emit_call(l, c, REP_OBJ, ERR_NULL, &mod, 1);
        store_import(l, al, al->asname ? al->asname : al->name, x);
    }
}

/* ---- dispatch ---------------------------------------------------------------------------- */

static bool is_docstring(const Stmt *s)
{
    return s->kind == ST_EXPR && s->u.expr.value->kind == EX_STR;
}

static void lower_stmt(Lower *l, Stmt *s)
{
    l->line = (int)s->span.line;
    if (l->tf->is_module_body && tc_is_interpreted_stmt(l->m->tm, s)) {
        lower_interpreted_def(l, s); /* its source runs in the module's namespace */
        return;
    }
    switch (s->kind) {
    case ST_EXPR:
        if (s->u.expr.value->kind == EX_YIELD_FROM)
            lower_yield_from(l, s->u.expr.value);
        else if (!is_docstring(s)) {
            l->discarded = s->u.expr.value;
            lower_expr(l, s->u.expr.value);
            l->discarded = NULL;
        }
        break;
    case ST_ASSIGN: lower_assign(l, s); break;
    case ST_ANNASSIGN:
        if (lower_array_bind(l, s->u.annassign.target, s->u.annassign.value))
            break;
        if (s->u.annassign.value)
            store_target(l, s->u.annassign.target, lower_expr(l, s->u.annassign.value),
                  s->u.annassign.value->type);
        break;
    case ST_AUGASSIGN: lower_augassign(l, s); break;
    case ST_RETURN: lower_return(l, s); break;
    case ST_PASS: case ST_GLOBAL: break;
    case ST_TYPEALIAS: lower_interpreted_def(l, s); break;
    case ST_BREAK: case ST_CONTINUE:
        /* Leaving except blocks entered inside this loop. */
        {
            ExcFrame *stop = l->exc;
            while (stop && stop->loop == l->loop)
                stop = stop->outer;
            unwind(l, stop);
        }
        if (l->cur)
            emit_goto(l, s->kind == ST_BREAK ? l->loop->brk : l->loop->cont);
        break;
    case ST_IF: lower_if(l, s); break;
    case ST_WHILE: lower_while(l, s); break;
    case ST_FOR: lower_for(l, s); break;
    case ST_FUNCDEF: lower_def(l, s); break;
    case ST_CLASSDEF: lower_classdef(l, s); break;
    case ST_IMPORT: lower_import(l, s); break;
    case ST_IMPORTFROM: lower_importfrom(l, s); break;
    case ST_RAISE: lower_raise(l, s); break;
    case ST_TRY: lower_try(l, s); break;
    case ST_WITH: lower_with_items(l, s, 0); break;
    case ST_DELETE:
        for (int i = 0; i < s->u.delete_.targets.n; i++)
            lower_del(l, s->u.delete_.targets.v[i]);
        break;
    case ST_ASSERT: lower_assert(l, s); break;
    default:
        fprintf(stderr, "internal error at %s:%d: cannot lower %s\n", __FILE__, __LINE__,
                ast_stmt_kind_name(s->kind));
        abort();
    }
}

void lower_block(Lower *l, StmtList *body)
{
    for (int i = 0; i < body->n; i++) {
        if (l->resume)
            lower_resume_point(l, body->v[i]);
        lower_stmt(l, body->v[i]);
    }
}
