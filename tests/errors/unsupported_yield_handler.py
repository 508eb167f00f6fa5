# staticpyc-args: --strict
# checks: a yield inside an except or finally block, and `yield from` used
# as a value, are reported as not supported yet under --strict.
from typing import Iterator


def retry(n: int) -> Iterator[int]:
    try:
        yield n
    except ValueError:
        yield -1
    finally:
        yield 0


def total(xs: list[int]) -> Iterator[int]:
    r = yield from xs
    print(r)
