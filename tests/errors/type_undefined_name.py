# checks: names that are never defined are compile errors: a call to an
# undefined function, a read of an undefined variable, and a typo in a
# builtin's name.


def f(x: int) -> int:
    y = helper(x)
    return y + undefined_var


def g() -> None:
    prnt("hello")
