/*
 * lower_assign.c — assignment to IR: a value stored into a target (locals,
 * globals, tuple unpacking, native fields, attributes, subscripts), plain
 * and augmented assignment statements with their fast paths (parallel
 * assignment, str appends, list copies), and del.
 */
#include "emit/lower.h"

#include <stdlib.h>

void store_global(Lower *l, const char *name, IrReg *boxed)
{
    const char *c = arena_printf(A(l), "PyDict_SetItem(st->globals, %s, %%0)",
                                 const_ref(l->m, const_name(l->m, name)));
    emit_call(l, c, (IrRep)-1, ERR_NEG, &boxed, 1);
}


static void store_name(Lower *l, Expr *target, IrReg *v, const TyType *vt)
{
    TcSymbol *s = target->sema;
    if (s->kind == SYM_LOCAL && s->machine) { /* an int64_t local */
        IrReg *i = coerce(l, v, vt, ty_simple(TY_INT));
        assign_local(l, s, emit_call(l, "spy_int_to_i64", REP_I64, ERR_I64, &i, 1));
        return;
    }
    if (s->kind == SYM_LOCAL) {
        assign_local(l, s, coerce(l, v, vt, s->type));
        return;
    }
    /* A global keeps its declared type: convert (bool -> int ...) first,
     * then box for the module dict. */
    IrReg *c = coerce(l, v, vt, s->type);
    store_global(l, s->name, box(l, c, s->type));
}

static void store_unpack(Lower *l, Expr *target, IrReg *v, const TyType *vt)
{
    ExprList *elts = &target->u.seq.elts;
    int star = -1;
    for (int i = 0; i < elts->n; i++)
        if (elts->v[i]->kind == EX_STARRED)
            star = i;
    IrReg *boxed = box(l, v, vt);
    const char *c = star < 0 ? arena_printf(A(l), "spy_unpack(%%0, %d)", elts->n)
                             : arena_printf(A(l), "spy_unpack_ex(%%0, %d, %d)", star,
                                            elts->n - 1 - star);
    IrReg *t = emit_call(l, c, REP_OBJ, ERR_NULL, &boxed, 1);
    IrReg **items = ARENA_ARRAY(A(l), IrReg *, elts->n);
    for (int i = 0; i < elts->n; i++)
        items[i] = emit_call(l, arena_printf(A(l), "spy_tuple_item(%%0, %d)", i), REP_OBJ,
                             ERR_NEVER, &t, 1);
    for (int i = 0; i < elts->n; i++) {
        if (i == star) { /* a new list, typed by the checker */
            store_target(l, elts->v[i]->u.starred.value, items[i], elts->v[i]->type);
            continue;
        }
        /* past the star, a tuple type's items count from its end */
        int j = star >= 0 && i > star && vt->kind == TY_TUPLE && !vt->variadic
                    ? vt->n_args - (elts->n - i) : i;
        const TyType *et = vt->kind == TY_TUPLE && !vt->variadic ? vt->args[j]
                         : ty_iter_elem(vt) ? ty_iter_elem(vt) : ty_simple(TY_ANY);
        IrReg *x = et->kind == TY_ANY ? items[i] : coerce(l, items[i], ty_simple(TY_ANY), et);
        store_target(l, elts->v[i], x, et);
    }
}

void store_field(Lower *l, const TcAttr *attr, IrReg *o, IrReg *v, const TyType *vt)
{
    Arena *a = A(l);
    IrReg *args[2] = {o, coerce(l, v, vt, attr->type)};
    const char *f = field_lvalue(a, attr), *c;
    switch (rep_of(attr->type)) {
    case REP_INT: c = arena_printf(a, "spy_field_set_int(&%s, %%1)", f); break;
    case REP_FLOAT: case REP_BOOL: case REP_I64:
        if (attr->always_defined) /* its "assigned" bit is never read */
            c = arena_printf(a, "(%s = %%1)", f);
        else
            c = arena_printf(a, "(%s = %%1, ((%s *)%%0)->%s |= %s)", f,
                             class_struct(a, attr->owner), defined_word(a, attr->index),
                             defined_mask(a, attr->index));
        break;
    default: c = arena_printf(a, "spy_field_set_obj(&%s, %%1)", f);
    }
    emit_call(l, c, (IrRep)-1, ERR_NEVER, args, 2);
}

void store_target(Lower *l, Expr *target, IrReg *v, const TyType *vt)
{
    switch (target->kind) {
    case EX_NAME:
        store_name(l, target, v, vt);
        break;
    case EX_TUPLE: case EX_LIST:
        store_unpack(l, target, v, vt);
        break;
    case EX_ATTRIBUTE: {
        Expr *o = target->u.attribute.value;
        if (target->sema && o->type->kind == TY_CLASS) {
            store_field(l, target->sema, lower_expr(l, o), v, vt);
            break;
        }
        const TcFunc *prop = target->u.attribute.property;
        if (prop && prop->setter) { /* obj.prop = v: its native setter */
            lower_property_set(l, target, v, vt);
            break;
        }
        IrReg *args[2] = {box(l, lower_expr(l, o), o->type), box(l, v, vt)};
        const char *c = arena_printf(A(l), "PyObject_SetAttr(%%0, %s, %%1)",
                                     const_ref(l->m, const_name(l->m, target->u.attribute.attr)));
        /* the setter the generic path would find (lower_container.c: field_named) */
        const TcAttr *f = field_named(l->m->tm, target->u.attribute.attr);
        if (f)
            c = arena_printf(A(l), "(Py_TYPE(%%0) == st->types[%d] ? %s(%%0, %%1, NULL) : %s)",
                             f->owner->index, field_accessor(A(l), f, "set"), c);
        emit_call(l, c, (IrRep)-1, ERR_NEG, args, 2);
        break;
    }
    case EX_SUBSCRIPT: {
        Expr *o = target->u.subscript.value, *ix = target->u.subscript.index;
        TyKind k = o->type->kind;
        bool list = k == TY_LIST && ix->kind != EX_SLICE && int_index(ix);
        bool machine = list && machine_able(ix);
        const TyType *slot = list ? o->type->args[0] : k == TY_DICT ? o->type->args[1] : vt;
        /* list[bool], list[float] and list[int] stores take the unboxed value */
        const char *unboxed = !list ? NULL : rep_of(slot) == REP_BOOL ? "bool"
                            : rep_of(slot) == REP_FLOAT ? "float"
                            : rep_of(slot) == REP_INT ? "int" : NULL;
        IrReg *args[3] = {box(l, lower_expr(l, o), o->type),
                          machine ? lower_machine(l, ix)
                          : list ? lower_expr_as(l, ix, ty_simple(TY_INT))
                          : lower_index(l, ix),
                          coerce(l, v, vt, slot)};
        if (!unboxed)
            args[2] = box(l, args[2], slot);
        const char *c = unboxed ? list_fn(A(l), o, arena_printf(A(l), "set%s%s", unboxed,
                                                                machine ? "_i64" : ""))
                      : machine ? "spy_list_setitem_i64" : list ? "spy_list_setitem"
                      : k == TY_DICT ? "spy_dict_setitem" : "PyObject_SetItem";
        emit_call(l, c, (IrRep)-1, ERR_NEG, args, 3);
        break;
    }
    default:
        fprintf(stderr, "internal error at %s:%d: cannot store to %s\n", __FILE__, __LINE__,
                ast_expr_kind_name(target->kind));
        abort();
    }
}

/* `a, b = x, y` with a literal tuple on the right: every value is
 * evaluated (and copied out of its variable) before anything is bound. */
static bool store_parallel(Lower *l, Expr *target, Expr *value)
{
    if ((target->kind != EX_TUPLE && target->kind != EX_LIST) || value->kind != EX_TUPLE ||
        target->u.seq.elts.n != value->u.seq.elts.n)
        return false;
    for (int i = 0; i < value->u.seq.elts.n; i++)
        if (target->u.seq.elts.v[i]->kind == EX_STARRED ||
            value->u.seq.elts.v[i]->kind == EX_STARRED)
            return false; /* a, *b = x, y: store_unpack */
    int n = value->u.seq.elts.n;
    IrReg **vals = ARENA_ARRAY(A(l), IrReg *, n ? n : 1);
    for (int i = 0; i < n; i++)
        vals[i] = temp_copy(l, lower_expr(l, value->u.seq.elts.v[i]));
    for (int i = 0; i < n; i++)
        store_target(l, target->u.seq.elts.v[i], vals[i], value->u.seq.elts.v[i]->type);
    return true;
}

/* `s += t` and `s = s + t` on a str local (read is the `s` being read):
 * appended in place when the local holds the only reference, as the
 * interpreter does; a loop building a string this way stays linear. */
static bool lower_str_append(Lower *l, Expr *target, Expr *read, Expr *v)
{
    const TcSymbol *sym = target->kind == EX_NAME ? target->sema : NULL;
    if (!sym || sym->kind != SYM_LOCAL || sym->captured || sym->rebound ||
        sym->type->kind != TY_STR || read->kind != EX_NAME || read->sema != sym ||
        read->type->kind != TY_STR || v->type->kind != TY_STR)
        return false;
    lower_expr(l, read); /* UnboundLocalError first, if it may be unbound */
    IrReg *args[2] = {l->local_regs[sym->index], lower_expr(l, v)};
    emit_call(l, "spy_str_iadd(&%0, %1)", (IrRep)-1, ERR_NEG, args, 2);
    return true;
}

/* The index (an int) of a list subscript: an int64_t if machine, else tagged. */
static IrReg *list_index(Lower *l, Expr *ix, bool *machine)
{
    *machine = machine_able(ix);
    return *machine ? lower_machine(l, ix) : lower_expr(l, ix);
}

/* `a[i] = b[j]` between lists of the same unboxed element type moves the
 * element object across as it is, without unboxing and boxing it: the
 * interpreter copies the reference too (so a wrongly typed element is
 * copied, not rejected).  Python's order: b, j, the read, then a, i. */
static bool store_list_copy(Lower *l, Expr *target, Expr *value)
{
    if (target->kind != EX_SUBSCRIPT || value->kind != EX_SUBSCRIPT)
        return false;
    Expr *to = target->u.subscript.value, *from = value->u.subscript.value;
    Expr *ti = target->u.subscript.index, *fi = value->u.subscript.index;
    if (to->type->kind != TY_LIST || from->type->kind != TY_LIST ||
        tc_native_array(to) || tc_native_array(from) ||
        !ty_equal(to->type->args[0], from->type->args[0]) ||
        rep_of(to->type->args[0]) == REP_OBJ)
        return false;
    bool ok = (machine_able(ti) || ti->type->kind == TY_INT) &&
              (machine_able(fi) || fi->type->kind == TY_INT);
    if (!ok)
        return false;
    bool m;
    IrReg *src = box(l, lower_expr(l, from), from->type);
    IrReg *j = list_index(l, fi, &m);
    IrReg *x = emit_call(l, m ? "spy_list_getitem_i64" : "spy_list_getitem", REP_OBJ, ERR_NULL,
                         (IrReg *[]){src, j}, 2);
    IrReg *dst = box(l, lower_expr(l, to), to->type);
    IrReg *i = list_index(l, ti, &m);
    emit_call(l, m ? "spy_list_setitem_i64" : "spy_list_setitem", (IrRep)-1, ERR_NEG,
              (IrReg *[]){dst, i, x}, 3);
    return true;
}

void lower_assign(Lower *l, Stmt *s)
{
    ExprList *ts = &s->u.assign.targets;
    if (ts->n == 1 && ts->v[0]->kind == EX_NAME && ts->v[0]->sema &&
        ((TcSymbol *)ts->v[0]->sema)->machine) {
        /* n = len(xs) into an int64_t local: computed as one. */
        assign_local(l, ts->v[0]->sema, lower_machine(l, s->u.assign.value));
        return;
    }
    if (ts->n == 1 && lower_array_bind(l, ts->v[0], s->u.assign.value))
        return;
    if (ts->n == 1 && store_parallel(l, ts->v[0], s->u.assign.value))
        return;
    if (ts->n == 1 && store_list_copy(l, ts->v[0], s->u.assign.value))
        return;
    Expr *val = s->u.assign.value;
    if (ts->n == 1 && val->kind == EX_BINOP && val->u.binop.op == OP_ADD &&
        val->type->kind == TY_STR &&
        lower_str_append(l, ts->v[0], val->u.binop.left, val->u.binop.right))
        return;
    IrReg *v = lower_expr(l, s->u.assign.value);
    for (int i = 0; i < ts->n; i++)
        store_target(l, ts->v[i], v, s->u.assign.value->type);
}

/* `t op= v`: the container and index (or object) are evaluated once. */
/* Register r, the value of expression e, must stay valid while `later` is
 * evaluated. A local that `later` does not mention cannot be rebound
 * meanwhile (no closures), so its own register serves; anything else is
 * copied (and owned). */
static IrReg *held_across(Lower *l, IrReg *r, const Expr *e, const Expr *later)
{
    if (e->kind == EX_NAME && e->sema && ((TcSymbol *)e->sema)->kind == SYM_LOCAL &&
        !tc_expr_mentions(later, e->u.name.id))
        return r;
    return temp_copy(l, r);
}

void lower_augassign(Lower *l, Stmt *s)
{
    Expr *t = s->u.augassign.target, *v = s->u.augassign.value;
    const TyType *rt = s->sema, *tint = ty_simple(TY_INT);
    if (s->u.augassign.op == OP_ADD && ((const TyType *)s->sema)->kind == TY_STR &&
        lower_str_append(l, t, t, v))
        return;
    if (t->kind == EX_NAME) {
        IrReg *cur = lower_expr(l, t);
        IrReg *r = lower_binop_values(l, s->u.augassign.op, cur, t->type, lower_expr(l, v),
                                      v->type, rt, true);
        store_target(l, t, r, rt);
        return;
    }
    Expr *oe = t->kind == EX_SUBSCRIPT ? t->u.subscript.value : t->u.attribute.value;
    if (tc_native_array(oe)) {
        lower_array_augassign(l, s);
        return;
    }
    IrReg *o = held_across(l, box(l, lower_expr(l, oe), oe->type), oe, v);
    if (t->kind == EX_ATTRIBUTE && t->sema && oe->type->kind == TY_CLASS) {
        const TcAttr *attr = t->sema;
        IrReg *cur = coerce(l, load_field(l, o, attr), attr->type, t->type);
        IrReg *r = lower_binop_values(l, s->u.augassign.op, cur, t->type, lower_expr(l, v),
                                      v->type, rt, true);
        store_field(l, attr, o, r, rt);
        return;
    }
    IrReg *ix = NULL, *cur;
    bool list = t->kind == EX_SUBSCRIPT && oe->type->kind == TY_LIST &&
                t->u.subscript.index->kind != EX_SLICE;
    if (t->kind == EX_ATTRIBUTE) {
        const char *name = const_ref(l->m, const_name(l->m, t->u.attribute.attr));
        cur = emit_call(l, arena_printf(A(l), "PyObject_GetAttr(%%0, %s)", name), REP_OBJ,
                        ERR_NULL, &o, 1);
    } else if (list) {
        ix = held_across(l, lower_expr_as(l, t->u.subscript.index, tint), t->u.subscript.index, v);
        cur = emit_call(l, "spy_list_getitem", REP_OBJ, ERR_NULL, (IrReg *[]){o, ix}, 2);
    } else {
        ix = temp_copy(l, lower_index(l, t->u.subscript.index));
        cur = emit_call(l, "PyObject_GetItem", REP_OBJ, ERR_NULL, (IrReg *[]){o, ix}, 2);
    }
    cur = coerce(l, cur, ty_simple(TY_ANY), t->type);
    IrReg *r = lower_binop_values(l, s->u.augassign.op, cur, t->type, lower_expr(l, v), v->type,
                                  rt, true);
    IrReg *boxed = box(l, coerce(l, r, rt, t->type), t->type);
    if (t->kind == EX_ATTRIBUTE) {
        const char *name = const_ref(l->m, const_name(l->m, t->u.attribute.attr));
        emit_call(l, arena_printf(A(l), "PyObject_SetAttr(%%0, %s, %%1)", name), (IrRep)-1,
                  ERR_NEG, (IrReg *[]){o, boxed}, 2);
    } else {
        emit_call(l, list ? "spy_list_setitem" : "PyObject_SetItem", (IrRep)-1, ERR_NEG,
                  (IrReg *[]){o, ix, boxed}, 3);
    }
}

/* del x: the local is released and unbound; del of a global removes it
 * from the module dict; del x[i] and del x.a go through the protocols. */
void lower_del(Lower *l, Expr *t)
{
    switch (t->kind) {
    case EX_NAME: {
        TcSymbol *s = t->sema;
        if (s->kind != SYM_LOCAL) {
            const char *c = arena_printf(A(l), "spy_del_global(st->globals, %s)",
                                         const_ref(l->m, const_name(l->m, s->name)));
            emit_call(l, c, (IrRep)-1, ERR_NEG, NULL, 0);
            break;
        }
        IrReg *r = l->local_regs[s->index];
        if (t->maybe_unbound) {
            IrReg *flag = l->bound_regs[s->index], *x = flag ? flag : r;
            const char *c = flag ? "spy_check_assigned(%%0, \"%s\")"
                          : r->rep == REP_INT ? "spy_check_assigned(%%0 != SPY_INT_ERR, \"%s\")"
                          : "spy_check_assigned(%%0 != NULL, \"%s\")";
            emit_call(l, arena_printf(A(l), c, s->name), (IrRep)-1, ERR_NEG, &x, 1);
        }
        if (ir_rep_refcounted(r->rep)) {
            IrOp *op = lower_op(l, IR_CALL);
            op->c = r->rep == REP_INT ? "spy_clear_int" : "spy_clear_obj";
            op->dst = r;
            ir_set_args(l->f, op, &r, 1);
        } else if (l->bound_regs[s->index]) {
            emit_assign(l, l->bound_regs[s->index], emit_const(l, REP_BOOL, "0", false));
        }
        if (l->cell_regs[s->index])
            emit_call(l, "PyCell_Set(%0, NULL)", (IrRep)-1, ERR_NEG, &l->cell_regs[s->index], 1);
        break;
    }
    case EX_SUBSCRIPT: {
        Expr *o = t->u.subscript.value;
        IrReg *args[2] = {box(l, lower_expr(l, o), o->type), lower_index(l, t->u.subscript.index)};
        emit_call(l, "PyObject_DelItem", (IrRep)-1, ERR_NEG, args, 2);
        break;
    }
    case EX_ATTRIBUTE: {
        Expr *o = t->u.attribute.value;
        IrReg *x = box(l, lower_expr(l, o), o->type);
        const char *c = arena_printf(A(l), "PyObject_SetAttr(%%0, %s, NULL)",
                                     const_ref(l->m, const_name(l->m, t->u.attribute.attr)));
        emit_call(l, c, (IrRep)-1, ERR_NEG, &x, 1);
        break;
    }
    default: /* tuple or list of targets */
        for (int i = 0; i < t->u.seq.elts.n; i++)
            lower_del(l, t->u.seq.elts.v[i]);
    }
}
