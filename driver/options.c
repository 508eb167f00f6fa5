/*
 * options.c — the command line: argv to Options, and the --help/--version
 * text.  Every malformed option is a usage error (exit 2) reported as
 * "staticpyc: error: ..." followed by "try 'staticpyc --help'".
 *
 * Accepted spellings: -o DIR / -oDIR, -j N / -jN, --python PATH /
 * --python=PATH, --dump=WHAT / --dump WHAT; "--" ends the options.
 * Entry points: options_parse, options_print_help, options_print_version.
 */
#include "driver/driver.h"

#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "usage: staticpyc [options] FILE.py...\n"
    "  -o DIR            write outputs into DIR (default: beside each source)\n"
    "  -O0 -O1 -O2 -O3   C optimisation level (default -O3)\n"
    "  -g                debug info, #line directives pointing at the .py, and\n"
    "                    CPython's header assertions (otherwise -DNDEBUG)\n"
    "  --emit-c          write DIR/<mod>.c and stop (no C compiler run)\n"
    "  --check           parse and type-check only\n"
    "  --strict          a function the compiler cannot compile natively is an\n"
    "                    error (by default it is left to the interpreter, with a note)\n"
    "  --annotate        also write DIR/<mod>.html: the source, each line shaded by\n"
    "                    how much of it goes through the interpreter, with its C\n"
    "  --dump=WHAT       print ast|types|ir|c to stdout (ast: frontend only;"
    " types: after typecheck; ir/c: after emit) and stop\n"
    "  --python PATH     target interpreter (default: python3 on PATH)\n"
    "  -j N              compile up to N modules in parallel (default 1)\n"
    "  --print-runtime-dir  print the directory of the runtime headers the\n"
    "                    generated C includes (for build tools) and exit\n"
    "  --version, --help\n";

void options_print_help(FILE *out)
{
    fputs(USAGE, out);
}

void options_print_version(FILE *out)
{
    fputs("staticpyc " STATICPYC_VERSION "\n", out);
#ifdef SPY_TS_PYTHON_VERSION
    /* The Makefile may pass the pinned grammar version from deps.lock. */
    fputs("tree-sitter-python " SPY_TS_PYTHON_VERSION "\n", out);
#endif
}

bool options_writes_files(const Options *o)
{
    return !o->check && o->dump == DUMP_NONE;
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("staticpyc: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\ntry 'staticpyc --help'\n", stderr);
    return EXIT_USAGE;
}

/* The option's value: glued ("-oDIR", "--python=P") or the next argument.
 * NULL when missing. */
static const char *take_value(int argc, char **argv, int *i, size_t optlen)
{
    const char *a = argv[*i];
    if (a[optlen] == '=' && a[1] == '-')
        return a + optlen + 1;
    if (a[optlen] != '\0')
        return a + optlen;
    if (*i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

static int parse_dump(const char *v, Options *o)
{
    static const struct { const char *name; DumpWhat what; } kinds[] = {
        {"ast", DUMP_AST}, {"types", DUMP_TYPES}, {"typed", DUMP_TYPES},
        {"ir", DUMP_IR},   {"c", DUMP_C},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (strcmp(v, kinds[k].name) == 0) {
            o->dump = kinds[k].what;
            return EXIT_OK;
        }
    return usage_error("unknown --dump kind '%s' (expected ast, types, ir or c)",
                       v);
}

static int parse_jobs(const char *v, Options *o)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || n < 1 || n > 1024)
        return usage_error("invalid value for -j: '%s' (expected 1-1024)", v);
    o->jobs = (int)n;
    return EXIT_OK;
}

/* Options that take a value.  Returns -1 when `a` is none of them. */
static int parse_valued(int argc, char **argv, int *i, Options *o)
{
    const char *a = argv[*i], *v;
    if (strncmp(a, "-o", 2) == 0) {
        if (!(v = take_value(argc, argv, i, 2)) || !*v)
            return usage_error("%s: missing directory", "-o");
        o->out_dir = v;
        return EXIT_OK;
    }
    if (strncmp(a, "-j", 2) == 0) {
        if (!(v = take_value(argc, argv, i, 2)))
            return usage_error("%s: missing number", "-j");
        return parse_jobs(v, o);
    }
    if (strcmp(a, "--python") == 0 || strncmp(a, "--python=", 9) == 0) {
        if (!(v = take_value(argc, argv, i, 8)) || !*v)
            return usage_error("%s: missing path", "--python");
        o->python = v;
        return EXIT_OK;
    }
    if (strcmp(a, "--dump") == 0 || strncmp(a, "--dump=", 7) == 0) {
        if (!(v = take_value(argc, argv, i, 6)))
            return usage_error("%s: missing kind", "--dump");
        return parse_dump(v, o);
    }
    return -1;
}

/* Flags without a value.  Returns -1 when `a` is none of them. */
static int parse_flag(const char *a, Options *o)
{
    if (strlen(a) == 3 && a[0] == '-' && a[1] == 'O' && a[2] >= '0' &&
        a[2] <= '3')
        o->opt_level = a[2] - '0';
    else if (strcmp(a, "-g") == 0)
        o->debug = true;
    else if (strcmp(a, "--emit-c") == 0)
        o->emit_c = true;
    else if (strcmp(a, "--check") == 0)
        o->check = true;
    else if (strcmp(a, "--strict") == 0)
        o->strict = true;
    else if (strcmp(a, "--annotate") == 0)
        o->annotate = true;
    else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
        o->action = o->action == ACT_COMPILE ? ACT_HELP : o->action;
    else if (strcmp(a, "--version") == 0)
        o->action = o->action == ACT_COMPILE ? ACT_VERSION : o->action;
    else if (strcmp(a, "--print-runtime-dir") == 0)
        o->action = o->action == ACT_COMPILE ? ACT_RUNTIME_DIR : o->action;
    else
        return -1;
    return EXIT_OK;
}

static int parse_option(int argc, char **argv, int *i, Options *o)
{
    int rc = parse_flag(argv[*i], o);
    if (rc < 0)
        rc = parse_valued(argc, argv, i, o);
    if (rc < 0)
        rc = usage_error("unknown option '%s'", argv[*i]);
    return rc;
}

int options_parse(int argc, char **argv, Options *o)
{
    memset(o, 0, sizeof *o);
    o->opt_level = 3;
    o->python = "python3";
    o->jobs = 1;
    o->inputs = calloc((size_t)argc + 1, sizeof *o->inputs);
    if (!o->inputs)
        return usage_error("%s", "out of memory");
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || a[1] == '\0') {
            o->inputs[o->n_inputs++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_files = true;
        } else {
            int rc = parse_option(argc, argv, &i, o);
            if (rc != EXIT_OK)
                return rc;
        }
    }
    if (o->action == ACT_COMPILE && o->n_inputs == 0)
        return usage_error("%s", "no input files");
    return EXIT_OK;
}
