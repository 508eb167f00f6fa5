#!/usr/bin/env python3
"""Fuzz the frontend through the compiler's `--dump=ast` mode.

Feeds the binary truncated and corrupted versions of real Python files
(standard-library modules and tests/e2e/*.py when present): truncations,
byte flips, deletions, and insertions of brackets, colons, quotes,
indentation, NUL bytes and invalid UTF-8, with a fixed seed.  Every run
must exit with 0 or 1 (never a signal or another status) within a time
limit.

usage: tests/fuzz_frontend.py [BINARY] [--cases N] [--seed S] [--timeout T]
Prints [FAIL] lines for failures only, then `N passed, N failed`; failing
inputs are kept in a directory named in the [FAIL] line.
"""
import argparse
import concurrent.futures
import os
import random
import shutil
import subprocess
import sys
import tempfile

STDLIB_MODULES = [
    "json/decoder.py", "textwrap.py", "argparse.py", "dataclasses.py",
    "functools.py", "enum.py", "string.py", "heapq.py", "bisect.py",
    "fractions.py", "ast.py", "contextlib.py", "typing.py", "statistics.py",
]

INSERTS = [
    b"(", b")", b"[", b"]", b"{", b"}", b":", b",", b"'", b'"', b'"""',
    b"'''", b"\n", b"\n    ", b"    ", b"\t", b"\\", b"\\\n", b"\x00",
    b"\xff", b"\xfe\xff", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98\x80", b"#",
    b"=", b"==", b"*", b"**", b"@", b"->", b":=", b"lambda", b"def ",
    b"class ", b"if ", b"else:", b"elif ", b"async ", b"await ", b"yield ",
    b"f'{", b"f\"{x!r:{y}}\"", b"rb'\\", b"0x", b"1e", b"1_", b"0o9", b"\\N{",
    b"match x:\n case ", b"print ", b"exec ", b"<>", b"`", b"$", b"?",
    b"from . import", b"global", b"nonlocal", b"del ", b"try:", b"except*",
    b"(" * 300, b"[" * 300, b"not " * 200, b"-" * 500, b"x." * 300,
]


def stdlib_dir():
    import json
    return os.path.dirname(os.path.dirname(os.path.abspath(json.__file__)))


def corpus(repo_root):
    files = []
    base = stdlib_dir()
    for rel in STDLIB_MODULES:
        path = os.path.join(base, rel)
        if os.path.isfile(path):
            files.append(path)
    e2e = os.path.join(repo_root, "tests", "e2e")
    if os.path.isdir(e2e):
        for name in sorted(os.listdir(e2e)):
            if name.endswith(".py"):
                files.append(os.path.join(e2e, name))
    out = []
    for path in files:
        with open(path, "rb") as f:
            out.append((os.path.basename(path), f.read()))
    return out


def truncate(rng, data):
    return data[:rng.randrange(len(data) + 1)], "truncate"


def flip(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b), "flip"


def delete(rng, data):
    if not data:
        return data, "delete"
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 40):], "delete"


def insert(rng, data):
    out = data
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(out) + 1)
        out = out[:i] + rng.choice(INSERTS) + out[i:]
    return out, "insert"


def reindent(rng, data):
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 5)):
        k = rng.randrange(len(lines))
        lines[k] = rng.choice([b"", b" ", b"  ", b"\t", b"        "]) + lines[k].lstrip()
    return b"\n".join(lines), "reindent"


def shuffle_lines(rng, data):
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines), "swap-lines"


def window(rng, data):
    """A random slice of the file: starts and ends mid-construct."""
    i = rng.randrange(len(data) + 1)
    j = min(len(data), i + rng.randint(1, 4000))
    return data[i:j], "window"


MUTATORS = [truncate, flip, delete, insert, reindent, shuffle_lines, window]


def make_cases(rng, files, n):
    cases = []
    for k in range(n):
        name, data = files[k % len(files)]
        mut = rng.choice(MUTATORS)
        out, what = mut(rng, data)
        if rng.random() < 0.3:  # stack a second mutation sometimes
            out, what2 = rng.choice(MUTATORS)(rng, out)
            what += "+" + what2
        cases.append(("%03d-%s-%s" % (k, name[:-3], what), out))
    # a few hand-made extremes
    cases.append(("deep-parens", b"x = " + b"(" * 100000 + b"\n"))
    cases.append(("deep-brackets", b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n"))
    cases.append(("long-chain", b"x = " + b" + ".join([b"a"] * 20000) + b"\n"))
    cases.append(("deep-blocks", b"".join(b" " * i + b"if x:\n" for i in range(200))))
    cases.append(("nul-only", b"\x00" * 100))
    cases.append(("empty", b""))
    cases.append(("bom", b"\xef\xbb\xbfx = 1\n"))
    cases.append(("huge-int", b"x = 0x" + b"f" * 20000 + b"\n"))
    return cases


def run_case(binary, tmpdir, timeout, case):
    name, data = case
    path = os.path.join(tmpdir, name + ".py")
    with open(path, "wb") as f:
        f.write(data)
    try:
        proc = subprocess.run([binary, "--dump=ast", path], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return name, path, "timed out after %gs" % timeout
    if proc.returncode in (0, 1):
        os.remove(path)
        return name, path, None
    if proc.returncode < 0:
        why = "killed by signal %d" % -proc.returncode
    else:
        why = "exit status %d" % proc.returncode
    tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
    return name, path, why + (": " + tail[0][:200] if tail else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary", nargs="?", default="build/staticpyc")
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        print("fuzz_frontend: %s is not an executable" % args.binary, file=sys.stderr)
        return 2
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = corpus(repo_root)
    if not files:
        print("fuzz_frontend: no corpus files found", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    cases = make_cases(rng, files, args.cases)
    tmpdir = tempfile.mkdtemp(prefix="fuzz_frontend_")
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_case, args.binary, tmpdir, args.timeout, c)
                   for c in cases]
        for fut in futures:
            name, path, why = fut.result()
            if why is None:
                passed += 1
            else:
                failed += 1
                print("[FAIL] %s: %s (input kept at %s)" % (name, why, path))
    if failed == 0:
        shutil.rmtree(tmpdir, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
