# checks: methods of typed containers and str are resolved at compile time:
# unknown methods are errors, and so are iterating over or indexing a value
# that does not support it.
def f(xs: list[int], d: dict[str, int], s: str, n: int) -> None:
    xs.push(1)
    d.has_key("a")
    s.nosuch()
    for c in n:
        print(c)
    print(n[0])
