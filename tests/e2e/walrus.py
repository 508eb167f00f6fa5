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


check(cond, [1, 2])
check(cond, [1, 2, 3, 4])
check(loop, [1, 2, 3, 4, 5])
check(nested)
check(short_circuit, True)
check(short_circuit, False)
check(in_comprehension, [1, 2, 3])
check(typed, 5)
if (top := len("module")) > 3:
    print("module level", top)
