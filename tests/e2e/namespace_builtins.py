# Builtins that look at the caller's namespace.  Compiled code has no frame
# of its own: globals() is the module dict everywhere; in the module body
# locals(), vars(), dir(), eval(src) and exec(src) use it too; a function
# that reads its own locals is left to the interpreter, so all of them
# behave as the interpreter's.
import sys

LIMIT = 5


def limit() -> int:
    return LIMIT


def module_dict_is_globals() -> bool:
    return globals() is sys.modules[__name__].__dict__


def rebind_through_globals(v: int) -> int:
    globals()["LIMIT"] = v
    return limit()


def own_locals(a: int) -> list:
    b = a * 2
    return sorted(locals().items())


def own_vars_and_dir(a: int) -> str:
    c = a + 1
    return str(sorted(vars())) + " " + str(dir()) + " " + str(c)


def evaluates(a: int) -> int:
    return eval("a * 10 + LIMIT")


def executes(a: int) -> int:
    exec("global LIMIT\nLIMIT = a + 100")
    return LIMIT


def explicit_namespace(a: int) -> object:
    ns = {"a": a}
    exec("b = a + 1", ns)
    return eval("a + b", {"a": 1}, ns)


print(module_dict_is_globals(), limit())
print(rebind_through_globals(9), LIMIT)
print(own_locals(3))
print(own_vars_and_dir(4))
print(evaluates(2))
print(executes(1), limit())
print(explicit_namespace(7))
print(locals() is globals(), vars() is globals())
print([n for n in dir() if not n.startswith("__")])
print(eval("LIMIT + 1"))
exec("LIMIT = 42")
print(LIMIT, limit())
exec("NEW_NAME = 'made by exec'")
print(globals()["NEW_NAME"], eval("NEW_NAME"))
globals()["LIMIT"] = 3
print(LIMIT, limit())
