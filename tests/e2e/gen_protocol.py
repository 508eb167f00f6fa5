# Compiled generators follow the interpreter's generator protocol: next,
# send, throw, close, return values, finally blocks, PEP 479, delegation.
from typing import Generator, Iterator


def count(n: int) -> Iterator[int]:
    i = 0
    while i < n:
        yield i
        i += 1


def squares(xs: list[int]) -> Iterator[int]:
    for x in xs:
        yield x * x


def chain(a: list[int], b: list[int]) -> Iterator[int]:
    yield from a
    yield from count(3)
    yield from b


def echo() -> Generator[int, int, str]:
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got
    return "done"


def fin(n: int) -> Iterator[int]:
    try:
        for i in range(n):
            yield i
    finally:
        print("fin closed at", i)


def catcher() -> Iterator[str]:
    while True:
        try:
            yield "ready"
        except ValueError as exc:
            print("caught", exc)


def delegator() -> Iterator[str]:
    yield from catcher()


def accum() -> Generator[int, int, None]:
    total = 0
    while True:
        x = yield total
        total += x


def outer_send() -> Generator[int, int, None]:
    yield from accum()


def leaks_stop() -> Iterator[int]:
    yield 1
    raise StopIteration("inner")


def raiser(n: int) -> Iterator[int]:
    yield n
    yield 10 // n


def empty() -> Iterator[int]:
    return
    yield 1


def stubborn() -> Iterator[int]:
    ignored = 0
    while True:
        try:
            yield 1
        except GeneratorExit:
            if ignored:
                raise
            ignored += 1
            print("ignoring exit")


def reenter() -> Iterator[int]:
    yield next(me)


print(list(count(5)), sum(squares([1, 2, 3])), list(chain([1], [9, 8])))
e = echo()
print(next(e), e.send(5), e.send(7))
try:
    e.send(None)
except StopIteration as s:
    print("stop", s.value)
try:
    next(e)
except StopIteration as s:
    print("again", s.value)
g = fin(10)
print(next(g), next(g))
g.close()
g.close()
print("closed twice")
print(list(fin(3)))
g3 = fin(5)
next(g3)
del g3
print("after del")
c = catcher()
print(next(c), c.throw(ValueError("boom")), c.throw(ValueError, "two"))
c.close()
d = delegator()
print(next(d), d.throw(ValueError("via yield from")))
d.close()
o = outer_send()
print(next(o), o.send(3), o.send(4))
try:
    list(leaks_stop())
except RuntimeError as exc:
    print("RuntimeError:", exc, "| cause:", repr(exc.__cause__))
r = raiser(0)
print(next(r))
try:
    next(r)
except ZeroDivisionError as exc:
    print("ZeroDivisionError:", exc)
print(list(r))
print(list(empty()))
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as exc:
    print("RuntimeError:", exc)
s.close()
print("closed the second time")
me = reenter()
try:
    next(me)
except ValueError as exc:
    print("ValueError:", exc)
fresh = count(2)
try:
    fresh.send(1)
except TypeError as exc:
    print("TypeError:", exc)
t = count(3)
try:
    t.throw(KeyError("early"))
except KeyError as exc:
    print("KeyError", exc, list(t))
g4 = count(3)
print(repr(g4).split(" at ")[0], g4.__name__, g4.__qualname__, iter(g4) is g4)
for v in g4:
    print(v, end=" ")
print()
print(list(g4), next(g4, "end"))
