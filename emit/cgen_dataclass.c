/*
 * cgen_dataclass.c — C for what a native @dataclass gets besides its
 * class: the decorator's __eq__, __hash__ and order methods made
 * natively.
 *
 * The decorator generates them as Python functions that read each field
 * by name; these read the fields through their accessors instead
 * (runtime/spy_dataclass.h: spy_dataclass_eq, spy_dataclass_hash) and
 * replace the decorator's when the class statement runs.  Only for
 * classes whose fields all take part in both (no field(compare=...,
 * hash=...)), in the order the decorator uses: its dataclass bases'
 * fields first.
 */
#include "emit/lower.h"

static const char *name_of(ModCtx *m, const char *prefix, const TcClass *c)
{
    return cg_ident(m->a, prefix, c->name);
}

bool cg_dataclass_native_methods(const TcClass *c)
{
    return c->dataclass && c->dataclass_plain_compare;
}

/* The accessors of c's fields, root dataclass's first, as initializers. */
static int field_getters(FILE *out, ModCtx *m, const TcClass *c)
{
    int n = c->dataclass_base ? field_getters(out, m, c->dataclass_base) : 0;
    const StmtList *body = &c->def->u.classdef.body;
    for (int i = 0; i < body->n; i++) {
        if (!tc_dataclass_field(body->v[i]))
            continue;
        const TcAttr *a = tc_class_attr(c, body->v[i]->u.annassign.target->u.name.id);
        fprintf(out, "    %s,\n", field_accessor(m->a, a, "get"));
        n++;
    }
    return n;
}

const char *cg_dataclass_methods_name(ModCtx *m, const TcClass *c)
{
    return name_of(m, "spy_dc_methods_", c);
}

/* Declared with the class prototypes: the module body installs it. */
void cg_dataclass_proto(FILE *out, ModCtx *m, const TcClass *c)
{
    if (cg_dataclass_native_methods(c))
        fprintf(out, "static PyMethodDef %s[7];\n", cg_dataclass_methods_name(m, c));
}

void cg_dataclass_defs(FILE *out, ModCtx *m, const TcClass *c)
{
    if (!cg_dataclass_native_methods(c))
        return;
    const char *getters = name_of(m, "spy_dc_fields_", c);
    fprintf(out, "/* @dataclass %s: the decorator's __eq__ and __hash__ over these fields */\n"
            "static const SpyFieldGetter %s[] = {\n", c->name, getters);
    int n = field_getters(out, m, c);
    if (!n)
        fprintf(out, "    NULL,\n");
    fprintf(out, "};\n\n");
    const char *eq = name_of(m, "spy_dc_eq_", c), *hash = name_of(m, "spy_dc_hash_", c);
    fprintf(out, "static PyObject *%s(PyObject *self, PyObject *other)\n{\n"
            "    return spy_dataclass_eq(self, other, %s, %d);\n}\n\n", eq, getters, n);
    fprintf(out, "static PyObject *%s(PyObject *self, PyObject *unused)\n{\n    (void)unused;\n"
            "    return spy_dataclass_hash(self, %s, %d);\n}\n\n", hash, getters, n);
    static const char *const order[] = {"lt", "le", "gt", "ge"};
    static const char *const ops[] = {"Py_LT", "Py_LE", "Py_GT", "Py_GE"};
    for (int k = 0; k < 4; k++)
        fprintf(out, "static PyObject *%s_%s(PyObject *self, PyObject *other)\n{\n"
                "    return spy_dataclass_order(self, other, %s, %d, %s);\n}\n\n",
                name_of(m, "spy_dc_", c), order[k], getters, n, ops[k]);
    fprintf(out, "static PyMethodDef %s[7] = {\n"
            "    {\"__eq__\", %s, METH_O, NULL},\n"
            "    {\"__hash__\", %s, METH_NOARGS, NULL},\n", cg_dataclass_methods_name(m, c), eq, hash);
    for (int k = 0; k < 4; k++)
        fprintf(out, "    {\"__%s__\", %s_%s, METH_O, NULL},\n", order[k], name_of(m, "spy_dc_", c),
                order[k]);
    fprintf(out, "    {NULL, NULL, 0, NULL},\n};\n\n");
}
