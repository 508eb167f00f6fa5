# Local variables: annotated, inferred from the first assignment,
# reassigned, and used across branches and loops.


def annotated(n: int) -> str:
    count: int = n
    ratio: float = 0.5
    label: str = "n"
    flag: bool = count > 3
    count = count * 2
    ratio = ratio * count
    label = label + "=" + str(count)
    return label + " " + str(ratio) + " " + str(flag)


def inferred(n: int) -> str:
    a = n + 1
    b = 2.0 * a
    c = "x" * a
    d = a > 2
    a = a - 10
    return str(a) + " " + str(b) + " " + c + " " + str(d)


def declared_late(n: int) -> int:
    result: int
    if n > 0:
        result = n
    else:
        result = -n
    return result


def branch_assign(n: int) -> str:
    if n % 2 == 0:
        kind = "even"
    else:
        kind = "odd"
    return kind


def loop_local(n: int) -> int:
    best = 0
    for i in range(n):
        cand = (i * 7) % 11
        if cand > best:
            best = cand
    return best


def many_locals(a: int) -> int:
    b = a + 1
    c = b + 1
    d = c + 1
    e = d + 1
    f = e + 1
    g = f + 1
    h = g + 1
    return a + b + c + d + e + f + g + h


print(annotated(2), "|", annotated(5))
print(inferred(1), "|", inferred(4))
print(declared_late(5), declared_late(-5), declared_late(0))
print(branch_assign(4), branch_assign(7))
print(loop_local(0), loop_local(5), loop_local(20))
print(many_locals(0), many_locals(2 ** 62))
