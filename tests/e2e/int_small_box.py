# Boxing an int in -5..256 hands out the interpreter's own cached object
# (runtime/spy_int.h, spy_i64_box), on every path that boxes: a return to
# the interpreter, a list store, an int64 loop index, a tuple.  `is` against
# a small int computed by the interpreter is true in both runs.

def bump(a: int) -> int:
    return a + 1


def store(xs: list[int], a: int) -> list[int]:
    xs[0] = a * 2
    xs.append(a - 300)
    return xs


def indexes(n: int) -> list[object]:
    out: list[object] = []
    for i in range(n - 3, n):
        out.append(i)
    return out


def pair(a: int) -> tuple[int, int]:
    return (a, -a)


for a in (-6, -5, -1, 0, 1, 100, 255, 256, 257, 1000, 2 ** 62, -(2 ** 70)):
    b = bump(a)
    print(a, b, b is a + 1 if -5 <= a + 1 <= 256 else "big")
for a in (0, 3, 128, 129, 150, 10 ** 20):
    xs = store([7, 8], a)
    print(xs, [x is int(str(x)) for x in xs if -5 <= x <= 256])
for n in (2, 3, 200, 258, 300):
    r = indexes(n)
    print(r, [v is int(str(v)) for v in r if -5 <= v <= 256])
for a in (5, 300):
    p = pair(a)
    print(p, p[0] is int(str(p[0])) if a < 257 else "big", p[1] is int(str(p[1])) if a < 6 else "big")
