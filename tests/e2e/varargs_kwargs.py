# *args and **kwargs in module functions: the wrapper binds the extras
# into a tuple and a dict; compiled callers call through it.
from typing import Any


def total(*nums: int) -> int:
    t = 0
    for n in nums:
        t += n
    return t


def describe(name: str, *args: Any, sep: str = ", ", **opts: Any) -> str:
    parts = [name] + [str(a) for a in args]
    parts += [k + "=" + str(v) for k, v in sorted(opts.items())]
    return sep.join(parts)


def only_kw(**kw: int) -> int:
    return sum(kw.values())


def posonly(a: int, /, **kw: int) -> str:
    return str(a) + str(sorted(kw.items()))


def caller() -> str:
    return describe("x", 1, 2, sep="-", flag=True) + " " + str(total(1, 2, 3))


print(total(), total(1, 2, 3), describe("n"), describe("n", 1, "two", sep="|", z=1, a=2))
print(only_kw(), only_kw(a=1, b=2), posonly(1, a=5), caller())
try:
    total(1, "x")
except TypeError as e:
    print("TypeError")
try:
    describe()
except TypeError as e:
    print(e)
try:
    only_kw(1)
except TypeError as e:
    print(e)
