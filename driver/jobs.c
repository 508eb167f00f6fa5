/*
 * jobs.c — runs the pipeline over every input file.  With -j 1 (and for
 * --dump, whose stdout must stay in input order) the files are compiled one
 * after another in this process; with -j N up to N children are forked, one
 * per module.  A child renders all its messages into memory and writes them
 * in one write(2) at the end, so the output of two modules never
 * interleaves line by line.  The result is the largest exit status; a child
 * killed by a signal counts as 128+signal, as a shell would report it.
 * Entry point: jobs_run_all.
 */
#define _POSIX_C_SOURCE 200809L

#include "driver/driver.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int max_status(int a, int b)
{
    return a > b ? a : b;
}

static int run_sequential(const RunContext *rc)
{
    int worst = EXIT_OK;
    for (int i = 0; i < rc->opts->n_inputs; i++)
        worst = max_status(worst,
                           compile_module(rc, rc->opts->inputs[i], stderr));
    return worst;
}

static void write_fully(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t put = write(fd, p, n);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return;
        p += put;
        n -= (size_t)put;
    }
}

/* The body of a child process: compile one module, then exit. */
static _Noreturn void child_main(const RunContext *rc, const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    int st = compile_module(rc, path, mem ? mem : stderr);
    if (mem) {
        fclose(mem);
        write_fully(STDERR_FILENO, buf, len);
        free(buf);
    }
    fflush(stdout);
    _exit(st);
}

/* Which input a running child is compiling, for crash reports. */
typedef struct Running {
    pid_t pid;
    const char *path;
} Running;

static int status_of(int wst, const char *path)
{
    if (WIFEXITED(wst))
        return WEXITSTATUS(wst);
    int sig = WIFSIGNALED(wst) ? WTERMSIG(wst) : 0;
    fprintf(stderr, "staticpyc: error: compiling '%s' crashed (signal %d)\n",
            path, sig);
    return 128 + sig;
}

/* Waits for any child; returns its status and frees its slot. */
static int reap_one(Running *run, int *n_running)
{
    int wst;
    pid_t pid;
    while ((pid = wait(&wst)) < 0 && errno == EINTR)
        ;
    if (pid < 0) {
        *n_running = 0; /* no children left: nothing more to wait for */
        return EXIT_COMPILE;
    }
    for (int k = 0; k < *n_running; k++)
        if (run[k].pid == pid) {
            int st = status_of(wst, run[k].path);
            run[k] = run[--*n_running];
            return st;
        }
    return EXIT_OK; /* not ours (cannot happen: we start every child) */
}

static int run_parallel(const RunContext *rc)
{
    const Options *o = rc->opts;
    Running *run = calloc((size_t)o->jobs, sizeof *run);
    if (!run)
        return run_sequential(rc);
    int worst = EXIT_OK, n_running = 0;
    for (int next = 0; next < o->n_inputs || n_running > 0;) {
        if (next < o->n_inputs && n_running < o->jobs) {
            fflush(stdout);
            fflush(stderr);
            pid_t pid = fork();
            if (pid == 0)
                child_main(rc, o->inputs[next]);
            if (pid < 0) { /* out of processes: do this one ourselves */
                worst = max_status(worst,
                                   compile_module(rc, o->inputs[next], stderr));
            } else {
                run[n_running++] = (Running){pid, o->inputs[next]};
            }
            next++;
            continue;
        }
        worst = max_status(worst, reap_one(run, &n_running));
    }
    free(run);
    return worst;
}

int jobs_run_all(const RunContext *rc)
{
    const Options *o = rc->opts;
    if (o->jobs <= 1 || o->n_inputs <= 1 || o->dump != DUMP_NONE)
        return run_sequential(rc);
    return run_parallel(rc);
}
