/*
 * build.c — the C compiler step: ask the target interpreter for its build
 * settings, then compile one generated .c into an extension module.
 *
 * needs: a python executable, a C compiler.  provides: PyTarget, a .so.
 * Both run child processes with posix_spawnp (no shell, so paths with spaces
 * and quotes are safe).  The .so is compiled to "<so>.tmp.<pid>" and renamed
 * into place, so an interpreter importing it concurrently never sees half a
 * file.  Entry points: build_query_target, build_shared_object.
 */
#define _POSIX_C_SOURCE 200809L

#include "emit/emit.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Oldest and newest CPython the runtime supports. */
enum { PY_MIN_MINOR = 9, PY_MAX_MINOR = 13 };

/* ---- growable argv ------------------------------------------------------ */

typedef struct Argv {
    char **v;
    int n, cap;
} Argv;

static void argv_push(Argv *av, const char *s)
{
    if (av->n + 2 > av->cap) {
        int cap = av->cap ? av->cap * 2 : 32;
        char **v = realloc(av->v, sizeof(char *) * (size_t)cap);
        if (!v) {
            fputs("staticpyc: out of memory\n", stderr);
            abort();
        }
        av->v = v;
        av->cap = cap;
    }
    av->v[av->n++] = (char *)s;
    av->v[av->n] = NULL;
}

/* Pushes each blank-separated word of s.  The words live in *store (a heap
 * copy of s) which the caller frees. */
static void argv_push_words(Argv *av, const char *s, char **store)
{
    *store = NULL;
    if (!s)
        return;
    *store = strdup(s);
    if (!*store)
        return;
    char *save = NULL;
    for (char *w = strtok_r(*store, " \t\n", &save); w;
         w = strtok_r(NULL, " \t\n", &save))
        argv_push(av, w);
}

/* ---- child processes ------------------------------------------------------- */

/* Waits for pid; returns its exit status, or 128+signal. */
static int wait_child(pid_t pid)
{
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return 127;
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return 127;
}

/* Reads fd to EOF into buf (NUL-terminated, truncated to cap-1 bytes). */
static void read_all_fd(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    for (;;) {
        char chunk[4096];
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        size_t take = (size_t)got;
        if (take > cap - 1 - n)
            take = cap - 1 - n;
        memcpy(buf + n, chunk, take);
        n += take;
    }
    buf[n] = '\0';
}

/* Runs argv with stdout captured into out and stderr discarded.  Returns
 * the exit status, or -1 with errno set when the program could not start. */
static int run_capture(char *const argv[], char *out, size_t cap)
{
    int p[2];
    if (pipe(p) < 0)
        return -1;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&fa, p[0]);
    posix_spawn_file_actions_addclose(&fa, p[1]);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
                                     O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(p[1]);
    if (rc != 0) {
        close(p[0]);
        errno = rc;
        return -1;
    }
    read_all_fd(p[0], out, cap);
    close(p[0]);
    return wait_child(pid);
}

/* ---- build_query_target ------------------------------------------------------ */

/* After a marker line (a sitecustomize may print before it), the version
 * first, so an interpreter too old for the rest still reports it.
 * Python-2-compatible on purpose, for the same reason. */
#define QUERY_MARKER "--staticpyc-target--"
static const char QUERY_SCRIPT[] =
    "import sys, platform, sysconfig\n"
    "g = sysconfig.get_config_var\n"
    "w = sys.stdout.write\n"
    "w('" QUERY_MARKER "\\n')\n"
    "w(platform.python_version() + '\\n')\n"
    "w(str(sysconfig.get_paths().get('include')) + '\\n')\n"
    "w(str(g('INCLUDEPY')) + '\\n')\n"
    "w(str(g('EXT_SUFFIX')) + '\\n')\n"
    "w(str(g('CC') or '') + '\\n')\n"
    "sys.stdout.flush()\n";

enum { Q_VERSION, Q_INCLUDE, Q_INCLUDEPY, Q_EXT_SUFFIX, Q_CC, Q__COUNT };

/* Splits text into at most max lines in place; returns the count. */
static int split_lines(char *text, char **lines, int max)
{
    int n = 0;
    char *s = text;
    while (n < max && *s) {
        char *nl = strchr(s, '\n');
        lines[n++] = s;
        if (!nl)
            break;
        *nl = '\0';
        s = nl + 1;
    }
    return n;
}

static bool file_exists_in(const char *dir, const char *name)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", dir, name);
    return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

/* True when the program name resolves to an executable file. */
static bool is_runnable(const char *prog)
{
    if (!*prog)
        return false;
    if (strchr(prog, '/'))
        return access(prog, X_OK) == 0;
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/bin:/bin";
    while (*path) {
        size_t len = strcspn(path, ":");
        char full[4096];
        int n = snprintf(full, sizeof full, "%.*s/%s", (int)len,
                         len ? path : ".", prog);
        if (n > 0 && (size_t)n < sizeof full && access(full, X_OK) == 0)
            return true;
        path += len + (path[len] == ':');
    }
    return false;
}

/* $CC (used whole: it may be "ccache gcc"); else the first word of the
 * interpreter's sysconfig CC (pyenv builds say "gcc -pthread", Debian
 * "x86_64-linux-gnu-gcc") when that program exists here; else "cc". */
static const char *pick_cc(Arena *a, const char *sysconfig_cc)
{
    const char *env = getenv("CC");
    if (env && env[strspn(env, " \t")])
        return arena_strdup(a, env);
    size_t skip = strspn(sysconfig_cc, " \t");
    size_t len = strcspn(sysconfig_cc + skip, " \t");
    char *first = arena_strndup(a, sysconfig_cc + skip, len);
    return is_runnable(first) ? first : "cc";
}

/* Checks version, headers and suffix; fills t.  0 or -1 with err set. */
static int fill_target(Arena *a, char **q, int nq, int status, PyTarget *t,
                       char *err, size_t errlen)
{
    int major = 0, minor = 0;
    if (nq < 1 || sscanf(q[Q_VERSION], "%d.%d", &major, &minor) != 2) {
        snprintf(err, errlen, "'%s' is not a usable Python interpreter "
                 "(exit status %d)", t->python, status);
        return -1;
    }
    if (major != 3 || minor < PY_MIN_MINOR || minor > PY_MAX_MINOR) {
        snprintf(err, errlen, "Python %s is not supported (need 3.%d-3.%d)",
                 q[Q_VERSION], PY_MIN_MINOR, PY_MAX_MINOR);
        return -1;
    }
    if (status != 0 || nq < Q__COUNT || strcmp(q[Q_EXT_SUFFIX], "None") == 0) {
        snprintf(err, errlen, "cannot read the build settings of '%s' "
                 "(sysconfig failed)", t->python);
        return -1;
    }
    const char *inc = q[Q_INCLUDE];
    if (!file_exists_in(inc, "Python.h") &&
        file_exists_in(q[Q_INCLUDEPY], "Python.h"))
        inc = q[Q_INCLUDEPY];
    if (!file_exists_in(inc, "Python.h")) {
        snprintf(err, errlen, "Python.h not found in %s (install python3-dev)",
                 inc);
        return -1;
    }
    t->version = arena_strdup(a, q[Q_VERSION]);
    t->include_dir = arena_strdup(a, inc);
    t->ext_suffix = arena_strdup(a, q[Q_EXT_SUFFIX]);
    t->cc = pick_cc(a, q[Q_CC]);
    return 0;
}

int build_query_target(Arena *a, const char *python, PyTarget *t,
                       char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    t->python = arena_strdup(a, python);
    char *argv[] = {(char *)python, "-c", (char *)QUERY_SCRIPT, NULL};
    char out[16384];
    int status = run_capture(argv, out, sizeof out);
    if (status < 0) {
        snprintf(err, errlen, "cannot run '%s': %s", python, strerror(errno));
        return -1;
    }
    if (status == 127 && !out[0]) {
        snprintf(err, errlen, "cannot run '%s'", python);
        return -1;
    }
    char *start = strstr(out, QUERY_MARKER "\n");
    start = start ? start + strlen(QUERY_MARKER "\n") : out + strlen(out);
    char *q[Q__COUNT];
    int nq = split_lines(start, q, Q__COUNT);
    return fill_target(a, q, nq, status, t, err, errlen);
}

/* ---- build_shared_object -------------------------------------------------------- */

static bool env_is_1(const char *name)
{
    const char *v = getenv(name);
    return v && strcmp(v, "1") == 0;
}

/* Prints argv as a command a shell would accept (for STATICPYC_VERBOSE). */
static void print_command(char *const argv[], FILE *out)
{
    for (int i = 0; argv[i]; i++) {
        const char *s = argv[i];
        bool plain = *s && strspn(s, "abcdefghijklmnopqrstuvwxyz"
                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                     "0123456789-_./=+,:@%") == strlen(s);
        fputs(i ? " " : "", out);
        if (plain) {
            fputs(s, out);
            continue;
        }
        fputc('\'', out);
        for (; *s; s++) {
            if (*s == '\'')
                fputs("'\\''", out);
            else
                fputc(*s, out);
        }
        fputc('\'', out);
    }
    fputc('\n', out);
}

/* Runs argv with inherited stdout/stderr; returns its exit status. */
static int run_passthrough(char *const argv[])
{
    pid_t pid;
    fflush(stdout);
    fflush(stderr);
    int rc = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
    if (rc != 0) {
        fprintf(stderr, "staticpyc: error: cannot run '%s': %s\n", argv[0],
                strerror(rc));
        return 127;
    }
    return wait_child(pid);
}

/* The flags, in order; every string lives in flagbuf or the arguments. */
static void build_argv(Argv *av, const PyTarget *t, const BuildOptions *o,
                       const char *c_path, const char *tmp_path,
                       char *flagbuf[3], char **stores)
{
    argv_push_words(av, t->cc, &stores[0]);
    if (av->n == 0)
        argv_push(av, "cc");
    argv_push(av, "-shared");
    argv_push(av, "-fPIC");
    argv_push(av, "-std=c11");
    argv_push(av, flagbuf[0]);             /* -O<n> */
    /* As setuptools builds extensions: without NDEBUG every PyList_GET_ITEM
     * and PyFloat_AS_DOUBLE of CPython's headers checks its type again.  A
     * debug build keeps those checks. */
    argv_push(av, o->debug ? "-g" : "-DNDEBUG");
    argv_push(av, "-fno-strict-aliasing");
    /* Helpers in the runtime must never clash between two modules;
     * PyMODINIT_FUNC still exports PyInit_<mod>. */
    argv_push(av, "-fvisibility=hidden");
    argv_push(av, "-Wall");
    if (env_is_1("STATICPYC_WERROR")) {
        argv_push(av, "-Wextra");
        argv_push(av, "-Werror");
    }
    argv_push(av, flagbuf[1]);             /* -I<runtime_dir> */
    argv_push(av, flagbuf[2]);             /* -I<include_dir> */
    argv_push_words(av, o->extra_cflags, &stores[1]);
    argv_push(av, c_path);
    argv_push(av, "-o");
    argv_push(av, tmp_path);
    /* No -lpython: on Linux an extension module resolves CPython's symbols
     * from the interpreter that loads it. */
    argv_push_words(av, o->extra_ldflags, &stores[2]);
}

/* "prefix" + s in a new heap string (NULL when out of memory). */
static char *concat(const char *prefix, const char *s)
{
    size_t a = strlen(prefix), b = strlen(s);
    char *r = malloc(a + b + 1);
    if (r) {
        memcpy(r, prefix, a);
        memcpy(r + a, s, b + 1);
    }
    return r;
}

static int compile_to(const PyTarget *t, const BuildOptions *o,
                      const char *c_path, const char *tmp_path)
{
    static const char *const opt_flags[] = {"-O0", "-O1", "-O2", "-O3"};
    int lvl = o->opt_level < 0 ? 0 : o->opt_level > 3 ? 3 : o->opt_level;
    char *flagbuf[3] = {(char *)opt_flags[lvl],
                        concat("-I", o->runtime_dir),
                        concat("-I", t->include_dir)};
    char *stores[3] = {NULL, NULL, NULL};
    int status = 1;
    if (flagbuf[1] && flagbuf[2]) {
        Argv av = {0};
        build_argv(&av, t, o, c_path, tmp_path, flagbuf, stores);
        if (env_is_1("STATICPYC_VERBOSE"))
            print_command(av.v, stderr);
        status = run_passthrough(av.v);
        free(av.v);
    }
    for (int i = 0; i < 3; i++)
        free(stores[i]);
    free(flagbuf[1]);
    free(flagbuf[2]);
    return status;
}

int build_shared_object(const PyTarget *t, const BuildOptions *o,
                        const char *c_path, const char *so_path)
{
    size_t len = strlen(so_path) + 32;
    char *tmp = malloc(len);
    if (!tmp)
        return 1;
    snprintf(tmp, len, "%s.tmp.%ld", so_path, (long)getpid());
    int status = compile_to(t, o, c_path, tmp);
    if (status == 0 && rename(tmp, so_path) != 0) {
        fprintf(stderr, "staticpyc: error: cannot write '%s': %s\n", so_path,
                strerror(errno));
        status = 1;
    }
    if (status != 0)
        unlink(tmp);
    free(tmp);
    return status;
}
