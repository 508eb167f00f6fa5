/*
 * lower_func.c — lowering of one function: registers for its locals and
 * parameters, the entry and exit blocks, and the small emit_* helpers the
 * expression and statement lowering share.  Also the module constant
 * table (interned names, literals) that generated code reads from the
 * module state.
 *
 * needs: a checked TcFunc.  provides: IR with implicit error edges and no
 * reference counting of temporaries (refcount.c adds that).
 */
#include "emit/lower.h"

#include <string.h>

/* ---- constants ------------------------------------------------------------ */

/* Adds c, or returns the index of an equal constant already there. */
static int add_const(ModCtx *m, Const *c)
{
    for (int i = 0; i < m->n_consts; i++) {
        Const *o = m->consts[i];
        if (o->kind == c->kind && o->len == c->len && o->n_items == c->n_items &&
            (!c->s || memcmp(o->s, c->s, c->len) == 0) &&
            (!c->n_items || memcmp(o->items, c->items, sizeof(int) * (size_t)c->n_items) == 0))
            return i;
    }
    return const_append(m, c);
}

void module_helper(ModCtx *m, const char *text)
{
    if (m->n_helpers == m->cap_helpers) {
        int nc = m->cap_helpers ? m->cap_helpers * 2 : 16;
        const char **nv = ARENA_ARRAY(m->a, const char *, nc);
        if (m->n_helpers)
            memcpy(nv, m->helpers, sizeof(const char *) * (size_t)m->n_helpers);
        m->helpers = nv;
        m->cap_helpers = nc;
    }
    m->helpers[m->n_helpers++] = text;
}

int const_append(ModCtx *m, Const *c)
{
    if (m->n_consts == m->cap_consts) {
        int nc = m->cap_consts ? m->cap_consts * 2 : 32;
        Const **nv = ARENA_ARRAY(m->a, Const *, nc);
        if (m->n_consts)
            memcpy(nv, m->consts, sizeof(Const *) * (size_t)m->n_consts);
        m->consts = nv;
        m->cap_consts = nc;
    }
    m->consts[m->n_consts] = c;
    return m->n_consts++;
}

static int add_text_const(ModCtx *m, ConstKind kind, const char *s, size_t len)
{
    Const *c = ARENA_NEW(m->a, Const);
    c->kind = kind;
    c->s = s;
    c->len = len;
    return add_const(m, c);
}

int const_name(ModCtx *m, const char *name) { return add_text_const(m, K_NAME, name, strlen(name)); }
int const_str(ModCtx *m, const char *s, size_t len) { return add_text_const(m, K_STR, s, len); }
int const_bytes(ModCtx *m, const char *s, size_t len) { return add_text_const(m, K_BYTES, s, len); }
int const_bigint(ModCtx *m, const char *digits) { return add_text_const(m, K_BIGINT, digits, strlen(digits)); }
int const_obj(ModCtx *m, const char *c_expr) { return add_text_const(m, K_OBJ, c_expr, strlen(c_expr)); }

int const_tuple(ModCtx *m, const int *items, int n)
{
    Const *c = ARENA_NEW(m->a, Const);
    c->kind = K_TUPLE;
    c->items = ARENA_ARRAY(m->a, int, n ? n : 1);
    if (n)
        memcpy(c->items, items, sizeof(int) * (size_t)n);
    c->n_items = n;
    return add_const(m, c);
}

int const_kwnames(ModCtx *m, const char **names, int n)
{
    Const *c = ARENA_NEW(m->a, Const);
    c->kind = K_KWNAMES;
    c->items = ARENA_ARRAY(m->a, int, n);
    for (int i = 0; i < n; i++)
        c->items[i] = const_name(m, names[i]);
    c->n_items = n;
    return add_const(m, c);
}

int global_cache_slot(ModCtx *m, int name_const)
{
    for (int i = 0; i < m->n_gcache; i++)
        if (m->gcache_names[i] == name_const)
            return i;
    if (m->n_gcache == m->cap_gcache) {
        int nc = m->cap_gcache ? m->cap_gcache * 2 : 16;
        int *nv = ARENA_ARRAY(m->a, int, nc);
        if (m->n_gcache)
            memcpy(nv, m->gcache_names, sizeof(int) * (size_t)m->n_gcache);
        m->gcache_names = nv;
        m->cap_gcache = nc;
    }
    m->gcache_names[m->n_gcache] = name_const;
    return m->n_gcache++;
}

const char *const_ref(ModCtx *m, int index) { return arena_printf(m->a, "st->c[%d]", index); }

/* ---- emit helpers ------------------------------------------------------------ */

IrRep rep_of(const TyType *t)
{
    switch (t->kind) {
    case TY_INT: return REP_INT;
    case TY_I64: case TY_I32: case TY_I16: case TY_U8: return REP_I64;
    case TY_FLOAT: return REP_FLOAT;
    case TY_BOOL: return REP_BOOL;
    default: return REP_OBJ;
    }
}

/* Code after a return/break is unreachable but still lowered (Python
 * allows it); it goes into a block nothing jumps to, pruned later. */
static IrBlock *cur_block(Lower *l)
{
    if (!l->cur)
        l->cur = ir_block(l->f);
    return l->cur;
}

/* A new op at the end of the current block, failing to the current
 * except block (if any). */
IrOp *lower_op(Lower *l, IrOpKind kind)
{
    IrOp *op = ir_op(l->f, cur_block(l), kind, l->line);
    op->handler = l->handler;
    return op;
}

IrReg *emit_call(Lower *l, const char *c, IrRep rep, IrErrKind err, IrReg **args, int n)
{
    IrOp *op = lower_op(l, IR_CALL);
    op->c = c;
    op->err = err;
    ir_set_args(l->f, op, args, n);
    if ((int)rep >= 0)
        op->dst = ir_reg(l->f, rep, NULL);
    return op->dst;
}

IrReg *emit_const(Lower *l, IrRep rep, const char *text, bool borrowed)
{
    IrOp *op = lower_op(l, IR_CONST);
    op->c = text;
    op->dst = ir_reg(l->f, rep, NULL);
    op->dst->borrowed = borrowed;
    return op->dst;
}

void emit_assign(Lower *l, IrReg *dst, IrReg *src)
{
    if (dst == src)
        return;
    IrOp *op = lower_op(l, IR_ASSIGN);
    op->dst = dst;
    ir_set_args(l->f, op, &src, 1);
}

void assign_local(Lower *l, const TcSymbol *s, IrReg *v)
{
    emit_assign(l, l->local_regs[s->index], v);
    if (l->bound_regs[s->index])
        emit_assign(l, l->bound_regs[s->index], emit_const(l, REP_BOOL, "1", false));
    if (l->cell_regs[s->index]) /* what a nested def sees */
        emit_call(l, "PyCell_Set", (IrRep)-1, ERR_NEG,
                  (IrReg *[]){l->cell_regs[s->index], box(l, v, s->type)}, 2);
}

/* The cells of captured locals, made on entry; a parameter's holds its
 * argument from the start. */
static void make_cells(Lower *l, const TcFunc *tf)
{
    for (int i = 0; i < tf->n_locals; i++) {
        IrReg *c = l->cell_regs[i];
        if (!c)
            continue;
        emit_assign(l, c, emit_call(l, "PyCell_New(NULL)", REP_OBJ, ERR_NULL, NULL, 0));
        if (tf->locals[i]->is_param)
            emit_call(l, "PyCell_Set", (IrRep)-1, ERR_NEG,
                      (IrReg *[]){c, box(l, l->local_regs[i], tf->locals[i]->type)}, 2);
    }
}

/* An owned copy of r, so later assignments to the variable r came from
 * cannot change the value (tuple assignment evaluates all of its right
 * side before binding). */
IrReg *temp_copy(Lower *l, IrReg *r)
{
    if (!r->is_local && !r->borrowed)
        return r;
    IrReg *t = ir_reg(l->f, r->rep, NULL);
    emit_assign(l, t, r);
    return t;
}

void emit_goto(Lower *l, IrBlock *target)
{
    IrOp *op = lower_op(l, IR_GOTO);
    op->target = target;
    l->cur = NULL;
}

void emit_branch(Lower *l, IrReg *cond, IrBlock *t, IrBlock *f)
{
    IrOp *op = lower_op(l, IR_BRANCH);
    ir_set_args(l->f, op, &cond, 1);
    op->target = t;
    op->target2 = f;
    l->cur = NULL;
}

const char *source_text(ModCtx *m, Span a, Span b)
{
    const Source *src = m->tm->ast->src;
    if (a.line != b.end_line)
        return "the expression";
    size_t len;
    const char *text = src_line(src, (int)a.line, &len);
    uint32_t from = a.col, to = b.end_col;
    if (to > len || from >= to)
        return "the expression";
    char *out = arena_strndup(m->a, text + from, to - from);
    for (char *c = out; *c; c++)
        if ((c[0] == '*' && c[1] == '/') || (c[0] == '/' && c[1] == '*') ||
            (unsigned char)*c < 0x20)
            *c = '+';
    return out;
}

void start_block(Lower *l, IrBlock *b)
{
    if (l->cur)
        emit_goto(l, b);
    l->cur = b;
}

/* ---- functions ---------------------------------------------------------------- */

static void make_locals(Lower *l, const TcFunc *tf)
{
    IrFunc *f = l->f;
    l->local_regs = ARENA_ARRAY(l->m->a, IrReg *, tf->n_locals ? tf->n_locals : 1);
    l->bound_regs = ARENA_ARRAY(l->m->a, IrReg *, tf->n_locals ? tf->n_locals : 1);
    l->cell_regs = ARENA_ARRAY(l->m->a, IrReg *, tf->n_locals ? tf->n_locals : 1);
    for (int i = 0; i < tf->n_locals; i++) {
        TcSymbol *s = tf->locals[i];
        IrReg *r = ir_reg(f, s->machine ? REP_I64 : rep_of(s->type), s->name);
        r->is_local = true;
        l->local_regs[i] = r;
        if (s->captured) {
            IrReg *c = ir_reg(f, REP_OBJ, arena_printf(l->m->a, "%s__cell", s->name));
            c->is_local = true;
            l->cell_regs[i] = c;
        }
        if (s->maybe_unbound && !ir_rep_refcounted(r->rep)) {
            IrReg *b = ir_reg(f, REP_BOOL, arena_printf(l->m->a, "%s__assigned", s->name));
            b->is_local = true;
            l->bound_regs[i] = b;
        }
    }
    f->params = ARENA_ARRAY(l->m->a, IrReg *, tf->n_params ? tf->n_params : 1);
    for (int i = 0; i < tf->n_params; i++)
        f->params[f->n_params++] = l->local_regs[tf->params[i].sym->index];
}

Lower *lower_scratch(ModCtx *m, const TcFunc *tf)
{
    Lower *l = arena_alloc(m->a, sizeof *l);
    *l = (Lower){.m = m, .f = ir_func_new(m->a, tf), .tf = tf};
    make_locals(l, tf);
    return l;
}

/* A parameter the body never assigns stays borrowed from the caller; one
 * it assigns is increfed on entry and then owned like any local. */
static void settle_params(Lower *l, IrBlock *entry)
{
    IrFunc *f = l->f;
    bool *assigned = ARENA_ARRAY(l->m->a, bool, f->n_regs);
    for (int b = 0; b < f->n_blocks; b++)
        for (int i = 0; i < f->blocks[b]->n_ops; i++) {
            IrOp *op = f->blocks[b]->ops[i];
            if (op->dst)
                assigned[op->dst->id] = true;
        }
    for (int i = 0; i < f->n_params; i++) {
        IrReg *p = f->params[i];
        if (!ir_rep_refcounted(p->rep))
            continue;
        if (f->is_generator)
            continue; /* the generator's frame owns its copy (cgen_gen.c) */
        if (!assigned[p->id]) {
            p->is_local = false;
            p->borrowed = true;
            continue;
        }
        IrOp *op = ir_new_op(f, IR_INCREF, 0);
        ir_set_args(f, op, &p, 1);
        ir_insert(f, entry, 0, op);
    }
    /* locals and the cells of captured ones: up to every register */
    f->locals = ARENA_ARRAY(l->m->a, IrReg *, f->n_regs ? f->n_regs : 1);
    for (int i = 0; i < f->n_regs; i++)
        if (f->regs[i]->is_local && ir_rep_refcounted(f->regs[i]->rep))
            f->locals[f->n_locals++] = f->regs[i];
}

static void build_exit(Lower *l, IrBlock *b, IrReg *ret)
{
    IrFunc *f = l->f;
    for (int i = 0; i < f->n_locals; i++) {
        IrOp *op = ir_op(f, b, IR_XDECREF, 0);
        ir_set_args(f, op, &f->locals[i], 1);
    }
    IrOp *op = ir_op(f, b, IR_RETURN, 0);
    if (ret)
        ir_set_args(f, op, &ret, 1);
}

IrFunc *lower_function(ModCtx *m, const TcFunc *tf)
{
    IrFunc *f = ir_func_new(m->a, tf);
    f->c_name = tf->is_module_body ? "f___module__" : func_cname(m->a, tf);
    f->ret_rep = rep_of(tf->ret);
    f->is_generator = tf->is_generator;
    if (f->is_generator) {
        m->has_generators = true;
        f->name_const = const_name(m, tf->name);
        f->qualname_const = const_name(m, tf->qualname);
    }
    Lower l = {.m = m, .f = f, .tf = tf};
    IrBlock *entry = ir_block(f);
    make_locals(&l, tf);
    f->retval = ir_reg(f, f->ret_rep, NULL);
    f->exit_ok = ir_block(f);
    f->exit_err = ir_block(f);
    l.cur = entry;
    if (!tf->is_module_body)
        make_cells(&l, tf);
    StmtList *body = tf->is_module_body ? &m->tm->ast->body : &tf->def->u.funcdef.body;
    lower_spec_entry(&l);
    lower_block(&l, body);
    TyKind rk = tf->ret->kind;
    if (l.cur && (rk == TY_NONE || rk == TY_ANY || rk == TY_OBJECT || tf->is_generator)) {
        /* Falling off the end returns None. */
        l.line = 0;
        emit_assign(&l, f->retval, emit_const(&l, REP_OBJ, "Py_None", true));
        emit_goto(&l, f->exit_ok);
    } else if (l.cur && tf->ends_in_with) {
        /* Reached only when a context manager swallowed an exception, or
         * when an abstract method's `...` body is called: None, as the
         * interpreter returns, checked as a returned value */
        l.line = tf->def->span.line;
        IrReg *none = emit_call(&l, "spy_none_opaque()", REP_OBJ, ERR_NEVER, NULL, 0);
        emit_assign(&l, f->retval, coerce(&l, none, ty_simple(TY_ANY), tf->ret));
        emit_goto(&l, f->exit_ok);
    } else if (l.cur) {
        /* The checker proved every path returns (else "missing return
         * statement"); this block only joins branches that all did. */
        ir_op(f, l.cur, IR_UNREACHABLE, 0);
    }
    settle_params(&l, entry);
    build_exit(&l, f->exit_ok, f->retval);
    build_exit(&l, f->exit_err, NULL);
    f->exit_err->is_error_path = true;
    return f;
}
