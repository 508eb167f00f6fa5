# Assignment expressions (`name := value`), an error before: the value is
# bound and is the expression's value; a name bound only on a path that
# did not run is an UnboundLocalError when read, as in the interpreter.
# In a comprehension the function is left to the interpreter (a note).
from _harness import check


def cond(xs: list[int]) -> str:
    if (n := len(xs)) > 3:
        return f"long {n}"
    return f"short {n}"


def loop(data: list[int]) -> list[int]:
    out = []
    i = 0
    while (chunk := data[i:i + 2]):
        out.append(sum(chunk))
        i += 2
    return out


def nested() -> tuple:
    a = (b := 3) + 1
    c = [(d := 5), d * 2]
    return a, b, c, d, f"{(e := 'x')}{e}"


def short_circuit(flag: bool) -> int:
    if flag and (y := 10):
        pass
    return y


def in_comprehension(xs: list[int]) -> tuple:
    ys = [z for x in xs if (z := x * 2) > 2]
    return ys, z


def typed(n: int) -> int:
    total = 0
    while (n := n - 1) >= 0:
        total += n
    return total


def in_comprehensions(xs: list[int]) -> tuple:
    # compiled natively: the target is a local of this function (PEP 572)
    ys = [y for x in xs if (y := x * 2) > 2]
    words = {w: n for w in ["a", "abc", "abcd"] if (n := len(w)) > 2}
    total = 0
    running = [total := total + x for x in xs]
    seen = any((last := x) > 2 for x in xs)
    return ys, y, words, n, running, total, seen, last


def in_generator(xs: list[int]) -> list:
    # a generator expression the interpreter makes: left to the interpreter
    gen = ((z := x) for x in xs)
    return list(gen)


check(cond, [1, 2])
check(cond, [1, 2, 3, 4])
check(loop, [1, 2, 3, 4, 5])
check(nested)
check(short_circuit, True)
check(short_circuit, False)
check(in_comprehension, [1, 2, 3])
check(typed, 5)
check(in_comprehensions, [1, 2, 3])
check(in_generator, [4, 5])
if (top := len("module")) > 3:
    print("module level", top)
print([q for v in [3, 0, 5] if (q := v + 1)], q)
