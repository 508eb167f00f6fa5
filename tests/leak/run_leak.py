#!/usr/bin/env python3
"""Reference-leak check: compiles tests/leak/leakmod.py for this interpreter,
imports it, and calls each function CALLS times after a warm-up; the number of
allocated memory blocks (sys.getallocatedblocks()) must not grow by more than
SLACK. A leak of one object per call shows as thousands of blocks. Calls that
raise (inside the function, or TypeError for wrong argument types at the
boundary) are checked the same way, caught here.

    tests/leak/run_leak.py [-k SUBSTR] [--compiler PATH] [-n CALLS]
"""
import argparse
import gc
import importlib.util
import os
import subprocess
import sys
import sysconfig
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CALLS = 20000
WARMUP = 2000
# blocks: the interpreter's own caches and free lists may keep up to a
# hundred more after the warm-up (seen with dataclass reprs, bounded over
# 200000 calls); a leak of one block in a hundred calls still shows.
SLACK = 160

# (label, function name, args, kwargs, exception expected from the compiled call or None)
CASES = [
    ("add small", "add", (3, 4), {}, None),
    ("fast_trees small", "fast_trees", (3, 4), {}, None),
    ("untracked instances, small ints", "atoms", (5, 7), {}, None),
    ("untracked instances, boxed ints", "atoms", (5, 1 << 70), {}, None),
    ("int64 index beyond the tagged range", "huge_index_case", ((1 << 62) + 5,), {}, None),
    ("fast_trees big", "fast_trees", (1 << 62, 3 ** 50), {}, None),
    ("fast_trees edge", "fast_trees", ((1 << 62) - 1, -(1 << 62)), {}, None),
    ("add big", "add", (1 << 62, 1 << 62), {}, None),
    ("list[int] stores, boxed", "int_stores", (5, 1 << 70), {}, None),
    ("list[int] stores, small", "int_stores", (5, 7), {}, None),
    ("owned temps small", "owned_temps", (3, 5, 2), {}, None),
    ("owned temps big", "owned_temps", (1 << 70, 3 ** 45, 7), {}, None),
    ("owned temps big, zero divisor", "owned_temps", (1 << 70, 3 ** 45, 0), {}, ZeroDivisionError),
    ("owned shift big, negative count", "owned_shift", (1 << 70, -1), {}, ValueError),
    ("big_mix", "big_mix", (5, 40), {}, None),
    ("fib_pair", "fib_pair", (120,), {}, None),
    ("floats", "floats", (1.5, 30), {}, None),
    ("flags", "flags", (True, False, 5), {}, None),
    ("concat", "concat", ("ab", 20), {}, None),
    ("conversions", "conversions", (9,), {}, None),
    ("scaled defaults", "scaled", (4,), {}, None),
    ("scaled keywords", "scaled", (), {"b": 1, "a": 2, "scale": 0.25, "neg": True}, None),
    ("uses_keywords", "uses_keywords", (8,), {}, None),
    ("nothing", "nothing", (3,), {}, None),
    ("divide ok", "divide", (3, 7), {}, None),
    ("divide by zero", "divide", (3, 0), {}, ZeroDivisionError),
    ("parse ok", "parse", ("123",), {}, None),
    ("parse bad", "parse", ("nope",), {}, ValueError),
    ("nested raise", "nested", (2, 5), {}, ZeroDivisionError),
    ("TypeError str for int", "add", ("x", 1), {}, TypeError),
    ("TypeError int for str", "concat", (5, 2), {}, TypeError),
    ("TypeError str for float", "floats", ("1.5", 3), {}, TypeError),
    ("TypeError kw-only str", "scaled", (1,), {"scale": "big"}, TypeError),
    ("TypeError too many args", "scaled", (1, 2, 3), {}, TypeError),
    ("TypeError unknown keyword", "scaled", (1,), {"bogus": 2}, TypeError),
    ("TypeError missing arg", "add", (1,), {}, TypeError),
    ("any stops in nested loop", "any_nested", ([[1, 2, 3], [4, 5, 6]], 20), {}, None),
    ("any runs out", "any_nested", ([[1, 2], [3]], 1000), {}, None),
    ("all raises mid-way", "all_raising", ([5, 2, 0, 1],), {}, ZeroDivisionError),
    ("genexp into sum and join", "genexp_sum", (["ab", "cde"],), {}, None),
    ("lambdas made per call", "lambdas", ([3, 1, 2],), {}, None),
    ("generators", "generators", (5,), {}, None),
    ("generators that never start", "unstarted_generators", (4,), {}, None),
    ("static and class methods", "static_methods", (3,), {}, None),
    ("property setter", "property_setter", (3,), {}, None),
    ("native dataclasses", "dataclasses_made", (3,), {}, None),
    ("native dataclasses called dynamically", "dataclasses_dynamic", (3,), {}, TypeError),
    ("native frozen dataclasses", "dataclasses_frozen", (2,), {}, AttributeError),
    ("*args and **kwargs", "varargs", (1, 2, 3), {"scale": 2, "x": 4}, None),
    ("native self-cycles collected", "knots", (30, -1), {}, None),
    ("native self-cycles, __init__ raises", "knots", (30, 29), {}, ValueError),
    ("native arrays, boxed ints, IndexError at the end", "native_arrays", (6, 1 << 70), {},
     IndexError),
    ("native arrays, small ints, IndexError at the end", "native_arrays", (6, 5), {},
     IndexError),
    ("*args, TypeError after binding", "varargs", (1, "no"), {"y": 1}, TypeError),
    ("versioned loop grows big ints", "versioned_loop", (3, 12, 12), {}, None),
    ("versioned loop, big ints, IndexError", "versioned_loop", (3, 12, 13), {}, IndexError),
    ("versioned loop, small ints, IndexError", "versioned_loop", (0, 4, 5), {}, IndexError),
    ("versioned range loop over a big int", "versioned_range", (1 << 80, 5), {}, None),
    ("versioned range loop, no iteration", "versioned_range", (1 << 80, 0), {}, None),
    ("str += one character", "appends", ("abcé" * 10,), {}, None),
    ("copy and deepcopy of native instances", "copies", (1 << 90,), {}, None),
    ("versioned loop writes a character back", "versioned_chars", ("ab€|cd", "x" * 40), {}, None),
    ("versioned loop, character, IndexError", "versioned_chars", ("ab😀d", "x" * 40), {}, IndexError),
    ("recursive copy gives up on big ints", "spec_fib_acc", (120, 0, 1), {}, None),
    ("recursive copy, all small", "spec_fib_acc", (40, 0, 1), {}, None),
    ("calls through a table of own functions", "table_calls", (20, False), {}, None),
    ("call through a table, TypeError binding", "table_calls", (3, True), {}, TypeError),
    ("Python subclasses through trampolines", "python_subclasses", (1 << 70, 3), {}, None),
    ("Python subclass, override raises", "python_subclasses", (5, -1), {}, ValueError),
    ("Python subclass, override returns a str for a float", "python_subclass_bad", (1,), {},
     TypeError),
]


def compile_module(compiler, outdir):
    src = os.path.relpath(os.path.join(HERE, "leakmod.py"), ROOT)
    cmd = [compiler, "--python", sys.executable, "-o", outdir, src]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if r.returncode != 0:
        return "compile failed (exit %d): %s\n%s%s" % (r.returncode, " ".join(cmd), r.stdout, r.stderr)
    return None


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def call(fn, args, kwargs, exc):
    """One call; returns None, or a message when the outcome is not the expected one."""
    if exc is None:
        fn(*args, **kwargs)
        return None
    try:
        fn(*args, **kwargs)
    except exc:
        return None
    except Exception as e:  # noqa: BLE001 - reported, not hidden
        return "raised %s: %s, expected %s" % (type(e).__name__, e, exc.__name__)
    return "returned normally, expected %s" % exc.__name__


def measure(fn, args, kwargs, exc, calls):
    """Growth of allocated blocks over `calls` calls, after a warm-up."""
    for _ in range(WARMUP):
        call(fn, args, kwargs, exc)
    gc.collect()
    before = sys.getallocatedblocks()
    for _ in range(calls):
        call(fn, args, kwargs, exc)
    gc.collect()
    return sys.getallocatedblocks() - before


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-k", dest="substr", default="")
    ap.add_argument("-n", dest="calls", type=int, default=CALLS)
    ap.add_argument("--compiler", default=os.path.join(ROOT, "build", "staticpyc"))
    opts = ap.parse_args()
    compiler = os.path.abspath(opts.compiler)
    print("leak check on %s (%s), %d calls per case, slack %d blocks"
          % (sys.executable, sys.version.split()[0], opts.calls, SLACK))
    if not os.path.exists(compiler):
        print("[FAIL] %s does not exist (run make)" % compiler)
        print("0 passed, 1 failed")
        return 1

    with tempfile.TemporaryDirectory(prefix="spy-leak-") as out:
        err = compile_module(compiler, out)
        if err:
            print("[FAIL] compile leakmod\n    " + err.rstrip().replace("\n", "\n    "))
            print("0 passed, 1 failed")
            return 1
        built = os.path.join(out, "leakmod" + sysconfig.get_config_var("EXT_SUFFIX"))
        if not os.path.exists(built):
            print("[FAIL] compile leakmod: %s was not written" % built)
            print("0 passed, 1 failed")
            return 1
        compiled = load("leakmod", built)
        interpreted = load("leakmod_interpreted", os.path.join(HERE, "leakmod.py"))

        passed = failed = 0
        for label, fname, args, kwargs, exc in CASES:
            if opts.substr not in label:
                continue
            fn = getattr(compiled, fname)
            problem = call(fn, args, kwargs, exc)
            if problem is None and exc is None:
                want = getattr(interpreted, fname)(*args, **kwargs)
                got = fn(*args, **kwargs)
                if got != want or type(got) is not type(want):
                    problem = "returned %r, the interpreter %r" % (got, want)
            growth = None
            if problem is None:
                growth = measure(fn, args, kwargs, exc, opts.calls)
                if growth > SLACK:
                    problem = "allocated blocks grew by %d over %d calls (%.2f per call)" % (
                        growth, opts.calls, growth / opts.calls)
            if problem is None:
                passed += 1
                print("[PASS] %s (%+d blocks)" % (label, growth), flush=True)
            else:
                failed += 1
                print("[FAIL] %s: %s" % (label, problem), flush=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
