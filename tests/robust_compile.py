"""Robustness: the whole compiler (parse, check, lower, C generation) run on
real Python it was not written for never crashes.

Every .py of the target interpreter's standard library (a fixed subset of
packages) and every e2e/bench/sample program goes through
`staticpyc --emit-c`; each must exit 0 (compiled) or 1 (diagnostics), never
a signal or an internal error.  Then generated programs that are large in
the ways that once made the compiler's time or memory blow up (a function
of thousands of branches; a recursive type alias) must compile within
SCALE_SECONDS and SCALE_MEMORY.  Prints a line per failure and ends with
`N passed, N failed`.
"""
import glob
import os
import resource
import subprocess
import sys
import sysconfig
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCALE_SECONDS = 30
SCALE_MEMORY = 1 << 30   # address space, bytes (the branches took 2.3 GB before, 250 MB now)


def branches(n):
    """One function of n `if`s, each assigning an Optional and testing it:
    thousands of blocks and temporaries (the refcount pass's liveness sets
    were a byte per block and temporary)."""
    lines = ["from typing import Optional", "", "", "def big(n: int) -> int:",
             "    t = 0", "    x: Optional[int] = None"]
    for i in range(n):
        lines += ["    if n > %d:" % i, "        x = n + %d" % i,
                  "    if x is not None:", "        t += x"]
    return "\n".join(lines + ["    return t", ""])


def scaling(compiler, out):
    """(name, failure or None) per generated program."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (SCALE_MEMORY, SCALE_MEMORY))
    big = os.path.join(out, "branches_3000.py")
    with open(big, "w") as f:
        f.write(branches(3000))
    # a recursive type alias, which was once expanded into an exponentially large type
    alias = os.path.join(ROOT, "tests", "e2e", "isinstance_containers.py")
    for name, path in (("branches_3000", big), ("recursive_alias", alias)):
        try:
            p = subprocess.run([compiler, "--emit-c", "-o", out, path], capture_output=True,
                               text=True, timeout=SCALE_SECONDS, preexec_fn=limit)
            bad = None if p.returncode == 0 else "exit %d %s" % (
                p.returncode, p.stderr.strip().splitlines()[-1:])
        except subprocess.TimeoutExpired:
            bad = "over %d s" % SCALE_SECONDS
        yield name, bad


def inputs():
    stdlib = sysconfig.get_paths()["stdlib"]
    files = sorted(glob.glob(os.path.join(stdlib, "*.py")))
    for pkg in ("json", "email", "importlib", "asyncio", "collections", "unittest"):
        files += sorted(glob.glob(os.path.join(stdlib, pkg, "*.py")))
    for d in ("tests/e2e", "bench/programs", "samples", "tests/errors"):
        files += sorted(glob.glob(os.path.join(ROOT, d, "*.py")))
    return files


def main():
    compiler = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "staticpyc")
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="spy-robust-") as out:
        for f in inputs():
            try:
                p = subprocess.run([compiler, "--emit-c", "-o", out, f], capture_output=True,
                                   text=True, timeout=60)
                rc, err = p.returncode, p.stderr
            except subprocess.TimeoutExpired:
                rc, err = "timeout", ""
            bad = rc not in (0, 1, 2) or "internal error at " in err
            if bad:
                failed += 1
                print("[FAIL] %s: exit %s %s" % (f, rc, err.strip().splitlines()[-1:] if err else ""))
            else:
                passed += 1
        for name, bad in scaling(compiler, out):
            if bad:
                failed += 1
                print("[FAIL] scaling/%s: %s (limits: %d s, %d MB)" % (
                    name, bad, SCALE_SECONDS, SCALE_MEMORY >> 20))
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
