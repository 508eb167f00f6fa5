#!/usr/bin/env python3
"""Random differential test of the plain-value copies of loops and
recursive functions (emit/lower_version.c).

Generates, with a fixed seed, modules of small functions whose loops mix
int, bool, native-array, str-indexing and character statements (and read
a module global int rebound between calls) with ints that leave the small
range, indexes out of range and divisions by zero, so that the int64_t copy
hands over to the general loop at random statements.  Each module is run
interpreted and compiled; the outputs (values, exceptions and the state
they leave) must be identical.  Recursive functions whose results grow
past 64 bits exercise the function copy the same way.

usage: tests/fuzz_loops.py [--compiler C] [--python P] [--seed S] [--modules N] [-j N] [--asan]
Prints [FAIL] lines for failures only, then `N passed, N failed`; a failing
module is kept in a directory named in the [FAIL] line.
"""
import argparse
import concurrent.futures
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from run_e2e import SAN_CFLAGS, SAN_LDFLAGS, cc_file  # noqa: E402
INT_VARS = ["x", "y", "z"]
BIG = ["2**40", "2**61", "(2**62 - 1)", "(-(2**62))", "2**63", "3"]


class Gen:
    def __init__(self, rnd):
        self.r = rnd

    def leaf(self, loop_var):
        r = self.r.random()
        if r < 0.35:
            return self.r.choice(INT_VARS + [loop_var])
        if r < 0.43:
            return "xs[%s]" % self.index(loop_var)
        if r < 0.48:
            return "ys[%s]" % self.index(loop_var)
        if r < 0.53:
            return "h%d(%s, %s)" % (self.r.randint(0, 2), self.leaf(loop_var), self.leaf(loop_var))
        if r < 0.57:
            f = self.r.choice(["abs(%s)", "min(%s, %s)", "max(%s, %s)"])
            return f % tuple(self.leaf(loop_var) for _ in range(f.count("%s")))
        if r < 0.59:
            return "len(xs)"
        if r < 0.64:
            return self.r.choice(["G", "len(text)"])
        if r < 0.68:
            return "ord(%s)" % self.char(loop_var)
        if r < 0.82:
            return str(self.r.randint(-9, 9))
        return self.r.choice(BIG)

    def expr(self, loop_var, depth=0):
        if depth > 1 or self.r.random() < 0.35:
            return self.leaf(loop_var)
        op = self.r.choice(["+", "-", "+", "-", "*", "//", "%", "&", "^", ">>"])
        a = self.expr(loop_var, depth + 1)
        if op == "*":   # bounded growth: one side a small literal
            b = str(self.r.randint(-40, 40))
        elif op == ">>":
            b = str(self.r.randint(0, 5))
        else:
            b = self.expr(loop_var, depth + 1)
        return "(%s %s %s)" % (a, op, b)

    def index(self, loop_var):
        return self.r.choice([loop_var, "%s %% 8" % loop_var, "x % 9", "-1", "y & 7",
                              "%s - 4" % loop_var, "z % 8"])

    def char(self, loop_var):
        return self.r.choice(["c", "text[%s]" % self.index(loop_var)])

    def cond(self, loop_var):
        r = self.r.random()
        if r < 0.2:
            return "fs[%s]" % self.index(loop_var)
        if r < 0.27:
            return "%s %s %s" % (self.char(loop_var), self.r.choice(["==", "!=", "<", ">="]),
                                 self.r.choice(['"a"', '"€"', "c", '"z"']))
        if r < 0.3:
            return "%s %s \"ab€\"" % (self.char(loop_var), self.r.choice(["in", "not in"]))
        if r < 0.33:
            return "%s <= %s < %s" % (self.expr(loop_var), self.expr(loop_var), self.expr(loop_var))
        c = "%s %s %s" % (self.expr(loop_var), self.r.choice(["<", "<=", "==", "!=", ">", ">="]),
                          self.expr(loop_var))
        if r < 0.35:
            c = "%s %s %s" % (c, self.r.choice(["and", "or"]), self.cond(loop_var))
        if r > 0.9:
            c = "not (%s)" % c
        return c

    def stmts(self, loop_var, indent, n, depth=0):
        out = []
        for _ in range(n):
            r = self.r.random()
            pad = " " * indent
            if r < 0.3:
                out.append("%s%s = %s" % (pad, self.r.choice(INT_VARS), self.expr(loop_var)))
            elif r < 0.5:
                out.append("%s%s %s= %s" % (pad, self.r.choice(INT_VARS), self.r.choice("+-"),
                                            self.expr(loop_var)))
            elif r < 0.62:
                out.append("%sxs[%s] = %s" % (pad, self.index(loop_var), self.expr(loop_var)))
            elif r < 0.68:
                out.append("%sxs[%s] += %s" % (pad, self.index(loop_var), self.expr(loop_var)))
            elif r < 0.74:
                out.append("%sfs[%s] = %s" % (pad, self.index(loop_var), self.cond(loop_var)))
            elif r < 0.78:
                out.append("%sc = %s" % (pad, self.char(loop_var)))
            elif r < 0.9 and depth < 2:
                out.append("%sif %s:" % (pad, self.cond(loop_var)))
                out += self.stmts(loop_var, indent + 4, self.r.randint(1, 3), depth + 1)
                if self.r.random() < 0.5:
                    out.append("%selse:" % pad)
                    out += self.stmts(loop_var, indent + 4, self.r.randint(1, 2), depth + 1)
            elif r < 0.95:
                out.append("%sif %s:" % (pad, self.cond(loop_var)))
                out.append("%s    %s" % (pad, self.r.choice(["break", "continue"])))
            else:
                out.append("%sflag = %s" % (pad, self.cond(loop_var)))
        return out

    def loop_function(self, k):
        lines = ["def f%d(x: int, y: int, z: int, ys: list[int], text: str) -> str:" % k,
                 "    c = \"?\"",
                 "    xs: list[int] = [0] * 8",
                 "    fs: list[bool] = [False] * 8",
                 "    flag = False",
                 "    i = 0"]
        steps = self.r.randint(3, 12)
        form = self.r.random()
        if form < 0.1:
            lines.append("    try:")
            lines.append("        for c in text:")
            lines.append("            i += 1")
            lines += self.stmts("i", 12, self.r.randint(2, 6))
        elif form < 0.25:
            seq = self.r.choice(["ys", "xs"])
            lines.append("    try:")
            lines.append("        for w in %s:" % seq)
            lines.append("            i += 1")
            lines += self.stmts("w", 12, self.r.randint(2, 6))
        elif form < 0.6:
            lines.append("    try:")
            lines.append("        while i < %d:" % steps)
            lines.append("            i += 1")
            lines += self.stmts("i", 12, self.r.randint(2, 6))
        else:
            lines.append("    try:")
            lines.append("        for i in range(%d):" % steps)
            lines += self.stmts("i", 12, self.r.randint(2, 6))
        lines += ["    except Exception as e:",
                  "        err = type(e).__name__",
                  "    else:",
                  "        err = 'ok'",
                  "    s = 0",
                  "    for v in xs:",
                  "        s = s * 7 + v",
                  "    t = 0",
                  "    for b in fs:",
                  "        t = t * 2 + int(b)",
                  "    return f'{err} {x} {y} {z} {i} {flag} {s} {t} {c}'",
                  ""]
        return lines

    def spec_function(self, k):
        ops = self.r.choice(["a + b", "a * 3 + b", "a - b * 2", "(a + b) % 1000003",
                             "a // 3 + b", "a * 2 - b"])
        return ["def g%d(n: int, a: int, b: int) -> int:" % k,
                "    if n <= 0:",
                "        return a - b",
                "    if n %% %d == 0:" % self.r.randint(2, 5),
                "        return g%d(n - 1, b, %s)" % (k, ops),
                "    return g%d(n - 1, %s, a)" % (k, ops),
                ""]


# (no bool: a bool read into an int variable prints as an int compiled, a
# documented difference, guide.md)
YS = "[3, -1, 2**61, 7, 0, -(2**61), 5, 2**70]"
ARGS = ["(1, 2, 3, %s, 'abcdefghijk')" % YS, "(-5, 7, 0, [1] * 9, 'a€b😀c')",
        "(2**61, 2**62 - 3, -(2**62), [], '')", "(2**70, 3, 9, %s, 'zz€')" % YS,
        "(0, 0, 0, [0, 1, 2, 3, 4, 5, 6, 7, 8], '0123456789')", "(9, -9, 4, [9], 'a')"]
# the module global G the loops read (not Final), rebound between calls
G_VALUES = ["5", "-3", "2**62", "7"]
# pure functions the loops call: their copies give up on big ints, on a
# division by zero and past 62 bits
HELPERS = """
def h0(a: int, b: int) -> int:
    return a * 3 - b


def h1(a: int, b: int = 2) -> int:
    if a > b:
        return a // b
    return b % (a - 1)


def h2(a: int, b: int) -> int:
    return (a << 2) ^ b
"""
SPEC_ARGS = ["(5, 1, 2)", "(40, 3, 1)", "(70, 2**30, 7)", "(12, 2**61, 2**61)", "(3, 2**80, 1)"]


def module(rnd, n_loops, n_specs):
    g = Gen(rnd)
    lines = ["# generated by tests/fuzz_loops.py", "G = 5", HELPERS, ""]
    calls = []
    for k in range(n_loops):
        lines += g.loop_function(k)
        for j, a in enumerate(ARGS):
            calls += ["G = %s" % G_VALUES[j % len(G_VALUES)], "print(%d, f%d%s)" % (k, k, a)]
    for k in range(n_specs):
        lines += g.spec_function(k)
        calls += ["print('g', %d, g%d%s)" % (k, k, a) for a in SPEC_ARGS]
    return "\n".join(lines + calls) + "\n"


def run(cmd, cwd, env=None):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


def envs(asan):
    """Environments of the compiler and of the compiled run: the generated C
    must compile warning-free; under --asan, sanitized."""
    comp, runs = dict(os.environ, STATICPYC_WERROR="1"), dict(os.environ)
    if asan:
        comp["STATICPYC_CFLAGS"] = (comp.get("STATICPYC_CFLAGS", "") + " " + SAN_CFLAGS).strip()
        comp["STATICPYC_LDFLAGS"] = (comp.get("STATICPYC_LDFLAGS", "") + " " + SAN_LDFLAGS).strip()
        runs["LD_PRELOAD"] = "%s:%s" % (cc_file("libasan.so"), cc_file("libubsan.so"))
        comp["ASAN_OPTIONS"] = runs["ASAN_OPTIONS"] = "detect_leaks=0"
    return comp, runs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--compiler", default=os.path.join(ROOT, "build", "staticpyc"))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--modules", type=int, default=4)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--asan", action="store_true",
                    help="build the modules with ASan+UBSan (make test-asan)")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    sources = [module(rnd, 25, 6) for _ in range(args.modules)]
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda m: check(args, m, sources[m]), range(args.modules)))
    failed = 0
    for m, (why, d) in enumerate(results):
        if why:
            failed += 1
            print("[FAIL] module %d (seed %d), kept in %s: %s" % (m, args.seed, d, why))
    print("%d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


def check(args, m, src):
    """(None, dir) when module m behaves the same compiled, else (why, dir)."""
    d = tempfile.mkdtemp(prefix="staticpyc-fuzzloops-")
    name = "loops%d" % m
    with open(os.path.join(d, name + ".py"), "w") as f:
        f.write(src)
    want = run([args.python, "-c", "import runpy; runpy.run_path('%s.py')" % name], d)
    # -O1: gcc at -O3 takes minutes on modules this size; the C is the same
    cenv, renv = envs(args.asan)
    comp = run([args.compiler, "-O1", "--python", args.python, name + ".py"], d, cenv)
    got = run([args.python, "-c", "import %s" % name], d, renv) if comp.returncode == 0 else None
    why = None
    if want.returncode != 0:
        why = "the interpreter failed: " + want.stderr[-500:]
    elif comp.returncode != 0:
        why = "compile failed (or the C warned): " + comp.stderr[-2000:]
    elif got.returncode != 0 or got.stdout != want.stdout:
        a, b = want.stdout.splitlines(), got.stdout.splitlines()
        diff = [(x, y) for x, y in zip(a, b) if x != y][:3]
        why = "outputs differ (exit %d): %s %s" % (got.returncode, diff, got.stderr[-500:])
    if not why:
        shutil.rmtree(d)
    return why, d


if __name__ == "__main__":
    sys.exit(main())
