/*
 * lower_gen.c — `yield` and `yield from` in a generator's body.
 *
 * A yield is one IR op (IR_YIELD): it hands out a reference to its
 * operand and suspends; when the generator is resumed, its result is the
 * value sent in, or NULL when gen.throw()/close() put an exception in,
 * which then takes the op's ordinary error edge (except blocks, finally
 * blocks and the cleanup of temporaries work as for a failing call).
 * Everything the body holds lives in the generator's frame (cgen_gen.c),
 * so nothing else changes across a suspension.
 *
 * `yield from xs` is a loop around a yield:
 *
 *     it = iter(xs); sent = None
 *   head:
 *     v = spy_yf_next(it, sent)      next(it), or it.send(sent)
 *     if v == NULL: goto done        (an exception, if any, is an error)
 *     sent = yield v  [delegating to it]
 *     goto head
 *   done:
 *
 * and the yield, marked as delegating to `it`, forwards a thrown exception
 * to it (cgen_func.c: spy_yf_throw) as PEP 380 says.
 */
#include "emit/lower.h"

static IrReg *emit_yield(Lower *l, IrReg *value, IrReg *delegate)
{
    IrOp *op = lower_op(l, IR_YIELD);
    IrReg *args[2] = {value, delegate};
    ir_set_args(l->f, op, args, delegate ? 2 : 1);
    op->err = ERR_NULL;
    op->yield_index = ++l->f->n_yields;
    op->dst = ir_reg(l->f, REP_OBJ, NULL);
    return op->dst;
}

/* `yield x` as an expression: the value sent in (Any). */
IrReg *lower_yield(Lower *l, Expr *e)
{
    Expr *v = e->u.starred.value;
    IrReg *x = v ? box(l, lower_expr(l, v), v->type) : emit_const(l, REP_OBJ, "Py_None", true);
    return emit_yield(l, x, NULL);
}

/* `yield from xs` as a statement (the checker allows no other use). */
void lower_yield_from(Lower *l, Expr *e)
{
    Expr *v = e->u.starred.value;
    IrReg *xs = box(l, lower_expr(l, v), v->type);
    IrReg *it = emit_call(l, "spy_yf_iter", REP_OBJ, ERR_NULL, &xs, 1);
    IrReg *sent = ir_reg(l->f, REP_OBJ, NULL);
    emit_assign(l, sent, emit_const(l, REP_OBJ, "Py_None", true));
    IrBlock *head = ir_block(l->f), *body = ir_block(l->f), *done = ir_block(l->f);
    start_block(l, head);
    IrReg *args[2] = {it, sent};
    IrReg *next = emit_call(l, "spy_yf_next", REP_OBJ, ERR_NULLX, args, 2);
    emit_branch(l, emit_call(l, "(char)(%0 != NULL)", REP_BOOL, ERR_NEVER, &next, 1), body, done);
    l->cur = body;
    emit_assign(l, sent, emit_yield(l, next, it));
    emit_goto(l, head);
    l->cur = done;
}
