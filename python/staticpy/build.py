"""The setup.py build step: annotated modules in, setuptools Extensions out.

    from setuptools import setup
    from staticpy.build import staticpyify

    setup(
        name="demo",
        packages=["demo"],
        ext_modules=staticpyify(["demo/fastmath.py"]),
    )

``pip install .``, ``pip wheel .`` and ``python setup.py build_ext`` then
build ``demo/fastmath.<EXT_SUFFIX>`` next to the unchanged ``.py`` (the
import system prefers the extension). Each module is translated to C by
``staticpyc --emit-c`` for the interpreter running setup.py, when
``staticpyify`` is called; setuptools compiles the C with its usual
compiler and flags, so cross-compiling and ``CC`` work as for any
extension.

The compiler is ``staticpyc`` from the ``staticpyc=`` argument, else the
``STATICPYC`` environment variable, else ``PATH``.
"""

import os
import shutil
import subprocess
import sys

__all__ = ["staticpyify", "find_staticpyc", "StaticpycError"]


class StaticpycError(Exception):
    """staticpyc is missing or rejected a module; the message says which."""


def find_staticpyc(staticpyc=None):
    """Path of the staticpyc executable to use (see the module docstring)."""
    cand = staticpyc or os.environ.get("STATICPYC") or shutil.which("staticpyc")
    if not cand:
        raise StaticpycError(
            "staticpyc not found: put it on PATH, set STATICPYC=/path/to/staticpyc, "
            "or pass staticpyify(..., staticpyc=PATH)")
    if not (os.path.isfile(cand) and os.access(cand, os.X_OK)):
        raise StaticpycError("staticpyc not found or not executable: %s" % cand)
    return cand


def _module_name(path, root):
    rel = os.path.relpath(os.path.abspath(path), root)
    if rel.startswith(os.pardir + os.sep) or not rel.endswith(".py"):
        raise StaticpycError(
            "%s: expected a .py file inside the project directory %s" % (path, root))
    parts = rel[:-3].split(os.sep)
    if parts[-1] == "__init__":
        raise StaticpycError(
            "%s: a package's __init__.py cannot be compiled; move its code into a "
            "module of the package" % path)
    bad = [p for p in parts if not p.isidentifier()]
    if bad:
        raise StaticpycError("%s: %r is not a valid module name part" % (path, bad[0]))
    return ".".join(parts)


def _run(cmd):
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    if res.stderr:
        sys.stderr.write(res.stderr)
    return res


def staticpyify(paths, opt_level=3, strict=False, staticpyc=None, build_dir=None,
                root=None):
    """setuptools Extensions for the given module files (paths relative to
    the project root, ``root``, by default the current directory: where
    setup.py runs). ``strict=True`` makes any function the compiler would
    leave to the interpreter an error. The C goes to ``build_dir`` (default
    ``build/staticpy``). Raises StaticpycError when a module does not
    compile; staticpyc's diagnostics are on stderr."""
    from setuptools import Extension

    if isinstance(paths, str):
        paths = [paths]
    if opt_level not in (0, 1, 2, 3):
        raise ValueError("opt_level must be 0, 1, 2 or 3, not %r" % (opt_level,))
    root = os.path.abspath(root or os.getcwd())
    exe = find_staticpyc(staticpyc)
    build_dir = os.path.abspath(build_dir or os.path.join(root, "build", "staticpy"))
    res = _run([exe, "--print-runtime-dir"])
    if res.returncode != 0:
        raise StaticpycError("%s --print-runtime-dir failed (exit %d)" % (exe, res.returncode))
    runtime_dir = res.stdout.strip()
    exts = []
    for path in paths:
        name = _module_name(path, root)
        out_dir = os.path.join(build_dir, *name.split(".")[:-1])
        os.makedirs(out_dir, exist_ok=True)
        cmd = [exe, "--emit-c", "-O%d" % opt_level, "--python", sys.executable,
               "-o", out_dir, os.path.join(root, path)]
        if strict:
            cmd.append("--strict")
        res = _run(cmd)
        if res.returncode != 0:
            raise StaticpycError("staticpyc could not compile %s (exit %d); its "
                                 "diagnostics are above" % (path, res.returncode))
        c_file = os.path.join(out_dir, name.split(".")[-1] + ".c")
        exts.append(Extension(
            name,
            sources=[c_file],
            include_dirs=[runtime_dir],
            # What staticpyc passes to the C compiler itself (emit/build.c).
            extra_compile_args=["-std=c11", "-fno-strict-aliasing", "-fvisibility=hidden",
                                "-O%d" % opt_level],
        ))
    return exts
