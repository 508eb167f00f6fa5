/*
 * cgen_gen.c — C for generator functions (runtime/spy_gen.h has the
 * object).  For `def g(...)` with a yield the module gets:
 *
 *   struct spy_frame_f_g      every register of the body: the variables
 *                             that live between one resume and the next;
 *   spy_gtrav_f_g             visits the frame's locals for the GC;
 *   spy_gres_f_g              the body (cgen_func.c, registers spelled
 *                             F->name), entered through a switch on
 *                             gen->resume_at that jumps to the point after
 *                             the yield it stopped at;
 *   f_g                       what callers call: makes the generator
 *                             object, its frame holding the arguments.
 */
#include "emit/lower.h"

static const char *frame_struct(ModCtx *m, const IrFunc *f)
{
    return arena_printf(m->a, "struct spy_frame_%s", f->c_name);
}

void cg_gen_frame(FILE *out, ModCtx *m, const IrFunc *f, const char **names)
{
    const char *fs = frame_struct(m, f);
    fprintf(out, "/* def %s (a generator): its variables, kept between resumes */\n%s {\n",
            f->tc->qualname, fs);
    for (int i = 0; i < f->n_regs; i++)
        fprintf(out, "    %s%s;\n", ir_rep_ctype(f->regs[i]->rep), names[i]);
    if (!f->n_regs)
        fprintf(out, "    char unused;\n");
    fprintf(out, "};\n\n");
    /* Locals own their value or are NULL at every suspension (cgen_func.c
     * clears them when it releases them); temporaries are not visited,
     * which only makes a cycle through one uncollectable, never unsafe. */
    fprintf(out, "static int spy_gtrav_%s(SpyGen *gen, visitproc visit, void *arg)\n{\n"
            "    %s *F = (%s *)gen->frame;\n    (void)F;\n    (void)visit;\n    (void)arg;\n",
            f->c_name, fs, fs);
    for (int i = 0; i < f->n_locals; i++) {
        const IrReg *r = f->locals[i];
        if (r->rep == REP_OBJ)
            fprintf(out, "    Py_VISIT(F->%s);\n", names[r->id]);
        else if (r->rep == REP_INT)
            fprintf(out, "    if ((F->%s & 1) && F->%s != SPY_INT_ERR)\n"
                    "        Py_VISIT(SPY_INT_OBJ(F->%s));\n", names[r->id], names[r->id],
                    names[r->id]);
    }
    fprintf(out, "    return 0;\n}\n\n");
}

void cg_gen_resume_head(FILE *out, ModCtx *m, const IrFunc *f)
{
    const char *fs = frame_struct(m, f);
    fprintf(out, "/* def %s: the generator's body, resumed where it last yielded */\n"
            "static PyObject *spy_gres_%s(SpyGen *gen, PyObject *sent, int thrown)\n{\n"
            "    SpyModState *st = (SpyModState *)gen->st;\n"
            "    %s *F = (%s *)gen->frame;\n    int depth = 0;\n"
            "    (void)st;\n    (void)F;\n    (void)depth;\n    (void)sent;\n    (void)thrown;\n"
            "    switch (gen->resume_at) {\n", f->tc->qualname, f->c_name, fs, fs);
    /* the yields that remain (code after a return is dropped) */
    for (int i = 0; i < f->n_blocks; i++)
        for (int j = 0; j < f->blocks[i]->n_ops; j++)
            if (f->blocks[i]->ops[j]->kind == IR_YIELD)
                fprintf(out, "    case %d: goto spy_resume_%d;\n",
                        f->blocks[i]->ops[j]->yield_index, f->blocks[i]->ops[j]->yield_index);
    fprintf(out, "    default: break;\n    }\n");
}

/* Suspend handing out `value`; resumed, `dst` is the value sent, or NULL
 * with the exception thrown in (a delegating yield first offers it to its
 * subiterator, which may yield again). */
void cg_yield(FILE *out, const IrOp *op, const char *value, const char *dst,
              const char *delegate)
{
    int k = op->yield_index;
    fprintf(out, "    Py_INCREF(%s);\n    gen->resume_at = %d;\n    return %s;\n"
            "  spy_resume_%d:\n", value, k, value, k);
    if (delegate)
        fprintf(out, "    if (thrown) {\n"
                "        PyObject *spy_v = spy_yf_throw(%s);\n"
                "        if (spy_v) {\n            gen->resume_at = %d;\n"
                "            return spy_v;\n        }\n"
                "        %s = PyErr_Occurred() ? NULL : (Py_INCREF(Py_None), Py_None);\n"
                "    } else {\n        %s = sent;\n        Py_INCREF(sent);\n    }\n",
                delegate, k, dst, dst);
    else
        fprintf(out, "    %s = thrown ? NULL : (Py_INCREF(sent), sent);\n", dst);
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
    for (int i = 0; i < f->n_regs; i++)
        if (f->regs[i]->rep == REP_INT)
            fprintf(out, "    F->%s = SPY_INT_ERR;\n", names[i]);
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
