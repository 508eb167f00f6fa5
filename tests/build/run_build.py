#!/usr/bin/env python3
"""The setup.py build step (python/staticpy/build.py), end to end.

For every CPython the e2e suite finds: build tests/build/project with its
setup.py the ways users do -- `pip wheel` and `pip install --target` where
the interpreter has pip and wheel, `setup.py build_ext --inplace` where it
has only setuptools (skipped, with the reason, where it has neither) --
then run check.py against the built package and against the plain
sources: the output must be identical and the built module must be the
extension. Also: a module with a type error fails the build with the
compiler's file:line:col diagnostic, and a missing compiler is named.
Prints "N passed, N failed, N skipped".
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import run_e2e  # noqa: E402  (interpreter discovery)

PROJECT = os.path.join(HERE, "project")
STATICPYC = os.path.join(ROOT, "build", "staticpyc")
results = {"passed": 0, "failed": 0, "skipped": 0}


def env_for(extra_path=None, staticpyc=STATICPYC):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (extra_path, os.path.join(ROOT, "python")) if p)
    env["STATICPYC"] = staticpyc
    env["PIP_NO_INDEX"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONWARNINGS"] = "ignore"
    return env


def run(cmd, cwd, env):
    return subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, timeout=300)


def report(name, ok, why=""):
    results["passed" if ok else "failed"] += 1
    print("[%s] %s%s" % ("PASS" if ok else "FAIL", name, "" if ok else "\n    " + why.replace("\n", "\n    ")))


def has(py, mod):
    return run([py, "-c", "import " + mod], ROOT, env_for()).returncode == 0


def check_site(name, py, site, tmp):
    """check.py against the built package in `site` and against the sources."""
    script = os.path.join(HERE, "check.py")  # not beside demo/: sys.path[0] is its dir
    got = run([py, script], tmp, env_for(site))
    want = run([py, script], tmp, dict(env_for(PROJECT)))
    if got.returncode != 0 or want.returncode != 0:
        return report(name, False, "check.py failed:\n" + got.stderr + want.stderr)
    if got.stdout != want.stdout:
        return report(name, False, "output differs:\n%s---\n%s" % (want.stdout, got.stdout))
    if got.stderr.strip() != "compiled" or want.stderr.strip() != "interpreted":
        return report(name, False, "not the extension: %r / %r" % (got.stderr, want.stderr))
    report(name, True)


def fresh_project(tmp):
    dst = os.path.join(tmp, "project")
    shutil.copytree(PROJECT, dst, ignore=shutil.ignore_patterns("build", "*.so", "__pycache__",
                                                                "*.egg-info"))
    return dst


def test_pip(py, tag):
    with tempfile.TemporaryDirectory() as tmp:
        proj = fresh_project(tmp)
        dist = os.path.join(tmp, "dist")
        r = run([py, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-w", dist, proj],
                tmp, env_for())
        wheels = glob.glob(os.path.join(dist, "*.whl"))
        if r.returncode != 0 or len(wheels) != 1:
            return report("pip wheel (%s)" % tag, False, r.stdout[-2000:] + r.stderr[-2000:])
        names = zipfile.ZipFile(wheels[0]).namelist()
        if not any(n.startswith("demo/fastmath.") and n.endswith(".so") for n in names):
            return report("pip wheel (%s)" % tag, False, "no extension in wheel: %s" % names)
        site = os.path.join(tmp, "site")
        r = run([py, "-m", "pip", "install", "--no-deps", "--target", site, wheels[0]], tmp, env_for())
        if r.returncode != 0:
            return report("pip wheel (%s)" % tag, False, r.stderr[-2000:])
        check_site("pip wheel + install (%s)" % tag, py, site, tmp)
        site2 = os.path.join(tmp, "site2")
        r = run([py, "-m", "pip", "install", "--no-build-isolation", "--no-deps", "--target", site2,
                 proj], tmp, env_for())
        if r.returncode != 0:
            return report("pip install . (%s)" % tag, False, r.stdout[-2000:] + r.stderr[-2000:])
        check_site("pip install . (%s)" % tag, py, site2, tmp)


def test_build_ext(py, tag):
    with tempfile.TemporaryDirectory() as tmp:
        proj = fresh_project(tmp)
        r = run([py, "setup.py", "-q", "build_ext", "--inplace"], proj, env_for())
        if r.returncode != 0:
            return report("setup.py build_ext (%s)" % tag, False, r.stderr[-3000:])
        check_site("setup.py build_ext --inplace (%s)" % tag, py, proj, tmp)


def test_errors(py, tag):
    with tempfile.TemporaryDirectory() as tmp:
        proj = fresh_project(tmp)
        with open(os.path.join(proj, "demo", "fastmath.py"), "a") as f:
            f.write("\n\ndef broken() -> int:\n    return 'x'\n")
        r = run([py, "setup.py", "-q", "build_ext", "--inplace"], proj, env_for())
        out = r.stdout + r.stderr
        ok = (r.returncode != 0 and "fastmath.py:33:12: error: incompatible return value type" in out
              and "StaticpycError: staticpyc could not compile demo/fastmath.py" in out)
        report("type error fails the build (%s)" % tag, ok, out[-3000:])
        r = run([py, "setup.py", "-q", "build_ext", "--inplace"], proj,
                env_for(staticpyc=os.path.join(tmp, "no-such-staticpyc")))
        out = r.stdout + r.stderr
        ok = r.returncode != 0 and "staticpyc not found or not executable" in out
        report("missing compiler is named (%s)" % tag, ok, out[-3000:])


# For interpreters without setuptools (pyenv 3.12+): a venv of our own with
# this pinned setuptools (the one bench/requirements.txt pins; it builds
# wheels itself), made once under build/ and reused.
SETUPTOOLS_PIN = "setuptools==84.2.1"


def venv_with_setuptools(interp):
    vdir = os.path.join(ROOT, "build", "pkgtest", "venv-" + interp.vstr)
    py = os.path.join(vdir, "bin", "python")
    stamp = os.path.join(vdir, "pinned.txt")
    if os.path.exists(stamp) and open(stamp).read() == SETUPTOOLS_PIN:
        return py, None
    shutil.rmtree(vdir, ignore_errors=True)
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    r = run([interp.path, "-m", "venv", vdir], ROOT, env)
    if r.returncode == 0:
        r = run([py, "-m", "pip", "install", "-q", SETUPTOOLS_PIN], ROOT, env)
    if r.returncode != 0:
        return None, "could not make a venv with %s: %s" % (
            SETUPTOOLS_PIN, (r.stderr.strip().splitlines() or ["?"])[-1])
    with open(stamp, "w") as f:
        f.write(SETUPTOOLS_PIN)
    return py, None


def main():
    if not os.access(STATICPYC, os.X_OK):
        print("build/staticpyc is missing: run make first")
        return 1
    interps = run_e2e.discover(None)
    for i, interp in enumerate(interps):
        py, tag = interp.path, interp.vstr
        if not has(py, "setuptools"):
            py, why = venv_with_setuptools(interp)
            if py is None:
                print("[SKIP] %s: no setuptools and %s" % (tag, why))
                results["skipped"] += 1
                continue
            print("[INFO] %s: no setuptools of its own: using a venv with %s"
                  % (tag, SETUPTOOLS_PIN))
        # setuptools 70.1+ builds wheels itself; older ones need `wheel`
        if has(py, "pip") and (has(py, "wheel") or has(py, "setuptools.command.bdist_wheel")):
            test_pip(py, tag)
        else:
            print("[INFO] %s: no `wheel` package: pip wheel/install skipped, "
                  "setup.py build_ext used" % tag)
            test_build_ext(py, tag)
        if i == 0:
            test_errors(py, tag)
    print("%d passed, %d failed, %d skipped" % (results["passed"], results["failed"],
                                                 results["skipped"]))
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
