/* asan_probe.c — a deliberately broken extension module: proves that the
 * sanitizer setup tests/run_e2e.py --asan uses (flags, LD_PRELOAD of the
 * ASan/UBSan runtimes into a normal interpreter) really reports errors.
 * Importing it reads one byte past a heap block; under ASan the import must
 * die with "heap-buffer-overflow". Never part of any build but that check. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>

static struct PyModuleDef probe_module = {
    PyModuleDef_HEAD_INIT, "asan_probe", NULL, -1, NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_asan_probe(void)
{
    char *block = calloc(8, 1);
    volatile size_t index = 8;  /* volatile: the compiler must not see the bug */
    if (block == NULL)
        return PyErr_NoMemory();
    char past_end = block[index];   /* the bug ASan must catch */
    free(block);
    PyObject *m = PyModule_Create(&probe_module);
    if (m != NULL && PyModule_AddIntConstant(m, "value", past_end) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
