# checks: try/except is reported as not supported yet.


def f(s: str) -> int:
    try:
        return int(s)
    except ValueError:
        return 0
