# range() with a literal step of 0 (or -0) raises ValueError, also when the
# bounds are machine-sized (a C counting loop must not spin forever).


def literal_zero() -> int:
    t = 0
    for k in range(0, 10, 0):
        t += k
    return t


def negative_zero(xs: list[int]) -> int:
    t = 0
    for k in range(len(xs), 0, -0):
        t += k
    return t


def big_stop(n: int) -> int:
    # a stop far beyond int64: the loop runs from a machine start
    t = 0
    for k in range(5, n):
        if k == 9:
            break
        t += k
    return t


for f, arg in ((literal_zero, None), (negative_zero, [1, 2])):
    try:
        print(f() if arg is None else f(arg))
    except ValueError as exc:
        print("ValueError:", exc)
print(big_stop(10**30), big_stop(7), big_stop(-10**30))
