# Assorted typed-container idioms: truthiness of each container kind,
# `while xs: xs.pop()`, toggling list[bool] items, `+=` on list[float]
# items, enumerate with nested tuple targets, nested tuple targets in for,
# a comprehension re-run inside a loop, `s += w` string building, a list
# growing while a comprehension iterates over it, and big ints in lists.


def truthy(xs: list[int], d: dict[str, int], s: set[int], t: tuple[int, ...], w: str) -> list[bool]:
    out: list[bool] = []
    out.append(not xs)
    out.append(bool(d))
    if s:
        out.append(True)
    if t:
        out.append(True)
    if not w:
        out.append(False)
    while xs:
        xs.pop()
    out.append(len(xs) == 0)
    return out


def flip(flags: list[bool]) -> list[bool]:
    for i in range(len(flags)):
        flags[i] = not flags[i]
    return flags


def fl(xs: list[float]) -> list[float]:
    xs[0] += 0.5
    xs[-1] *= 2.0
    return xs


def enum_pairs(ps: list[tuple[int, int]]) -> list[int]:
    out: list[int] = []
    for i, (a, b) in enumerate(ps):
        out.append(i * 100 + a * 10 + b)
    return out


def nested_for_unpack(ps: list[tuple[tuple[int, int], str]]) -> list[str]:
    out: list[str] = []
    for (a, b), c in ps:
        out.append(c * (a + b))
    return out


def comp_in_loop(n: int) -> list[list[int]]:
    out: list[list[int]] = []
    for i in range(n):
        out.append([j * i for j in range(i)])
    return out


def strcat(ws: list[str]) -> str:
    s = ""
    for w in ws:
        s += w
        s += ","
    return s


def mutate_in_comp(xs: list[int]) -> list[int]:
    return [x for x in xs if len(xs) < 6 and (xs.append(x) is None)]


def bigs(xs: list[int]) -> list[int]:
    out: list[int] = []
    for x in xs:
        out.append(x * x)
    return out


def matrix_mul(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    n = len(a)
    m = len(b[0])
    out = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            for k in range(len(b)):
                out[i][j] += a[i][k] * b[k][j]
    return out


print(truthy([1], {}, {1}, (1,), ""), truthy([], {"a": 1}, set(), (0,), "x"))
print(flip([True, False]), flip([]))
print(fl([1.0, 2.0]), fl([4.0]))
print(enum_pairs([(1, 2), (3, 4)]), nested_for_unpack([((1, 1), "ab"), ((0, 0), "x")]))
print(comp_in_loop(4), strcat(["a", "b"]), repr(strcat([])))
print(mutate_in_comp([1, 2, 3]))
print(bigs([2 ** 40, -(2 ** 62), 3, 2 ** 63 - 1]))
print(matrix_mul([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
