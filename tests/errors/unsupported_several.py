# staticpyc-args: --strict
# checks: every unsupported construct in a module is reported, not just
# the first: a nested class, an except*, and super() in a function nested
# in a method, in one file.


def f(x: int) -> int:
    class Local:
        pass
    try:
        pass
    except* ValueError:
        pass
    return x


class C:
    def m(self, x: int) -> int:
        def g() -> int:
            return super().__hash__()
        return g()
