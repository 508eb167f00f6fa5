/*
 * lower_loop.c — loops over iterables, shared by `for` statements and
 * comprehensions: range() as a counting loop on tagged ints, list[T] as
 * an index loop (re-reading the length each time, as the list iterator
 * does), anything else through the iterator protocol.  The caller gives
 * the body as a callback; `continue` goes to the returned next block.
 */
#include "emit/lower.h"

#include <string.h>


/* Counting loop: the counter is separate from the target, so assigning
 * the target in the body does not change the iteration, as in Python. */
static void range_loop(Lower *l, Expr *target, TcForRange *r, LoopBodyFn body, void *ctx,
                       IrBlock *orelse, Stmt *s, IrBlock *brk)
{
    const TyType *tint = ty_simple(TY_INT);
    IrReg *start = r->start ? lower_expr_as(l, r->start, tint)
                            : emit_const(l, REP_INT, "SPY_INT_SMALL(0)", false);
    IrReg *stop = temp_copy(l, lower_expr_as(l, r->stop, tint));
    IrReg *step = r->step ? temp_copy(l, lower_expr_as(l, r->step, tint)) : NULL;
    const char *test = "(char)spy_int_lt(%0, %1)";
    if (step) {
        emit_call(l, "spy_range_check_step", (IrRep)-1, ERR_NEG, &step, 1);
        bool neg_literal = r->step->kind == EX_UNARY && r->step->u.unary.op == UOP_NEG &&
                           r->step->u.unary.operand->kind == EX_INT;
        test = neg_literal ? "(char)spy_int_gt(%0, %1)" : r->step->kind == EX_INT ? test : NULL;
    }
    IrReg *i = ir_reg(l->f, REP_INT, NULL);
    emit_assign(l, i, start);
    IrBlock *head = ir_block(l->f), *blk = ir_block(l->f), *next = ir_block(l->f);
    LoopResume *resume = s && !step ? lower_for_version(l, s, i, stop, head, orelse, brk) : NULL;
    start_block(l, head);
    IrReg *args[3] = {i, stop, step};
    IrReg *more = test ? emit_call(l, test, REP_BOOL, ERR_NEVER, args, 2)
                       : emit_call(l, "(char)(spy_int_gt(%2, SPY_INT_SMALL(0)) ? "
                                      "spy_int_lt(%0, %1) : spy_int_gt(%0, %1))",
                                   REP_BOOL, ERR_NEVER, args, 3);
    emit_branch(l, more, blk, orelse);
    l->cur = blk;
    store_target(l, target, i, tint);
    l->resume = resume;
    body(l, ctx, next);
    l->resume = NULL;
    if (l->cur)
        emit_goto(l, next);
    l->cur = next;
    IrReg *step_reg = step ? step : emit_const(l, REP_INT, "SPY_INT_SMALL(1)", false);
    IrReg *inc = emit_call(l, "spy_int_add", REP_INT, ERR_INT, (IrReg *[]){i, step_reg}, 2);
    emit_assign(l, i, inc);
    emit_goto(l, head);
}

/* A counting loop on int64_t for a machine-int loop variable: the bounds
 * were shown to fit, so the body sees a plain C integer. */
static void machine_range_loop(Lower *l, Expr *target, TcForRange *r, LoopBodyFn body,
                               void *ctx, IrBlock *orelse, Stmt *s, IrBlock *brk)
{
    IrReg *start = r->start ? temp_copy(l, lower_machine(l, r->start))
                            : emit_const(l, REP_I64, "0", false);
    IrReg *stop = temp_copy(l, lower_machine_sat(l, r->stop));
    IrReg *step = r->step ? temp_copy(l, lower_machine(l, r->step)) : NULL;
    /* A literal step other than 0 (which must raise) fixes the direction. */
    bool neg = r->step && r->step->kind == EX_UNARY && r->step->u.unary.op == UOP_NEG &&
               r->step->u.unary.operand->kind == EX_INT &&
               r->step->u.unary.operand->u.int_lit.value != 0;
    bool literal = !r->step || neg ||
                   (r->step->kind == EX_INT && r->step->u.int_lit.value != 0);
    if (step && !literal)
        emit_call(l, "spy_range_check_step_i64", (IrRep)-1, ERR_NEG, &step, 1);
    IrReg *i = ir_reg(l->f, REP_I64, NULL);
    emit_assign(l, i, start);
    IrBlock *head = ir_block(l->f), *blk = ir_block(l->f), *next = ir_block(l->f);
    LoopResume *resume = s && !step ? lower_for_version(l, s, i, stop, head, orelse, brk) : NULL;
    start_block(l, head);
    IrReg *args[3] = {i, stop, step ? step : i};
    const char *test = !literal ? "(char)(%2 > 0 ? %0 < %1 : %0 > %1)"
                     : neg ? "(char)(%0 > %1)" : "(char)(%0 < %1)";
    emit_branch(l, emit_call(l, test, REP_BOOL, ERR_NEVER, args, 3), blk, orelse);
    l->cur = blk;
    assign_local(l, target->sema, i);
    l->resume = resume;
    body(l, ctx, next);
    l->resume = NULL;
    if (l->cur)
        emit_goto(l, next);
    l->cur = next;
    IrReg *inc = step ? emit_call(l, "spy_i64_step", REP_I64, ERR_NEVER, (IrReg *[]){i, step}, 2)
                      : emit_call(l, "(%0 + 1)", REP_I64, ERR_NEVER, &i, 1);
    emit_assign(l, i, inc);
    emit_goto(l, head);
}

/* Index loop over a sequence: `more` (a template on %0 = the int64_t
 * index, %1 = seq) tests the index against the current length, `item`
 * reads the element with the given representation and failure kind; an
 * element of type `item_type` is converted to elem. */
void lower_index_loop(Lower *l, Expr *target, IrReg *seq, const IndexLoop *how,
                      const TyType *elem, LoopBodyFn body, void *ctx, IrBlock *orelse)
{
    IrReg *i = ir_reg(l->f, REP_I64, NULL);
    emit_assign(l, i, emit_const(l, REP_I64, "0", false));
    IrBlock *head = ir_block(l->f), *blk = ir_block(l->f), *next = ir_block(l->f);
    LoopResume *resume = how->s ? lower_foreach_version(l, how->s, i, seq, how->native, head,
                                                        orelse, how->brk)
                                : NULL;
    start_block(l, head);
    IrReg *args[2] = {i, seq};
    emit_branch(l, emit_call(l, how->more, REP_BOOL, ERR_NEVER, args, 2), blk, orelse);
    l->cur = blk;
    IrReg *x = emit_call(l, how->item, how->rep, how->err, args, 2);
    store_target(l, target, coerce(l, x, how->item_type, elem), elem);
    l->resume = resume;
    body(l, ctx, next);
    l->resume = NULL;
    if (l->cur)
        emit_goto(l, next);
    l->cur = next;
    emit_assign(l, i, emit_call(l, "(%0 + 1)", REP_I64, ERR_NEVER, &i, 1));
    emit_goto(l, head);
}

/* The iterator protocol; an exception from the iterator ends the loop
 * with an error, exhaustion goes to orelse. */
static void iter_loop(Lower *l, Expr *target, IrReg *obj, const TyType *elem, LoopBodyFn body,
                      void *ctx, IrBlock *orelse)
{
    IrReg *it = emit_call(l, "PyObject_GetIter", REP_OBJ, ERR_NULL, &obj, 1);
    IrBlock *head = ir_block(l->f), *blk = ir_block(l->f), *end = ir_block(l->f);
    start_block(l, head);
    IrReg *x = emit_call(l, "PyIter_Next", REP_OBJ, ERR_NEVER, &it, 1);
    emit_branch(l, emit_call(l, "(char)(%0 != NULL)", REP_BOOL, ERR_NEVER, &x, 1), blk, end);
    l->cur = blk;
    store_target(l, target, coerce(l, x, ty_simple(TY_ANY), elem), elem);
    body(l, ctx, head);
    if (l->cur)
        emit_goto(l, head);
    l->cur = end;
    emit_call(l, "spy_iter_error()", (IrRep)-1, ERR_NEG, NULL, 0);
    emit_goto(l, orelse);
}

void lower_loop(Lower *l, Expr *target, Expr *iter, TcForRange *range, LoopBodyFn body,
                void *ctx, IrBlock *orelse)
{
    /* a for statement's loop may be versioned, not a comprehension's */
    Stmt *s = l->for_stmt;
    IrBlock *brk = l->for_brk;
    l->for_stmt = NULL;
    if (range && target->kind == EX_NAME && target->sema &&
        ((TcSymbol *)target->sema)->machine) {
        machine_range_loop(l, target, range, body, ctx, orelse, s, brk);
        return;
    }
    if (range) {
        range_loop(l, target, range, body, ctx, orelse, s, brk);
        return;
    }
    if (tc_native_array(iter)) {
        lower_array_loop(l, target, iter, body, ctx, orelse, s, brk);
        return;
    }
    const TyType *it = iter->type;
    const TyType *elem = ty_iter_elem(it);
    IrReg *obj = temp_copy(l, box(l, lower_expr(l, iter), it));
    if (it->kind == TY_LIST) {
        /* A list subclass may override __iter__: iterate what it yields. */
        obj = emit_call(l, "spy_list_for_iter", REP_OBJ, ERR_NULL, &obj, 1);
        IndexLoop how = {"(char)(%0 < PyList_GET_SIZE(%1))", "spy_list_item(%1, %0)", REP_OBJ,
                         ERR_NEVER, ty_simple(TY_ANY), s, brk, false};
        lower_index_loop(l, target, obj, &how, elem, body, ctx, orelse);
    }
    else if (it->kind == TY_STR) {
        obj = emit_call(l, "spy_str_for_iter", REP_OBJ, ERR_NULL, &obj, 1);
        IndexLoop how = {"(char)(%0 < spy_strseq_len(%1))", "spy_strseq_item(%1, %0)", REP_OBJ,
                         ERR_NULL, ty_simple(TY_ANY), s, brk, false};
        lower_index_loop(l, target, obj, &how, elem, body, ctx, orelse);
    }
    else
        iter_loop(l, target, obj, elem ? elem : ty_simple(TY_ANY), body, ctx, orelse);
}

/* ---- comprehensions ------------------------------------------------------------ */

typedef struct CompCtx {
    Expr *e;
    TcComp *comp;
    IrReg *result;
    int gen;
} CompCtx;

static void comp_level(Lower *l, void *p, IrBlock *next);

/* The `if` filters of one comprehension clause: a false one goes to next. */
static void comp_filters(Lower *l, const Comprehension *gen, IrBlock *next)
{
    for (int i = 0; i < gen->ifs.n; i++) {
        IrBlock *pass = ir_block(l->f);
        emit_branch(l, lower_cond(l, gen->ifs.v[i]), pass, next);
        l->cur = pass;
    }
}

static void comp_add(Lower *l, CompCtx *c)
{
    Expr *e = c->e;
    const TyType *t = e->type;
    IrReg *x = box(l, lower_expr_as(l, e->u.comp.elt, t->args[0]), t->args[0]);
    if (e->kind == EX_LISTCOMP) {
        emit_call(l, "PyList_Append", (IrRep)-1, ERR_NEG, (IrReg *[]){c->result, x}, 2);
    } else if (e->kind == EX_SETCOMP) {
        emit_call(l, "PySet_Add", (IrRep)-1, ERR_NEG, (IrReg *[]){c->result, x}, 2);
    } else {
        IrReg *v = box(l, lower_expr_as(l, e->u.comp.value, t->args[1]), t->args[1]);
        emit_call(l, "PyDict_SetItem", (IrRep)-1, ERR_NEG, (IrReg *[]){c->result, x, v}, 3);
    }
}

/* One `for ... if ...` level: its filters, then the next level or the
 * element. */
static void comp_level(Lower *l, void *p, IrBlock *next)
{
    CompCtx *c = p;
    comp_filters(l, c->e->u.comp.gens[c->gen], next);
    if (c->gen + 1 == c->e->u.comp.n_gens) {
        comp_add(l, c);
        return;
    }
    CompCtx inner = *c;
    inner.gen++;
    IrBlock *done = ir_block(l->f);
    Comprehension *g2 = c->e->u.comp.gens[inner.gen];
    lower_loop(l, g2->target, g2->iter, c->comp->ranges[inner.gen], comp_level, &inner, done);
    l->cur = done;
}

/* any(genexp) / all(genexp): a loop over the generator's clauses that
 * stops at the first element whose truth decides the answer, evaluating
 * no element after it, as the builtins do with the generator. */
typedef struct AnyAllCtx {
    Expr *e;          /* the generator expression */
    TcComp *comp;
    int gen;
    bool any;
    IrReg *result;
    IrBlock *done;
} AnyAllCtx;

static void anyall_level(Lower *l, void *p, IrBlock *next)
{
    AnyAllCtx *c = p;
    comp_filters(l, c->e->u.comp.gens[c->gen], next);
    if (c->gen + 1 < c->e->u.comp.n_gens) {
        AnyAllCtx inner = *c;
        inner.gen++;
        Comprehension *g2 = c->e->u.comp.gens[inner.gen];
        IrBlock *done = ir_block(l->f);
        lower_loop(l, g2->target, g2->iter, c->comp->ranges[inner.gen], anyall_level, &inner,
                   done);
        l->cur = done;
        return;
    }
    IrBlock *decided = ir_block(l->f);
    IrReg *truth = lower_cond(l, c->e->u.comp.elt);
    emit_branch(l, truth, c->any ? decided : next, c->any ? next : decided);
    l->cur = decided;
    emit_assign(l, c->result, emit_const(l, REP_BOOL, c->any ? "1" : "0", false));
    emit_goto(l, c->done);
}

IrReg *lower_any_all(Lower *l, Expr *call)
{
    const TcSymbol *fn = call->u.call.func->sema;
    Expr *e = call->u.call.args[0]->value;
    AnyAllCtx c = {e, e->sema, 0, !strcmp(fn->name, "any"), ir_reg(l->f, REP_BOOL, NULL), NULL};
    c.done = ir_block(l->f);
    emit_assign(l, c.result, emit_const(l, REP_BOOL, c.any ? "0" : "1", false));
    Comprehension *g = e->u.comp.gens[0];
    lower_loop(l, g->target, g->iter, c.comp->ranges[0], anyall_level, &c, c.done);
    l->cur = c.done;
    return c.result;
}

IrReg *lower_comprehension(Lower *l, Expr *e)
{
    const char *make = e->kind == EX_LISTCOMP ? "PyList_New(0)"
                     : e->kind == EX_SETCOMP ? "PySet_New(NULL)" : "PyDict_New()";
    CompCtx c = {e, e->sema, NULL, 0};
    c.result = emit_call(l, make, REP_OBJ, ERR_NULL, NULL, 0);
    IrBlock *done = ir_block(l->f);
    Comprehension *g = e->u.comp.gens[0];
    lower_loop(l, g->target, g->iter, c.comp->ranges[0], comp_level, &c, done);
    l->cur = done;
    return c.result;
}
