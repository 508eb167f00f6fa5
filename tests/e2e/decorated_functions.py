# Decorated module functions compile natively: the decorators are evaluated
# first and applied innermost first to the compiled function, and the name
# is bound to what they return, so calls (recursive ones too) go through
# it: lru_cache memoises compiled recursion, wrappers see every call.
import functools
from typing import Callable


def trace(fn: Callable[..., int]) -> Callable[..., int]:
    @functools.wraps(fn)
    def inner(*a: int) -> int:
        print("call", fn.__name__, a)
        return fn(*a)
    return inner


@functools.lru_cache(maxsize=None)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@trace
@trace
def add(a: int, b: int) -> int:
    return a + b


def user(n: int) -> int:
    return fib(n) + add(n, 1)


print(fib(80), fib.cache_info().hits > 0, add(2, 3), user(10), add.__name__)

order: list[str] = []


def mark(tag: str) -> Callable[[Callable[..., int]], Callable[..., int]]:
    order.append("eval " + tag)

    def apply(fn: Callable[..., int]) -> Callable[..., int]:
        order.append("apply " + tag)
        return fn
    return apply


@mark("outer")
@mark("inner")
def marked(x: int = len(order)) -> int:
    return x


print(order, marked(), marked.__doc__)
