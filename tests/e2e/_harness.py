"""Plain-Python helpers for the e2e tests.

Files whose names start with "_" are never compiled; the runner puts this
directory on sys.path in both modes, so the interpreted and the compiled run
of a test share these helpers.  They let a test observe exceptions without
try/except in the (compiled) test module itself.

    check(fn, *args, **kwargs)  print repr(result) or "raised Type: message"
    tb(fn, *args)               like check, then print (function, line) of
                                each traceback entry after this helper's own
    setglobal(modname, name, v) rebind a module global from outside
    getglobal(modname, name)    read a module global from outside
    report(fn, *args)           print "name result", or "name Type message
                                line N source" for the innermost frame
"""
import sys
import traceback


def _show_exc(e):
    print("raised " + type(e).__name__ + ": " + str(e))


def check(fn, *args, **kwargs):
    try:
        r = fn(*args, **kwargs)
    except Exception as e:
        _show_exc(e)
    else:
        print(repr(r))


def tb(fn, *args):
    try:
        r = fn(*args)
    except Exception as e:
        _show_exc(e)
        for entry in traceback.extract_tb(e.__traceback__)[1:]:
            print((entry.name, entry.lineno))
    else:
        print("no exception: " + repr(r))


def setglobal(modname, name, value):
    setattr(sys.modules[modname], name, value)


def getglobal(modname, name):
    return getattr(sys.modules[modname], name)


def report(f, *args):
    try:
        print(f.__name__, f(*args))
    except Exception as e:
        entry = traceback.extract_tb(e.__traceback__)[-1]
        print(f.__name__, type(e).__name__, e, "line", entry.lineno, entry.line)
