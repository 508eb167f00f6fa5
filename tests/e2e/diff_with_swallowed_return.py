# Documented difference (annotations are enforced at the boundary): a
# function whose every path returns from inside a `with` reaches its end
# only when the context manager swallows an exception.  The interpreter
# then returns None; compiled code checks that None against the declared
# return type, so `-> list[str]` raises TypeError (an Optional result
# returns None as interpreted: tests/e2e/fields_and_with_returns.py).
# Expected compiled output: diff_with_swallowed_return.compiled.out
import contextlib
from _harness import check


def read() -> list[str]:
    with contextlib.suppress(KeyError):
        raise KeyError("k")
        return ["never"]


def count() -> int:
    with contextlib.suppress(KeyError):
        raise KeyError("k")
        return 1


check(read)
check(count)
