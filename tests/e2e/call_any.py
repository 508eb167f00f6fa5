# A call through an object -- a dispatch table of the module's own
# functions -- goes straight to the function's argument binding
# (spy_call_any).  Positional and keyword arguments, defaults, *args and
# **kwargs, the interpreter's TypeError for a bad call, and decorated or
# rebound functions (not this module's function objects any more) must
# behave as the interpreter's call does; a recursion through such calls is
# a RecursionError, not a crashed C stack.
import functools
from _harness import check


def add(a, b=10, *, scale=1):
    return (a + b) * scale


def typed(n: int, label: str = "n") -> str:
    return label + "=" + str(n * 2)


def gather(*args, **kwargs):
    return args, sorted(kwargs.items())


def ping(n, table):
    return n if n == 0 else table["pong"](n - 1, table)


def pong(n, table):
    return table["ping"](n, table)


def spin(n, table):
    # no native call of its own: only calls through the table
    return table["spin"](n + 1, table)


def traced(f):
    @functools.wraps(f)
    def inner(*args, **kwargs):
        return ("traced", f(*args, **kwargs))
    return inner


@traced
def decorated(x):
    return x + 1


TABLE = {"add": add, "typed": typed, "gather": gather, "ping": ping, "pong": pong,
         "spin": spin, "decorated": decorated, "len": len}


def call(name, *args, **kwargs):
    return TABLE[name](*args, **kwargs)


def call2(name, a, b):
    return TABLE[name](a, b)


def call_kw(name, a):
    return TABLE[name](a, scale=3)


check(call2, "add", 1, 2)
check(call_kw, "add", 5)
check(call, "add", 1)
check(call, "add", 1, b=2, scale=4)
check(call, "add")
check(call, "add", 1, 2, 3)
check(call, "add", 1, nope=2)
check(call, "typed", 21)
check(call, "typed", 21, label="x")
check(call, "typed", 2**70)
check(call, "gather", 1, 2, k=3, a=4)
check(call2, "ping", 300, TABLE)
check(call2, "decorated", 1, 2)
check(call, "decorated", 41)
check(call, "len", [1, 2, 3])
for name in ("ping", "spin"):
    try:
        print(call2(name, 10_000_000, TABLE))
    except RecursionError:
        print(name, "RecursionError")
print(call2("ping", 400, TABLE))
TABLE["add"] = lambda a, b: a * b
check(call2, "add", 6, 7)
