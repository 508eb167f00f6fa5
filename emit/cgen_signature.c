/*
 * cgen_signature.c — the docstrings of compiled functions and methods,
 * with a text signature in front.
 *
 * A builtin function's __text_signature__ comes from the start of its
 * ml_doc: `name($module, a, b=1, *, c)\n--\n\n` (`$self` for methods).
 * inspect.signature() (and help(), and the libraries that look at a
 * callable's parameters) read it; without it they fail on compiled
 * functions.  Defaults are written as their source text, which inspect
 * evaluates as a literal (or a display of literals), or as the module
 * global it names; a function with any other default (a call, a
 * dataclass's default_factory, one spread over lines) gets no signature.
 * A class without __init__ gets `C()` in its tp_doc.
 */
#include "emit/lower.h"

#include <string.h>

/* The source text of a default inspect can read back, or NULL. */
static const char *default_text(ModCtx *m, const Expr *d)
{
    switch (d->kind) {
    case EX_INT: case EX_FLOAT: case EX_IMAG: case EX_STR: case EX_BYTES: case EX_TRUE:
    case EX_FALSE: case EX_NONE: case EX_ELLIPSIS: case EX_NAME: case EX_ATTRIBUTE:
        break;
    case EX_UNARY:
        if (d->u.unary.op != UOP_NEG && d->u.unary.op != UOP_POS)
            return NULL;
        return default_text(m, d->u.unary.operand) ? "" : NULL;
    case EX_TUPLE: case EX_LIST: case EX_SET: /* displays of those: equal values */
        for (int i = 0; i < d->u.seq.elts.n; i++)
            if (!default_text(m, d->u.seq.elts.v[i]))
                return NULL;
        break;
    case EX_DICT:
        for (int i = 0; i < d->u.dict.keys.n; i++)
            if (!d->u.dict.keys.v[i] || !default_text(m, d->u.dict.keys.v[i]) ||
                !default_text(m, d->u.dict.values.v[i]))
                return NULL;
        break;
    default:
        return NULL;
    }
    if (d->kind == EX_ATTRIBUTE && !default_text(m, d->u.attribute.value))
        return NULL;
    if (d->span.line != d->span.end_line)
        return NULL;
    return "";
}

static const char *source_of(ModCtx *m, const Expr *d)
{
    size_t len;
    const char *line = src_line(m->tm->ast->src, (int)d->span.line, &len);
    if (!line || d->span.end_col > len || d->span.col > d->span.end_col)
        return NULL;
    return arena_strndup(m->a, line + d->span.col, d->span.end_col - d->span.col);
}

/* `name($module, ...)\n--\n\n` for f (first: "$module", or "$self" for
 * a method, whose first parameter it stands for; NULL: a class's, named
 * name, its __init__'s parameters after self), or NULL. */
static const char *text_signature(ModCtx *m, const TcFunc *f, const char *name, const char *first)
{
    const ParamList *ps = &f->def->u.funcdef.params;
    const char *s = arena_printf(m->a, "%s(%s", name, first ? first : "");
    bool star = false, comma = first != NULL;
    for (int i = first && !strcmp(first, "$module") ? 0 : 1; i < ps->n; i++, comma = true) {
        const Param *p = ps->v[i];
        if (p->kind == PARAM_KWONLY && !star) {
            s = arena_printf(m->a, "%s%s*", s, comma ? ", " : "");
            star = comma = true;
        }
        const char *prefix = p->kind == PARAM_VARARGS ? "*" : p->kind == PARAM_VARKW ? "**" : "";
        star |= p->kind == PARAM_VARARGS;
        s = arena_printf(m->a, "%s%s%s%s", s, comma ? ", " : "", prefix, p->name);
        if (p->default_value) {
            const char *d = default_text(m, p->default_value) && !p->default_factory
                                ? source_of(m, p->default_value) : NULL;
            if (!d || strchr(d, '\n'))
                return NULL;
            s = arena_printf(m->a, "%s=%s", s, d);
        }
        if (p->kind == PARAM_POSONLY && (i + 1 == ps->n || ps->v[i + 1]->kind != PARAM_POSONLY))
            s = arena_printf(m->a, "%s, /", s);
    }
    return arena_printf(m->a, "%s)\n--\n\n", s);
}

void cg_func_doc(FILE *out, ModCtx *m, const TcFunc *f, bool method)
{
    const char *doc = f->def->u.funcdef.docstring;
    const char *sig = text_signature(m, f, f->name, method ? "$self" : "$module");
    if (sig)
        doc = arena_printf(m->a, "%s%s", sig, doc ? doc : "");
    if (doc)
        c_string(out, doc, strlen(doc));
    else
        fprintf(out, "NULL");
}

const char *cg_class_text_signature(ModCtx *m, const TcClass *c, const TcFunc *init)
{
    return init ? text_signature(m, init, c->name, NULL) : arena_printf(m->a, "%s()\n--\n\n", c->name);
}
