# Tagged-int operations whose operands are temporaries that die at them use
# the owning form (spy_int_<op>_own, emit/refcount.c): the operation
# releases them itself, on success and on failure.  With big values every
# temporary here is a boxed PyLong, so a wrong release shows up as a wrong
# value or a crash, and the leak suite (tests/leak) runs the same shapes.

def twice(x: int) -> int:
    return x * 2


def all_ops(a: int, b: int, k: int) -> int:
    t = twice(a) * twice(b) + twice(a) - twice(b) // twice(k)
    t += (twice(a) % twice(k)) ** 2 + (twice(a) << (k % 3)) + (twice(b) >> 1)
    t ^= twice(a) & twice(b) | twice(k)
    return t


def shift_by(a: int, k: int) -> int:
    return twice(a) << twice(k)


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def show(f, *args) -> None:
    try:
        print(f.__name__, args, f(*args))
    except Exception as e:
        print(f.__name__, args, type(e).__name__, e)


for a, b, k in [(3, 5, 2), (-7, 11, 3), (2 ** 61, 3, 5), (2 ** 70, 3 ** 45, 7),
                (-(2 ** 80), 2 ** 62, -9), (2 ** 70, 5, 0), (1, 2 ** 90, 0)]:
    show(all_ops, a, b, k)
for a, k in [(5, 3), (2 ** 70, 2), (2 ** 70, -1), (-3, -5), (0, 40)]:
    show(shift_by, a, k)
print(fib(20))
