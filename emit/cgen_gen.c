/*
 * cgen_gen.c — C for generator functions (runtime/spy_gen.h has the
 * object).  For `def g(...)` with a yield the module gets:
 *
 *   struct spy_frame_f_g      a slot for each register that some yield
 *                             keeps (live after it) and for each argument;
 *   spy_gtrav_f_g             visits, for the yield it is suspended at,
 *                             the locals that yield kept, for the GC;
 *   spy_gres_f_g              the body (cgen_func.c), entered through a
 *                             switch on gen->resume_at that jumps to the
 *                             point after the yield it stopped at;
 *   f_g                       what callers call: makes the generator
 *                             object, its frame holding the arguments.
 *
 * The body works on C locals, as an ordinary function does, so the C
 * compiler keeps them in machine registers: a yield stores the registers
 * live after it into the frame ("spills" them) and, resumed, loads them
 * back.  While the body runs the frame's slots are stale, which is why the
 * GC visits it only while suspended (spy_gen.h).
 */
#include "emit/lower.h"

#include <string.h>

static const char *frame_struct(ModCtx *m, const IrFunc *f)
{
    return arena_printf(m->a, "struct spy_frame_%s", f->c_name);
}

/* ---- what each yield keeps ------------------------------------------------------ */

static void live_or(bool *dst, const bool *src, int n)
{
    for (int i = 0; i < n; i++)
        dst[i] |= src[i];
}

/* live: the registers live after op; becomes those live before it.  A
 * failing op also continues at its cleanup block. */
static void live_step(const IrOp *op, bool *live, bool **live_in, int n)
{
    if (op->err != ERR_NEVER && op->err_target)
        live_or(live, live_in[op->err_target->id], n);
    if (op->dst)
        live[op->dst->id] = false;
    for (int i = 0; i < op->n_args; i++)
        live[op->args[i]->id] = true;
}

/* Registers live at the end of b: those its successors need. */
static void live_out(const IrBlock *b, bool *live, bool **live_in, int n)
{
    memset(live, 0, (size_t)n);
    const IrOp *t = b->ops[b->n_ops - 1];
    if (t->target)
        live_or(live, live_in[t->target->id], n);
    if (t->target2)
        live_or(live, live_in[t->target2->id], n);
}

/* Backwards liveness over every register (the refcount pass tracks only
 * temporaries); returns live-in per block id. */
static bool **liveness(const IrFunc *f)
{
    int n = f->n_regs ? f->n_regs : 1;
    bool **live_in = ARENA_ARRAY(f->a, bool *, f->n_blocks ? f->n_blocks : 1);
    for (int i = 0; i < f->n_blocks; i++)
        live_in[i] = ARENA_ARRAY(f->a, bool, n);
    bool *live = ARENA_ARRAY(f->a, bool, n);
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = f->n_blocks - 1; i >= 0; i--) {
            const IrBlock *b = f->blocks[i];
            live_out(b, live, live_in, n);
            for (int j = b->n_ops - 1; j >= 0; j--)
                live_step(b->ops[j], live, live_in, n);
            if (memcmp(live, live_in[b->id], (size_t)n)) {
                memcpy(live_in[b->id], live, (size_t)n);
                changed = true;
            }
        }
    }
    return live_in;
}

GenSpill *cg_gen_spills(const IrFunc *f)
{
    int n = f->n_regs ? f->n_regs : 1;
    GenSpill *s = ARENA_NEW(f->a, GenSpill);
    s->at = ARENA_ARRAY(f->a, bool *, f->n_yields + 1);
    s->slot = ARENA_ARRAY(f->a, bool, n);
    for (int i = 0; i < f->n_params; i++)
        s->slot[f->params[i]->id] = true;
    bool **live_in = liveness(f);
    bool *live = ARENA_ARRAY(f->a, bool, n);
    for (int i = 0; i < f->n_blocks; i++) {
        const IrBlock *b = f->blocks[i];
        live_out(b, live, live_in, n);
        for (int j = b->n_ops - 1; j >= 0; j--) {
            const IrOp *op = b->ops[j];
            if (op->kind == IR_YIELD) {
                /* resumed: the cleanup block when an exception was thrown
                 * in, the code after the yield otherwise */
                bool *keep = ARENA_ARRAY(f->a, bool, n);
                memcpy(keep, live, (size_t)n);
                if (op->err_target)
                    live_or(keep, live_in[op->err_target->id], n);
                keep[op->dst->id] = false;
                if (op->n_args > 1)
                    keep[op->args[1]->id] = true; /* the resume forwards throw() to it */
                live_or(s->slot, keep, n);
                s->at[op->yield_index] = keep;
            }
            live_step(op, live, live_in, n);
        }
    }
    return s;
}

/* ---- the frame, its traversal, the body's entry ------------------------------------ */

static bool owned_local(const IrReg *r)
{
    return r->is_local && ir_rep_refcounted(r->rep);
}

static void visit(FILE *out, const IrReg *r, const char *name)
{
    if (r->rep == REP_OBJ)
        fprintf(out, "        Py_VISIT(F->%s);\n", name);
    else
        fprintf(out, "        if ((F->%s & 1) && F->%s != SPY_INT_ERR)\n"
                "            Py_VISIT(SPY_INT_OBJ(F->%s));\n", name, name, name);
}

void cg_gen_frame(FILE *out, ModCtx *m, const IrFunc *f, const GenSpill *s, const char **names)
{
    const char *fs = frame_struct(m, f);
    fprintf(out, "/* def %s (a generator): what it keeps while suspended */\n%s {\n",
            f->tc->qualname, fs);
    bool any = false;
    for (int i = 0; i < f->n_regs; i++)
        if (s->slot[i]) {
            fprintf(out, "    %s%s;\n", ir_rep_ctype(f->regs[i]->rep), names[i]);
            any = true;
        }
    if (!any)
        fprintf(out, "    char unused;\n");
    fprintf(out, "};\n\n");
    /* Owned locals hold their value or NULL; temporaries kept by a yield
     * are not visited, which only makes a cycle through one
     * uncollectable, never unsafe. */
    fprintf(out, "static int spy_gtrav_%s(SpyGen *gen, visitproc visit, void *arg)\n{\n"
            "    %s *F = (%s *)gen->frame;\n    (void)F;\n    (void)visit;\n    (void)arg;\n"
            "    switch (gen->resume_at) {\n    case 0:\n", f->c_name, fs, fs);
    for (int i = 0; i < f->n_params; i++)
        if (ir_rep_refcounted(f->params[i]->rep))
            visit(out, f->params[i], names[f->params[i]->id]);
    fprintf(out, "        break;\n");
    for (int k = 1; k <= f->n_yields; k++) {
        if (!s->at[k])
            continue; /* its code was dropped */
        fprintf(out, "    case %d:\n", k);
        for (int i = 0; i < f->n_regs; i++)
            if (s->at[k][i] && owned_local(f->regs[i]))
                visit(out, f->regs[i], names[i]);
        fprintf(out, "        break;\n");
    }
    fprintf(out, "    }\n    return 0;\n}\n\n");
}

void cg_gen_resume_head(FILE *out, ModCtx *m, const IrFunc *f)
{
    const char *fs = frame_struct(m, f);
    fprintf(out, "/* def %s: the generator's body, resumed where it last yielded */\n"
            "static PyObject *spy_gres_%s(SpyGen *gen, PyObject *sent, int thrown)\n{\n"
            "    SpyModState *st = (SpyModState *)gen->st;\n"
            "    %s *F = (%s *)gen->frame;\n    int depth = 0;\n"
            "    (void)st;\n    (void)F;\n    (void)depth;\n    (void)sent;\n",
            f->tc->qualname, f->c_name, fs, fs);
}

/* After the locals' declarations: closed before it started, release the
 * arguments; otherwise jump to the resume point, or load the arguments
 * and start. */
void cg_gen_resume_entry(FILE *out, const IrFunc *f, const char **names)
{
    fprintf(out, "    if (SPY_UNLIKELY(gen->resume_at == 0 && thrown)) {\n"
            "        gen->resume_at = -1;\n");
    for (int i = 0; i < f->n_params; i++) {
        const IrReg *p = f->params[i];
        if (p->rep == REP_OBJ)
            fprintf(out, "        Py_CLEAR(F->%s);\n", names[p->id]);
        else if (p->rep == REP_INT)
            fprintf(out, "        spy_int_xdecref(F->%s);\n        F->%s = SPY_INT_ERR;\n",
                    names[p->id], names[p->id]);
    }
    fprintf(out, "        return NULL;\n    }\n    switch (gen->resume_at) {\n");
    /* the yields that remain (code after a return is dropped) */
    for (int i = 0; i < f->n_blocks; i++)
        for (int j = 0; j < f->blocks[i]->n_ops; j++)
            if (f->blocks[i]->ops[j]->kind == IR_YIELD)
                fprintf(out, "    case %d: goto spy_resume_%d;\n",
                        f->blocks[i]->ops[j]->yield_index, f->blocks[i]->ops[j]->yield_index);
    fprintf(out, "    default: break;\n    }\n");
    for (int i = 0; i < f->n_params; i++)
        fprintf(out, "    %s = F->%s;\n", names[f->params[i]->id], names[f->params[i]->id]);
}

/* Suspend handing out `value`, keeping what the code after the yield
 * needs; resumed, `dst` is the value sent, or NULL with the exception
 * thrown in (a delegating yield first offers it to its subiterator, which
 * may yield again). */
void cg_yield(FILE *out, const IrFunc *f, const GenSpill *s, const IrOp *op,
              const char **names)
{
    int k = op->yield_index;
    const char *value = names[op->args[0]->id], *dst = names[op->dst->id];
    fprintf(out, "    Py_INCREF(%s);\n", value);
    for (int i = 0; i < f->n_regs; i++)
        if (s->at[k][i])
            fprintf(out, "    F->%s = %s;\n", names[i], names[i]);
    fprintf(out, "    gen->resume_at = %d;\n    return %s;\n  spy_resume_%d:\n", k, value, k);
    for (int i = 0; i < f->n_regs; i++)
        if (s->at[k][i])
            fprintf(out, "    %s = F->%s;\n", names[i], names[i]);
    if (op->n_args > 1) {
        const char *delegate = names[op->args[1]->id];
        fprintf(out, "    if (thrown) {\n"
                "        PyObject *spy_v = spy_yf_throw(%s);\n"
                "        if (spy_v) {\n            gen->resume_at = %d;\n"
                "            return spy_v;\n        }\n"
                "        %s = PyErr_Occurred() ? NULL : (Py_INCREF(Py_None), Py_None);\n"
                "    } else {\n        %s = sent;\n        Py_INCREF(sent);\n    }\n",
                delegate, k, dst, dst);
    } else {
        fprintf(out, "    %s = thrown ? NULL : (Py_INCREF(sent), sent);\n", dst);
    }
}

void cg_gen_creator(FILE *out, ModCtx *m, const IrFunc *f, const char **names)
{
    const char *fs = frame_struct(m, f);
    fprintf(out, "/* def %s: calling it makes the generator; its frame owns the arguments */\n",
            f->tc->qualname);
    cg_function_proto(out, f, false);
    fprintf(out, "{\n    (void)depth;\n"
            "    SpyGen *gen = spy_gen_new(st->gen_type, st, sizeof(%s), spy_gres_%s,\n"
            "                              spy_gtrav_%s, %s, %s);\n"
            "    if (!gen)\n        return NULL;\n"
            "    %s *F = (%s *)gen->frame;\n    (void)F;\n",
            fs, f->c_name, f->c_name, const_ref(m, f->name_const), const_ref(m, f->qualname_const),
            fs, fs);
    for (int i = 0; i < f->n_params; i++) {
        const IrReg *p = f->params[i];
        const char *n = names[p->id];
        fprintf(out, "    F->%s = %s;\n", n, n);
        if (p->rep == REP_OBJ)
            fprintf(out, "    Py_INCREF(%s);\n", n);
        else if (p->rep == REP_INT)
            fprintf(out, "    spy_int_incref(%s);\n", n);
    }
    fprintf(out, "    return (PyObject *)gen;\n}\n\n");
}
