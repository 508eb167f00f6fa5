# Nested defs in compiled functions: made by the interpreter from their source
# with the enclosing function's cells, so they see its variables as closures
# do (late binding, later assignments, del); defaults and decorators are
# evaluated natively. nonlocal still leaves the function to the interpreter.
from typing import Callable


def make_adder(k: int) -> Callable[[int], int]:
    def add(x: int) -> int:
        return x + k
    return add


def sort_by_offset(xs: list[str], n: int) -> list[str]:
    def key(s: str) -> str:
        return s[n:]
    return sorted(xs, key=key)


def counter(xs: list[int]) -> int:
    total = 0
    scale = 2

    def weigh(v: int, bonus: int = 1, *, extra: int = 0) -> int:
        return v * scale + bonus + extra
    for x in xs:
        total += weigh(x)
        scale += 1
    return total + weigh(1, extra=5)


def late_binding() -> list[int]:
    fs = []
    for i in range(3):
        def f() -> int:
            return i
        fs.append(f)
    return [g() for g in fs]


def unbound_read() -> int:
    def peek() -> int:
        return later
    try:
        return peek()
    except NameError as e:
        print("NameError", e)
    later = 5
    return peek()


def gen_inside(n: int) -> list[int]:
    def g():
        for i in range(n):
            yield i * n
    return list(g())


print(make_adder(3)(4), sort_by_offset(["ab", "ba", "cc"], 1), counter([1, 2, 3]))
print(late_binding(), unbound_read(), gen_inside(3))


def recursive(n: int) -> int:
    def fact(k: int) -> int:
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)


def deleted() -> str:
    x = "here"

    def show() -> str:
        return x
    first = show()
    del x
    try:
        return first + " " + show()
    except NameError:
        return first + " gone"


def decorated(n: int) -> list[int]:
    seen: list[int] = []

    def log(fn: Callable[[int], int]) -> Callable[[int], int]:
        def wrapped(v: int) -> int:
            seen.append(v)
            return fn(v)
        return wrapped

    @log
    def double(v: int) -> int:
        return 2 * v + n
    return [double(1), double(2)] + seen


def gen_closure(n: int):
    def scale(v: int) -> int:
        return v * n
    for i in range(3):
        yield scale(i)
        n += 1


def uses_nonlocal() -> int:
    count = 0

    def bump() -> None:
        nonlocal count
        count += 1
    bump()
    bump()
    return count


def floats(xs: list[float]) -> list[float]:
    total = 0.0
    for x in xs:
        total += x

    def norm(v: float) -> float:
        return v / total
    return [norm(x) for x in xs]


print(make_adder(1).__qualname__, make_adder(1).__name__, make_adder(1).__closure__ is not None)
print(recursive(10), deleted(), decorated(5), list(gen_closure(2)), uses_nonlocal(), floats([1.0, 3.0]))
