# Calls with argument unpacking, f(a, *b, k=v, **m), compile natively: the
# positional arguments (starred ones spread) are evaluated first, then the
# keywords; the callee binds them as in the interpreter, and the errors
# are the interpreter's (a value that is not iterable or not a mapping, a
# keyword given twice), naming the callee.
from typing import Any
from _harness import check

LOG: list[str] = []


def noted(tag: str, value: Any) -> Any:
    LOG.append(tag)
    return value


def show(*args, **kwargs):
    return args, sorted(kwargs.items())


def typed(a: int, b: int = 2, *, c: int = 3) -> int:
    return a * 100 + b * 10 + c


def plain(a, b, c=0):
    return [a, b, c]


class Calc:
    def __init__(self, base: int) -> None:
        self.base = base

    def add(self, x: int, y: int = 0) -> int:
        return self.base + x + y


def spread(xs: list[int], kw: dict[str, int]) -> tuple:
    return (show(*xs), show(0, *xs, 9), show(*xs, *xs), show(**kw), show(1, **kw, z=5),
            show(*xs, **kw), typed(*xs[:1]), typed(*xs[:2], **{"c": 7}), plain(*xs[:3]))


def methods(c: Calc, xs: list[int]) -> tuple:
    return c.add(*xs[:2]), c.add(*xs[:1], **{"y": 5}), "-".join([*map(str, xs)]), max(*xs)


def builtins_(xs: list[int]) -> tuple:
    print(*xs, sep=",")
    print(*[], **{"end": "|\n"})
    return sorted(xs, **{"reverse": True}), dict(**{"a": 1}, b=2), list(zip(*[xs, xs]))


def ordered() -> list[str]:
    LOG.clear()
    show(noted("a", 1), *noted("b", [2]), k=noted("k", 3), **noted("m", {"j": 4}))
    show(k=noted("k2", 1), *noted("s2", [1]))
    return list(LOG)


def typed_result(xs: list[int]) -> int:
    r = typed(*xs)
    return r + 1


def call_any(f, args, kwargs):
    return f(*args, **kwargs)


class Keys:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, k):
        return k.upper()


check(spread, [1, 2, 3], {"p": 1, "q": 2})
check(methods, Calc(1000), [4, 5, 6])
check(builtins_, [3, 1, 2])
check(ordered)
check(typed_result, [1])
check(typed_result, [1, 2, 3])
check(typed_result, [1, 2, 3, 4])
check(typed_result, [])
check(call_any, show, (1, 2), {"k": 3})
check(call_any, show, "ab", Keys())
check(call_any, plain, [1], {"b": 2, "c": 3})
check(call_any, plain, [1, 2], {"b": 2})
check(call_any, show, 5, {})
check(call_any, show, None, {})
check(call_any, show, (), [1, 2])
check(call_any, len, ["abc"], {})
check(call_any, Calc(7).add, (1,), {"y": 1})
check(lambda: show(*[1], **{"a": 1}, a=2))
check(lambda: show(**{"a": 1}, **{"a": 2}))
check(lambda x: show(1, *x), 5)
check(lambda x: show(*x), 5)
check(lambda x: plain(*x), None)
check(lambda: plain(**{"a": 1}, **{"b": 2}))
check(lambda: show(**{1: 2}))
