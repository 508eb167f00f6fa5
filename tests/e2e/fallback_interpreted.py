# Functions the compiler cannot compile yet (lambdas with closures,
# decorators) are left to the interpreter; compiled code calls them and they
# call back. (The generators here are compiled natively now.)
from typing import Iterator, List
import functools

def gen(n: int) -> Iterator[int]:
    for i in range(n):
        yield i * i

def uses_lambda(xs: List[int]) -> List[int]:
    return sorted(xs, key=lambda x: -x)

@functools.lru_cache(maxsize=None)
def cached(n: int) -> int:
    return n * 2

def native(n: int) -> int:
    total = 0
    for v in gen(n):
        total += v
    return total + sum(uses_lambda([3, 1, 2])) + cached(n)

def boom() -> Iterator[int]:
    yield 1
    raise ValueError("x")

print(native(5), list(gen(3)), uses_lambda([1, 5, 2]), cached(4), cached.cache_info().hits)
try:
    list(boom())
except ValueError as e:
    import traceback
    print([(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)][-1])
