# staticpyc-args: --strict
# checks: under --strict, an error on a `# type: ignore` line is an error
# like any other (the function cannot be compiled natively).
def loose(x: int) -> str:
    return x  # type: ignore
