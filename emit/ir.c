/*
 * ir.c — building, checking and printing IR functions.
 *
 * Entry points: ir_func_new, ir_reg, ir_block, ir_op, ir_verify, ir_print.
 * All IR memory lives in the arena passed to ir_func_new.
 */
#include "emit/ir.h"

#include <string.h>

bool ir_rep_refcounted(IrRep r) { return r == REP_OBJ || r == REP_INT; }

const char *ir_rep_ctype(IrRep r)
{
    switch (r) {
    case REP_OBJ: return "PyObject *";
    case REP_INT: return "SpyInt ";
    case REP_FLOAT: return "double ";
    case REP_BOOL: return "char ";
    case REP_CINT: return "int ";
    case REP_I64: return "int64_t ";
    }
    return "?";
}

IrFunc *ir_func_new(Arena *a, const TcFunc *tc)
{
    IrFunc *f = ARENA_NEW(a, IrFunc);
    f->a = a;
    f->tc = tc;
    return f;
}

/* Grows an arena array of pointers (old copies are left in the arena). */
static void **grow(Arena *a, void **v, int n, int *cap)
{
    if (n < *cap)
        return v;
    int nc = *cap ? *cap * 2 : 16;
    void **nv = ARENA_ARRAY(a, void *, nc);
    if (n)
        memcpy(nv, v, sizeof(void *) * (size_t)n);
    *cap = nc;
    return nv;
}

IrReg *ir_reg(IrFunc *f, IrRep rep, const char *name)
{
    IrReg *r = ARENA_NEW(f->a, IrReg);
    r->id = f->n_regs;
    r->rep = rep;
    r->name = name;
    f->regs = (IrReg **)grow(f->a, (void **)f->regs, f->n_regs, &f->cap_regs);
    f->regs[f->n_regs++] = r;
    return r;
}

IrBlock *ir_block(IrFunc *f)
{
    IrBlock *b = ARENA_NEW(f->a, IrBlock);
    b->id = f->n_blocks;
    f->blocks = (IrBlock **)grow(f->a, (void **)f->blocks, f->n_blocks, &f->cap_blocks);
    f->blocks[f->n_blocks++] = b;
    return b;
}

IrOp *ir_new_op(IrFunc *f, IrOpKind kind, int line)
{
    IrOp *op = ARENA_NEW(f->a, IrOp);
    op->kind = kind;
    op->line = line;
    return op;
}

void ir_insert(IrFunc *f, IrBlock *b, int i, IrOp *op)
{
    b->ops = (IrOp **)grow(f->a, (void **)b->ops, b->n_ops, &b->cap);
    memmove(&b->ops[i + 1], &b->ops[i], sizeof(IrOp *) * (size_t)(b->n_ops - i));
    b->ops[i] = op;
    b->n_ops++;
}

IrOp *ir_op(IrFunc *f, IrBlock *b, IrOpKind kind, int line)
{
    IrOp *op = ir_new_op(f, kind, line);
    ir_insert(f, b, b->n_ops, op);
    return op;
}

void ir_set_args(IrFunc *f, IrOp *op, IrReg **args, int n)
{
    op->args = ARENA_ARRAY(f->a, IrReg *, n ? n : 1);
    if (n)
        memcpy(op->args, args, sizeof(IrReg *) * (size_t)n);
    op->n_args = n;
}

const char *ir_operand(Arena *a, int i)
{
    return i < 10 ? arena_printf(a, "%%%d", i) : arena_printf(a, "%%{%d}", i);
}

bool ir_is_terminator(IrOpKind k)
{
    return k == IR_GOTO || k == IR_BRANCH || k == IR_RETURN || k == IR_UNREACHABLE;
}

bool ir_op_can_fail(const IrOp *op) { return op->err != ERR_NEVER; }

/* ---- verification ---------------------------------------------------------- */

static bool fail(const IrFunc *f, const IrBlock *b, const char *what)
{
    fprintf(stderr, "internal error: IR of %s, block L%d: %s\n", f->c_name, b->id, what);
    return false;
}

static bool verify_block(const IrFunc *f, const IrBlock *b)
{
    if (b->n_ops == 0 || !ir_is_terminator(b->ops[b->n_ops - 1]->kind))
        return fail(f, b, "does not end in a terminator");
    for (int i = 0; i < b->n_ops; i++) {
        const IrOp *op = b->ops[i];
        if (ir_is_terminator(op->kind) && i != b->n_ops - 1)
            return fail(f, b, "terminator in the middle of a block");
        if (op->kind == IR_GOTO && !op->target)
            return fail(f, b, "goto without target");
        if (op->kind == IR_BRANCH && (!op->target || !op->target2 || op->n_args != 1))
            return fail(f, b, "malformed branch");
        for (int j = 0; j < op->n_args; j++)
            if (!op->args[j])
                return fail(f, b, "missing operand");
    }
    return true;
}

bool ir_verify(const IrFunc *f)
{
    for (int i = 0; i < f->n_blocks; i++)
        if (!verify_block(f, f->blocks[i]))
            return false;
    return true;
}

/* ---- printing ----------------------------------------------------------------- */

static const char *const op_names[] = {
#define IR_NAME_(k, s) s,
    IR_OPS(IR_NAME_)
#undef IR_NAME_
};

static void print_reg(const IrReg *r, FILE *out)
{
    if (r->name)
        fprintf(out, "%s", r->name);
    else
        fprintf(out, "r%d", r->id);
}

static void print_op(const IrOp *op, FILE *out)
{
    fprintf(out, "    ");
    if (op->dst) {
        print_reg(op->dst, out);
        fprintf(out, " = ");
    }
    fprintf(out, "%s", op_names[op->kind]);
    if (op->kind == IR_CALL_NATIVE)
        fprintf(out, " %s", op->callee->name);
    else if (op->c)
        fprintf(out, " `%s`", op->c);
    for (int i = 0; i < op->n_args; i++) {
        fprintf(out, i ? ", " : " ");
        print_reg(op->args[i], out);
    }
    if (op->kind == IR_ASSIGN && op->move)
        fprintf(out, " (move)");
    for (int i = 0; i < op->n_args; i++)
        if (op->owns & (1u << i))
            fprintf(out, " (owns %d)", i);
    if (op->target)
        fprintf(out, " -> L%d", op->target->id);
    if (op->target2)
        fprintf(out, ", L%d", op->target2->id);
    if (op->err_target)
        fprintf(out, " [error: L%d]", op->err_target->id);
    else if (op->err != ERR_NEVER)
        fprintf(out, " [may fail]");
    fprintf(out, "\n");
}

void ir_print(const IrFunc *f, FILE *out)
{
    fprintf(out, "def %s:\n", f->c_name);
    for (int i = 0; i < f->n_regs; i++) {
        const IrReg *r = f->regs[i];
        fprintf(out, "  ");
        print_reg(r, out);
        fprintf(out, ": %s%s%s\n", ir_rep_ctype(r->rep), r->is_local ? " local" : "",
                r->borrowed ? " borrowed" : "");
    }
    for (int i = 0; i < f->n_blocks; i++) {
        fprintf(out, "L%d:\n", f->blocks[i]->id);
        for (int j = 0; j < f->blocks[i]->n_ops; j++)
            print_op(f->blocks[i]->ops[j], out);
    }
}
