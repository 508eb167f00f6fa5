#!/usr/bin/env python3
"""staticpyc benchmark suite: `make bench` (full) and `make bench-quick` (smoke).

Compiles every program in bench/programs/ with staticpyc, Cython 3 (pure-Python
mode: `cythonize -i -3` on the unchanged .py) and mypyc, builds the C versions
in bench/c/, then runs CPython (interpreted), staticpyc, Cython, mypyc, PyPy and
C interleaved, several repetitions, one fresh process per (program, runner,
repetition); checks every runner's checksum is identical; reports medians,
speed-ups over the interpreter with geometric means, compile times and import
times, as text, JSON, Markdown and an SVG bar chart.

Everything runs against one CPython: the python of a virtualenv this script
owns (build/bench-venv), created from /usr/bin/python3 (or --python) with the
peers pinned in bench/requirements.txt installed into it.

A compiler that cannot compile a program is an honest "n/a" with its first
diagnostic as the reason, never an error of this script. A checksum that
differs between runners, or a compiled module that fails at run time, is a
failure: the script exits 1 and prints "N passed, N failed".
"""

import argparse
import ast
import concurrent.futures
import datetime
import hashlib
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PROGRAMS = BENCH / "programs"
CSRC = BENCH / "c"
HARNESS = BENCH / "harness.py"
REQUIREMENTS = BENCH / "requirements.txt"
BUILD = ROOT / "build" / "bench"
VENV = ROOT / "build" / "bench-venv"
STATICPYC = ROOT / "build" / "staticpyc"
RESULTS = BENCH / "results"

RUNNERS = ["cpython", "staticpyc", "cython", "mypyc", "pypy", "c"]
COMPILERS = ["staticpyc", "cython", "mypyc"]
LABEL = {"cpython": "CPython", "staticpyc": "staticpyc", "cython": "Cython",
         "mypyc": "mypyc", "pypy": "PyPy", "c": "C"}
COLOR = {"staticpyc": "#d62728", "cython": "#ff7f0e", "mypyc": "#1f77b4",
         "pypy": "#2ca02c", "c": "#7f7f7f"}
FLOAT_DIGITS = 9  # float checksums are round(x, 9) in the programs
DIAG_RE = re.compile(r"^\S.*?:\d+(:\d+)?: (fatal )?error: ")


def log(msg=""):
    print(msg, flush=True)


def sh(cmd, cwd=None, timeout=None, env=None):
    """Run cmd; return (returncode, stdout, stderr, seconds)."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, timeout=timeout,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, text=True, errors="replace")
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = -1, "", "timed out after %ss" % timeout
    except OSError as e:
        rc, out, err = -2, "", str(e)
    return rc, out, err, time.perf_counter() - t0


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def diagnostic(out, err, rc):
    """The most useful single line of a failed compile's output."""
    lines = [l.rstrip() for l in (err + "\n" + out).splitlines() if l.strip()]
    for l in lines:
        if DIAG_RE.match(l):
            return l.strip()
    # Cython prints the offending source, then "file.py:L:C: message".
    for l in lines:
        if re.match(r"^\S+\.py:\d+:\d+: ", l):
            return l.strip()
    for l in lines:
        if re.search(r"\berror\b", l, re.I) and "warning" not in l.lower():
            return l.strip()
    if lines:
        return lines[-1].strip()
    return "exit status %d, no output" % rc


# --------------------------------------------------------------------------
# Environment: the venv that owns the peers, versions, machine.

def pick_base_python(arg):
    if arg:
        return os.path.abspath(shutil.which(arg) or arg)
    if os.path.exists("/usr/bin/python3"):
        return "/usr/bin/python3"
    return shutil.which("python3") or sys.executable


def ensure_venv(base):
    """Create/refresh build/bench-venv; install the pins only when needed."""
    py = VENV / "bin" / "python"
    req = REQUIREMENTS.read_bytes()
    want = {"base": base, "requirements_sha256": hashlib.sha256(req).hexdigest()}
    stamp = VENV / "bench-stamp.json"
    have = {}
    if stamp.exists():
        try:
            have = json.loads(stamp.read_text())
        except ValueError:
            have = {}
    ok = py.exists() and sh([str(py), "-c", "pass"])[0] == 0
    if not ok or have.get("base") != base:
        log("bench: creating virtualenv %s from %s" % (VENV.relative_to(ROOT), base))
        shutil.rmtree(VENV, ignore_errors=True)
        rc, out, err, _ = sh([base, "-m", "venv", str(VENV)])
        if rc != 0:
            sys.exit("bench: cannot create the virtualenv with %s:\n%s%s" % (base, out, err))
        have = {}
    if have != want:
        log("bench: installing %s into the virtualenv" % REQUIREMENTS.relative_to(ROOT))
        rc, out, err, _ = sh([str(py), "-m", "pip", "install", "--disable-pip-version-check",
                              "-q", "-r", str(REQUIREMENTS)])
        if rc != 0:
            sys.exit("bench: pip install failed:\n%s%s" % (out, err))
        stamp.write_text(json.dumps(want))
    return str(py)


def capture(cmd):
    rc, out, err, _ = sh(cmd, timeout=60)
    return first_line(out) or first_line(err) if rc == 0 else None


def machine_info(venv_py, base, pypy):
    model = None
    try:
        for line in subprocess.run(["lscpu"], stdout=subprocess.PIPE, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    pyinfo = json.loads(subprocess.run(
        [venv_py, "-c", "import json,sys,sysconfig,platform;print(json.dumps({"
         "'version': platform.python_version(), 'implementation': platform.python_implementation(),"
         "'ext_suffix': sysconfig.get_config_var('EXT_SUFFIX'),"
         "'cflags': ' '.join(str(sysconfig.get_config_var('CFLAGS')).split()),"
         "'cc': sysconfig.get_config_var('CC')}))"],
        stdout=subprocess.PIPE, text=True, check=True).stdout)
    versions = {
        "cpython": pyinfo["version"],
        "cython": capture([venv_py, "-c", "import Cython; print(Cython.__version__)"]),
        "mypy": capture([str(VENV / "bin" / "mypy"), "--version"]),
        "setuptools": capture([venv_py, "-c", "import setuptools; print(setuptools.__version__)"]),
        "pypy": (" ".join(l.strip() for l in subprocess.run(
            [pypy, "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True).stdout.splitlines())) if pypy else None,
        "cc": capture(["cc", "--version"]),
        "staticpyc": capture([str(STATICPYC), "--version"]) if STATICPYC.exists() else None,
    }
    git = capture(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    return {
        "cpu": model or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "os": platform.platform(),
        "cpython_base": base,
        "cpython_venv": venv_py,
        "ext_suffix": pyinfo["ext_suffix"],
        "extension_cflags": pyinfo["cflags"],
        "git": git,
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
    }, versions


# --------------------------------------------------------------------------
# Programs and builds.

def discover(only):
    progs = []
    for path in sorted(PROGRAMS.glob("*.py")):
        consts = {}
        for node in ast.parse(path.read_text(), str(path)).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                    and isinstance(node.targets[0], ast.Name) \
                    and node.targets[0].id in ("BENCH_N", "BENCH_N_QUICK"):
                consts[node.targets[0].id] = ast.literal_eval(node.value)
        if "BENCH_N" not in consts or "BENCH_N_QUICK" not in consts:
            sys.exit("bench: %s must define BENCH_N and BENCH_N_QUICK" % path)
        name = path.stem
        if only and name not in only:
            continue
        progs.append({"name": name, "path": path, "n": consts["BENCH_N"],
                      "n_quick": consts["BENCH_N_QUICK"],
                      "c": (CSRC / (name + ".c")).exists()})
    if only:
        missing = set(only) - {p["name"] for p in progs}
        if missing:
            sys.exit("bench: no such program: %s" % ", ".join(sorted(missing)))
    return progs


def moddir(runner, name):
    return BUILD / runner / name


def compile_job(peer, prog, venv_py, ext_suffix):
    """Compile one program with one peer. Returns a compile record."""
    name = prog["name"]
    d = moddir(peer, name)
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    if peer == "staticpyc":
        if not STATICPYC.exists():
            return {"status": "n/a", "reason": "compiler not built"}
        cmd = [str(STATICPYC), "--python", venv_py, "-o", str(d),
               str(prog["path"].relative_to(ROOT))]
        cwd = ROOT
    else:
        shutil.copy(prog["path"], d / (name + ".py"))
        if peer == "cython":
            cmd = [str(VENV / "bin" / "cythonize"), "-i", "-3", name + ".py"]
        elif peer == "mypyc":
            cmd = [str(VENV / "bin" / "mypyc"), name + ".py"]
        elif peer == "c":
            cmd = ["cc", "-O3", "-o", str(d / name), str(CSRC / (name + ".c")), "-lm"]
        else:
            raise ValueError(peer)
        cwd = d
    env = dict(os.environ)
    env["PATH"] = str(VENV / "bin") + os.pathsep + env.get("PATH", "")
    rc, out, err, secs = sh(cmd, cwd=cwd, timeout=600, env=env)
    (d / "compile.log").write_text("$ %s\n%s\n%s" % (" ".join(cmd), out, err))
    product = d / name if peer == "c" else d / (name + ext_suffix)
    if rc != 0:
        return {"status": "n/a", "reason": diagnostic(out, err, rc), "seconds": secs,
                "exit": rc}
    if not product.exists():
        return {"status": "n/a", "reason": "exit 0 but no %s was written" % product.name,
                "seconds": secs, "exit": rc}
    rec = {"status": "ok", "seconds": secs}
    msgs = [l for l in err.splitlines() if re.search(r": (note|warning): ", l)]
    if msgs:  # e.g. staticpyc's notes on functions left to the interpreter
        rec["messages"] = len(msgs)
        rec["first_message"] = msgs[0].strip()
    return rec


def build_all(progs, venv_py, ext_suffix, jobs, want):
    """Compile everything; returns {program: {peer: record}}."""
    results = {p["name"]: {} for p in progs}
    # The interpreter's own "build": the source plus its .pyc, and PyPy's copy.
    for p in progs:
        for runner in ("cpython", "pypy"):
            d = moddir(runner, p["name"])
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
            shutil.copy(p["path"], d / (p["name"] + ".py"))
        d = moddir("cpython", p["name"])
        rc, out, err, _ = sh([venv_py, "-m", "py_compile", str(d / (p["name"] + ".py"))])
        if rc != 0:
            sys.exit("bench: CPython cannot byte-compile %s:\n%s%s" % (p["path"], out, err))
    jobs_list = [(peer, p) for p in progs for peer in COMPILERS if peer in want]
    jobs_list += [("c", p) for p in progs if p["c"] and "c" in want]
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        futs = {ex.submit(compile_job, peer, p, venv_py, ext_suffix): (peer, p["name"])
                for peer, p in jobs_list}
        for fut in concurrent.futures.as_completed(futs):
            peer, name = futs[fut]
            rec = fut.result()
            results[name][peer] = rec
            secs = " %.1fs" % rec["seconds"] if "seconds" in rec else ""
            log("  compile %-10s %-14s %s%s%s" % (peer, name, rec["status"], secs,
                (": " + rec["reason"]) if rec["status"] != "ok" else ""))
    log("bench: compiled in %.0fs (%d job(s) in parallel)" % (time.perf_counter() - t0, jobs))
    return results


# --------------------------------------------------------------------------
# Running.

def run_one(runner, prog, n, venv_py, pypy, timeout):
    """One fresh process; returns {"seconds", "checksum"} or {"error"}."""
    name = prog["name"]
    d = moddir(runner, name)
    if runner == "c":
        rc, out, err, _ = sh([str(d / name), str(n)], timeout=timeout)
        if rc != 0:
            return {"error": "exit %d: %s" % (rc, first_line(err) or first_line(out))}
        kv = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
        if "int" in kv:
            checksum = repr(int(kv["int"]))
        elif "float" in kv:
            checksum = repr(round(float(kv["float"]), FLOAT_DIGITS))
        else:
            return {"error": "unexpected output: %r" % out[:200]}
        return {"seconds": float(kv["time"]), "checksum": checksum}
    exe = pypy if runner == "pypy" else venv_py
    kind = "py" if runner in ("cpython", "pypy") else "ext"
    rc, out, err, _ = sh([exe, "-I", str(HARNESS), "run", str(d), name, kind, str(n)],
                         timeout=timeout)
    try:
        res = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        res = {"error": "exit %d: %s" % (rc, (first_line(err) or "no output")[:300])}
        if rc < 0 and rc != -1:
            res["error"] = "killed by signal %d" % -rc
        elif rc == -1:
            res["error"] = err
    return res


def import_one(runner, prog, venv_py):
    d = moddir(runner, prog["name"])
    kind = "py" if runner == "cpython" else "ext"
    rc, out, err, _ = sh([venv_py, "-I", str(HARNESS), "import", str(d), prog["name"], kind],
                         timeout=120)
    try:
        return json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": "exit %d: %s" % (rc, first_line(err) or "no output")}


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def fmt_ratio(x):
    if x is None:
        return "n/a"
    if x < 10:
        return "%.2fx" % x
    if x < 100:
        return "%.1fx" % x
    return "%.0fx" % x


# --------------------------------------------------------------------------
# Reports.

def table(rows, header):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    out = []
    for r in [header] + rows:
        out.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(out)


def md_table(rows, header):
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(out)


def cell(rec):
    st = rec["status"]
    if st == "ok":
        return fmt_ratio(rec["speedup"])
    if st == "failed":
        return "FAIL"
    if st == "none":
        return "-"
    return "n/a"


def build_tables(data, runners):
    progs = data["programs"]
    speed_hdr = ["benchmark", "n", "CPython(s)"] + [LABEL[r] for r in runners if r != "cpython"]
    speed_rows = []
    for name, p in progs.items():
        cp = p["runners"]["cpython"]
        row = [name, p["n"], "%.3f" % cp["median"] if cp["status"] == "ok" else cell(cp)]
        row += [cell(p["runners"][r]) for r in runners if r != "cpython"]
        speed_rows.append(row)
    gm = ["geomean", "", ""]
    cnt = ["(programs)", "", ""]
    for r in runners:
        if r == "cpython":
            continue
        g = data["geomean"][r]
        gm.append(fmt_ratio(g["speedup"]) if g["speedup"] else "n/a")
        cnt.append("%d/%d" % (g["programs"], len(progs)))
    speed_rows += [gm, cnt]

    comp_peers = [r for r in COMPILERS if r in runners]
    comp_hdr = ["benchmark"] + ["%s(s)" % LABEL[r] for r in comp_peers]
    comp_rows = []
    for name, p in progs.items():
        row = [name]
        for r in comp_peers:
            c = p["compile"].get(r, {})
            row.append("%.2f" % c["seconds"] if c.get("status") == "ok" else "n/a")
        comp_rows.append(row)

    imp_runners = ["cpython"] + comp_peers
    imp_hdr = ["benchmark", "CPython .pyc(ms)"] + ["%s(ms)" % LABEL[r] for r in comp_peers]
    imp_rows = []
    for name, p in progs.items():
        row = [name]
        for r in imp_runners:
            i = p["import"].get(r)
            row.append("%.2f" % i["median_ms"] if i and i.get("median_ms") is not None else "n/a")
        imp_rows.append(row)

    notes = []
    for r in runners:
        by_reason = {}
        for name, p in progs.items():
            rec = p["runners"][r]
            if rec["status"] in ("n/a", "failed"):
                tag = "FAIL" if rec["status"] == "failed" else "n/a"
                by_reason.setdefault((tag, rec["reason"]), []).append(name)
        for (tag, reason), names in by_reason.items():
            which = "all programs" if len(names) == len(progs) else ", ".join(names)
            notes.append("%s %s (%s): %s" % (LABEL[r], tag, which, reason))
    return (speed_hdr, speed_rows), (comp_hdr, comp_rows), (imp_hdr, imp_rows), notes


def write_svg(data, runners, path):
    """Hand-written grouped bar chart, log-scale speed-up over CPython."""
    progs = list(data["programs"].items())
    shown = [r for r in runners if r != "cpython"]
    groups = [(name, {r: p["runners"][r].get("speedup") for r in shown}) for name, p in progs]
    groups.append(("geomean", {r: data["geomean"][r]["speedup"] for r in shown}))
    missing = {name: {r: cell(p["runners"][r]) for r in shown} for name, p in progs}
    vals = [v for _, g in groups for v in g.values() if v]
    lo = min([0.5] + vals)
    hi = max([10.0] + vals)
    lo_exp = math.floor(math.log10(lo))
    hi_exp = math.ceil(math.log10(hi))
    bar_w, gap = 11, 18
    group_w = bar_w * len(shown) + gap
    left, top, plot_h = 70, 60, 360
    width = max(820, left + group_w * len(groups) + 160)
    height = top + plot_h + 110

    def y(v):
        return top + plot_h * (1 - (math.log10(v) - lo_exp) / (hi_exp - lo_exp))

    m = data["machine"]
    v = data["versions"]
    title = "staticpyc benchmarks: speed-up over CPython %s (log scale, median of %d)" % (
        v["cpython"], data["repetitions"])
    sub = "%s, %s cores; %s" % (m["cpu"], m["cores"], data["started"][:16].replace("T", " "))
    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
         'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">' % (width, height),
         '<rect width="100%" height="100%" fill="white"/>',
         '<text x="%d" y="22" font-size="15" font-weight="bold">%s</text>' % (left, esc(title)),
         '<text x="%d" y="40" fill="#555">%s</text>' % (left, esc(sub))]
    for e in range(lo_exp, hi_exp + 1):
        for mult in (1, 2, 5):
            val = mult * 10.0 ** e
            if val < 10.0 ** lo_exp or val > 10.0 ** hi_exp:
                continue
            yy = y(val)
            major = mult == 1
            o.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="%s"/>' % (
                left, left + group_w * len(groups), yy, yy, "#bbb" if major else "#eee"))
            label = ("%g" % val) + "x"
            o.append('<text x="%d" y="%.1f" text-anchor="end" fill="#333">%s</text>' % (
                left - 6, yy + 4, label))
    base = y(1.0)
    for gi, (name, g) in enumerate(groups):
        x0 = left + gi * group_w + gap / 2
        for ri, r in enumerate(shown):
            val = g.get(r)
            x = x0 + ri * bar_w
            if val:
                yy = y(val)
                top_y, h = min(yy, base), abs(base - yy)
                o.append('<rect x="%.1f" y="%.1f" width="%d" height="%.1f" fill="%s">'
                         '<title>%s %s: %s</title></rect>' % (
                             x, top_y, bar_w - 1, max(h, 1), COLOR[r], esc(name), LABEL[r],
                             fmt_ratio(val)))
            else:
                o.append('<text x="%.1f" y="%.1f" font-size="8" fill="#999" '
                         'transform="rotate(-90 %.1f %.1f)">%s</text>' % (
                             x + bar_w - 2, base - 3, x + bar_w - 2, base - 3,
                             missing.get(name, {}).get(r, "n/a")))
        cx = x0 + bar_w * len(shown) / 2
        o.append('<text x="%.1f" y="%d" text-anchor="end" transform="rotate(-40 %.1f %d)"%s>'
                 '%s</text>' % (cx, top + plot_h + 14, cx, top + plot_h + 14,
                                ' font-weight="bold"' if name == "geomean" else "", esc(name)))
    o.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="black" stroke-width="1.5"/>' % (
        left, left + group_w * len(groups), base, base))
    o.append('<text x="%d" y="%.1f" fill="black">CPython = 1x</text>' % (
        left + group_w * len(groups) + 6, base + 4))
    lx = left + group_w * len(groups) + 20
    for i, r in enumerate(shown):
        ly = top + 20 + i * 20
        o.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>' % (lx, ly, COLOR[r]))
        o.append('<text x="%d" y="%d">%s</text>' % (lx + 18, ly + 10, LABEL[r]))
    counts = ", ".join("%s %d/%d" % (LABEL[r], data["geomean"][r]["programs"], len(progs))
                       for r in shown)
    o.append('<text x="%d" y="%d" fill="#555">geomean over the programs each runner ran: %s. '
             'n/a: could not compile; FAIL: wrong checksum or error; -: no C version.</text>' % (
                 left, height - 12, esc(counts)))
    o.append("</svg>")
    path.write_text("\n".join(o) + "\n")


def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="small n, 1 repetition, results under build/bench/ (CI smoke check)")
    ap.add_argument("--reps", type=int, help="repetitions (default 5, quick 1)")
    ap.add_argument("--only", help="comma-separated program names")
    ap.add_argument("--runners", help="comma-separated subset of " + ",".join(RUNNERS))
    ap.add_argument("--python", help="base CPython for the venv (default /usr/bin/python3)")
    ap.add_argument("-j", "--jobs", type=int,
                    help="parallel compile jobs (default 1 so compile times are not "
                    "skewed by a neighbour; quick: 2)")
    ap.add_argument("--staticpyc", help="compiler to benchmark (default build/staticpyc)")
    ap.add_argument("--out", help="directory for latest.{json,svg,md} "
                    "(default bench/results, quick: build/bench/results-quick)")
    args = ap.parse_args()

    global STATICPYC
    if args.staticpyc:
        STATICPYC = Path(args.staticpyc).resolve()
    wall0 = time.perf_counter()
    started = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    reps = args.reps or (1 if args.quick else 5)
    jobs = max(1, args.jobs or (2 if args.quick else 1))
    timeout = 120 if args.quick else 600
    runners = RUNNERS if not args.runners else [r for r in RUNNERS if r in args.runners.split(",")]
    if "cpython" not in runners:
        runners = ["cpython"] + runners
    out_dir = Path(args.out) if args.out else (
        BUILD / "results-quick" if args.quick else RESULTS)

    base = pick_base_python(args.python)
    venv_py = ensure_venv(base)
    pypy = shutil.which("pypy3")
    skipped = {}
    if "pypy" in runners and not pypy:
        skipped["pypy"] = "pypy3 not on PATH"
        log("bench: skipping PyPy: pypy3 not on PATH")
    machine, versions = machine_info(venv_py, base, pypy)
    progs = discover(args.only.split(",") if args.only else None)
    log("bench: %s mode, %d programs, %d repetition(s), CPython %s (%s via %s)" % (
        "quick" if args.quick else "full", len(progs), reps, versions["cpython"], base,
        os.path.relpath(venv_py, ROOT)))
    for k, v in versions.items():
        log("  %-10s %s" % (k, v if v else "(not available)"))

    BUILD.mkdir(parents=True, exist_ok=True)
    compiled = build_all(progs, venv_py, machine["ext_suffix"], jobs, set(runners))

    # Which runners can run which programs.
    data = {"schema": 1, "mode": "quick" if args.quick else "full", "started": started,
            "repetitions": reps, "machine": machine, "versions": versions,
            "float_checksum_digits": FLOAT_DIGITS, "programs": {}}
    for p in progs:
        rec = {"n": p["n_quick"] if args.quick else p["n"], "runners": {},
               "compile": compiled[p["name"]], "import": {}}
        for r in runners:
            st = {"status": "ok", "reason": None, "times": [], "checksums": []}
            if r in skipped:
                st.update(status="n/a", reason=skipped[r])
            elif r == "c" and not p["c"]:
                st.update(status="none", reason="no C version written")
            elif r in COMPILERS or r == "c":
                c = compiled[p["name"]].get(r)
                if c["status"] != "ok":
                    st.update(status="n/a", reason=c["reason"])
            rec["runners"][r] = st
        data["programs"][p["name"]] = rec

    # Timed runs: one process each, runners interleaved within a repetition
    # (the order rotates between repetitions).
    order = [r for r in runners]
    t_runs = time.perf_counter()
    for rep in range(reps):
        log("bench: repetition %d/%d" % (rep + 1, reps))
        rot = order[rep % len(order):] + order[:rep % len(order)]
        for p in progs:
            rec = data["programs"][p["name"]]
            line = []
            for r in rot:
                st = rec["runners"][r]
                if st["status"] != "ok":
                    continue
                res = run_one(r, p, rec["n"], venv_py, pypy, timeout)
                if "error" in res:
                    st.update(status="failed", reason="run failed: " + res["error"])
                    line.append("%s=FAIL" % r)
                    continue
                st["times"].append(res["seconds"])
                st["checksums"].append(res["checksum"])
                line.append("%s=%.3fs" % (r, res["seconds"]))
            log("  %-14s %s" % (p["name"], " ".join(line)))
    run_secs = time.perf_counter() - t_runs

    # Import time: compiled module vs the interpreter's .pyc, fresh processes.
    imp_reps = 3 if args.quick else 5
    imp_runners = [r for r in ["cpython"] + COMPILERS if r in runners]
    for rep in range(imp_reps):
        for p in progs:
            rec = data["programs"][p["name"]]
            for r in imp_runners:
                c = rec["compile"].get(r)
                if r != "cpython" and (not c or c["status"] != "ok"):
                    continue
                res = import_one(r, p, venv_py)
                i = rec["import"].setdefault(r, {"times_ms": [], "median_ms": None})
                if "error" in res:
                    i["error"] = res["error"]
                else:
                    i["times_ms"].append(res["import_seconds"] * 1000.0)
    for p in progs:
        for r, i in data["programs"][p["name"]]["import"].items():
            if i["times_ms"]:
                i["median_ms"] = statistics.median(i["times_ms"])

    # Checksums, medians, speed-ups.
    passed = failed = 0
    for name, rec in data["programs"].items():
        cp = rec["runners"]["cpython"]
        ref = cp["checksums"][0] if cp["checksums"] else None
        rec["reference_checksum"] = ref
        ok = cp["status"] == "ok"
        for r, st in rec["runners"].items():
            if st["status"] != "ok":
                if st["status"] == "failed":
                    ok = False
                continue
            bad = [c for c in st["checksums"] if c != ref]
            if bad:
                st.update(status="failed",
                          reason="checksum %s != CPython's %s" % (bad[0], ref))
                ok = False
                continue
            st["median"] = statistics.median(st["times"])
        for r, st in rec["runners"].items():
            if st["status"] == "ok":
                st["speedup"] = (cp["median"] / st["median"]
                                 if cp["status"] == "ok" and st["median"] > 0 else None)
        rec["checksums_agree"] = ok
        if ok:
            passed += 1
        else:
            failed += 1
    data["geomean"] = {}
    for r in runners:
        xs = [rec["runners"][r]["speedup"] for rec in data["programs"].values()
              if rec["runners"][r]["status"] == "ok" and rec["runners"][r].get("speedup")]
        data["geomean"][r] = {"speedup": geomean(xs), "programs": len(xs)}
    data["summary"] = {"passed": passed, "failed": failed}
    data["run_seconds"] = run_secs
    data["wall_seconds"] = time.perf_counter() - wall0
    machine["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]

    (sp_h, sp_r), (co_h, co_r), (im_h, im_r), notes = build_tables(data, runners)
    mode = "quick (small n, smoke check; timings not meaningful)" if args.quick else "full"
    head = ("CPython %s (%s), %d repetition(s), median seconds for CPython and "
            "speed-up over CPython for the rest (higher is better)" % (
                versions["cpython"], base, reps))
    log("")
    log("== Speed (%s): %s" % (mode, head))
    log(table(sp_r, sp_h))
    if notes:
        log("")
        log("n/a and failures:")
        for n_ in notes:
            log("  " + n_)
    log("")
    log("== Compile time per module (seconds, wall clock, %d job(s) in parallel)" % jobs)
    log(table(co_r, co_h))
    log("")
    log("== Import time (ms, median of %d fresh processes): compiled module vs CPython .pyc"
        % imp_reps)
    log(table(im_r, im_h))

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "latest.json").write_text(json.dumps(data, indent=1, default=str) + "\n")
    write_svg(data, runners, out_dir / "latest.svg")
    md = ["<!-- generated by bench/run.py; do not edit -->",
          "Run: %s, %s mode, %d repetition(s); CPU: %s (%s cores); %s; "
          "load average (1/5/15 min) %s at start, %s at end." % (
              started, data["mode"], reps, machine["cpu"], machine["cores"], machine["os"],
              "/".join(map(str, machine["loadavg_at_start"])),
              "/".join(map(str, machine["loadavg_at_end"]))),
          "",
          "Versions: " + "; ".join("%s: %s" % (k, v if v else "not available")
                                   for k, v in versions.items()) + ".",
          "", "Speed: " + head + ".", "", md_table(sp_r, sp_h), ""]
    if notes:
        md += ["n/a and failures:", ""] + ["- " + n_ for n_ in notes] + [""]
    md += ["Compile time per module (seconds, wall clock, %d compile job(s) at a time on %s cores):"
           % (jobs, machine["cores"]), "", md_table(co_r, co_h), "",
           "Import time (ms, median of %d fresh processes):" % imp_reps, "",
           md_table(im_r, im_h), ""]
    (out_dir / "latest.md").write_text("\n".join(md))
    log("")
    log("bench: wrote %s/latest.{json,svg,md}; timed runs %.0fs, total %.0fs" % (
        os.path.relpath(out_dir, ROOT), run_secs, data["wall_seconds"]))
    log("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
