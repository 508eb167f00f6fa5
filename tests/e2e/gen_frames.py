# What a generator keeps while suspended (cgen_gen.c: the body runs on C
# locals and each yield stores those it needs later): values of every
# representation across yields, yields in try/except/finally, throw() into
# delegation, generators that never start (dropped, closed, thrown into),
# and reference cycles through suspended and unstarted generators.
import gc
from typing import Iterator


class Noisy:
    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.other: object = None

    def __del__(self) -> None:
        print("del", self.tag)


def kinds(n: int, scale: float, flag: bool, text: str) -> Iterator[object]:
    total = 0
    acc = 0.5
    big = 2 ** 70
    for i in range(n):
        total += i
        acc *= scale
        yield (i, total, acc, flag, text[i % len(text)], big + i)
        flag = not flag
        big -= 1
    yield (total, acc, big)


def guarded(xs: list[int]) -> Iterator[str]:
    for x in xs:
        note = ""
        try:
            yield "try %d" % (100 // x)
        except ValueError as e:
            note = "caught %s at %d" % (e, x)
        finally:
            print("finally", x)
        if note:
            yield note


def inner(k: int) -> Iterator[int]:
    caught = False
    try:
        for i in range(k):
            yield i
    except KeyError as e:
        print("inner caught", e)
        caught = True
    if caught:
        yield -1
    return None


def outer(k: int) -> Iterator[int]:
    before = k * 10
    yield from inner(k)
    yield before


def holds(box: list[object], tag: str) -> Iterator[int]:
    mine = Noisy(tag)
    yield len(box)
    yield len(mine.tag)


print(list(kinds(4, 1.5, True, "abc")))
g = guarded([5, 4, 2])
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
g.close()
o = outer(3)
print(next(o), next(o))
print(o.throw(KeyError("k")))
print(list(o))

# never started: dropped, closed, thrown into; the arguments are released
# (when exactly differs between interpreter versions: 3.13 keeps a closed
# generator's until it is freed, a thrown exception's traceback keeps the
# frame; so each is observed once the generator is gone)
n1 = Noisy("dropped arg")
u = holds([n1], "unused")
del n1, u
n2 = Noisy("closed arg")
u = holds([n2], "unused")
del n2
u.close()
rest = list(u)
del u
print("closed", rest)
n3 = Noisy("thrown arg")
u = holds([n3], "unused")
del n3
msg = ""
try:
    u.throw(RuntimeError("before the start"))
except RuntimeError as e:
    msg = str(e)
print("raised", msg, list(u))
del u

# cycles: an unstarted generator in a list it holds, a suspended one
gc.collect()
box: list[object] = [Noisy("cycle unstarted")]
box.append(holds(box, "never made"))
del box
gc.collect()
print("collected unstarted")
box2: list[object] = [Noisy("cycle suspended")]
s = holds(box2, "local")
box2.append(s)
print(next(s))
del box2, s
gc.collect()
print("collected suspended")
