/*
 * cgen_func.c — C text for one IR function.
 *
 * Mechanical: one C function per IR function, one label per block that is
 * jumped to, one statement (plus its error check) per op, and a comment
 * with the Python file:line and source text whenever the line changes
 * (#line directives as well under -g).
 */
#include "emit/lower.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A C identifier from a Python one: ASCII passes, anything else is hex. */
const char *cg_ident(Arena *a, const char *prefix, const char *name)
{
    size_t n = strlen(name);
    char *out = arena_alloc(a, strlen(prefix) + n * 4 + 1);
    char *w = out + sprintf(out, "%s", prefix);
    for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
        if (isalnum(*s) || *s == '_')
            *w++ = (char)*s;
        else
            w += sprintf(w, "_x%02x", *s);
    }
    *w = 0;
    return out;
}

typedef struct Cg {
    FILE *out;
    ModCtx *m;
    const IrFunc *f;
    const EmitOptions *o;
    const char **names;  /* C name per register id */
    bool *labelled;      /* per block id: something jumps there */
    int last_line;
    bool counts_depth;   /* makes native calls: checks its depth */
    const GenSpill *gen; /* a generator's body: what its yields keep */
} Cg;

static const char *reg_cname(Cg *g, const IrReg *r) { return g->names[r->id]; }

/* v_<name> for named registers (a second variable of the same Python name,
 * such as a comprehension's, gets v_<name>_<id>), r<id> for temporaries. */
static void name_registers(Cg *g)
{
    const IrFunc *f = g->f;
    g->names = ARENA_ARRAY(g->m->a, const char *, f->n_regs ? f->n_regs : 1);
    for (int i = 0; i < f->n_regs; i++) {
        const IrReg *r = f->regs[i];
        if (!r->name) {
            g->names[i] = arena_printf(g->m->a, "r%d", r->id);
            continue;
        }
        const char *n = cg_ident(g->m->a, "v_", r->name);
        for (int j = 0; j < i; j++)
            if (f->regs[j]->name && !strcmp(g->names[j], n)) {
                n = arena_printf(g->m->a, "%s_%d", n, r->id);
                break;
            }
        g->names[i] = n;
    }
}

static void find_labels(Cg *g)
{
    const IrFunc *f = g->f;
    g->labelled = ARENA_ARRAY(g->m->a, bool, f->n_blocks);
    for (int i = 0; i < f->n_blocks; i++)
        for (int j = 0; j < f->blocks[i]->n_ops; j++) {
            const IrOp *op = f->blocks[i]->ops[j];
            if (op->target) g->labelled[op->target->id] = true;
            if (op->target2) g->labelled[op->target2->id] = true;
            if (op->err_target) g->labelled[op->err_target->id] = true;
        }
}

/* ---- source line comments ---------------------------------------------------- */

static void line_comment(Cg *g, int line)
{
    if (line <= 0 || line == g->last_line)
        return;
    g->last_line = line;
    const Source *src = g->m->tm->ast->src;
    size_t len;
    const char *text = src_line(src, line, &len);
    while (len && (*text == ' ' || *text == '\t'))
        text++, len--;
    if (len > 100)
        len = 100;
    fprintf(g->out, "    /* %s:%d: ", src->path, line);
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if ((c == '*' && i + 1 < len && text[i + 1] == '/') ||
            (c == '/' && i + 1 < len && text[i + 1] == '*'))
            c = '+';  /* never close or nest the comment */
        fputc((unsigned char)c >= 0x20 || c == '\t' ? c : '?', g->out);
    }
    fprintf(g->out, " */\n");
    if (g->o->line_directives)
        fprintf(g->out, "#line %d \"%s\"\n", line, g->m->src_path);
}

/* ---- expressions of ops --------------------------------------------------------- */

/* `c(args...)` for a bare function name; otherwise c is a C expression
 * with %0..%9, %{10}... and %* (all operands) substituted. */
static void call_text(Cg *g, const IrOp *op)
{
    const char *c = op->c;
    if (!strchr(c, '%') && !strchr(c, '(')) {
        fprintf(g->out, "%s(", c);
        for (int i = 0; i < op->n_args; i++)
            fprintf(g->out, "%s%s", i ? ", " : "", reg_cname(g, op->args[i]));
        fprintf(g->out, ")");
        return;
    }
    for (const char *s = c; *s; s++) {
        if (*s == '%' && s[1] == '*') {
            for (int i = 0; i < op->n_args; i++)
                fprintf(g->out, "%s%s", i ? ", " : "", reg_cname(g, op->args[i]));
            s++;
        } else if (*s == '%' && isdigit((unsigned char)s[1])) {
            fprintf(g->out, "%s", reg_cname(g, op->args[s[1] - '0']));
            s++;
        } else if (*s == '%' && s[1] == '{') {
            char *end;
            long i = strtol(s + 2, &end, 10);
            fprintf(g->out, "%s", reg_cname(g, op->args[i]));
            s = end; /* the '}' */
        } else {
            fputc(*s, g->out);
        }
    }
}

static void error_check(Cg *g, const IrOp *op, const char *value)
{
    const char *cond = NULL;
    switch (op->err) {
    case ERR_NEVER: return;
    case ERR_NULL: cond = "%s == NULL"; break;
    case ERR_NEG: cond = "%s < 0"; break;
    case ERR_INT: cond = "%s == SPY_INT_ERR"; break;
    case ERR_FLOAT: cond = "%s == -1.0 && PyErr_Occurred()"; break;
    case ERR_BOOL: cond = "%s == 2"; break;
    case ERR_I64: cond = "%s == SPY_I64_ERR && PyErr_Occurred()"; break;
    case ERR_RET: cond = "%s.failed"; break;
    case ERR_NULLX: cond = "%s == NULL && PyErr_Occurred()"; break;
    case ERR_ALWAYS:
        fprintf(g->out, "    goto L%d;\n", op->err_target->id);
        return;
    }
    fprintf(g->out, "    if (SPY_UNLIKELY(");
    fprintf(g->out, cond, value);
    fprintf(g->out, ")) goto L%d;\n", op->err_target->id);
}

static void emit_call_op(Cg *g, const IrOp *op)
{
    if (op->dst && op->err == ERR_RET) { /* a value and a failure flag */
        fprintf(g->out, "    {\n        %sspy_r = ", ret_ctype(op->dst->rep));
        call_text(g, op);
        fprintf(g->out, ";\n        %s = spy_r.v;\n    ", reg_cname(g, op->dst));
        error_check(g, op, "spy_r");
        fprintf(g->out, "    }\n");
        return;
    }
    if (op->dst) {
        fprintf(g->out, "    %s = ", reg_cname(g, op->dst));
        call_text(g, op);
        fprintf(g->out, ";\n");
        error_check(g, op, reg_cname(g, op->dst));
        return;
    }
    if (op->err == ERR_NULL || op->err == ERR_NEG) {
        fprintf(g->out, "    if (SPY_UNLIKELY((");
        call_text(g, op);
        fprintf(g->out, ") %s)) goto L%d;\n", op->err == ERR_NULL ? "== NULL" : "< 0",
                op->err_target->id);
        return;
    }
    fprintf(g->out, "    (void)");
    call_text(g, op);
    fprintf(g->out, ";\n");
    error_check(g, op, "");
}

static const char *vtable_entry(Cg *g, const IrOp *op)
{
    return arena_printf(g->m->a, "((%s *)%s)->vtable->%s", class_struct(g->m->a, op->vclass),
                        reg_cname(g, op->args[0]), cg_ident(g->m->a, "m_", op->callee->name));
}

/* `callee(st, depth + 1, args...)` */
static const char *native_call_text(Cg *g, const IrOp *op, const char *callee)
{
    size_t n = strlen(callee) + 32;
    for (int i = 0; i < op->n_args; i++)
        n += strlen(reg_cname(g, op->args[i])) + 2;
    char *s = arena_alloc(g->m->a, n);
    char *w = s + sprintf(s, "%s(st, depth + 1", callee);
    for (int i = 0; i < op->n_args; i++)
        w += sprintf(w, ", %s", reg_cname(g, op->args[i]));
    sprintf(w, ")");
    return s;
}

static void emit_native_call(Cg *g, const IrOp *op)
{
    bool pair = op->err == ERR_RET; /* a value and a failure flag */
    const char *in = pair ? "    " : ""; /* inside the pair's block */
    const char *lhs = pair ? "spy_r" : reg_cname(g, op->dst), *call = NULL;
    if (pair)
        fprintf(g->out, "    {\n        %sspy_r", ret_ctype(op->dst->rep));
    if (op->ctor) {
        call = native_call_text(g, op, cg_ident(g->m->a, "spy_new_", op->ctor->name));
    } else if (op->vclass && op->callee->overridden) {
        call = native_call_text(g, op, vtable_entry(g, op));
    } else if (op->vclass && op->exact_recv) {
        /* self in an exact-receiver copy: an instance of no Python subclass */
        call = native_call_text(g, op, exact_cname(g->m, op->callee));
    } else if (op->vclass) {
        /* only a Python subclass can override it: the class's own
         * function is called directly (and may be inlined) unless the
         * receiver is an instance of one (bit 0 of defined[0]: one load,
         * where comparing the vtable's entry takes two) */
        const char *own = exact_cname(g->m, op->callee);
        fprintf(g->out, "%s%s    if (SPY_LIKELY(!(((%s *)%s)->defined[0] & SPY_PYTHON_SUBCLASS_BIT)))\n"
                "%s        %s = %s;\n%s    else\n", pair ? ";\n" : "", in,
                class_struct(g->m->a, op->vclass), reg_cname(g, op->args[0]), in, lhs,
                native_call_text(g, op, own), in);
        fprintf(g->out, "%s        %s = %s;\n", in, lhs,
                native_call_text(g, op, vtable_entry(g, op)));
    } else {
        call = native_call_text(g, op, arena_printf(g->m->a, "%s%s", func_cname(g->m->a, op->callee),
                                                    op->i64_clone ? "__i64" : ""));
    }
    if (call && pair)
        fprintf(g->out, " = %s;\n", call);
    else if (call)
        fprintf(g->out, "    %s = %s;\n", lhs, call);
    if (pair) {
        fprintf(g->out, "        %s = spy_r.v;\n    ", reg_cname(g, op->dst));
        error_check(g, op, "spy_r");
        fprintf(g->out, "    }\n");
        return;
    }
    error_check(g, op, reg_cname(g, op->dst));
}

/* Vectorcall with a spare slot in front of the arguments, so a bound
 * method can be called without copying them.  A method call passes the
 * receiver as the first argument. */
static void emit_vcall(Cg *g, const IrOp *op)
{
    int first = op->method ? 0 : 1;
    fprintf(g->out, "    {\n        PyObject *spy_args[%d] = {NULL", op->n_args - first + 1);
    for (int i = first; i < op->n_args; i++)
        fprintf(g->out, ", %s", reg_cname(g, op->args[i]));
    fprintf(g->out, "};\n        %s = ", reg_cname(g, op->dst));
    if (op->method)
        fprintf(g->out, "spy_call_method_cached(&st->mc[%d], &st->mct[%d], %s, ", op->mcache,
                op->mcache, op->method);
    else
        fprintf(g->out, "spy_call_any(st, depth, %s, ", reg_cname(g, op->args[0]));
    fprintf(g->out, "spy_args + 1, %d | PY_VECTORCALL_ARGUMENTS_OFFSET, %s);\n    }\n",
            op->n_pos + (op->method ? 1 : 0), op->c ? op->c : "NULL");
    error_check(g, op, reg_cname(g, op->dst));
}

static const char *refop(IrRep rep, IrOpKind k)
{
    bool obj = rep == REP_OBJ;
    switch (k) {
    case IR_INCREF: return obj ? "Py_INCREF" : "spy_int_incref";
    case IR_DECREF: return obj ? "Py_DECREF" : "spy_int_decref";
    default: return obj ? "Py_XDECREF" : "spy_int_xdecref";
    }
}

static void emit_assign_op(Cg *g, const IrOp *op)
{
    const IrReg *d = op->dst, *s = op->args[0];
    const char *dn = reg_cname(g, d), *sn = reg_cname(g, s);
    if (!ir_rep_refcounted(d->rep)) {
        fprintf(g->out, "    %s = %s;\n", dn, sn);
        return;
    }
    if (d->is_local) {
        fprintf(g->out, "    {\n        %sspy_old = %s;\n        %s = %s;\n", ir_rep_ctype(d->rep),
                dn, dn, sn);
        if (!op->move)
            fprintf(g->out, "        %s(%s);\n", refop(d->rep, IR_INCREF), dn);
        fprintf(g->out, "        %s(spy_old);\n    }\n", refop(d->rep, IR_XDECREF));
        return;
    }
    fprintf(g->out, "    %s = %s;\n", dn, sn);
    if (!op->move)
        fprintf(g->out, "    %s(%s);\n", refop(d->rep, IR_INCREF), dn);
}

/* What a native function returns on failure (see ret_ctype). */
const char *cg_error_value(IrRep rep)
{
    switch (rep) {
    case REP_INT: return "SPY_INT_ERR";
    case REP_FLOAT: return "(SpyRetFloat){-1.0, 1}";
    case REP_BOOL: return "2";
    case REP_I64: return "(SpyRetI64){SPY_I64_ERR, 1}";
    default: return "NULL";
    }
}

static void emit_op(Cg *g, const IrOp *op)
{
    line_comment(g, op->line);
    switch (op->kind) {
    case IR_CONST:
        fprintf(g->out, "    %s = %s;\n", reg_cname(g, op->dst), op->c);
        break;
    case IR_ASSIGN: emit_assign_op(g, op); break;
    case IR_CALL: emit_call_op(g, op); break;
    case IR_CALL_NATIVE: emit_native_call(g, op); break;
    case IR_VCALL: emit_vcall(g, op); break;
    case IR_INCREF: case IR_DECREF: case IR_XDECREF:
        if (g->gen && op->kind != IR_INCREF && op->args[0]->is_local) {
            /* a suspended generator's locals are traversed: never stale */
            const char *n = reg_cname(g, op->args[0]);
            if (op->args[0]->rep == REP_OBJ)
                fprintf(g->out, "    Py_CLEAR(%s);\n", n);
            else
                fprintf(g->out, "    spy_int_xdecref(%s);\n    %s = SPY_INT_ERR;\n", n, n);
            break;
        }
        fprintf(g->out, "    %s(%s);\n", refop(op->args[0]->rep, op->kind),
                reg_cname(g, op->args[0]));
        break;
    case IR_TRACEBACK:
        fprintf(g->out, "    spy_traceback_add(\"%s\", spy_source_path, %d);\n",
                g->f->tc->name, op->line);
        break;
    case IR_GOTO: fprintf(g->out, "    goto L%d;\n", op->target->id); break;
    case IR_BRANCH:
        fprintf(g->out, "    if (%s) goto L%d;\n    goto L%d;\n", reg_cname(g, op->args[0]),
                op->target->id, op->target2->id);
        break;
    case IR_YIELD:
        cg_yield(g->out, g->f, g->gen, op, g->names);
        error_check(g, op, reg_cname(g, op->dst));
        break;
    case IR_RETURN:
        if (g->gen) {
            if (op->n_args)
                fprintf(g->out, "    return spy_gen_return(gen, %s);\n", reg_cname(g, op->args[0]));
            else
                fprintf(g->out, "    return spy_gen_fail(gen);\n");
            break;
        }
        if (!op->n_args)
            fprintf(g->out, "    return %s;\n", cg_error_value(g->f->ret_rep));
        else if (g->f->ret_rep == REP_FLOAT || g->f->ret_rep == REP_I64)
            fprintf(g->out, "    return (%s){%s, 0};\n", g->f->ret_rep == REP_FLOAT
                    ? "SpyRetFloat" : "SpyRetI64", reg_cname(g, op->args[0]));
        else
            fprintf(g->out, "    return %s;\n", reg_cname(g, op->args[0]));
        break;
    case IR_UNREACHABLE: fprintf(g->out, "    Py_UNREACHABLE();\n"); break;
    case IR__COUNT: break;
    }
}

/* ---- the function ---------------------------------------------------------------------- */

/* A small function is declared `inline`, and a small leaf (no native
 * calls, so no recursion; no loop) always inlined: gcc's -O2 limit for inlining a
 * function nobody asked for is far below what one line of tagged-int
 * arithmetic expands to (its cold paths count), and a call costs more than
 * the work in a leaf like `1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)`.
 * Only the ops on the normal path count. */
enum { CG_INLINE_MAX_OPS = 48 };

/* Does the control flow have a cycle (a loop)?  Depth-first search with
 * an explicit stack; an edge to a block still on the stack closes one. */
static bool has_loop(const IrFunc *f)
{
    enum { UNSEEN, OPEN, DONE };
    char *state = ARENA_ARRAY(f->a, char, f->n_blocks ? f->n_blocks : 1);
    int *stack = ARENA_ARRAY(f->a, int, f->n_blocks ? f->n_blocks : 1);
    int *next = ARENA_ARRAY(f->a, int, f->n_blocks ? f->n_blocks : 1);
    memset(state, UNSEEN, (size_t)f->n_blocks);
    int sp = 0;
    stack[sp++] = 0;
    state[0] = OPEN;
    next[0] = 0;
    while (sp) {
        const IrBlock *b = f->blocks[stack[sp - 1]];
        const IrOp *last = b->n_ops ? b->ops[b->n_ops - 1] : NULL;
        const IrBlock *succ[2] = {last ? last->target : NULL, last ? last->target2 : NULL};
        int k = next[b->id]++;
        if (k >= 2) {
            state[b->id] = DONE;
            sp--;
            continue;
        }
        if (!succ[k])
            continue;
        if (state[succ[k]->id] == OPEN)
            return true;
        if (state[succ[k]->id] == UNSEEN) {
            state[succ[k]->id] = OPEN;
            next[succ[k]->id] = 0;
            stack[sp++] = succ[k]->id;
        }
    }
    return false;
}

static const char *inline_hint(const IrFunc *f)
{
    if (f->is_generator || f->tc->is_module_body)
        return "";
    int n = 0;
    bool leaf = true;
    for (int b = 0; b < f->n_blocks; b++) {
        if (f->blocks[b]->is_error_path || f->blocks[b]->cold)
            continue;
        n += f->blocks[b]->n_ops;
        for (int i = 0; i < f->blocks[b]->n_ops; i++)
            leaf &= f->blocks[b]->ops[i]->kind != IR_CALL_NATIVE;
    }
    if (n > CG_INLINE_MAX_OPS)
        return "";
    return leaf && !has_loop(f) ? "SPY_ALWAYS_INLINE inline " : "inline ";
}

void cg_function_proto(FILE *out, const IrFunc *f, bool semicolon)
{
    fprintf(out, "static %s%s%s(SpyModState *st, int depth", inline_hint(f),
            ret_ctype(f->ret_rep), f->c_name);
    for (int i = 0; i < f->n_params; i++) {
        const IrReg *p = f->params[i];
        fprintf(out, ", %s%s", ir_rep_ctype(p->rep), cg_ident(f->a, "v_", p->name));
    }
    fprintf(out, ")%s\n", semicolon ? ";" : "");
}

static const char *initial_value(IrRep rep)
{
    switch (rep) {
    case REP_OBJ: return "NULL";
    case REP_INT: return "SPY_INT_ERR";
    case REP_FLOAT: return "0.0";
    default: return "0";
    }
}

static bool is_param(const IrFunc *f, const IrReg *r)
{
    for (int i = 0; i < f->n_params; i++)
        if (f->params[i] == r)
            return true;
    return false;
}

/* Declares the registers the code uses (a generator's body also its
 * arguments, which it loads from its frame); one that is written but
 * never read is marked used, so the C stays warning-free. */
static void declare_registers(Cg *g)
{
    const IrFunc *f = g->f;
    char *state = ARENA_ARRAY(g->m->a, char, f->n_regs ? f->n_regs : 1);
    for (int i = 0; i < f->n_blocks; i++)
        for (int j = 0; j < f->blocks[i]->n_ops; j++) {
            const IrOp *op = f->blocks[i]->ops[j];
            for (int k = 0; k < op->n_args; k++)
                state[op->args[k]->id] = 2;
            if (op->dst && !state[op->dst->id])
                state[op->dst->id] = 1;
        }
    for (int i = 0; i < f->n_regs; i++) {
        const IrReg *r = f->regs[i];
        bool param = is_param(f, r);
        if (param ? !g->gen : !state[i] && !(r->is_local && ir_rep_refcounted(r->rep)))
            continue;
        fprintf(g->out, "    %s%s = %s;\n", ir_rep_ctype(r->rep), g->names[i],
                initial_value(r->rep));
        if (state[i] != 2 && (param || !(r->is_local && ir_rep_refcounted(r->rep))))
            fprintf(g->out, "    (void)%s;\n", g->names[i]);
    }
}

/* A recursion that never leaves compiled code passes only through
 * functions making native calls, so counting those bounds every cycle. */
static bool makes_native_calls(const IrFunc *f)
{
    for (int i = 0; i < f->n_blocks; i++)
        for (int j = 0; j < f->blocks[i]->n_ops; j++)
            if (f->blocks[i]->ops[j]->kind == IR_CALL_NATIVE)
                return true;
    return false;
}

static void emit_depth_check(Cg *g)
{
    fprintf(g->out,
            "    if (SPY_UNLIKELY(depth > st->depth_limit)\n"
            "        && spy_depth_exceeded(depth, &st->depth_limit))\n"
            "        return %s;\n",
            cg_error_value(g->f->ret_rep));
}

void cg_function(FILE *out, ModCtx *m, const IrFunc *f, const EmitOptions *o)
{
    Cg g = {out, m, f, o, NULL, NULL, -1, makes_native_calls(f) && !f->is_generator,
            f->is_generator ? cg_gen_spills(f) : NULL};
    name_registers(&g);
    find_labels(&g);
    if (g.gen) {
        cg_gen_frame(out, m, f, g.gen, g.names);
        cg_gen_resume_head(out, m, f);
        declare_registers(&g);
        cg_gen_resume_entry(out, f, g.names);
    } else {
        const char *what = f->tc->is_module_body ? "module body" : "def";
        fprintf(out, "/* %s %s%s%s */\n", what, f->tc->name, f->copy_of ? ": " : "",
                f->copy_of ? f->copy_of : "");
        cg_function_proto(out, f, false);
        fprintf(out, "{\n    (void)st;\n    (void)depth;\n");
        for (int i = 0; i < f->n_params; i++)
            fprintf(out, "    (void)%s;\n", g.names[f->params[i]->id]);
        declare_registers(&g);
    }
    if (g.counts_depth)
        emit_depth_check(&g);
    for (int i = 0; i < f->n_blocks; i++) {
        const IrBlock *b = f->blocks[i];
        if (g.labelled[b->id]) {
            fprintf(out, "  L%d:%s\n", b->id, b->is_error_path ? " /* error path */" : "");
            g.last_line = -1;
        }
        for (int j = 0; j < b->n_ops; j++)
            emit_op(&g, b->ops[j]);
    }
    fprintf(out, "}\n\n");
    if (g.gen)
        cg_gen_creator(out, m, f, g.names);
}
