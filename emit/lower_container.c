/*
 * lower_container.c — subscripts, displays and attributes to IR: indexing
 * (list, str, dict and tuple paths, the generic protocol otherwise), tuple,
 * list, set and dict displays (starred items too), f-strings, math
 * constants, and the fields of native class instances (their defined[]
 * bits, getset accessors) and other attributes.
 */
#include "emit/lower.h"

#include <stdlib.h>
#include <string.h>

/* math.pi, math.e, ...: folded. */
static IrReg *math_constant_value(Lower *l, Expr *e)
{
    static const struct { const char *name, *c; } k[] = {
        {"pi", "3.141592653589793"}, {"e", "2.718281828459045"},
        {"tau", "6.283185307179586"}, {"inf", "Py_HUGE_VAL"}, {"nan", "Py_NAN"},
    };
    for (size_t i = 0; i < sizeof k / sizeof *k; i++)
        if (!strcmp(e->u.attribute.attr, k[i].name))
            return emit_const(l, REP_FLOAT, k[i].c, false);
    return NULL;
}

IrReg *lower_index(Lower *l, Expr *ix)
{
    if (ix->kind != EX_SLICE)
        return box(l, lower_expr(l, ix), ix->type);
    Expr *parts[3] = {ix->u.slice.lower, ix->u.slice.upper, ix->u.slice.step};
    IrReg *regs[3];
    for (int i = 0; i < 3; i++)
        regs[i] = parts[i] ? box(l, lower_expr(l, parts[i]), parts[i]->type)
                           : emit_const(l, REP_OBJ, "Py_None", true);
    return emit_call(l, "PySlice_New", REP_OBJ, ERR_NULL, regs, 3);
}

/* A literal index into a fixed tuple, resolved by the checker. */
static int tuple_literal_index(const Expr *ix, const TyType *t)
{
    if (t->kind != TY_TUPLE || t->variadic)
        return -1;
    bool neg = ix->kind == EX_UNARY && ix->u.unary.op == UOP_NEG;
    const Expr *lit = neg ? ix->u.unary.operand : ix;
    if (lit->kind != EX_INT || !lit->u.int_lit.fits_i64)
        return -1;
    int64_t i = neg ? t->n_args - lit->u.int_lit.value : lit->u.int_lit.value;
    return i >= 0 && i < t->n_args ? (int)i : -1;
}

/* An index that is an int (a dynamic one may be a slice: the generic
 * protocol takes it). */
bool int_index(const Expr *ix)
{
    TyKind k = ix->type->kind;
    return k == TY_INT || k == TY_BOOL || ty_is_fixed(ix->type) || machine_able(ix);
}

IrReg *lower_subscript(Lower *l, Expr *e)
{
    Expr *v = e->u.subscript.value, *ix = e->u.subscript.index;
    const TyType *vt = v->type, *tint = ty_simple(TY_INT);
    IrReg *o = box(l, lower_expr(l, v), vt);
    IrReg *r;
    int k = tuple_literal_index(ix, vt);
    TyKind et = e->type->kind;
    if (vt->kind == TY_LIST && ix->kind != EX_SLICE &&
        (ix->type->kind == TY_INT || machine_able(ix)) &&
        (et == TY_FLOAT || et == TY_INT || et == TY_BOOL)) {
        bool m = machine_able(ix);
        const char *get = list_fn(A(l), v, arena_printf(A(l), "get%s%s", list_elem_kind(e->type),
                                                        m ? "_i64" : ""));
        return call2(l, get, rep_of(e->type), list_read_err(e->type), o,
                     m ? lower_machine(l, ix) : lower_expr_as(l, ix, tint));
    }
    if (tc_native_array(v)) { /* typecheck/native_array.c admits only the path above */
        fprintf(stderr, "internal error at %s:%d: native array read by a list path\n",
                __FILE__, __LINE__);
        abort();
    }
    if (vt->kind == TY_LIST && machine_able(ix))
        r = call2(l, "spy_list_getitem_i64", REP_OBJ, ERR_NULL, o, lower_machine(l, ix));
    else if (vt->kind == TY_LIST && ix->kind != EX_SLICE && int_index(ix))
        r = call2(l, "spy_list_getitem", REP_OBJ, ERR_NULL, o, lower_expr_as(l, ix, tint));
    else if (vt->kind == TY_STR && ix->kind != EX_SLICE && machine_able(ix)) {
        r = call2(l, "spy_str_getitem_i64", REP_OBJ, ERR_NULL, o, lower_machine(l, ix));
        if (e->type->kind == TY_STR)
            return r; /* spy_str_getitem_i64 checked a subclass's result */
    } else if (vt->kind == TY_STR && ix->kind != EX_SLICE &&
             (ix->type->kind == TY_INT || ix->type->kind == TY_BOOL)) {
        r = call2(l, "spy_str_getitem", REP_OBJ, ERR_NULL, o, lower_expr_as(l, ix, tint));
        if (e->type->kind == TY_STR)
            return r; /* spy_str_getitem checked a subclass's result */
    }
    else if (vt->kind == TY_STR && ix->kind == EX_SLICE && !ix->u.slice.step &&
             (!ix->u.slice.lower || ix->u.slice.lower->type->kind == TY_INT) &&
             (!ix->u.slice.upper || ix->u.slice.upper->type->kind == TY_INT)) {
        Expr *lo = ix->u.slice.lower, *hi = ix->u.slice.upper;
        IrReg *args[3] = {o, lo ? lower_expr(l, lo) : emit_const(l, REP_INT, "SPY_INT_ERR", true),
                          hi ? lower_expr(l, hi) : emit_const(l, REP_INT, "SPY_INT_ERR", true)};
        r = emit_call(l, arena_printf(A(l), "spy_str_slice(%%0, %%1, %d, %%2, %d)", lo != NULL,
                                      hi != NULL), REP_OBJ, ERR_NULL, args, 3);
    } else if (vt->kind == TY_DICT)
        r = call2(l, "spy_dict_getitem", REP_OBJ, ERR_NULL, o, box(l, lower_expr(l, ix), ix->type));
    else if (k >= 0)
        r = call1(l, arena_printf(A(l), "spy_tuple_item(%%0, %d)", k), REP_OBJ, ERR_NEVER, o);
    else
        r = call2(l, "PyObject_GetItem", REP_OBJ, ERR_NULL, o, lower_index(l, ix));
    return coerce(l, r, ty_simple(TY_ANY), e->type);
}

/* The module constant of a literal that CPython keeps in co_consts (a
 * str, an int, a float, None, True, False, a tuple of such), or -1. */
static int literal_const(Lower *l, const Expr *x)
{
    switch (x->kind) {
    case EX_STR: return const_str(l->m, x->u.str.s, x->u.str.len);
    case EX_BYTES: return const_bytes(l->m, x->u.str.s, x->u.str.len);
    case EX_INT: return const_bigint(l->m, x->u.int_lit.text);
    case EX_UNARY: {
        const Expr *v = x->u.unary.operand;
        if (x->u.unary.op == UOP_NEG && v->kind == EX_FLOAT)
            return const_obj(l->m, arena_printf(A(l), "PyFloat_FromDouble(%s)",
                                                float_text(A(l), -v->u.float_lit.value)));
        if (x->u.unary.op != UOP_NEG || v->kind != EX_INT)
            return -1;
        return const_bigint(l->m, arena_printf(A(l), "-%s", v->u.int_lit.text));
    }
    case EX_NONE: return const_obj(l->m, "spy_new_ref(Py_None)");
    case EX_TRUE: return const_obj(l->m, "spy_new_ref(Py_True)");
    case EX_FALSE: return const_obj(l->m, "spy_new_ref(Py_False)");
    case EX_FLOAT:
        return const_obj(l->m, arena_printf(A(l), "PyFloat_FromDouble(%s)",
                                            float_text(A(l), x->u.float_lit.value)));
    case EX_TUPLE: {
        int n = x->u.seq.elts.n;
        int *items = ARENA_ARRAY(A(l), int, n ? n : 1);
        for (int i = 0; i < n; i++)
            if ((items[i] = literal_const(l, x->u.seq.elts.v[i])) < 0)
                return -1;
        return const_tuple(l->m, items, n);
    }
    default:
        return -1;
    }
}

static bool has_star(const ExprList *elts)
{
    for (int i = 0; i < elts->n; i++)
        if (elts->v[i]->kind == EX_STARRED)
            return true;
    return false;
}

/* [a, *b, c], (a, *b), {a, *b}: built item by item, left to right, as the
 * interpreter's LIST_EXTEND/LIST_APPEND (a tuple from the list) and
 * SET_UPDATE/SET_ADD do. */
static IrReg *lower_starred_display(Lower *l, Expr *e)
{
    bool set = e->kind == EX_SET;
    IrReg *acc = emit_call(l, set ? "spy_set_pack(0)" : "spy_list_pack(0)", REP_OBJ, ERR_NULL,
                           NULL, 0);
    for (int i = 0; i < e->u.seq.elts.n; i++) {
        Expr *x = e->u.seq.elts.v[i];
        bool star = x->kind == EX_STARRED;
        Expr *v = star ? x->u.starred.value : x;
        IrReg *args[2] = {acc, box(l, lower_expr(l, v), v->type)};
        const char *c = star ? (set ? "spy_set_update_star" : "spy_list_extend_star")
                             : (set ? "PySet_Add" : "PyList_Append");
        emit_call(l, c, (IrRep)-1, ERR_NEG, args, 2);
    }
    return e->kind == EX_TUPLE ? call1(l, "PyList_AsTuple", REP_OBJ, ERR_NULL, acc) : acc;
}

/* A type whose values hold no references the collector follows: int,
 * float, bool, str, bytes, None, fixed-width ints, unions of them. */
static bool is_atomic(const TyType *t)
{
    if (ty_is_fixed(t))
        return true;
    switch (t->kind) {
    case TY_INT: case TY_FLOAT: case TY_BOOL: case TY_STR: case TY_BYTES: case TY_NONE:
        return true;
    case TY_UNION:
        for (int i = 0; i < t->n_args; i++)
            if (!is_atomic(t->args[i]))
                return false;
        return true;
    default:
        return false;
    }
}

IrReg *lower_sequence(Lower *l, Expr *e, const char *packer)
{
    if (has_star(&e->u.seq.elts))
        return lower_starred_display(l, e);
    if (e->kind == EX_TUPLE) {
        /* ("a", "b"): one tuple made when the module loads, as the
         * interpreter folds it into a constant */
        int k = literal_const(l, e);
        if (k >= 0)
            return emit_const(l, REP_OBJ, const_ref(l->m, k), true);
    }
    int n = e->u.seq.elts.n;
    IrReg **items = ARENA_ARRAY(A(l), IrReg *, n ? n : 1);
    bool atomic = e->kind == EX_TUPLE && n > 0;
    for (int i = 0; i < n; i++) {
        Expr *x = e->u.seq.elts.v[i];
        items[i] = box(l, lower_expr(l, x), x->type);
        atomic &= is_atomic(x->type);
    }
    const char *c = arena_printf(A(l), n ? "%s(%d, %%*)" : "%s(%d)", packer, n);
    if (atomic)
        c = arena_printf(A(l), "spy_tuple_untrack_atomic(%s)", c);
    return emit_call(l, c, REP_OBJ, ERR_NULL, items, n);
}

/* {**m, k: v}: built entry by entry, left to right (DICT_UPDATE for each
 * mapping). */
static IrReg *lower_dict_with_star(Lower *l, Expr *e)
{
    IrReg *d = emit_call(l, "spy_dict_pack(0)", REP_OBJ, ERR_NULL, NULL, 0);
    for (int i = 0; i < e->u.dict.keys.n; i++) {
        Expr *k = e->u.dict.keys.v[i], *v = e->u.dict.values.v[i];
        if (!k) {
            IrReg *args[2] = {d, box(l, lower_expr(l, v), v->type)};
            emit_call(l, "spy_dict_update_star", (IrRep)-1, ERR_NEG, args, 2);
            continue;
        }
        IrReg *args[3] = {d, box(l, lower_expr(l, k), k->type), NULL};
        args[2] = box(l, lower_expr(l, v), v->type);
        emit_call(l, "PyDict_SetItem", (IrRep)-1, ERR_NEG, args, 3);
    }
    return d;
}

IrReg *lower_dict(Lower *l, Expr *e)
{
    int n = e->u.dict.keys.n;
    for (int i = 0; i < n; i++)
        if (!e->u.dict.keys.v[i])
            return lower_dict_with_star(l, e);
    IrReg **items = ARENA_ARRAY(A(l), IrReg *, 2 * n + 1);
    for (int i = 0; i < n; i++) {
        Expr *k = e->u.dict.keys.v[i], *v = e->u.dict.values.v[i];
        items[2 * i] = box(l, lower_expr(l, k), k->type);
        items[2 * i + 1] = box(l, lower_expr(l, v), v->type);
    }
    const char *c = arena_printf(A(l), n ? "spy_dict_pack(%d, %%*)" : "spy_dict_pack(%d)", n);
    return emit_call(l, c, REP_OBJ, ERR_NULL, items, 2 * n);
}

/* f"a{x!r:>{w}}b": each field formatted, then all parts joined. */
IrReg *lower_fstring(Lower *l, FString *fs)
{
    IrReg **parts = ARENA_ARRAY(A(l), IrReg *, fs->n ? fs->n : 1);
    int n = 0;
    for (int i = 0; i < fs->n; i++) {
        FPart *p = fs->v[i];
        if (!p->expr) {
            if (p->text_len)
                parts[n++] = emit_const(l, REP_OBJ, const_ref(l->m, const_str(l->m, p->text,
                                                                               p->text_len)), true);
            continue;
        }
        IrReg *v = box(l, lower_expr(l, p->expr), p->expr->type);
        if (p->conversion)
            v = call1(l, p->conversion == 'r' ? "PyObject_Repr" : p->conversion == 's'
                         ? "PyObject_Str" : "PyObject_ASCII", REP_OBJ, ERR_NULL, v);
        IrReg *spec = p->spec ? lower_fstring(l, p->spec) : NULL;
        parts[n++] = spec ? call2(l, "spy_format", REP_OBJ, ERR_NULL, v, spec)
                          : call1(l, "spy_format(%0, NULL)", REP_OBJ, ERR_NULL, v);
    }
    if (n == 0)
        return emit_const(l, REP_OBJ, const_ref(l->m, const_str(l->m, "", 0)), true);
    if (n == 1 && fs->n == 1)
        return parts[0];
    return emit_call(l, arena_printf(A(l), "spy_str_concat_n(%d, %%*)", n), REP_OBJ, ERR_NULL,
                     parts, n);
}

/* The C lvalue of an attribute's field: ((struct spy_obj_C *)%0)->a_x. */
const char *field_lvalue(Arena *a, const TcAttr *attr)
{
    return arena_printf(a, "((%s *)%%0)->%s", class_struct(a, attr->owner),
                        cg_ident(a, "a_", attr->name));
}

/* Where an instance's "assigned" bit for attribute `index` is: a word
 * of its defined[] bitmap, and a mask of that word (bit 0 of word 0
 * marks an instance of a Python subclass). */
const char *defined_word(Arena *a, int index)
{
    return arena_printf(a, "defined[%d]", (index + 1) / 64);
}
const char *defined_mask(Arena *a, int index)
{
    return arena_printf(a, "((uint64_t)1 << %d)", (index + 1) % 64);
}

/* The test of an unboxed field's "assigned" bit. */
const char *field_defined(Arena *a, const TcAttr *attr)
{
    return arena_printf(a, "(((%s *)%%0)->%s & %s)", class_struct(a, attr->owner),
                        defined_word(a, attr->index), defined_mask(a, attr->index));
}

static IrReg *lower_field(Lower *l, Expr *e, const TcAttr *attr)
{
    IrReg *r = load_field(l, lower_expr(l, e->u.attribute.value), attr);
    return coerce(l, r, attr->type, e->type);
}

/* The value of attribute attr of instance o, in attr's representation. */
IrReg *load_field(Lower *l, IrReg *o, const TcAttr *attr)
{
    Arena *a = A(l);
    const char *f = field_lvalue(a, attr);
    IrReg *r;
    IrRep rep = rep_of(attr->type);
    /* A float, bool or fixed-width field __init__ always sets is read as
     * is; pointers and tagged ints keep their cheap "unset?" test, so even
     * a wrong analysis could not turn into a bad pointer. */
    if (attr->always_defined && (rep == REP_FLOAT || rep == REP_BOOL || rep == REP_I64))
        return call1(l, f, rep, ERR_NEVER, o);
    switch (rep) {
    case REP_INT:
        r = call1(l, arena_printf(a, "spy_field_get_int(%s, %%0, \"%s\")", f, attr->name),
                  REP_INT, ERR_INT, o);
        break;
    case REP_FLOAT:
        r = call1(l, arena_printf(a, "spy_field_get_float(%s, %s, %%0, \"%s\")", f,
                                  field_defined(a, attr), attr->name), REP_FLOAT, ERR_FLOAT, o);
        break;
    case REP_BOOL:
        r = call1(l, arena_printf(a, "spy_field_get_bool(%s, %s, %%0, \"%s\")", f,
                                  field_defined(a, attr), attr->name), REP_BOOL, ERR_BOOL, o);
        break;
    case REP_I64:
        r = call1(l, arena_printf(a, "spy_field_get_i64(%s, %s, %%0, \"%s\")", f,
                                  field_defined(a, attr), attr->name), REP_I64, ERR_I64, o);
        break;
    default:
        r = call1(l, arena_printf(a, "spy_field_get_obj(%s, %%0, \"%s\")", f, attr->name),
                  REP_OBJ, ERR_NULL, o);
    }
    return r;
}

/* `o.name` on a receiver of unknown type: when exactly one native class of
 * the module has a field of that name (inherited copies count: a class
 * with subclasses never qualifies), an access tests for an instance of
 * that very class and calls the field's getter or setter directly, which
 * is what the generic lookup would find and call: no instance dict or
 * other attribute can shadow a native field. */
const TcAttr *field_named(const TcModule *tm, const char *name)
{
    const TcAttr *found = NULL;
    for (int i = 0; i < tm->n_classes; i++) {
        const TcClass *c = tm->classes[i];
        for (int j = 0; !c->dynamic && j < c->n_attrs; j++) {
            if (strcmp(c->attrs[j]->name, name) != 0)
                continue;
            if (found)
                return NULL;
            found = c->attrs[j];
        }
    }
    return found;
}

/* "spy_get_<Class>_a_<name>" (kind "get") or the setter ("set"). */
const char *field_accessor(Arena *a, const TcAttr *attr, const char *kind)
{
    return arena_printf(a, "%s_%s", cg_ident(a, arena_printf(a, "spy_%s_", kind), attr->owner->name),
                        cg_ident(a, "a_", attr->name));
}


IrReg *lower_attribute(Lower *l, Expr *e)
{
    Expr *v = e->u.attribute.value;
    if (e->type->kind == TY_FLOAT && v->kind == EX_NAME && v->sema &&
        ((TcSymbol *)v->sema)->kind == SYM_IMPORT) {
        IrReg *k = math_constant_value(l, e);
        if (k)
            return k;
    }
    if (e->sema && v->type->kind == TY_CLASS)
        return lower_field(l, e, e->sema);
    if (e->u.attribute.property)
        return lower_property(l, e, e->u.attribute.property);
    IrReg *o = box(l, lower_expr(l, v), v->type);
    const char *c = arena_printf(A(l), "PyObject_GetAttr(%%0, %s)",
                                 const_ref(l->m, const_name(l->m, e->u.attribute.attr)));
    const TcAttr *f = field_named(l->m->tm, e->u.attribute.attr);
    if (f)
        c = arena_printf(A(l), "(Py_TYPE(%%0) == st->types[%d] ? %s(%%0, NULL) : %s)",
                         f->owner->index, field_accessor(A(l), f, "get"), c);
    return coerce(l, call1(l, c, REP_OBJ, ERR_NULL, o), ty_simple(TY_ANY), e->type);
}
