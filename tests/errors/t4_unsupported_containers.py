# staticpyc-args: --strict
# checks: container constructs that are not supported yet are each reported
# with their own "not supported yet" error, all of them in the file.
# (Starred targets and unpacking in displays are supported now:
# tests/e2e/starred_unpacking.py.)
def f(xs: list[int], d: dict[str, int]) -> int:
    total = next(iter(xs))
    first, *rest = xs
    merged = {**d}
    print(*xs)
    print(b"raw")
    return total
