# Documented difference 2 (DESIGN.md, Semantics): module-level functions
# are bound early. Rebinding the module attribute f from outside changes
# what the interpreter's caller() calls, but not what compiled caller()
# calls. Calls through the module attribute see the new function in both.
# Expected compiled output: diff_early_binding.compiled.out
from _harness import check, setglobal, getglobal


def f() -> int:
    return 1


def caller() -> int:
    return f() + 10


def replacement() -> int:
    return 2


print(caller())
setglobal(__name__, "f", replacement)
print(caller())
check(caller)
check(getglobal(__name__, "f"))
