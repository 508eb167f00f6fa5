#!/usr/bin/env python3
"""End-to-end tests: each tests/e2e/NAME.py runs interpreted and compiled, on
every interpreter found, and the two runs must agree.

For each interpreter PY and test NAME: NAME.py is copied into a temp dir A and
imported from there; build/staticpyc --python PY -o B tests/e2e/NAME.py builds
the extension into B, imported the same way. Both imports run with cwd in a
neutral temp dir, PYTHONHASHSEED=0 and PYTHONDONTWRITEBYTECODE=1. stdout and
the exit code must be identical, and stderr too once the module's directory
is replaced by <DIR>. A documented difference lives in NAME.compiled.out: the
compiled stdout must equal it and differ from the interpreted stdout.
Files named _*.py are helpers, not tests: tests/e2e is on sys.path (after the
module's own dir) in both modes.

A test may start with `# e2e-min-python: 3.10` to be skipped on older ones.

Modules are built at staticpyc's default -O3 for the default interpreter
(python3 on PATH, what staticpyc targets by default) and at -O0 for the
others: the C compiler's time is most of a test's, and -O0 takes a third of
-O3's (-O1 more than half), so every test still runs on every version while
the optimiser's side is tested on the one users get by default
(--full-opt: -O3 for all).  test-asan builds at -O1, the benchmarks at -O3.

    tests/run_e2e.py [--python PATH] [-k SUBSTR] [-j N] [--asan] [--compiler PATH] [--full-opt | --opt=-ON]

--dir DIR (undocumented in --help) runs the tests of another directory, to test this runner.
"""
import argparse
import concurrent.futures
import difflib
import glob
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
E2E_DIR = os.path.join(ROOT, "tests", "e2e")   # --dir changes it (to test the runner)
SUPPORTED = ((3, 9), (3, 13))   # inclusive range of minor versions
TIMEOUT = 300                   # seconds, per compile or run

# -UNDEBUG: keep CPython's header assertions in sanitizer builds
SAN_CFLAGS = ("-fsanitize=address,undefined -fno-omit-frame-pointer "
              "-fno-sanitize-recover=undefined -UNDEBUG")
SAN_LDFLAGS = "-fsanitize=address,undefined"

PROBE = (
    "import json, os, sys, sysconfig\n"
    "inc = sysconfig.get_paths()['include']\n"
    "print(json.dumps({'version': list(sys.version_info[:3]), 'executable': sys.executable,\n"
    "  'headers': os.path.exists(os.path.join(inc, 'Python.h')), 'include': inc,\n"
    "  'ext_suffix': sysconfig.get_config_var('EXT_SUFFIX')}))\n"
)


class Interp:
    def __init__(self, path, info):
        self.path = info["executable"] or path   # the binary itself, not a shim
        self.version = tuple(info["version"])
        self.vstr = ".".join(map(str, self.version))
        self.ext_suffix = info["ext_suffix"]
        self.include = info["include"]


def version_of(path):
    try:
        r = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
        return (r.stdout + r.stderr).strip() or "unknown version"
    except (OSError, subprocess.TimeoutExpired):
        return "does not run"


def probe(path):
    """Returns (Interp, None) or (None, reason it cannot be used)."""
    if not os.path.exists(path):
        other = os.path.join(os.path.dirname(path), "python")
        if os.path.exists(other):
            return None, "not found (only %s, %s)" % (other, version_of(other))
        return None, "not found"
    if not os.access(path, os.X_OK):
        return None, "not executable"
    try:
        r = subprocess.run([path, "-c", PROBE], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, "does not run: %s" % e
    if r.returncode != 0:
        first = (r.stderr.strip().splitlines() or ["?"])[-1]
        return None, "probe failed (old or broken interpreter): %s" % first
    info = json.loads(r.stdout)
    v = tuple(info["version"][:2])
    if not SUPPORTED[0] <= v <= SUPPORTED[1]:
        return None, "version %s is outside %d.%d-%d.%d" % (
            ".".join(map(str, info["version"])), *SUPPORTED[0], *SUPPORTED[1])
    if not info["headers"]:
        return None, "no Python.h in %s (install the -dev package)" % info["include"]
    return Interp(path, info), None


def default_interpreter():
    """The resolved path of the interpreter python3 on PATH runs (through a
    pyenv shim, say): the one staticpyc targets by default."""
    try:
        out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return os.path.realpath(out) if out else ""


def discover(only):
    """Interpreters to test, deduplicated by version + resolved path; prints the choice."""
    if only:
        candidates = [only if os.sep in only else (shutil.which(only) or only)]
    else:
        pyenv = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
        candidates = []
        for d in sorted(glob.glob(os.path.join(pyenv, "versions", "*"))):
            candidates.append(os.path.join(d, "bin", "python3"))
        candidates.append("/usr/bin/python3")
    found, seen = [], set()
    for c in candidates:
        interp, reason = probe(c)
        if interp is None:
            print("interpreter skipped: %s: %s" % (c, reason))
            continue
        key = (interp.version, os.path.realpath(c))
        if key in seen:
            print("interpreter skipped: %s: same as one already listed" % c)
            continue
        seen.add(key)
        found.append(interp)
    found.sort(key=lambda i: (i.version, i.path))
    for i in found:
        print("interpreter: %s (%s)" % (i.path, i.vstr))
    return found


def min_python(src_path):
    with open(src_path, encoding="utf-8") as f:
        for line in f.readlines()[:10]:
            m = re.match(r"#\s*e2e-min-python:\s*(\d+)\.(\d+)", line)
            if m:
                return int(m.group(1)), int(m.group(2))
    return None


def base_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for k in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME"):
        env.pop(k, None)
    # The staticpy package (i64 & co. for interpreted runs); compiled
    # modules must not need it, which the tests also show.
    env["PYTHONPATH"] = os.path.join(ROOT, "python")
    return env


def cc_file(name):
    cc = os.environ.get("CC", "cc")
    r = subprocess.run([cc, "-print-file-name=" + name], capture_output=True, text=True)
    path = r.stdout.strip()
    if r.returncode != 0 or not os.path.isabs(path):
        sys.exit("run_e2e: %s -print-file-name=%s found nothing (sanitizer runtime missing?)" % (cc, name))
    return path


def run_import(py, moddir, name, cwd, env):
    # Helpers (tests/e2e/_*.py, never compiled) come after the module's own dir.
    code = "import sys; sys.path.insert(0, %r); sys.path.append(%r); import %s" % (
        moddir, E2E_DIR, name)
    try:
        r = subprocess.run([py, "-c", code], cwd=cwd, env=env, capture_output=True,
                           text=True, errors="replace", timeout=TIMEOUT)
        return r.stdout, r.stderr, r.returncode
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return out, "TIMEOUT after %ds\n" % TIMEOUT, -999


def asan_selftest(opts, interp):
    """Builds tests/asan/asan_probe.c (a heap overflow at import) with the same
    sanitizer flags and preload, and checks the import dies with a report: an
    --asan run that could not catch anything must not pass."""
    name = "asan-selftest"
    with tempfile.TemporaryDirectory(prefix="spy-asan-probe-") as tmp:
        cc = os.environ.get("CC", "cc")
        out = os.path.join(tmp, "asan_probe" + interp.ext_suffix)
        cmd = ([cc, "-shared", "-fPIC", "-O1"] + SAN_CFLAGS.split() + ["-I" + interp.include,
               os.path.join(ROOT, "tests", "asan", "asan_probe.c"), "-o", out] + SAN_LDFLAGS.split())
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            return "FAIL", name, interp.vstr, "building the probe failed: %s\n%s" % (" ".join(cmd), r.stderr)
        env = base_env()
        env["LD_PRELOAD"] = opts.san_preload
        env["ASAN_OPTIONS"] = "detect_leaks=0"
        _, err, rc = run_import(interp.path, tmp, "asan_probe", tmp, env)
    if rc == 0 or not ("ERROR: AddressSanitizer" in err or "runtime error:" in err):
        return "FAIL", name, interp.vstr, ("the sanitizers did not report the probe's heap overflow "
                                           "(exit %d):\n%s" % (rc, err))
    return "PASS", name, interp.vstr, ""


def diff(a, b, la, lb):
    return "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True), la, lb))


def run_one(opts, interp, name):
    """Returns (status, name, version, detail) with status PASS, FAIL or SKIP."""
    src = os.path.join(E2E_DIR, name + ".py")
    need = min_python(src)
    if need and interp.version[:2] < need:
        return "SKIP", name, interp.vstr, "needs Python >= %d.%d" % need
    tmp = tempfile.mkdtemp(prefix="spy-e2e-%s-" % name)
    try:
        a, b, cwd = (os.path.join(tmp, d) for d in ("interp", "compiled", "cwd"))
        for d in (a, b, cwd):
            os.mkdir(d)
        shutil.copy(src, a)
        env = base_env()
        i_out, i_err, i_rc = run_import(interp.path, a, name, cwd, env)

        cenv = dict(env)
        # The generated C must compile warning-free: -Wall -Wextra -Werror.
        cenv["STATICPYC_WERROR"] = "1"
        if opts.asan:
            cenv["STATICPYC_CFLAGS"] = (cenv.get("STATICPYC_CFLAGS", "") + " " + SAN_CFLAGS).strip()
            cenv["STATICPYC_LDFLAGS"] = (cenv.get("STATICPYC_LDFLAGS", "") + " " + SAN_LDFLAGS).strip()
            cenv["ASAN_OPTIONS"] = "detect_leaks=0"
        cmd = [opts.compiler, "--python", interp.path, "-o", b,
               os.path.relpath(src, ROOT)] + opts.opt_flags.get(interp.path, [])
        try:
            c = subprocess.run(cmd, cwd=ROOT, env=cenv, capture_output=True, text=True,
                               errors="replace", timeout=TIMEOUT)
            c_rc, c_err = c.returncode, c.stdout + c.stderr
        except subprocess.TimeoutExpired:
            c_rc, c_err = -999, "TIMEOUT after %ds\n" % TIMEOUT
        if c_rc != 0:
            return "FAIL", name, interp.vstr, "compile failed (exit %d): %s\n%s" % (
                c_rc, " ".join(cmd), c_err)
        built = os.path.join(b, name + interp.ext_suffix)
        if not os.path.exists(built):
            return "FAIL", name, interp.vstr, "compiler exited 0 but %s does not exist (%s has: %s)" % (
                os.path.basename(built), b, ", ".join(sorted(os.listdir(b))) or "nothing")

        renv = dict(env)
        renv.pop("PYTHONPATH", None)  # compiled modules run without staticpy
        if opts.asan:
            renv["LD_PRELOAD"] = opts.san_preload
            renv["ASAN_OPTIONS"] = "detect_leaks=0"
        c_out, c_err, c_rc = run_import(interp.path, b, name, cwd, renv)

        def norm(s):
            for d in (a, b, E2E_DIR, os.path.relpath(E2E_DIR, ROOT)):
                s = s.replace(d, "<DIR>")
            return s
        i_err, c_err = norm(i_err), norm(c_err)

        problems = []
        expected_path = os.path.join(E2E_DIR, name + ".compiled.out")
        if os.path.exists(expected_path):
            with open(expected_path, encoding="utf-8") as f:
                expected = f.read()
            if c_out != expected:
                problems.append("compiled stdout differs from %s.compiled.out:\n%s" % (
                    name, diff(expected, c_out, name + ".compiled.out", "compiled stdout")))
            if c_out == i_out:
                problems.append("%s.compiled.out documents a difference, but interpreted and "
                                "compiled stdout are identical" % name)
        elif c_out != i_out:
            problems.append("stdout differs:\n" + diff(i_out, c_out, "interpreted stdout", "compiled stdout"))
        if c_rc != i_rc:
            problems.append("exit code differs: interpreted %d, compiled %d" % (i_rc, c_rc))
        if c_err != i_err:
            problems.append("stderr differs:\n" + diff(i_err, c_err, "interpreted stderr", "compiled stderr"))
        if problems:
            return "FAIL", name, interp.vstr, "\n".join(problems)
        return "PASS", name, interp.vstr, ""
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def guarded(opts, interp, name):
    """run_one, with a bug in this runner reported as that test's failure;
    the wall-clock seconds it took come last."""
    start = time.monotonic()
    try:
        result = run_one(opts, interp, name)
    except Exception:  # noqa: BLE001
        import traceback
        result = "FAIL", name, interp.vstr, "runner error:\n" + traceback.format_exc()
    return result + (time.monotonic() - start,)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", help="test only this interpreter")
    ap.add_argument("-k", dest="substr", default="", help="only tests whose name contains SUBSTR")
    ap.add_argument("-j", dest="jobs", type=int, default=2, help="parallel jobs (default 2)")
    ap.add_argument("--asan", action="store_true",
                    help="build modules with ASan+UBSan (default interpreter only); "
                         "uses build/asan/staticpyc when it exists")
    ap.add_argument("--compiler", help="staticpyc binary (default build/staticpyc)")
    ap.add_argument("--full-opt", action="store_true",
                    help="build for every interpreter at -O3 (default: the default "
                         "interpreter at -O3, the others at -O0)")
    ap.add_argument("--opt", choices=["-O0", "-O1", "-O2", "-O3"],
                    help="build for every interpreter at this level")
    ap.add_argument("--dir", help=argparse.SUPPRESS)
    opts = ap.parse_args()
    if opts.dir:
        global E2E_DIR
        E2E_DIR = os.path.abspath(opts.dir)

    if opts.compiler is None:
        asan_bin = os.path.join(ROOT, "build", "asan", "staticpyc")
        opts.compiler = asan_bin if opts.asan and os.path.exists(asan_bin) else os.path.join(ROOT, "build", "staticpyc")
    opts.compiler = os.path.abspath(opts.compiler)
    print("compiler: %s%s" % (opts.compiler, " (ASan+UBSan modules)" if opts.asan else ""))
    if opts.asan:
        opts.san_preload = "%s:%s" % (cc_file("libasan.so"), cc_file("libubsan.so"))
        if not opts.python:
            opts.python = "python3"   # the default interpreter, as staticpyc's

    interps = discover(opts.python)
    tests = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(E2E_DIR, "*.py")))
    tests = [t for t in tests if not t.startswith("_")]
    tests = [t for t in tests if opts.substr in t]
    if not interps:
        print("no usable interpreter")
        print("0 passed, 1 failed")
        return 1
    if not os.path.exists(opts.compiler):
        print("[FAIL] %s does not exist (run make)" % opts.compiler)
        print("0 passed, 1 failed")
        return 1
    default = default_interpreter()
    if not any(os.path.realpath(i.path) == default for i in interps):
        default = os.path.realpath(interps[-1].path)   # then the newest is built at -O3
    opts.opt_flags = {}
    for i in interps:
        if opts.opt:
            opts.opt_flags[i.path] = [opts.opt]
        elif not opts.full_opt and os.path.realpath(i.path) != default:
            opts.opt_flags[i.path] = ["-O0"]
    print("optimisation: " + ", ".join("%s %s" % (i.vstr, (opts.opt_flags.get(i.path) or ["-O3"])[0])
                                       for i in interps))
    print("%d tests x %d interpreters, %d jobs" % (len(tests), len(interps), opts.jobs))

    jobs = [(i, t) for i in interps for t in tests]
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    failed = []
    times = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        results = pool.map(lambda job: guarded(opts, *job), jobs)
        if opts.asan:
            results = itertools.chain([asan_selftest(opts, interps[0]) + (0.0,)], results)
        for status, name, ver, detail, secs in results:
            counts[status] += 1
            times.append((secs, name, ver))
            line = "[%s] %s (%s)" % (status, name, ver)
            if status != "SKIP":
                line += " %.1fs" % secs
            if status == "SKIP":
                line += ": " + detail
            print(line, flush=True)
            if status == "FAIL":
                failed.append("%s (%s)" % (name, ver))
                print("    " + detail.rstrip().replace("\n", "\n    "), flush=True)
    times.sort(reverse=True)
    if len(times) > 10:
        print("slowest: " + ", ".join("%s (%s) %.1fs" % (n, v, t) for t, n, v in times[:8]))
    if failed:
        print("failed: " + ", ".join(failed))
    summary = "%d passed, %d failed" % (counts["PASS"], counts["FAIL"])
    if counts["SKIP"]:
        summary += ", %d skipped" % counts["SKIP"]
    print(summary)
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
