# staticpyc-args: --strict
# checks: every unsupported construct in a module is reported, not just
# the first: a generator expression, a nonlocal, and a lambda closure in
# a method in one file.


def f(x: int) -> int:
    total = next(i for i in range(x))
    def inner() -> None:
        nonlocal x
    return x


class C:
    def m(self, x: int) -> int:
        return (lambda: x)()
