# checks: a class definition is reported as "class ... is not supported
# yet" (a compile error, for now).


class Point:
    x: int
    y: int


def f() -> int:
    return 1
