# checks: a with statement is reported as not supported yet.


def f(path: str) -> int:
    with open(path) as fh:
        return len(fh.read())
