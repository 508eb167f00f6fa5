/*
 * borrow.c — field reads that need no reference of their own.
 *
 * needs: IR from lowering, before the refcount pass.
 * provides: a read of an object or int field whose value is only looked
 * at for a moment (`self.input is None`, `self.twa.task_tab`, `a.priority
 * > b.priority`) is borrowed: no incref at the read, no decref after the
 * last use.
 *
 * That is safe when nothing between the read and the last use (that use
 * included) can run Python code, free an object or store a reference:
 * then the field still holds the value, and the instance still holds the
 * field, because the instance is a parameter (the caller's reference), a
 * named local (no assignment is among those operations) or itself such a
 * borrowed read.  Every use must be in the read's own block, after it, and
 * be one of the quiet operations below; a value that is stored, returned,
 * passed to a call or carried to another block keeps its reference.
 */
#include "emit/lower.h"

#include <string.h>

/* Field reads, and their borrowing forms (runtime/spy_classes.h). */
static const struct { const char *get, *borrow; } reads[] = {
    {"spy_field_get_obj(", "spy_field_borrow_obj("},
    {"spy_field_get_int(", "spy_field_borrow_int("},
};

/* Calls that read, compare or check and raise nothing but their own
 * TypeError/AttributeError: no Python code, no decref, no stored reference. */
static const char *const quiet_calls[] = {
    "spy_field_get_", "spy_field_borrow_", "spy_expect_not_none(", "spy_expect_type(",
    "spy_expect(", "spy_expect_ok(", "(%0 == %1)", "(%0 != %1)", "spy_int_eq(",
    "spy_int_ne(", "spy_int_lt(", "spy_int_le(", "spy_int_gt(", "spy_int_ge(",
};

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool is_quiet(const IrOp *op)
{
    if (op->kind == IR_CONST)
        return true;
    if (op->kind != IR_CALL || !op->c)
        return false;
    const char *c = starts_with(op->c, "(char)") ? op->c + strlen("(char)") : op->c;
    for (size_t i = 0; i < sizeof quiet_calls / sizeof *quiet_calls; i++)
        if (starts_with(c, quiet_calls[i]))
            return true;
    return false;
}

static bool uses(const IrOp *op, const IrReg *r)
{
    for (int j = 0; j < op->n_args; j++)
        if (op->args[j] == r)
            return true;
    return false;
}

/* Per register (by id), from one walk over the function: how many ops
 * define it, and the one block that uses it (`many` when several do). */
typedef struct Uses {
    int *defs;
    const IrBlock **block;
    const IrBlock *many;
} Uses;

static Uses count_uses(IrFunc *f)
{
    static const IrBlock several; /* only its address is used */
    Uses u = {ARENA_ARRAY(f->a, int, f->n_regs ? f->n_regs : 1),
              ARENA_ARRAY(f->a, const IrBlock *, f->n_regs ? f->n_regs : 1), &several};
    for (int i = 0; i < f->n_blocks; i++) {
        const IrBlock *b = f->blocks[i];
        for (int k = 0; k < b->n_ops; k++) {
            const IrOp *op = b->ops[k];
            if (op->dst)
                u.defs[op->dst->id]++;
            for (int j = 0; j < op->n_args; j++) {
                const IrBlock **at = &u.block[op->args[j]->id];
                *at = !*at || *at == b ? b : u.many;
            }
        }
    }
    return u;
}

/* The read at b[at] into r: may r borrow the field's reference? */
static bool can_borrow(const Uses *u, const IrBlock *b, int at, const IrReg *r)
{
    const IrReg *obj = b->ops[at]->args[0];
    if (r->is_local || r->borrowed || !(obj->borrowed || obj->is_local) ||
        u->defs[r->id] != 1 || (u->block[r->id] && u->block[r->id] != b))
        return false;
    int last = at;      /* unused: the read only checks that the field is set */
    for (int k = at + 1; k < b->n_ops; k++)
        if (uses(b->ops[k], r))
            last = k;
    for (int k = at + 1; k <= last; k++)
        if (!is_quiet(b->ops[k]))
            return false;
    return true;
}

void borrow_pass(IrFunc *f)
{
    Uses u = count_uses(f);
    for (int i = 0; i < f->n_blocks; i++) {
        IrBlock *b = f->blocks[i];
        for (int k = 0; k < b->n_ops; k++) {
            IrOp *op = b->ops[k];
            if (op->kind != IR_CALL || !op->c || !op->dst || op->n_args != 1)
                continue;
            for (size_t j = 0; j < sizeof reads / sizeof *reads; j++) {
                if (!starts_with(op->c, reads[j].get) || !can_borrow(&u, b, k, op->dst))
                    continue;
                op->c = arena_printf(f->a, "%s%s", reads[j].borrow,
                                     op->c + strlen(reads[j].get));
                op->dst->borrowed = true;
                break;
            }
        }
    }
}
