# Generator expressions other than those a builtin consumes whole: made by
# the interpreter with the function's cells; the first iterable is
# evaluated at once, the rest lazily, as in the interpreter.
import itertools


def first_big(xs: list[int], limit: int) -> int:
    return next(x for x in xs if x > limit)


def lazy(xs: list[int]) -> list[int]:
    seen: list[int] = []

    def note(v: int) -> int:
        seen.append(v)
        return v
    g = (note(x) * 2 for x in xs)
    out = [next(g), next(g)]
    return out + seen


def captured_later(n: int) -> list[int]:
    k = 1
    g = (x * k for x in range(n))
    k = 10
    return list(g)


def nested(rows: list[list[int]]) -> list[int]:
    return list(itertools.chain.from_iterable((v + 1 for v in r) for r in rows))


def first_iter_eager() -> str:
    try:
        g = (x for x in 5)
        return "no error"
    except TypeError as e:
        return "TypeError " + str(e)


def multi_line(xs: list[int],
               ys: list[int]) -> list[int]:
    g = (a * b
         for a in xs
         for b in ys
         if a != b)
    return list(g)


GEN = (c.upper() for c in "abc")
print(first_big([1, 5, 9], 4), lazy([1, 2, 3]), captured_later(3), nested([[1], [2, 3]]))
print(first_iter_eager(), multi_line([1, 2], [2, 3]), "".join(GEN))
