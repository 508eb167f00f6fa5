# checks: starred targets and unpacking in displays and calls are checked:
# two starred targets, too few items of a tuple type for the targets, and a
# value that cannot be unpacked where its type says so.
def f(t: tuple[int, str], n: int, xs: list[int]) -> None:
    a, *b, *c = xs
    p, q, *r, s = t
    print([*n], {**xs}, {*n})


def g(n: int, xs: list[int]) -> None:
    print(*n, **xs)
