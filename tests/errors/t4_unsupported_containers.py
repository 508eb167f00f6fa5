# staticpyc-args: --strict
# checks: constructs that are not supported yet are each reported with
# their own "not supported yet" error, all of them in the file.
# (Starred targets, unpacking in displays and in calls, bytes and complex
# literals, `...` and imports inside functions are supported now:
# tests/e2e/starred_unpacking.py, call_unpacking.py, bytes_literals.py,
# literal_kinds.py, function_imports.py.)
def f(xs: list[int], d: dict[str, int]) -> int:
    total = next(iter(xs))
    first, *rest = xs
    merged = {**d}
    print(*xs, **d)
    print(b"raw", 2j, ...)
    import json

    class Inner:
        pass

    async def later() -> None:
        pass
    return total
