/*
 * lower_array.c — native arrays: local lists that never leave their
 * function (typecheck/native_array.c), held as C arrays of unboxed
 * elements (runtime/spy_array.h).
 *
 * The checker allows only creations, int indexes, in-place updates of an
 * element, len() and for loops on them; the index and len() paths ask
 * list_fn() which runtime family to call and the others are here, so the
 * rest of the emitter never meets an array.
 */
#include "emit/lower.h"

/* "spy_arr_<op>" when list names a native array, else "spy_list_<op>". */
const char *list_fn(Arena *a, const Expr *list, const char *op)
{
    return arena_printf(a, "%s%s", tc_native_array(list) ? "spy_arr_" : "spy_list_", op);
}

const char *list_elem_kind(const TyType *elem)
{
    return elem->kind == TY_BOOL ? "bool" : elem->kind == TY_FLOAT ? "float" : "int";
}

IrErrKind list_read_err(const TyType *elem)
{
    return elem->kind == TY_FLOAT ? ERR_RET : elem->kind == TY_INT ? ERR_INT : ERR_BOOL;
}

static IrReg *lower_array_new(Lower *l, Expr *v, const TyType *elem)
{
    const TyType *tint = ty_simple(TY_INT);
    IrReg *args[2];
    if (v->kind == EX_LIST) { /* [a, b, c]: every element first, as a list display */
        int n = v->u.seq.elts.n;
        IrReg **xs = ARENA_ARRAY(l->m->a, IrReg *, n);
        for (int i = 0; i < n; i++)
            xs[i] = temp_copy(l, lower_expr_as(l, v->u.seq.elts.v[i], elem));
        args[0] = xs[0];
        args[1] = emit_const(l, REP_INT, arena_printf(l->m->a, "SPY_INT_SMALL(%d)", n), true);
        IrReg *a = emit_call(l, arena_printf(l->m->a, "spy_arr_new_%s", list_elem_kind(elem)),
                             REP_OBJ, ERR_NULL, args, 2);
        for (int i = 1; i < n; i++) {
            IrReg *set[3] = {a, emit_const(l, REP_I64, arena_printf(l->m->a, "%d", i), false),
                             xs[i]};
            emit_call(l, arena_printf(l->m->a, "spy_arr_set%s_i64", list_elem_kind(elem)), (IrRep)-1,
                      ERR_NEG, set, 3);
        }
        return a;
    }
    if (v->kind == EX_BINOP) { /* [x] * n */
        args[0] = lower_expr_as(l, v->u.binop.left->u.seq.elts.v[0], elem);
        args[1] = lower_expr_as(l, v->u.binop.right, tint);
        return emit_call(l, arena_printf(l->m->a, "spy_arr_new_%s", list_elem_kind(elem)), REP_OBJ,
                         ERR_NULL, args, 2);
    }
    /* list(range(stop)) or list(range(start, stop)) */
    Expr *r = v->u.call.args[0]->value;
    if (r->u.call.n_args == 1) {
        args[0] = emit_const(l, REP_INT, "SPY_INT_SMALL(0)", true);
        args[1] = lower_expr_as(l, r->u.call.args[0]->value, tint);
    } else {
        args[0] = lower_expr_as(l, r->u.call.args[0]->value, tint);
        args[1] = lower_expr_as(l, r->u.call.args[1]->value, tint);
    }
    return emit_call(l, "spy_arr_new_range", REP_OBJ, ERR_NULL, args, 2);
}

bool lower_array_bind(Lower *l, Expr *target, Expr *value)
{
    const TcSymbol *s = value ? tc_native_array(target) : NULL;
    if (!s)
        return false;
    store_target(l, target, lower_array_new(l, value, s->type->args[0]), s->type);
    return true;
}

/* `for x in a`: an index loop that reads each element in place. The
 * length is read at every step as the list iterator does (an array's
 * never changes); the loop holds the array it started with. */
void lower_array_loop(Lower *l, Expr *target, Expr *iter, LoopBodyFn body, void *ctx,
                      IrBlock *orelse, Stmt *s, IrBlock *brk)
{
    const TyType *elem = tc_native_array(iter)->type->args[0];
    IrReg *a = temp_copy(l, lower_expr(l, iter));
    IndexLoop how = {"(char)(%0 < spy_arr_len(%1))",
                     arena_printf(l->m->a, "spy_arr_get%s_i64(%%1, %%0)", list_elem_kind(elem)),
                     rep_of(elem), list_read_err(elem), elem, s, brk, true};
    lower_index_loop(l, target, a, &how, elem, body, ctx, orelse);
}

/* `a[i] op= v` on a native array: read, operate, write back, with the
 * array and index evaluated once. */
void lower_array_augassign(Lower *l, Stmt *s)
{
    Expr *t = s->u.augassign.target, *v = s->u.augassign.value;
    Expr *a = t->u.subscript.value, *ix = t->u.subscript.index;
    const TyType *elem = t->type;
    const char *k = list_elem_kind(elem);
    IrReg *o = lower_expr(l, a);
    IrReg *i = temp_copy(l, lower_expr_as(l, ix, ty_simple(TY_INT)));
    IrReg *cur = emit_call(l, arena_printf(l->m->a, "spy_arr_get%s", k), rep_of(elem),
                           list_read_err(elem), (IrReg *[]){o, i}, 2);
    IrReg *r = lower_binop_values(l, s->u.augassign.op, cur, elem, lower_expr(l, v), v->type,
                                  s->sema, true);
    emit_call(l, arena_printf(l->m->a, "spy_arr_set%s", k), (IrRep)-1, ERR_NEG,
              (IrReg *[]){o, i, coerce(l, r, s->sema, elem)}, 3);
}
