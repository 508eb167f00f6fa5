# Calls of small functions whose int arguments are all machine ints (range
# loop indexes, literals) go to an int64_t clone of the function
# (emit/lower_clone.c): the same results, exceptions and tracebacks as the
# tagged version, including values at the int64 edges that overflow inside.
import traceback


def poly(i: int, j: int) -> int:
    return (i + j) * (i + j + 1) // 2 + i + 1


def inv(i: int, j: int) -> float:
    return 1.0 / (i - j)


def scaled(i: int, k: int = 3, *, off: int = 0) -> int:
    return i * k + off


def rebinds(i: int) -> int:
    i = i * 2          # rebinding: no clone
    return i + 1


def chained(i: int, j: int) -> int:
    return poly(i, j) - poly(j, i) + shifted(i)


def shifted(i: int) -> int:
    return (i << 3) | (i >> 1)


def as_object(i: int) -> str:
    return str(i) + ":" + repr([i, -i])


def table(n: int) -> list[int]:
    out: list[int] = []
    for i in range(n):
        for j in range(n):
            out.append(poly(i, j) + scaled(i, j) + scaled(j, off=i) + chained(i, j))
        out.append(rebinds(i))
    return out


def floats(n: int) -> float:
    t = 0.0
    for i in range(n):
        for j in range(n):
            if i != j:
                t += inv(i, j)
    return t


def zero_division(n: int) -> float:
    t = 0.0
    for i in range(n):
        t += inv(i, 2)
    return t


def edges() -> list[str]:
    out: list[str] = []
    for i in range(9223372036854775805, 9223372036854775807):
        out.append(as_object(i))
        out.append(str(poly(i, 1)))
        out.append(str(shifted(i)))
    for i in range(-9223372036854775808, -9223372036854775806):
        out.append(str(poly(i, -1)))
        out.append(str(scaled(i, 2)))
    return out


print(table(6))
print(round(floats(20), 9))
try:
    print(zero_division(5))
except ZeroDivisionError as e:
    print(e, [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)][1:])
print(edges())
