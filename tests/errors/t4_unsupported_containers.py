# staticpyc-args: --strict
# checks: container constructs that are not supported yet are each reported
# with their own "not supported yet" error, all of them in the file.
# (Starred targets, unpacking in displays and in calls are supported now:
# tests/e2e/starred_unpacking.py, tests/e2e/call_unpacking.py.)
def f(xs: list[int], d: dict[str, int]) -> int:
    total = next(iter(xs))
    first, *rest = xs
    merged = {**d}
    print(*xs, **d)
    print(b"raw")
    print(2j)
    return total
