# Typed tuples: packing, constant indexing (also negative), unpacking from a
# variable and from a call returning tuple[int, str], swaps, nested
# unpacking, tuple[int, ...] iteration/len/index, comparison and hashing.
from typing import Tuple
from _harness import check


def pack(a: int, s: str) -> tuple[int, str]:
    return a, s


def pack_paren(a: int, f: float) -> Tuple[int, float, bool]:
    t = (a, f, a > 0)
    return t


def first_last(t: tuple[int, str, float]) -> str:
    return str(t[0]) + t[1] + str(t[-1]) + t[-2]


def unpack_call(n: int) -> str:
    a, b = pack(n, "x")
    return b * a


def unpack_var(t: tuple[int, str]) -> str:
    num, name = t
    return name + str(num + 1)


def swap(a: int, b: int) -> tuple[int, int]:
    a, b = b, a
    return a, b


def rotate(a: str, b: str, c: str) -> tuple[str, str, str]:
    a, b, c = b, c, a
    return a, b, c


def nested(t: tuple[tuple[int, int], str]) -> str:
    (x, y), s = t
    return s + str(x * y)


def var_total(t: tuple[int, ...]) -> int:
    total = 0
    for x in t:
        total += x
    return total


def var_index(t: tuple[int, ...], i: int) -> int:
    return t[i]


def var_len(t: Tuple[int, ...]) -> int:
    return len(t)


def var_slice(t: tuple[int, ...]) -> tuple[int, ...]:
    return t[1:]


def contains(t: tuple[int, ...], v: int) -> bool:
    return v in t


def compare(a: tuple[int, str], b: tuple[int, str]) -> tuple[bool, bool, bool]:
    return a == b, a < b, a != b


def fib_pairs(n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    a, b = 0, 1
    for i in range(n):
        out.append((i, a))
        a, b = b, a + b
    return out


def unzip(ps: list[tuple[str, int]]) -> tuple[list[str], list[int]]:
    names: list[str] = []
    nums: list[int] = []
    for name, num in ps:
        names.append(name)
        nums.append(num)
    return names, nums


def divmod_unpack(a: int, b: int) -> str:
    q, r = divmod(a, b)
    return str(q) + "r" + str(r)


def concat(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    return a + b


def single(x: int) -> tuple[int]:
    return (x,)


# Untyped shims: the Any -> tuple[int, ...] conversion inside compiled code.
def index_any(t, i: int) -> int:
    return var_index(t, i)


def total_any(t) -> int:
    return var_total(t)


def slice_any(t) -> tuple[int, ...]:
    return var_slice(t)


print(pack(1, "a"), pack_paren(-2, 0.5))
print(first_last((7, "s", 2.5)))
print(unpack_call(3), unpack_var((9, "n")))
print(swap(1, 2), rotate("a", "b", "c"))
print(nested(((3, 4), "p")))
print(var_total((1, 2, 3)), var_len((5, 6)), var_slice((1, 2, 3)))
# A literal () is not accepted for tuple[int, ...] yet (compile error):
# pass it through check.
check(total_any, ())
check(slice_any, ())
check(index_any, (1, 2, 3), -1)
check(index_any, (1, 2, 3), 3)
check(index_any, (), -1)
# The same through the Python-visible wrappers (any length is accepted).
check(var_total, ())
check(var_total, (5,))
check(var_len, (1, 2, 3, 4, 5))
check(var_slice, ())
check(var_index, (1, 2, 3), -1)
check(var_index, (1, 2, 3), 3)
print(contains((1, 2), 2), contains((3,), 2))
print(compare((1, "a"), (1, "b")), compare((2, "a"), (2, "a")))
print(fib_pairs(6))
print(unzip([("a", 1), ("b", 2)]), unzip([]))
print(divmod_unpack(17, 5), divmod_unpack(-17, 5))
print(concat((1,), (2, 3)), single(4), hash((1, "a")) == hash(pack(1, "a")))
