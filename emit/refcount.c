/*
 * refcount.c — the reference-counting pass.
 *
 * needs: IR from lowering (implicit error edges, no decrefs of temps).
 * provides: every failing op has an explicit error edge to a cleanup
 * block (release the temporaries alive at that point, add a traceback
 * entry, leave through exit_err); every temporary is released after its
 * last use; a copy whose source dies at it becomes a move.
 *
 * Temporaries are the refcounted registers that are neither named locals
 * (which own their value until overwritten or the function exits) nor
 * borrowed.  Their lifetimes come from a backwards liveness analysis, so
 * the rules hold on every path, including the edges of branches.
 */
#include "emit/lower.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A set of tracked registers: one bit each, so that the sets of a
 * function with thousands of blocks and temporaries stay small and the
 * liveness equations run a word at a time. */
typedef uint64_t Word;
typedef Word *Set;

typedef struct Pass {
    IrFunc *f;
    int *track;          /* reg id -> tracked index, or -1 */
    IrReg **tracked;
    int n;               /* number of tracked registers */
    int words;           /* Words in a Set */
    Set *live_in, *live_out; /* per block id */
    IrBlock **handler_of;  /* per block id: the except block its ops fail to */
    IrBlock **cleanups;  /* error blocks made so far */
    IrBlock **cleanup_targets;
    Set *cleanup_sets;
    int *cleanup_lines;
    int n_cleanups, cap_cleanups;
} Pass;

static Set set_new(Pass *p) { return ARENA_ARRAY(p->f->a, Word, p->words); }
static void set_copy(Pass *p, Set dst, const Word *src)
{
    memcpy(dst, src, sizeof(Word) * (size_t)p->words);
}
static bool has(const Word *s, int k) { return (s[k / 64] >> (k % 64)) & 1; }
static void put(Set s, int k) { s[k / 64] |= (Word)1 << (k % 64); }
static void drop(Set s, int k) { s[k / 64] &= ~((Word)1 << (k % 64)); }

static int tracked(Pass *p, const IrReg *r) { return r ? p->track[r->id] : -1; }

/* ---- reachability --------------------------------------------------------------- */

static void mark(IrBlock *b, bool *seen)
{
    if (seen[b->id])
        return;
    seen[b->id] = true;
    for (int i = 0; i < b->n_ops; i++)
        if (b->ops[i]->handler && b->ops[i]->err != ERR_NEVER)
            mark(b->ops[i]->handler, seen);
    IrOp *t = b->ops[b->n_ops - 1];
    if (t->target)
        mark(t->target, seen);
    if (t->target2)
        mark(t->target2, seen);
}

/* Drops blocks nothing reaches (code after return/break). */
static void prune(IrFunc *f)
{
    bool *seen = ARENA_ARRAY(f->a, bool, f->n_blocks);
    mark(f->blocks[0], seen);
    seen[f->exit_err->id] = true;
    int n = 0;
    for (int i = 0; i < f->n_blocks; i++)
        if (seen[f->blocks[i]->id])
            f->blocks[n++] = f->blocks[i];
    f->n_blocks = n;
    for (int i = 0; i < n; i++)
        f->blocks[i]->id = i;
}

/* ---- liveness ---------------------------------------------------------------------- */

static void block_use_def(Pass *p, IrBlock *b, Set use, Set def)
{
    for (int i = 0; i < b->n_ops; i++) {
        IrOp *op = b->ops[i];
        for (int j = 0; j < op->n_args; j++) {
            int k = tracked(p, op->args[j]);
            if (k >= 0 && !has(def, k))
                put(use, k);
        }
        int k = tracked(p, op->dst);
        if (k >= 0)
            put(def, k);
    }
}

static void liveness(Pass *p)
{
    IrFunc *f = p->f;
    Set *use = ARENA_ARRAY(f->a, Set, f->n_blocks);
    Set *def = ARENA_ARRAY(f->a, Set, f->n_blocks);
    p->live_in = ARENA_ARRAY(f->a, Set, f->n_blocks);
    p->live_out = ARENA_ARRAY(f->a, Set, f->n_blocks);
    p->handler_of = ARENA_ARRAY(f->a, IrBlock *, f->n_blocks);
    for (int i = 0; i < f->n_blocks; i++)
        for (int j = 0; j < f->blocks[i]->n_ops; j++)
            if (f->blocks[i]->ops[j]->handler && f->blocks[i]->ops[j]->err != ERR_NEVER)
                p->handler_of[i] = f->blocks[i]->ops[j]->handler;
    for (int i = 0; i < f->n_blocks; i++) {
        use[i] = set_new(p);
        def[i] = set_new(p);
        p->live_in[i] = set_new(p);
        p->live_out[i] = set_new(p);
        block_use_def(p, f->blocks[i], use[i], def[i]);
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = f->n_blocks - 1; i >= 0; i--) {
            IrOp *t = f->blocks[i]->ops[f->blocks[i]->n_ops - 1];
            Set out = p->live_out[i], in = p->live_in[i];
            IrBlock *h = p->handler_of[i];
            for (int w = 0; w < p->words; w++) {
                Word o = (t->target ? p->live_in[t->target->id][w] : 0) |
                         (t->target2 ? p->live_in[t->target2->id][w] : 0) |
                         (h ? p->live_in[h->id][w] : 0);
                Word v = use[i][w] | (o & ~def[i][w]);
                if (o != out[w] || v != in[w])
                    changed = true;
                out[w] = o;
                in[w] = v;
            }
        }
    }
}

/* ---- inserting releases ---------------------------------------------------------------- */

static IrOp *release_op(Pass *p, IrReg *r, bool maybe_null)
{
    IrOp *op = ir_new_op(p->f, maybe_null ? IR_XDECREF : IR_DECREF, 0);
    ir_set_args(p->f, op, &r, 1);
    return op;
}

/* The cleanup block for a failure of op with `held` references: release
 * what the handler does not use, add the traceback entry, go on to the
 * handler or the function's error exit. */
static IrBlock *cleanup_block(Pass *p, const Word *held_in, const IrOp *op)
{
    IrFunc *f = p->f;
    IrBlock *to = op->handler ? op->handler : f->exit_err;
    int line = op->no_traceback ? -1 : op->line;
    Set held = set_new(p);
    for (int w = 0; w < p->words; w++)
        held[w] = held_in[w] & ~(op->handler ? p->live_in[op->handler->id][w] : 0);
    for (int i = 0; i < p->n_cleanups; i++)
        if (p->cleanup_lines[i] == line && p->cleanup_targets[i] == to &&
            memcmp(p->cleanup_sets[i], held, sizeof(Word) * (size_t)p->words) == 0)
            return p->cleanups[i];
    IrBlock *b = ir_block(f);
    b->is_error_path = true;
    for (int k = 0; k < p->n; k++)
        if (has(held, k))
            ir_insert(f, b, b->n_ops, release_op(p, p->tracked[k], false));
    if (line >= 0)
        ir_op(f, b, IR_TRACEBACK, line);
    ir_op(f, b, IR_GOTO, op->line)->target = to;
    if (p->n_cleanups == p->cap_cleanups) {
        int nc = p->cap_cleanups ? p->cap_cleanups * 2 : 16;
        IrBlock **nb = ARENA_ARRAY(f->a, IrBlock *, nc);
        IrBlock **nt = ARENA_ARRAY(f->a, IrBlock *, nc);
        Set *ns = ARENA_ARRAY(f->a, Set, nc);
        int *nl = ARENA_ARRAY(f->a, int, nc);
        if (p->n_cleanups) {
            memcpy(nb, p->cleanups, sizeof(*nb) * (size_t)p->n_cleanups);
            memcpy(nt, p->cleanup_targets, sizeof(*nt) * (size_t)p->n_cleanups);
            memcpy(ns, p->cleanup_sets, sizeof(*ns) * (size_t)p->n_cleanups);
            memcpy(nl, p->cleanup_lines, sizeof(*nl) * (size_t)p->n_cleanups);
        }
        p->cleanups = nb, p->cleanup_sets = ns, p->cleanup_lines = nl;
        p->cleanup_targets = nt;
        p->cap_cleanups = nc;
    }
    Set copy = set_new(p);
    set_copy(p, copy, held);
    p->cleanups[p->n_cleanups] = b;
    p->cleanup_targets[p->n_cleanups] = to;
    p->cleanup_sets[p->n_cleanups] = copy;
    p->cleanup_lines[p->n_cleanups++] = line;
    return b;
}

/* ---- operands handed over ------------------------------------------------------------ */

/* Tagged-int operations with a form that releases its operands itself
 * (runtime/spy_int.h, spy_int_<op>_own): its fast path then needs no
 * refcount test after the call, which the C compiler cannot drop on its
 * own once the fast and slow paths have merged. */
static const char *const owning_ops[] = {
    "spy_int_add", "spy_int_sub", "spy_int_mul", "spy_int_floordiv",
    "spy_int_mod", "spy_int_and", "spy_int_or", "spy_int_xor",
    "spy_int_lshift", "spy_int_rshift", "spy_int_pow",
};

/* When op is one of those and a temporary operand dies at it, switches op
 * to the owning form; returns the operands it now consumes (bit j for
 * args[j]), which need no release after it nor on its error edge. */
static unsigned hand_over(Pass *p, IrOp *op, const Word *live)
{
    if (op->kind != IR_CALL || op->n_args != 2 || !op->c)
        return 0;
    bool known = false;
    for (size_t i = 0; i < sizeof owning_ops / sizeof *owning_ops; i++)
        known |= strcmp(op->c, owning_ops[i]) == 0;
    if (!known || op->args[0] == op->args[1])
        return 0;
    unsigned own = 0;
    for (int j = 0; j < 2; j++) {
        int k = tracked(p, op->args[j]);
        if (k >= 0 && !has(live, k))
            own |= 1u << j;
    }
    op->owns = own;
    if (own)
        op->c = arena_printf(p->f->a, "%s_own(%%0, %%1, %s)", op->c,
                             own == 3 ? "SPY_OWN_AB" : own == 1 ? "SPY_OWN_A" : "SPY_OWN_B");
    return own;
}

/* Walks one block backwards: error edges, releases after last uses, moves.
 * live and held are scratch sets. */
static void process_block(Pass *p, IrBlock *b, Set live, Set held)
{
    set_copy(p, live, p->live_out[b->id]);
    for (int i = b->n_ops - 1; i >= 0; i--) {
        IrOp *op = b->ops[i];
        int d = tracked(p, op->dst);
        /* live now means "live after op". */
        int insert_at = i + 1;
        unsigned own = hand_over(p, op, live);
        if (op->kind == IR_ASSIGN) {
            int s = tracked(p, op->args[0]);
            if (s >= 0 && !has(live, s) && s != d) {
                op->move = true;
                put(live, s); /* consumed: no release below */
            }
        }
        if (d >= 0 && !has(live, d))
            ir_insert(p->f, b, insert_at, release_op(p, op->dst, false));
        for (int j = 0; j < op->n_args; j++) {
            int k = tracked(p, op->args[j]);
            if (k < 0 || has(live, k) || op->kind == IR_RETURN || op->err == ERR_ALWAYS ||
                (own & (1u << j)))
                continue;
            bool dup = false;
            for (int q = 0; q < j; q++)
                dup |= op->args[q] == op->args[j];
            if (!dup && !ir_is_terminator(op->kind))
                ir_insert(p->f, b, insert_at, release_op(p, op->args[j], false));
        }
        if (op->err != ERR_NEVER) {
            set_copy(p, held, live);
            if (d >= 0)
                drop(held, d);
            for (int j = 0; j < op->n_args; j++) {
                int k = tracked(p, op->args[j]);
                if (k >= 0 && !(own & (1u << j)))
                    put(held, k);
            }
            op->err_target = cleanup_block(p, held, op);
        }
        if (d >= 0)
            drop(live, d);
        for (int j = 0; j < op->n_args; j++) {
            int k = tracked(p, op->args[j]);
            if (k >= 0)
                put(live, k);
        }
    }
}

/* A register live at the end of b but dead at the start of successor s is
 * released on that edge, in a block of its own. */
static void split_edges(Pass *p, IrBlock *b)
{
    IrOp *t = b->ops[b->n_ops - 1];
    IrBlock **succ[2] = {&t->target, &t->target2};
    for (int e = 0; e < 2; e++) {
        if (!*succ[e])
            continue;
        IrBlock *s = *succ[e];
        IrBlock *mid = NULL;
        for (int k = 0; k < p->n; k++) {
            if (!has(p->live_out[b->id], k) || has(p->live_in[s->id], k))
                continue;
            if (!mid)
                mid = ir_block(p->f);
            ir_insert(p->f, mid, mid->n_ops, release_op(p, p->tracked[k], true));
        }
        if (mid) {
            ir_op(p->f, mid, IR_GOTO, t->line)->target = s;
            *succ[e] = mid;
        }
    }
}

void refcount_pass(IrFunc *f)
{
    prune(f);
    Pass p = {.f = f};
    p.track = ARENA_ARRAY(f->a, int, f->n_regs);
    p.tracked = ARENA_ARRAY(f->a, IrReg *, f->n_regs ? f->n_regs : 1);
    for (int i = 0; i < f->n_regs; i++) {
        IrReg *r = f->regs[i];
        bool t = ir_rep_refcounted(r->rep) && !r->is_local && !r->borrowed;
        p.track[i] = t ? p.n : -1;
        if (t)
            p.tracked[p.n++] = r;
    }
    p.words = p.n / 64 + 1;
    liveness(&p);
    int n_blocks = f->n_blocks;
    Set live = set_new(&p), held = set_new(&p); /* scratch, reused per block */
    for (int i = 0; i < n_blocks; i++)
        process_block(&p, f->blocks[i], live, held);
    for (int i = 0; i < n_blocks; i++)
        split_edges(&p, f->blocks[i]);
}
