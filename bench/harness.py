"""Runs inside each benchmark subprocess (CPython from the bench venv, or PyPy).

    harness.py run    MODDIR MODULE KIND N    -> times MODULE.main(N)
    harness.py import MODDIR MODULE KIND      -> times `import MODULE`

KIND is "ext" (the module must come from a compiled extension) or "py" (it
must come from source/.pyc). Prints one JSON line on stdout; on failure a JSON
line with "error" and exit status 1. Import time is measured separately from
main(N): the run mode imports first, then times only the call.
"""

import importlib
import importlib.machinery
import json
import sys
import time
import traceback


def fail(msg):
    print(json.dumps({"error": msg}))
    sys.stdout.flush()
    sys.exit(1)


def main():
    mode, moddir, name, kind = sys.argv[1:5]
    sys.path.insert(0, moddir)
    try:
        t0 = time.perf_counter()
        mod = importlib.import_module(name)
        t1 = time.perf_counter()
    except BaseException:
        fail("import failed: " + traceback.format_exc().strip().splitlines()[-1])
    path = getattr(mod, "__file__", "") or ""
    is_ext = any(path.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES)
    if kind == "ext" and not is_ext:
        fail("imported %s, not a compiled extension" % path)
    if kind == "py" and not path.endswith(".py"):
        fail("imported %s, not the .py source" % path)
    if mode == "import":
        print(json.dumps({"import_seconds": t1 - t0, "file": path}))
        return
    n = int(sys.argv[5])
    try:
        t2 = time.perf_counter()
        result = mod.main(n)
        t3 = time.perf_counter()
    except BaseException:
        fail("main(%d) raised: %s" % (n, traceback.format_exc().strip().splitlines()[-1]))
    print(json.dumps({"seconds": t3 - t2, "checksum": repr(result),
                      "type": type(result).__name__, "file": path}))


if __name__ == "__main__":
    main()
