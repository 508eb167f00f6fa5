# Local lists that never leave their function are C arrays of unboxed
# elements (typecheck/native_array.c): what the program can observe must be
# the interpreter's -- values, big ints, negative and huge indexes, the
# IndexError / OverflowError / MemoryError of indexing and `[x] * n`,
# list(range(...)) beyond 64 bits, in-place updates, rebinding, arrays in
# generators and across exceptions.  Lists that escape stay lists.
from typing import Any, Iterator


def report(f, *args) -> None:
    try:
        print(f.__name__, f(*args))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)


def sieve(limit: int) -> int:
    flags: list[bool] = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for k in range(len(flags)):
        if flags[k]:
            count += 1
    return count


def floats(n: int) -> float:
    ws = [0.25] * n
    for i in range(n):
        ws[i] += i / 3
        ws[-1 - i] *= 1.5
    ws[0] = 7          # an int stored in a list[float] reads back as a float
    return ws[0] + ws[n // 2] + ws[-1] + len(ws)


def big_ints(n: int) -> list[int]:
    xs = [0] * n
    xs[0] = 2 ** 100
    xs[1] = -(2 ** 70)
    for i in range(2, n):
        xs[i] = xs[i - 1] * xs[i - 2] + i
    xs[2] += 2 ** 64
    xs[3] -= 1
    xs[-1] //= 7
    return [xs[0], xs[1], xs[2], xs[3] % 1000003, xs[-1] % 1000003, len(xs)]


def shared_big(n: int) -> int:
    big = 10 ** 30
    xs = [big] * n       # one object in every slot: counted once per slot
    xs[0] = 1
    t = 0
    for i in range(n):
        t += xs[i] % 97
    return t


def ranges(a: int, b: int) -> list[int]:
    xs = list(range(a, b))
    ys = list(range(b))
    total = 0
    for i in range(len(xs)):
        total += xs[i]
    return [total, len(xs), len(ys), ys[-1] if len(ys) > 0 else -1]


def read_at(n: int, i: int) -> bool:
    xs = [True] * n
    return xs[i]


def write_at(n: int, i: int) -> float:
    xs = [1.0] * n
    xs[i] = 2.0
    return xs[i]


def update_at(n: int, i: int) -> int:
    xs = [5] * n
    xs[i] += 1
    return xs[i]


def repeat(n: int) -> int:
    xs = [False] * n
    return len(xs)


def repeat_ints(n: int) -> int:
    xs = [3] * n
    return len(xs)


def rebind(n: int) -> int:
    t = 0
    for r in range(n):
        xs = [r] * (r + 1)      # the previous array is freed here
        xs[r] += 2 ** 80
        t += xs[r] % 1000 + len(xs)
    return t


def maybe_unbound(flag: bool) -> int:
    if flag:
        xs = [1] * 3
    return xs[0]


def catch(n: int) -> int:
    xs = [1] * n
    caught = 0
    for i in range(n + 3):
        try:
            xs[i] = xs[i - 1] + 1
        except IndexError as e:
            caught += 1
            print("caught", e)
    return caught * 1000 + xs[n - 1]


def gen(n: int) -> Iterator[int]:
    acc = [0] * n
    for i in range(n):
        acc[i] = i * i
        yield acc[i]
    yield acc[0] + acc[-1]


def noisy(x: int) -> int:
    print("element", x)
    return x


def displays(n: int) -> list[float]:
    xs = [noisy(3), noisy(1), noisy(2)]   # elements in order, then the list
    fs: list[float] = [1.5, 2.5, n / 2]
    bs = [n > 2, n > 5]
    xs[0] += 2 ** 65
    fs[2] /= 4
    return [xs[0] % 1000, xs[1] + xs[-1], fs[0], fs[2], float(bs[0]), float(bs[1]), len(fs)]


def iterate(n: int) -> list[int]:
    xs = [1] * n
    seen = 0
    for x in xs:                # reads each element as the list iterator does
        seen = seen * 10 + x
        if seen < 1000:
            xs[len(xs) - 1] = 7
    total = 0
    for b in [True, False, True]:
        total += int(b)
    ws = [0.5] * 3
    for w in ws:
        total += int(w * 4)
    old = [5] * 2
    for v in old:               # rebinding inside keeps iterating the old list
        total += v
        old = [100] * 5
    for k in xs:
        if k == 7:
            break
    else:
        total = -1
    big = [2 ** 70] * 2
    for g in big:
        total += g % 1000
    return [seen, total, len(old)]


def update_any(n: int, a: Any) -> list[int]:
    xs = [1] * n
    xs[0] += a          # a dynamic result is checked where it meets the slot
    fs = [True] * n
    fs[1] &= False
    return [xs[0], int(fs[1]), len(xs)]


def escapes(n: int) -> list[bool]:
    flags = [True] * n     # returned: stays a list
    flags[0] = False
    return flags


def passed(xs: list[int]) -> int:
    return sum(xs)


def escapes_to_call(n: int) -> int:
    xs = [2] * n
    xs[0] = 5
    return passed(xs) + sum(x for x in xs)


def iterated(n: int) -> int:
    xs = [3] * n
    t = 0
    for x in xs:
        t += x
    return t + len([y for y in xs if y])


def main() -> None:
    report(sieve, 100)
    report(sieve, 1)
    report(floats, 9)
    report(big_ints, 8)
    report(shared_big, 50)
    report(ranges, 3, 12)
    report(ranges, -5, -2)
    report(ranges, 10 ** 30, 10 ** 30 + 3)
    report(ranges, 7, 2)
    report(ranges, 0, 10 ** 30)
    for i in (0, 4, -1, -5, 5, -6, 2 ** 62, 2 ** 70, -(2 ** 70)):
        report(read_at, 5, i)
        report(write_at, 5, i)
        report(update_at, 5, i)
    report(repeat, 0)
    report(repeat, -3)
    report(repeat, 10 ** 6)
    report(repeat, 2 ** 62)
    report(repeat, 2 ** 70)
    report(repeat, -(2 ** 70))
    report(repeat_ints, 2 ** 61)
    report(rebind, 20)
    report(maybe_unbound, True)
    report(maybe_unbound, False)
    report(catch, 4)
    print(list(gen(6)))
    report(displays, 4)
    report(iterate, 4)
    report(update_any, 3, 5)
    report(update_any, 3, 2 ** 70)
    report(update_any, 3, "x")
    report(escapes, 3)
    report(escapes_to_call, 4)
    report(iterated, 5)


main()
