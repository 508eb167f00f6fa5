#!/usr/bin/env python3
"""`make demo`: compiles samples/demo.py with build/staticpyc, then runs
demo.main(N) interpreted (the .py copied to one temp dir) and compiled (the
extension built into another), each in its own process, three times each.
Checks both give the same result and prints the median times and speed-up.

    tools/demo.py [-n N] [--compiler PATH]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "samples", "demo.py")
REPEAT = 3

# Runs in a child: import demo from one dir, time main(n) REPEAT times.
CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import demo
n, times, result = int(sys.argv[2]), [], None
for _ in range(int(sys.argv[3])):
    t = time.perf_counter()
    result = demo.main(n)
    times.append(time.perf_counter() - t)
print(json.dumps({"result": result, "times": times, "file": demo.__file__}))
"""


def run_side(moddir, n):
    r = subprocess.run([sys.executable, "-c", CHILD, moddir, str(n), str(REPEAT)],
                       cwd=moddir, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("demo: running demo.main(%d) from %s failed:\n%s" % (n, moddir, r.stderr))
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=400000, help="argument of demo.main (default 400000)")
    ap.add_argument("--compiler", default=os.path.join(ROOT, "build", "staticpyc"))
    opts = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="spy-demo-") as tmp:
        interp_dir, comp_dir = os.path.join(tmp, "interpreted"), os.path.join(tmp, "compiled")
        os.mkdir(interp_dir)
        os.mkdir(comp_dir)
        shutil.copy(SAMPLE, interp_dir)
        cmd = [opts.compiler, "--python", sys.executable, "-o", comp_dir,
               os.path.relpath(SAMPLE, ROOT)]
        print("$ " + " ".join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd))
        t = time.perf_counter()
        r = subprocess.run(cmd, cwd=ROOT)
        compile_time = time.perf_counter() - t
        if r.returncode != 0:
            sys.exit("demo: staticpyc failed (exit %d)" % r.returncode)
        print("compiled in %.2f s" % compile_time)

        print("running demo.main(%d), %d times each, on Python %s ..."
              % (opts.n, REPEAT, sys.version.split()[0]), flush=True)
        interp = run_side(interp_dir, opts.n)
        comp = run_side(comp_dir, opts.n)
    if not comp["file"].endswith(".so") and not comp["file"].endswith(".pyd"):
        sys.exit("demo: the compiled side imported %s, not an extension module" % comp["file"])
    if interp["result"] != comp["result"]:
        sys.exit("demo: results differ: interpreted %r, compiled %r" % (interp["result"], comp["result"]))
    ti, tc = statistics.median(interp["times"]), statistics.median(comp["times"])
    print("result: %r (same in both)" % comp["result"])
    print("interpreted: %.2f s  compiled: %.2f s  speed-up: %.1fx" % (ti, tc, ti / tc if tc > 0 else float("inf")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
