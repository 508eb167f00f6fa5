# `for x in xs` over a typed list re-reads the length each step, like the
# interpreter's list iterator: appending inside the loop extends the loop,
# removing shortens it, and rebinding the name does not affect the loop.
from _harness import check


def grow_while_iterating(xs: list[int]) -> list[int]:
    for x in xs:
        if len(xs) < 10:
            xs.append(x * 2)
    return xs


def visits(xs: list[int]) -> list[int]:
    seen: list[int] = []
    for x in xs:
        seen.append(x)
        if x == 2:
            xs.pop()
    return seen


def clear_midway(xs: list[int]) -> int:
    n = 0
    for x in xs:
        n += 1
        if n == 2:
            while len(xs) > 0:
                xs.pop()
    return n


def rebind(xs: list[int]) -> list[int]:
    out: list[int] = []
    for x in xs:
        out.append(x)
        xs = [100, 200, 300, 400, 500]
    return out + xs


def overwrite(xs: list[int]) -> list[int]:
    out: list[int] = []
    i = 0
    for x in xs:
        if i + 1 < len(xs):
            xs[i + 1] = x + 10
        out.append(x)
        i += 1
    return out


def insert_front(xs: list[int]) -> list[int]:
    out: list[int] = []
    for x in xs:
        out.append(x)
        if len(out) < 4:
            xs.insert(0, -len(out))
    return out


def nested_same(xs: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a in xs:
        for b in xs:
            if b > a:
                out.append((a, b))
    return out


def last_value(xs: list[str]) -> str:
    w = "none"
    for w in xs:
        pass
    return w


def break_else(xs: list[int]) -> int:
    found = -1
    for x in xs:
        if x < 0:
            found = x
            break
    return found


def loop_str(s: str) -> list[str]:
    out: list[str] = []
    for ch in s:
        out.append(ch.upper())
    return out


print(grow_while_iterating([1, 2, 3]))
print(grow_while_iterating([]))
print(grow_while_iterating([1] * 12))
print(visits([1, 2, 3, 4, 5]))
print(clear_midway([1, 2, 3, 4]))
print(rebind([1, 2, 3]))
print(overwrite([1, 2, 3, 4]))
print(insert_front([7, 8, 9]))
print(nested_same([3, 1, 2]))
print(last_value(["a", "b"]), last_value([]))
print(break_else([1, 2, -3, -4]), break_else([1]))
print(loop_str("héllo"), loop_str(""))
check(grow_while_iterating, [5])
