# with (several items, __exit__ suppressing or not, return/break/continue
# out of the body) and return from inside try/finally.
import os
import sys
import tempfile

class CM:
    def __init__(self, name: str, swallow: bool) -> None:
        self.name = name
        self.swallow = swallow

    def __enter__(self) -> str:
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, t: object, v: object, tb: object) -> bool:
        print("exit", self.name, t is not None, sys.exc_info()[0] is not None)
        return self.swallow

def use(n: int) -> int:
    with CM("a", False) as x, CM("b", True) as y:
        print("body", x, y)
        if n == 1:
            return 10
        if n == 2:
            raise ValueError("boom")
    return 0

def loop(n: int) -> int:
    t = 0
    for i in range(n):
        with CM("l" + str(i), False):
            if i == 1:
                continue
            if i == 3:
                break
            t += i
    return t

def fin(n: int) -> str:
    try:
        if n > 0:
            return "early"
    finally:
        print("finally", n)
    return "late"

def read(path: str) -> str:
    with open(path, "w") as out:
        out.write("hello with statement")
    with open(path) as fh:
        data = fh.read()
    return data[:10]

print(use(0), use(1), use(2), loop(5), fin(1), fin(0), read(os.path.join(tempfile.mkdtemp(), "w.txt")))
try:
    with CM("c", False):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
