/*
 * compile.c — the pipeline for one module, the only code that calls every
 * stage:  src_load -> fe_parse -> tc_check -> emit_module_c -> cc.
 *
 * needs: a RunContext (options, and the target interpreter when building).
 * provides: diagnostics on `err`, and the outputs the options ask for
 * (a dump on stdout, DIR/<mod>.c, DIR/<mod><EXT_SUFFIX>).
 * A stage with errors stops the pipeline; all its diagnostics are printed,
 * sorted, at the end.  Each module has its own Arena and Strtab.
 * Entry point: compile_module.
 */
#define _DEFAULT_SOURCE /* mkstemps, open_memstream */

#include "driver/driver.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One module being compiled. */
typedef struct Unit {
    const RunContext *rc;
    const Options *o;
    Arena *a;
    Strtab *names;
    DiagList diags;
    const char *py_path;
    const char *mod_name;
    const char *out_dir;
    FILE *err;
} Unit;

/* The C text of a module, emitted into memory so that nothing is written
 * when the emitter reports errors. */
typedef struct CText {
    char *text;
    size_t len;
} CText;

static int write_error(Unit *u, const char *path, int err)
{
    fprintf(u->err, "staticpyc: error: cannot write '%s': %s\n", path,
            strerror(err));
    return EXIT_USAGE;
}

/* Writes the C text to an open file and closes it; 0 or errno. */
static int write_and_close(FILE *f, const CText *c)
{
    size_t put = fwrite(c->text, 1, c->len, f);
    int err = put == c->len ? 0 : (errno ? errno : EIO);
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    return err;
}

static int write_c_file(Unit *u, const char *path, const CText *c)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return write_error(u, path, errno);
    int err = write_and_close(f, c);
    return err ? write_error(u, path, err) : EXIT_OK;
}

/* A fresh DIR/.<mod>.XXXXXX.c holding the C text; NULL on error (reported). */
static const char *write_temp_c(Unit *u, const CText *c)
{
    char *path = (char *)path_join(
        u->a, u->out_dir, arena_printf(u->a, ".%s.XXXXXX.c", u->mod_name));
    int fd = mkstemps(path, 2);
    if (fd < 0) {
        write_error(u, path, errno);
        return NULL;
    }
    FILE *f = fdopen(fd, "w");
    int err = f ? write_and_close(f, c) : errno;
    if (!f)
        close(fd);
    if (err) {
        unlink(path);
        write_error(u, path, err);
        return NULL;
    }
    return path;
}

/* The .c the C compiler reads: DIR/<mod>.c under -g (kept, so a debugger
 * can show it), else a temporary file.  NULL on error (reported). */
static const char *c_file_for_build(Unit *u, const CText *c)
{
    if (!u->o->debug)
        return write_temp_c(u, c);
    const char *path = path_join(u->a, u->out_dir,
                                 arena_printf(u->a, "%s.c", u->mod_name));
    return write_c_file(u, path, c) == EXIT_OK ? path : NULL;
}

static int build_so(Unit *u, const CText *c)
{
    const RunContext *rc = u->rc;
    const char *so_path = path_join(
        u->a, u->out_dir,
        arena_printf(u->a, "%s%s", u->mod_name, rc->target->ext_suffix));
    struct stat sb;
    if (stat(so_path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return write_error(u, so_path, EISDIR);
    const char *c_path = c_file_for_build(u, c);
    if (!c_path)
        return EXIT_USAGE;
    int st = build_shared_object(rc->target, &rc->build, c_path, so_path);
    if (!u->o->debug)
        unlink(c_path);
    if (st == 0)
        return EXIT_OK;
    fprintf(u->err, "staticpyc: error: the C compiler failed on '%s' "
            "(exit status %d)%s\n", u->py_path, st,
            u->o->debug ? "" : "; -g keeps the generated C");
    return EXIT_COMPILE;
}

/* What happens to the C text: printed, written, or compiled. */
static int deliver_c(Unit *u, const CText *c)
{
    if (u->o->dump == DUMP_C) {
        fwrite(c->text, 1, c->len, stdout);
        return EXIT_OK;
    }
    if (u->o->dump != DUMP_NONE)
        return EXIT_OK;
    if (u->o->emit_c) {
        const char *name = arena_printf(u->a, "%s.c", u->mod_name);
        return write_c_file(u, path_join(u->a, u->out_dir, name), c);
    }
    return build_so(u, c);
}

/* --annotate: DIR/<mod>.html beside the other outputs. */
static int write_annotation(Unit *u, const TcModule *tm, const CText *c)
{
    const char *path = path_join(u->a, u->out_dir, arena_printf(u->a, "%s.html", u->mod_name));
    FILE *f = fopen(path, "w");
    if (!f)
        return write_error(u, path, errno);
    int bad = emit_annotate_html(u->a, tm, c->text, c->len, f);
    int err = bad ? errno : 0;
    if (fclose(f) != 0 && !err)
        err = errno;
    return bad || err ? write_error(u, path, err ? err : EIO) : EXIT_OK;
}

static int emit_c(Unit *u, TcModule *tm, CText *c)
{
    FILE *mem = open_memstream(&c->text, &c->len);
    if (!mem) {
        fprintf(u->err, "staticpyc: error: out of memory\n");
        return EXIT_COMPILE;
    }
    EmitOptions eo = {
        .line_directives = u->o->debug,
        .dump_ir = u->o->dump == DUMP_IR,
        .dump_out = stdout,
    };
    emit_module_c(u->a, tm, &eo, mem, &u->diags);
    fclose(mem);
    return u->diags.n_errors ? EXIT_COMPILE : EXIT_OK;
}

static int run_stages(Unit *u)
{
    const Options *o = u->o;
    Module *m = fe_parse(u->a, u->names, u->diags.src, &u->diags);
    if (o->dump == DUMP_AST) {
        if (m)
            ast_dump(m, stdout);
        return m && !u->diags.n_errors ? EXIT_OK : EXIT_COMPILE;
    }
    if (!m || u->diags.n_errors)
        return EXIT_COMPILE;
    TcModule *tm = tc_check_module(u->a, u->names, m, &u->diags, o->strict);
    if (u->diags.n_errors)
        return EXIT_COMPILE;
    if (o->dump == DUMP_TYPES)
        tc_dump(tm, stdout);
    if (o->dump == DUMP_TYPES || o->check)
        return EXIT_OK;
    CText c = {NULL, 0};
    int st = emit_c(u, tm, &c);
    if (st == EXIT_OK && o->annotate && o->dump == DUMP_NONE)
        st = write_annotation(u, tm, &c);
    if (st == EXIT_OK)
        st = deliver_c(u, &c);
    free(c.text);
    return st;
}

static int run_pipeline(Unit *u)
{
    Source *src = src_load(u->a, u->py_path);
    if (!src) {
        fprintf(u->err, "staticpyc: error: cannot read '%s': %s\n",
                u->py_path, strerror(errno));
        return EXIT_USAGE;
    }
    diag_init(&u->diags, u->a, src);
    int st = run_stages(u);
    diag_print(&u->diags, u->err);
    diag_free(&u->diags);
    return st;
}

int compile_module(const RunContext *rc, const char *py_path, FILE *err)
{
    Unit u = {.rc = rc, .o = rc->opts, .py_path = py_path, .err = err};
    u.a = arena_new();
    u.names = strtab_new(u.a);
    u.mod_name = path_module_name(u.a, py_path);
    u.out_dir = path_output_dir(u.a, rc->opts, py_path);
    int st = run_pipeline(&u);
    strtab_free(u.names);
    arena_free(u.a);
    return st;
}
