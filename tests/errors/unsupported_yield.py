# staticpyc-args: --strict
# checks: yield (a generator function) is reported as not supported yet.


def count(n: int) -> int:
    i = 0
    while i < n:
        yield i
        i = i + 1
    return 0
