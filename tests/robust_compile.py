"""Robustness: the whole compiler (parse, check, lower, C generation) run on
real Python it was not written for never crashes.

Every .py of the target interpreter's standard library (a fixed subset of
packages) and every e2e/bench/sample program goes through
`staticpyc --emit-c`; each must exit 0 (compiled) or 1 (diagnostics), never
a signal or an internal error.  Prints a line per failure and ends with
`N passed, N failed`.
"""
import glob
import os
import subprocess
import sys
import sysconfig
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
