/*
 * driver.h — shared by the files of driver/ (the command line), nothing else.
 *
 *   options.c  parse argv into Options; --help and --version text
 *   paths.c    module names, output paths, readable/writable checks
 *   compile.c  the pipeline for one module: parse, check, emit, cc
 *   jobs.c     run the pipeline over every input, in parallel with -j
 *   main.c     main(): options, up-front checks, target query, jobs
 */
#ifndef STATICPY_DRIVER_H
#define STATICPY_DRIVER_H

#include "emit/emit.h"

#define STATICPYC_VERSION "0.1.0"

/* Exit statuses; the overall status of a run is the largest. */
enum { EXIT_OK = 0, EXIT_COMPILE = 1, EXIT_USAGE = 2 };

typedef enum DumpWhat { DUMP_NONE, DUMP_AST, DUMP_TYPES, DUMP_IR, DUMP_C } DumpWhat;

typedef enum Action { ACT_COMPILE, ACT_HELP, ACT_VERSION, ACT_RUNTIME_DIR } Action;

typedef struct Options {
    Action action;
    const char *out_dir;    /* -o DIR, or NULL: beside each source */
    int opt_level;          /* -O0..-O3, default 2 */
    bool debug;             /* -g */
    bool emit_c;            /* --emit-c */
    bool check;             /* --check */
    bool strict;            /* --strict: no function left to the interpreter */
    bool annotate;          /* --annotate: also write DIR/<mod>.html */
    DumpWhat dump;          /* --dump=WHAT */
    const char *python;     /* --python PATH, default "python3" */
    int jobs;               /* -j N, default 1 */
    const char **inputs;    /* argv entries; heap array */
    int n_inputs;
} Options;

/* Everything a module's compile needs beyond its path; set up once by main. */
typedef struct RunContext {
    const Options *opts;
    const PyTarget *target;  /* NULL unless a .so is built */
    BuildOptions build;
} RunContext;

/* options.c — returns EXIT_OK, or EXIT_USAGE after printing the error and
 * the "try --help" line.  o->inputs must be freed with free(). */
int options_parse(int argc, char **argv, Options *o);
void options_print_help(FILE *out);
void options_print_version(FILE *out);
/* True when the run writes files (not --check / --dump). */
bool options_writes_files(const Options *o);

/* paths.c */
/* The module name: the file's base name without ".py". In arena a. */
const char *path_module_name(Arena *a, const char *py_path);
/* The directory outputs for py_path go to (o->out_dir, or its own). */
const char *path_output_dir(Arena *a, const Options *o, const char *py_path);
/* dir/name, or just name when dir is ".". */
const char *path_join(Arena *a, const char *dir, const char *name);
/* 0, or -1 with errno set when the file cannot be opened for reading (a
 * directory counts as unreadable: EISDIR). */
int path_check_readable(const char *path);
/* 0, or -1 with errno set when files cannot be created in dir. */
int path_check_writable_dir(const char *dir);
bool path_has_py_suffix(const char *path);
/* Whether the base name (before .py) can name an extension module. */
bool path_module_name_ok(const char *py_path);

/* compile.c — the whole pipeline for one file; messages go to err.
 * Returns an EXIT_* status. */
int compile_module(const RunContext *rc, const char *py_path, FILE *err);

/* jobs.c — compiles every input (forking up to o->jobs at a time); returns
 * the largest status. */
int jobs_run_all(const RunContext *rc);

#endif
