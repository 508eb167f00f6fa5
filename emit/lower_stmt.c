/*
 * lower_stmt.c — statements to IR: assignment (locals, globals, tuple
 * unpacking, attributes, subscripts), control flow (if, while, for over
 * range() as a counting loop, generic for), return, raise, assert,
 * imports and module-level defs.
 */
#include "emit/lower.h"

#include <stdlib.h>
#include <string.h>

static Arena *A(Lower *l) { return l->m->a; }

/* ---- assignment ---------------------------------------------------------------- */

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

static void lower_assign(Lower *l, Stmt *s)
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

static void lower_augassign(Lower *l, Stmt *s)
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

/* ---- module-level definitions ---------------------------------------------------------- */

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

/* `def f(...)` in the module body: evaluate the non-constant defaults now,
 * as Python does, then bind the function object in the module dict. */
/* Non-literal defaults are evaluated when the def runs, as in Python, and
 * kept in module-state slots. */
void store_defaults(Lower *l, const TcFunc *f)
{
    for (int i = 0; i < f->n_params; i++) {
        Expr *d = f->params[i].param->default_value;
        int k = d ? l->m->default_slot[func_id(l->m, f)][i] : -1;
        if (k < 0)
            continue;
        IrReg *v = f->params[i].param->default_factory
                       ? box(l, lower_expr(l, d), d->type)
                       : box(l, lower_expr_as(l, d, f->params[i].type), f->params[i].type);
        emit_call(l, arena_printf(A(l), "spy_set_slot(&st->d[%d], %%0)", k), (IrRep)-1,
                  ERR_NEVER, &v, 1);
    }
}

size_t indent_of(const char *text, size_t len)
{
    size_t n = 0;
    while (n < len && (text[n] == ' ' || text[n] == '\t'))
        n++;
    return n;
}

/* The first line of a def or class statement: its first decorator's. */
int stmt_first_line(const Stmt *s)
{
    int first = (int)s->span.line;
    const ExprList *decos = s->kind == ST_FUNCDEF ? &s->u.funcdef.decorators
                          : s->kind == ST_CLASSDEF ? &s->u.classdef.decorators : NULL;
    for (int i = 0; decos && i < decos->n; i++)
        if ((int)decos->v[i]->span.line < first)
            first = (int)decos->v[i]->span.line;
    return first;
}

/* The source of a statement left to the interpreter (a def, a `type`
 * statement, a statement of the module body) with the line numbers of
 * the file, so tracebacks show the right lines: blank lines in front, then
 * its lines with their common indentation removed, or, given a class
 * header, kept as they are with the header on the line before. */
static const char *def_lines(Lower *l, const Stmt *s, const char *header)
{
    const Source *src = l->m->tm->ast->src;
    int first = stmt_first_line(s);
    size_t len0;
    const char *line0 = src_line(src, first, &len0);
    size_t indent = header ? 0 : indent_of(line0, len0);
    size_t cap = (size_t)first + 2 + (header ? strlen(header) : 0);
    for (int ln = first; ln <= (int)s->span.end_line; ln++) {
        size_t len;
        src_line(src, ln, &len);
        cap += len + 1;
    }
    char *out = arena_alloc(A(l), cap), *w = out;
    for (int i = 1; i < first - (header != NULL); i++)
        *w++ = '\n';
    if (header)
        w += sprintf(w, "%s\n", header);
    for (int ln = first; ln <= (int)s->span.end_line; ln++) {
        size_t len;
        const char *text = src_line(src, ln, &len);
        size_t skip = indent_of(text, len < indent ? len : indent);
        memcpy(w, text + skip, len - skip);
        w += len - skip;
        *w++ = '\n';
    }
    *w = 0;
    return out;
}

const char *def_source(Lower *l, const Stmt *s)
{
    return def_lines(l, s, NULL);
}

/* A method left to the interpreter that names `super` or `__class__`
 * (the checker found out) needs the __class__ cell the interpreter makes
 * only for a def inside a class statement: its source inside `class
 * <name>:`, the def at its own indentation.  NULL for any other method,
 * or one that does not start its line (`class A: def f(...)`). */
const char *method_source_in_class(Lower *l, const TcFunc *f, const char *cls)
{
    const Stmt *s = f->def;
    int first = stmt_first_line(s);
    size_t len;
    const char *line0 = src_line(l->m->tm->ast->src, first, &len);
    size_t ws = indent_of(line0, len);
    if (!f->names_class_cell || first < 2 || ws == 0 || ws == len ||
        (line0[ws] != '@' && strncmp(line0 + ws, "def", 3) != 0 &&
         strncmp(line0 + ws, "async", 5) != 0))
        return NULL;
    return def_lines(l, s, arena_printf(A(l), "class %s:", cls));
}

bool future_annotations(const Module *m)
{
    for (int i = 0; i < m->body.n; i++) {
        const Stmt *s = m->body.v[i];
        if (s->kind != ST_IMPORTFROM || !s->u.importfrom.module ||
            strcmp(s->u.importfrom.module, "__future__") != 0)
            continue;
        for (int j = 0; j < s->u.importfrom.n_names; j++)
            if (!strcmp(s->u.importfrom.names[j]->name, "annotations"))
                return true;
    }
    return false;
}

/* def f(...) that the compiler leaves to the interpreter, a `type X =`
 * statement, or another statement of the module body the interpreter
 * runs: its source runs here, in the module's namespace. */
void lower_interpreted_def(Lower *l, Stmt *s)
{
    const char *code = def_source(l, s);
    const char *c = arena_printf(A(l), "spy_exec_def(st->globals, %s, %s, %d)",
                                 const_ref(l->m, const_str(l->m, code, strlen(code))),
                                 const_ref(l->m, const_str(l->m, l->m->src_path,
                                                            strlen(l->m->src_path))),
                                 future_annotations(l->m->tm->ast));
    emit_call(l, c, (IrRep)-1, ERR_NEG, NULL, 0);
}

/* The source of a lambda at its line and column (src_expr_at), so its
 * code object has the file's positions (for tracebacks). */
static const char *lambda_text(Lower *l, const Expr *e, size_t *n)
{
    const Source *src = l->m->tm->ast->src;
    size_t len;
    const char *first = src_line(src, (int)e->span.line, &len);
    const char *last = src_line(src, (int)e->span.end_line, &len);
    size_t end = e->span.end_col < len ? e->span.end_col : len;
    const char *text = first + e->span.col;
    *n = (size_t)(last + end - text);
    return text;
}

static const char *lambda_source(Lower *l, const Expr *e)
{
    size_t n;
    const char *text = lambda_text(l, e, &n);
    return src_expr_at(A(l), e->span.line, e->span.col, text, n);
}

/* `lambda ...: ...`: the interpreter compiles its source once (the code
 * object is kept in a module slot); each evaluation makes a new function
 * of it, as the interpreter's MAKE_FUNCTION does. */
static IrReg *lower_closure_lambda(Lower *l, Expr *e);
static void lower_param_defaults(Lower *l, ParamList *ps, IrReg **defaults, IrReg **kwdefaults);

IrReg *lower_lambda(Lower *l, Expr *e)
{
    if (e->sema)
        return lower_closure_lambda(l, e);
    const char *code = lambda_source(l, e);
    const TcFunc *f = l->tf;
    const char *qual = f->is_module_body ? "<lambda>"
                                         : arena_printf(A(l), "%s.<locals>.<lambda>", f->qualname);
    int slot = l->m->n_defaults++;
    ModCtx *m = l->m;
    IrReg *defaults, *kwdefaults;
    lower_param_defaults(l, &e->u.lambda.params, &defaults, &kwdefaults);
    const char *c = arena_printf(A(l), "spy_func_defaults(spy_make_lambda(&st->d[%d], st->globals, "
                                 "%s, %s, %s), %%0, %%1)", slot,
                                 const_ref(m, const_str(m, code, strlen(code))),
                                 const_ref(m, const_str(m, m->src_path, strlen(m->src_path))),
                                 const_ref(m, const_str(m, qual, strlen(qual))));
    return emit_call(l, c, REP_OBJ, ERR_NULL, (IrReg *[]){defaults, kwdefaults}, 2);
}

/* `def __spy_outer__():` on the line before a nested def (its decorators
 * included), the def's lines as they are (they are indented: it is in a
 * function), then the captured names assigned, at the def's indentation,
 * so they are __spy_outer__'s locals and the def's free variables. */
static const char *nested_def_source(Lower *l, const Stmt *s, const char **names, int n)
{
    const Source *src = l->m->tm->ast->src;
    int first = stmt_first_line(s);
    size_t len0;
    const char *line0 = src_line(src, first, &len0);
    size_t indent = indent_of(line0, len0);
    size_t cap = (size_t)first + 64 + indent;
    for (int ln = first; ln <= (int)s->span.end_line; ln++) {
        size_t len;
        src_line(src, ln, &len);
        cap += len + 1;
    }
    for (int i = 0; i < n; i++)
        cap += strlen(names[i]) + 3;
    char *out = arena_alloc(A(l), cap), *w = out;
    for (int i = 2; i < first; i++)
        *w++ = '\n';
    w += sprintf(w, "def __spy_outer__():\n");
    for (int ln = first; ln <= (int)s->span.end_line; ln++) {
        size_t len;
        const char *text = src_line(src, ln, &len);
        memcpy(w, text, len);
        w += len;
        *w++ = '\n';
    }
    memcpy(w, line0, indent);
    w += indent;
    for (int i = 0; i < n; i++)
        w += sprintf(w, "%s = ", names[i]);
    w += sprintf(w, "None\n");
    return out;
}

/* The __defaults__ tuple and __kwdefaults__ dict of a function the
 * interpreter makes (a nested def, a lambda), evaluated here in order;
 * None when there are none. */
static void lower_param_defaults(Lower *l, ParamList *ps, IrReg **defaults, IrReg **kwdefaults)
{
    ModCtx *m = l->m;
    IrReg **pos = ARENA_ARRAY(A(l), IrReg *, ps->n + 1), **kw = ARENA_ARRAY(A(l), IrReg *, 2 * ps->n + 1);
    int npos = 0, nkw = 0;
    for (int i = 0; i < ps->n; i++) {
        Expr *d = ps->v[i]->default_value;
        if (!d)
            continue;
        IrReg *v = temp_copy(l, box(l, lower_expr(l, d), d->type));
        if (ps->v[i]->kind == PARAM_KWONLY) {
            kw[nkw++] = emit_const(l, REP_OBJ, const_ref(m, const_name(m, ps->v[i]->name)), true);
            kw[nkw++] = v;
        } else {
            pos[npos++] = v;
        }
    }
    *defaults = npos ? emit_call(l, arena_printf(A(l), "PyTuple_Pack(%d, %%*)", npos), REP_OBJ,
                                 ERR_NULL, pos, npos)
                     : emit_const(l, REP_OBJ, "Py_None", true);
    *kwdefaults = nkw ? emit_call(l, arena_printf(A(l), "spy_dict_pack(%d, %%*)", nkw / 2), REP_OBJ,
                                  ERR_NULL, kw, nkw)
                      : emit_const(l, REP_OBJ, "Py_None", true);
}

/* The enclosing function's captured locals (their names and cells). */
static int captured_cells(Lower *l, const char ***names, IrReg ***cells)
{
    const TcFunc *tf = l->tf;
    *names = ARENA_ARRAY(A(l), const char *, tf->n_locals ? tf->n_locals : 1);
    *cells = ARENA_ARRAY(A(l), IrReg *, tf->n_locals ? tf->n_locals : 1);
    int n = 0;
    for (int i = 0; i < tf->n_locals; i++)
        if (l->cell_regs[i]) {
            (*names)[n] = tf->locals[i]->name;
            (*cells)[n++] = l->cell_regs[i];
        }
    return n;
}

/* The function `name` (a def or "<lambda>") of `code`, a wrapper
 * __spy_outer__ around it, made with these cells (runtime:
 * spy_make_closure). */
static IrReg *emit_make_closure(Lower *l, const char *code, const char *name, const char **names,
                                IrReg **cells, int n, IrReg *defaults, IrReg *kwdefaults)
{
    ModCtx *m = l->m;
    IrReg *name_tuple = emit_const(l, REP_OBJ, const_ref(m, const_kwnames(m, names, n)), true);
    IrReg *cell_tuple = emit_call(l, n ? arena_printf(A(l), "PyTuple_Pack(%d, %%*)", n)
                                       : "PyTuple_New(0)", REP_OBJ, ERR_NULL, cells, n);
    const char *qual = arena_printf(A(l), "%s.<locals>.%s", l->tf->qualname, name);
    const char *c = arena_printf(A(l), "spy_make_closure(&st->d[%d], st->globals, %s, %s, %s, %s, "
                                 "%%0, %%1, %%2, %%3)", m->n_defaults++,
                                 const_ref(m, const_str(m, code, strlen(code))),
                                 const_ref(m, const_str(m, m->src_path, strlen(m->src_path))),
                                 const_ref(m, const_name(m, name)),
                                 const_ref(m, const_str(m, qual, strlen(qual))));
    return emit_call(l, c, REP_OBJ, ERR_NULL,
                     (IrReg *[]){name_tuple, cell_tuple, defaults, kwdefaults}, 4);
}

/* `def __spy_outer__():` on the line above span, then expression text
 * `expr` placed at span's line and column as ` _..._=(expr)` (the checker
 * made sure there is room), then the captured names assigned, so that
 * they are the expression's free variables. */
static const char *outer_expr_source(Lower *l, Span span, const char **names, int n,
                                     const char *expr)
{
    size_t cap = span.line + span.col + strlen(expr) + 64;
    for (int i = 0; i < n; i++)
        cap += strlen(names[i]) + 3;
    char *code = arena_alloc(A(l), cap), *w = code;
    for (uint32_t i = 2; i < span.line; i++)
        *w++ = '\n';
    w += sprintf(w, "def __spy_outer__():\n ");
    memset(w, '_', span.col - 3);
    w += span.col - 3;
    w += sprintf(w, "=(%s)\n ", expr);
    for (int i = 0; i < n; i++)
        w += sprintf(w, "%s = ", names[i]);
    sprintf(w, "None\n");
    return code;
}

/* A lambda that reads locals, made with this function's cells. */
static IrReg *lower_closure_lambda(Lower *l, Expr *e)
{
    const char **names;
    IrReg **cells;
    int n = captured_cells(l, &names, &cells);
    size_t tn;
    const char *text = lambda_text(l, e, &tn);
    const char *code = outer_expr_source(l, e->span, names, n, arena_strndup(A(l), text, tn));
    IrReg *defaults, *kwdefaults;
    lower_param_defaults(l, &e->u.lambda.params, &defaults, &kwdefaults);
    return emit_make_closure(l, code, "<lambda>", names, cells, n, defaults, kwdefaults);
}

/* A generator expression not consumed by a builtin: the interpreter makes
 * it, from `lambda __spy_it: (<the genexp, its first iterable replaced by
 * __spy_it>)` wrapped like a closure lambda, called with the first
 * iterable evaluated here (where the interpreter evaluates it too). The
 * replaced text keeps its line breaks, so later lines keep their numbers. */
IrReg *lower_dynamic_genexp(Lower *l, Expr *e)
{
    Expr *first = e->u.comp.gens[0]->iter;
    IrReg *it = temp_copy(l, box(l, lower_expr(l, first), first->type));
    const char **names = NULL;
    IrReg **cells = NULL;
    int n = l->tf->is_module_body ? 0 : captured_cells(l, &names, &cells);
    size_t tn, len;
    const char *text = lambda_text(l, e, &tn);
    const Source *src = l->m->tm->ast->src;
    const char *a = src_line(src, (int)first->span.line, &len) + first->span.col;
    const char *b = src_line(src, (int)first->span.end_line, &len) + first->span.end_col;
    char *expr = arena_alloc(A(l), tn + 64 + (first->span.end_line - first->span.line)), *w = expr;
    w += sprintf(w, "lambda __spy_it: (");
    memcpy(w, text, (size_t)(a - text));
    w += a - text;
    w += sprintf(w, "__spy_it");
    for (uint32_t i = first->span.line; i < first->span.end_line; i++)
        *w++ = '\n';
    memcpy(w, b, (size_t)(text + tn - b));
    w += text + tn - b;
    sprintf(w, ")");
    const char *code = outer_expr_source(l, e->span, names, n, expr);
    IrReg *none = emit_const(l, REP_OBJ, "Py_None", true);
    IrReg *fn = emit_make_closure(l, code, "<lambda>", names, cells, n, none, none);
    IrReg *gen = emit_call(l, "PyObject_CallOneArg", REP_OBJ, ERR_NULL, (IrReg *[]){fn, it}, 2);
    return coerce(l, gen, ty_simple(TY_ANY), e->type);
}

/* A def's decorators, evaluated (first, as the interpreter does) and
 * kept for apply_decorators. */
static IrReg **lower_decorators(Lower *l, ExprList *decos)
{
    IrReg **dv = ARENA_ARRAY(A(l), IrReg *, decos->n ? decos->n : 1);
    for (int i = 0; i < decos->n; i++)
        dv[i] = temp_copy(l, box(l, lower_expr(l, decos->v[i]), decos->v[i]->type));
    return dv;
}

/* fn passed through the decorators, innermost first. */
static IrReg *apply_decorators(Lower *l, ExprList *decos, IrReg **dv, IrReg *fn)
{
    for (int i = decos->n - 1; i >= 0; i--) {
        l->line = (int)decos->v[i]->span.line;
        fn = emit_call(l, "PyObject_CallOneArg", REP_OBJ, ERR_NULL, (IrReg *[]){dv[i], fn}, 2);
    }
    return fn;
}

/* def inside a compiled function (typecheck's check_nested_def): the
 * decorators, then the defaults, evaluated here; the function made by
 * spy_make_closure with this function's cells; decorators applied. */
static void lower_nested_def(Lower *l, Stmt *s)
{
    ExprList *decos = &s->u.funcdef.decorators;
    IrReg **dv = lower_decorators(l, decos);
    IrReg *defaults, *kwdefaults;
    lower_param_defaults(l, &s->u.funcdef.params, &defaults, &kwdefaults);
    const char **names;
    IrReg **cells;
    int n = captured_cells(l, &names, &cells);
    const char *code = nested_def_source(l, s, names, n);
    IrReg *fn = emit_make_closure(l, code, s->u.funcdef.name, names, cells, n, defaults, kwdefaults);
    fn = apply_decorators(l, decos, dv, fn);
    store_target(l, s->sema, fn, ty_simple(TY_ANY));
}

static void lower_def(Lower *l, Stmt *s)
{
    if (!l->tf->is_module_body) {
        lower_nested_def(l, s);
        return;
    }
    const TcFunc *f = s->sema;
    if (f->interpreted) {
        lower_interpreted_def(l, s);
        return;
    }
    /* As the interpreter does: decorators evaluated first, then defaults,
     * the function made, and the decorators applied innermost first. */
    ExprList *decos = &s->u.funcdef.decorators;
    IrReg **dv = lower_decorators(l, decos);
    store_defaults(l, f);
    const char *c = arena_printf(A(l), "PyCFunction_NewEx(&spy_methods[%d], st->module, "
                                 "st->modname)", f->index);
    IrReg *fn = emit_call(l, c, REP_OBJ, ERR_NULL, NULL, 0);
    fn = apply_decorators(l, decos, dv, fn);
    store_global(l, f->name, fn);
}

/* del x: the local is released and unbound; del of a global removes it
 * from the module dict; del x[i] and del x.a go through the protocols. */
static void lower_del(Lower *l, Expr *t)
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
        else if (!is_docstring(s))
            lower_expr(l, s->u.expr.value);
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
