/*
 * emit.h — the public face of the last stage: typed AST to C to .so.
 *
 * emit_module_c() lowers every function of a checked module to IR, runs
 * the reference-count pass and writes one C translation unit (the module
 * object, per-module state, native functions and their Python-visible
 * wrappers).  build_* query the target interpreter's sysconfig and run the
 * C compiler with its flags.
 */
#ifndef STATICPY_EMIT_H
#define STATICPY_EMIT_H

#include "frontend/frontend.h"
#include "typecheck/typecheck.h"

typedef struct EmitOptions {
    bool line_directives;   /* -g: #line directives pointing at the .py */
    bool dump_ir;           /* --dump=ir: print IR to dump_out */
    FILE *dump_out;
} EmitOptions;

/* Writes the module's C to `out`.  Constructs the emitter cannot compile
 * are reported to diags (as "... is not supported yet"); returns the
 * number of errors added (0 on success). */
int emit_module_c(Arena *a, TcModule *tm, const EmitOptions *opts,
                  FILE *out, DiagList *diags);

/* --annotate: writes to `out` an HTML page of the module's source with,
 * per line, its generated C (from `c`, the text emit_module_c wrote) and
 * how many calls of it go through the interpreter's generic protocols;
 * lines of functions and classes left to the interpreter are marked.
 * Returns 0, or -1 when writing failed. */
int emit_annotate_html(Arena *a, const TcModule *tm, const char *c, size_t c_len, FILE *out);

/* ---- building ---------------------------------------------------------- */

/* What the driver learns from the target interpreter's sysconfig. */
typedef struct PyTarget {
    const char *python;       /* executable as given */
    const char *version;      /* "3.12.1" */
    const char *include_dir;  /* INCLUDEPY */
    const char *ext_suffix;   /* EXT_SUFFIX, e.g. ".cpython-312-x86_64-linux-gnu.so" */
    const char *cc;           /* $CC, else sysconfig CC's first word, else "cc" */
} PyTarget;

typedef struct BuildOptions {
    int opt_level;            /* 0..3 */
    bool debug;               /* -g */
    const char *runtime_dir;  /* directory holding staticpy_rt.h */
    const char *extra_cflags; /* $STATICPYC_CFLAGS, may be NULL */
    const char *extra_ldflags;/* $STATICPYC_LDFLAGS, may be NULL */
} BuildOptions;

/* Runs `python` to read its sysconfig.  On failure returns -1 and writes a
 * one-line reason into err. */
int build_query_target(Arena *a, const char *python, PyTarget *t,
                       char *err, size_t errlen);

/* Compiles c_path into the shared object so_path.  The compiler's own
 * output is passed through to stderr; returns 0 on success. */
int build_shared_object(const PyTarget *t, const BuildOptions *o,
                        const char *c_path, const char *so_path);

#endif
