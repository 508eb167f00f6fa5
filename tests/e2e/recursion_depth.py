# Unbounded recursion between compiled functions is a RecursionError, as in
# the interpreter, not a crashed C stack (native calls count their depth).
import sys


def down(n: int) -> int:
    if n == 0:
        return 0
    return 1 + down(n - 1)


def ping(n: int) -> int:
    return n if n <= 0 else pong(n - 1)


def pong(n: int) -> int:
    return ping(n - 1) + 1


class Walker:
    def walk(self, n: int) -> int:
        return 0 if n == 0 else self.walk(n - 1) + 1


for f in (down, ping):
    try:
        print(f(10_000_000))
    except RecursionError:
        print(f.__name__, "RecursionError")
try:
    print(Walker().walk(10_000_000))
except RecursionError:
    print("walk RecursionError")

# Below the limit the same code works, and again after the error.
print(down(500), ping(500), Walker().walk(500))

# Raising the limit lets native recursion go deeper than the default 1000.
old = sys.getrecursionlimit()
sys.setrecursionlimit(5000)
print(down(3000))
sys.setrecursionlimit(old)
