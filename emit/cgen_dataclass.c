/*
 * cgen_dataclass.c — C for what a native @dataclass gets besides its
 * class: the decorator's __eq__, __hash__, order methods and __repr__
 * made natively.
 *
 * The decorator generates them as Python functions that read each field
 * by name; these read the fields through their accessors instead
 * (runtime/spy_dataclass.h: spy_dataclass_eq, spy_dataclass_hash) and
 * replace the decorator's when the class statement runs.  Only where
 * all fields take part (no field(compare=..., hash=...) for the
 * comparisons and hash, no field(repr=...) for __repr__), in the order
 * the decorator uses: its dataclass bases' fields first.
 */
#include "emit/lower.h"

static const char *name_of(ModCtx *m, const char *prefix, const TcClass *c)
{
    return cg_ident(m->a, prefix, c->name);
}

bool cg_dataclass_native_methods(const TcClass *c)
{
    return c->dataclass && (c->dataclass_plain_compare || c->dataclass_plain_repr);
}

/* The accessors (names: the field names) of c's fields, root
 * dataclass's first, as initializers. */
static int field_list(FILE *out, ModCtx *m, const TcClass *c, bool names)
{
    int n = c->dataclass_base ? field_list(out, m, c->dataclass_base, names) : 0;
    const StmtList *body = &c->def->u.classdef.body;
    for (int i = 0; i < body->n; i++) {
        if (!tc_dataclass_field(body->v[i]))
            continue;
        const TcAttr *a = tc_class_attr(c, body->v[i]->u.annassign.target->u.name.id);
        fprintf(out, names ? "    \"%s\",\n" : "    %s,\n",
                names ? a->name : field_accessor(m->a, a, "get"));
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
        fprintf(out, "static PyMethodDef %s[8];\n", cg_dataclass_methods_name(m, c));
}

static const char *const order_names[] = {"lt", "le", "gt", "ge"};

/* __eq__, __hash__ and the order methods, over all the fields. */
static void compare_methods(FILE *out, ModCtx *m, const TcClass *c, const char *getters, int n)
{
    fprintf(out, "static PyObject *%s(PyObject *self, PyObject *other)\n{\n"
            "    return spy_dataclass_eq(self, other, %s, %d);\n}\n\n",
            name_of(m, "spy_dc_eq_", c), getters, n);
    fprintf(out, "static PyObject *%s(PyObject *self, PyObject *unused)\n{\n    (void)unused;\n"
            "    return spy_dataclass_hash(self, %s, %d);\n}\n\n",
            name_of(m, "spy_dc_hash_", c), getters, n);
    static const char *const ops[] = {"Py_LT", "Py_LE", "Py_GT", "Py_GE"};
    for (int k = 0; k < 4; k++)
        fprintf(out, "static PyObject *%s_%s(PyObject *self, PyObject *other)\n{\n"
                "    return spy_dataclass_order(self, other, %s, %d, %s);\n}\n\n",
                name_of(m, "spy_dc_", c), order_names[k], getters, n, ops[k]);
}

void cg_dataclass_defs(FILE *out, ModCtx *m, const TcClass *c)
{
    if (!cg_dataclass_native_methods(c))
        return;
    const char *getters = name_of(m, "spy_dc_fields_", c), *names = name_of(m, "spy_dc_names_", c);
    fprintf(out, "/* @dataclass %s: what the decorator generates, over these fields */\n"
            "static const SpyFieldGetter %s[] = {\n", c->name, getters);
    int n = field_list(out, m, c, false);
    fprintf(out, "%s};\n\n", n ? "" : "    NULL,\n");
    if (c->dataclass_plain_repr) {
        fprintf(out, "static const char *const %s[] = {\n", names);
        field_list(out, m, c, true);
        fprintf(out, "%s};\n\n", n ? "" : "    NULL,\n");
    }
    if (c->dataclass_plain_compare)
        compare_methods(out, m, c, getters, n);
    if (c->dataclass_plain_repr)
        fprintf(out, "static PyObject *%s(PyObject *self, PyObject *unused)\n{\n    (void)unused;\n"
                "    return spy_dataclass_repr(self, %s, %s, %d);\n}\n\n",
                name_of(m, "spy_dc_repr_", c), getters, names, n);
    fprintf(out, "static PyMethodDef %s[8] = {\n", cg_dataclass_methods_name(m, c));
    if (c->dataclass_plain_compare) {
        fprintf(out, "    {\"__eq__\", %s, METH_O, NULL},\n    {\"__hash__\", %s, METH_NOARGS, NULL},\n",
                name_of(m, "spy_dc_eq_", c), name_of(m, "spy_dc_hash_", c));
        for (int k = 0; k < 4; k++)
            fprintf(out, "    {\"__%s__\", %s_%s, METH_O, NULL},\n", order_names[k],
                    name_of(m, "spy_dc_", c), order_names[k]);
    }
    if (c->dataclass_plain_repr)
        fprintf(out, "    {\"__repr__\", %s, METH_NOARGS, NULL},\n", name_of(m, "spy_dc_repr_", c));
    fprintf(out, "    {NULL, NULL, 0, NULL},\n};\n\n");
}
