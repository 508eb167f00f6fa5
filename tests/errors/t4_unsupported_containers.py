# staticpyc-args: --strict
# checks: container constructs that are not supported yet are each reported
# with their own "not supported yet" error, all of them in the file.
def f(xs: list[int], d: dict[str, int]) -> int:
    total = next(iter(xs))
    first, *rest = xs
    merged = {**d}
    return total
