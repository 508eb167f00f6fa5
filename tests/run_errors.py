#!/usr/bin/env python3
"""Diagnostic tests: build/staticpyc --check tests/errors/NAME.py, run from the
repo root, must print exactly tests/errors/NAME.err on stderr and exit 1 (or
the code in NAME.exit). UPDATE=1 rewrites the .err files from the output.

Usage errors are cases of their own here: a missing input file and an
unwritable -o directory must each give a one-line error and exit 2.

    tests/run_errors.py [-k SUBSTR] [--compiler PATH]
"""
import argparse
import difflib
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ERR_DIR = os.path.join(ROOT, "tests", "errors")
TIMEOUT = 60
VALID_MODULE = "def inc(x: int) -> int:\n    return x + 1\n"


def run(cmd):
    try:
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, errors="replace",
                           timeout=TIMEOUT)
        return r.stdout, r.stderr, r.returncode
    except subprocess.TimeoutExpired:
        return "", "TIMEOUT after %ds\n" % TIMEOUT, -999


def diag_case(compiler, name, update):
    """Returns (status, detail) for tests/errors/NAME.py."""
    src = os.path.relpath(os.path.join(ERR_DIR, name + ".py"), ROOT)
    err_path = os.path.join(ERR_DIR, name + ".err")
    exit_path = os.path.join(ERR_DIR, name + ".exit")
    want_rc = 1
    if os.path.exists(exit_path):
        with open(exit_path) as f:
            want_rc = int(f.read().strip())
    # A first line "# staticpyc-args: --strict" adds options.
    extra = []
    with open(os.path.join(ROOT, src), encoding="utf-8", errors="replace") as f:
        first = f.readline()
    if first.startswith("# staticpyc-args:"):
        extra = first.split(":", 1)[1].split()
    out, err, rc = run([compiler, "--check"] + extra + [src])
    if update:
        with open(err_path, "w", encoding="utf-8") as f:
            f.write(err)
    problems = []
    if not os.path.exists(err_path):
        problems.append("%s.err is missing (UPDATE=1 writes it); stderr was:\n%s" % (name, err))
    else:
        with open(err_path, encoding="utf-8") as f:
            want = f.read()
        if err != want:
            problems.append("stderr differs from %s.err:\n%s" % (name, "".join(difflib.unified_diff(
                want.splitlines(True), err.splitlines(True), name + ".err", "stderr"))))
    if rc != want_rc:
        problems.append("exit code %d, expected %d" % (rc, want_rc))
    if out:
        problems.append("unexpected stdout:\n" + out)
    return ("FAIL", "\n".join(problems)) if problems else ("PASS", "")


def usage_case(compiler, make_cmd):
    """A usage error: exit 2, exactly one non-empty line on stderr, nothing written."""
    with tempfile.TemporaryDirectory(prefix="spy-errors-") as tmp:
        cmd = make_cmd(tmp)
        out, err, rc = run(cmd)
        problems = []
        if rc != 2:
            problems.append("exit code %d, expected 2" % rc)
        lines = err.splitlines()
        if len(lines) != 1 or not lines[0].strip():
            problems.append("expected a one-line error on stderr, got %d lines:\n%s" % (len(lines), err))
        leftovers = [f for f in os.listdir(tmp) if f.endswith(".so")]
        if leftovers:
            problems.append("wrote output anyway: " + ", ".join(leftovers))
        detail = "$ " + " ".join(cmd) + "\n" + "\n".join(problems)
        return ("FAIL", detail) if problems else ("PASS", "")


def missing_input(tmp):
    return [COMPILER, os.path.join(tmp, "no_such_module.py")]


def unwritable_outdir(tmp):
    src = os.path.join(tmp, "valid.py")
    with open(src, "w") as f:
        f.write(VALID_MODULE)
    if os.geteuid() == 0:
        # root writes through permission bits: use a path under a regular
        # file, which no one can create or write into.
        blocker = os.path.join(tmp, "plain-file")
        open(blocker, "w").close()
        outdir = os.path.join(blocker, "out")
    else:
        outdir = os.path.join(tmp, "readonly")
        os.mkdir(outdir, 0o555)
    return [COMPILER, "-o", outdir, src]


def annotate_case(compiler):
    """--annotate writes DIR/<mod>.html beside the C: the source lines, each
    with its C, and the legend; exit 0 and no diagnostics."""
    with tempfile.TemporaryDirectory(prefix="spy-annotate-") as tmp:
        src = os.path.join(tmp, "valid.py")
        with open(src, "w") as f:
            f.write(VALID_MODULE + "def dyn(o):\n    return o.x\n")
        cmd = [compiler, "--annotate", "--emit-c", "-o", tmp, src]
        out, err, rc = run(cmd)
        problems = []
        if rc != 0 or err or out:
            problems.append("exit %d, stdout %r, stderr %r" % (rc, out, err))
        page = os.path.join(tmp, "valid.html")
        text = open(page).read() if os.path.exists(page) else ""
        for want in ("<!DOCTYPE html>", "    return x + 1</summary>", "PyObject_GetAttr(",
                     "<b>3</b> native, <b>1</b> using"):
            if want not in text:
                problems.append("valid.html lacks %r" % want)
        detail = "$ " + " ".join(cmd) + "\n" + "\n".join(problems)
        return ("FAIL", detail) if problems else ("PASS", "")


USAGE_CASES = [("usage/missing_input", missing_input),
               ("usage/unwritable_outdir", unwritable_outdir)]
COMPILER = None


def main():
    global COMPILER, ERR_DIR
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-k", dest="substr", default="", help="only cases whose name contains SUBSTR")
    ap.add_argument("--compiler", default=os.path.join(ROOT, "build", "staticpyc"))
    ap.add_argument("--dir", help=argparse.SUPPRESS)   # another cases dir, to test this runner
    opts = ap.parse_args()
    if opts.dir:
        ERR_DIR = os.path.abspath(opts.dir)
    COMPILER = os.path.abspath(opts.compiler)
    update = os.environ.get("UPDATE") == "1"
    if not os.path.exists(COMPILER):
        print("[FAIL] %s does not exist (run make)" % COMPILER)
        print("0 passed, 1 failed")
        return 1

    names = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(ERR_DIR, "*.py")))
    cases = [(n, lambda n=n: diag_case(COMPILER, n, update)) for n in names]
    cases += [(n, lambda f=f: usage_case(COMPILER, f)) for n, f in USAGE_CASES]
    cases.append(("cli/annotate", lambda: annotate_case(COMPILER)))
    passed = failed = 0
    for name, fn in cases:
        if opts.substr not in name:
            continue
        status, detail = fn()
        print("[%s] %s" % (status, name), flush=True)
        if status == "PASS":
            passed += 1
        else:
            failed += 1
            print("    " + detail.rstrip().replace("\n", "\n    "), flush=True)
    if update:
        print("UPDATE=1: .err files rewritten, review with git diff tests/errors")
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
