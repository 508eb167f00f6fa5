/*
 * main.c — `staticpyc`: the command-line entry point.
 *
 * Parses the options, then checks everything that would make the run a
 * usage error (exit 2) before compiling anything: each input is a
 * readable .py file, each output directory is writable, and the target
 * interpreter (only needed when a .so is built) is usable.  The target is
 * queried once per run; the per-module work is in compile.c / jobs.c.
 * Exit status: 0 ok, 1 compile errors, 2 usage errors.
 */
#define _POSIX_C_SOURCE 200809L

#include "driver/driver.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifndef SPY_RUNTIME_DIR
#define SPY_RUNTIME_DIR "runtime"
#endif

/* Each input must be a readable file named *.py (and, when a module is
 * written, <identifier>.py); all bad ones are listed. */
static int check_inputs(const Options *o)
{
    int st = EXIT_OK;
    for (int i = 0; i < o->n_inputs; i++) {
        const char *p = o->inputs[i];
        if (!path_has_py_suffix(p)) {
            fprintf(stderr, "staticpyc: error: '%s' is not a Python file "
                    "(expected a name ending in .py)\n", p);
            st = EXIT_USAGE;
        } else if (options_writes_files(o) && !path_module_name_ok(p)) {
            fprintf(stderr, "staticpyc: error: '%s': a compiled module's "
                    "name must be an ASCII identifier\n", p);
            st = EXIT_USAGE;
        } else if (path_check_readable(p) < 0) {
            fprintf(stderr, "staticpyc: error: cannot read '%s': %s\n", p,
                    strerror(errno));
            st = EXIT_USAGE;
        }
    }
    return st;
}

static int check_dir(const char *dir)
{
    if (path_check_writable_dir(dir) == 0)
        return EXIT_OK;
    fprintf(stderr, "staticpyc: error: cannot write to '%s': %s\n", dir,
            strerror(errno));
    return EXIT_USAGE;
}

/* -o DIR is checked whenever given; the source directories only when
 * outputs go beside the sources. */
static int check_outputs(Arena *a, const Options *o)
{
    if (o->out_dir)
        return check_dir(o->out_dir);
    if (!options_writes_files(o))
        return EXIT_OK;
    for (int i = 0; i < o->n_inputs; i++)
        if (check_dir(path_output_dir(a, o, o->inputs[i])) != EXIT_OK)
            return EXIT_USAGE;
    return EXIT_OK;
}

static int query_target(Arena *a, const Options *o, PyTarget *t)
{
    char err[1024];
    if (build_query_target(a, o->python, t, err, sizeof err) == 0)
        return EXIT_OK;
    fprintf(stderr, "staticpyc: error: %s\n", err);
    return EXIT_USAGE;
}

static BuildOptions build_options(const Options *o)
{
    const char *rt = getenv("STATICPYC_RUNTIME");
    BuildOptions b = {
        .opt_level = o->opt_level,
        .debug = o->debug,
        .runtime_dir = rt && *rt ? rt : SPY_RUNTIME_DIR,
        .extra_cflags = getenv("STATICPYC_CFLAGS"),
        .extra_ldflags = getenv("STATICPYC_LDFLAGS"),
    };
    return b;
}

/* A dump that could not be written (disk full, closed stdout) must not
 * look like success. */
static int finish_stdout(int st)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return st;
    fprintf(stderr, "staticpyc: error: cannot write to standard output: %s\n",
            strerror(errno));
    return st > EXIT_USAGE ? st : EXIT_USAGE;
}

static int run(Arena *a, const Options *o)
{
    int st = check_inputs(o);
    if (st == EXIT_OK)
        st = check_outputs(a, o);
    if (st != EXIT_OK)
        return st;
    PyTarget target;
    RunContext rc = {.opts = o, .target = NULL, .build = build_options(o)};
    if (options_writes_files(o) && !o->emit_c) {
        if ((st = query_target(a, o, &target)) != EXIT_OK)
            return st;
        rc.target = &target;
    }
    return jobs_run_all(&rc);
}

int main(int argc, char **argv)
{
    Options o;
    int st = options_parse(argc, argv, &o);
    if (st == EXIT_OK && o.action == ACT_HELP) {
        options_print_help(stdout);
    } else if (st == EXIT_OK && o.action == ACT_VERSION) {
        options_print_version(stdout);
    } else if (st == EXIT_OK && o.action == ACT_RUNTIME_DIR) {
        printf("%s\n", build_options(&o).runtime_dir);
    } else if (st == EXIT_OK) {
        Arena *a = arena_new();
        st = run(a, &o);
        arena_free(a);
    }
    free(o.inputs);
    return finish_stdout(st);
}
