/*
 * paths.c — file names for the driver: a module's name from its path, where
 * its outputs go, and the up-front checks that inputs are readable and
 * output directories writable (so such problems are usage errors, exit 2,
 * reported before anything is compiled).
 * Entry points: path_module_name, path_output_dir, path_join,
 * path_check_readable, path_check_writable_dir, path_has_py_suffix,
 * path_module_name_ok.
 */
#define _POSIX_C_SOURCE 200809L

#include "driver/driver.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool path_has_py_suffix(const char *path)
{
    size_t n = strlen(path);
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    /* ".py" alone has no module name. */
    return n > 3 && strcmp(path + n - 3, ".py") == 0 && strlen(base) > 3;
}

/* The name becomes PyInit_<name>, so it must be an ASCII identifier. */
bool path_module_name_ok(const char *py_path)
{
    const char *slash = strrchr(py_path, '/');
    const char *base = slash ? slash + 1 : py_path;
    size_t n = strlen(base) - 3; /* callers checked the .py suffix */
    if (n == 0 || (base[0] >= '0' && base[0] <= '9'))
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = base[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

const char *path_module_name(Arena *a, const char *py_path)
{
    const char *slash = strrchr(py_path, '/');
    const char *base = slash ? slash + 1 : py_path;
    size_t n = strlen(base);
    if (n > 3 && strcmp(base + n - 3, ".py") == 0)
        n -= 3;
    return arena_strndup(a, base, n);
}

const char *path_output_dir(Arena *a, const Options *o, const char *py_path)
{
    if (o->out_dir)
        return o->out_dir;
    const char *slash = strrchr(py_path, '/');
    if (!slash)
        return ".";
    if (slash == py_path)
        return "/";
    return arena_strndup(a, py_path, (size_t)(slash - py_path));
}

const char *path_join(Arena *a, const char *dir, const char *name)
{
    if (strcmp(dir, ".") == 0)
        return arena_strdup(a, name);
    size_t n = strlen(dir);
    bool has_slash = n > 0 && dir[n - 1] == '/';
    return arena_printf(a, "%s%s%s", dir, has_slash ? "" : "/", name);
}

int path_check_readable(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    struct stat st;
    int rc = fstat(fd, &st);
    int err = errno;
    close(fd);
    if (rc < 0) {
        errno = err;
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return -1;
    }
    return 0;
}

/* access(W_OK) is not enough: root passes it on a chmod 555 directory and
 * on /proc, so also create (and remove) a probe file. */
int path_check_writable_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) < 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    if (access(dir, W_OK | X_OK) < 0)
        return -1;
    size_t n = strlen(dir) + 32;
    char *probe = malloc(n);
    if (!probe)
        return -1;
    snprintf(probe, n, "%s/.staticpyc-probe-XXXXXX", dir);
    int fd = mkstemp(probe);
    /* The directory exists, so ENOENT here (as /proc gives) means "no". */
    int err = fd < 0 && errno == ENOENT ? EACCES : errno;
    if (fd >= 0) {
        close(fd);
        unlink(probe);
    }
    free(probe);
    errno = err;
    return fd < 0 ? -1 : 0;
}
