# Innermost while loops over small ints, bools, floats and native arrays
# also run as a copy on plain C values (emit/lower_version.c).  The copy
# stops before any statement it cannot finish -- an int growing past the
# tagged range, an index out of range, a division by zero, a big int in an
# int array, a big int at entry -- and the general loop resumes at that
# statement.  Everything the program sees must be the interpreter's: values
# after the loop, exceptions, their lines, and the state they leave.
from _harness import report



def sieve(limit: int) -> int:
    flags: list[bool] = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    n = 0
    k = 0
    while k < len(flags):
        if flags[k]:
            n += 1
        k += 1
    return n


def grows(x: int, steps: int) -> tuple[int, int]:
    # x * x leaves 64 bits mid-loop: the general loop goes on with big ints
    k = 0
    while k < steps:
        x = x * x + 1
        k += 1
    return x, k


def grows_by_add(x: int, d: int) -> tuple[int, int]:
    # x + d leaves the tagged range (2**62) without leaving 64 bits
    n = 0
    while n < 10:
        x += d
        n += 1
    return x, n


def big_at_entry(x: int) -> int:
    n = 0
    while x > 0:
        x = x // 2
        n += 1
    return n


def index_error(n: int, stop: int) -> int:
    xs: list[int] = [0] * n
    i = 0
    total = 0
    while i < stop:
        total += i
        xs[i] = total
        i += 1
    return total


def index_error_state(n: int) -> str:
    xs: list[float] = [0.5] * n
    i = -n
    acc = 0.0
    try:
        while True:
            acc += xs[i]
            xs[i] = acc
            i += 1
    except IndexError as e:
        return f"{e} i={i} acc={acc}"


def negative_indexes(n: int) -> list[int]:
    xs: list[int] = [0] * n
    i = 1
    while i <= n:
        xs[-i] = i * 10
        i += 1
    out = []
    for x in xs:
        out.append(x)
    return out


def zero_division(a: int, b: int) -> str:
    q = 0
    r = 0
    try:
        while b > -3:
            q += a // b
            r += a % b
            b -= 1
    except ZeroDivisionError as e:
        return f"{e} q={q} r={r} b={b}"
    return f"q={q} r={r}"


def float_division(x: float, y: float) -> str:
    s = 0.0
    try:
        while y > -1.5:
            s += x / y
            y -= 0.5
    except ZeroDivisionError as e:
        return f"{e} s={s} y={y}"
    return f"s={s}"


def floor_ops(a: int, b: int) -> list[int]:
    out = [0, 0, 0, 0, 0, 0]
    i = 0
    while i < 4:
        q = a // b
        m = a % b
        s = a >> 2
        t = (a << 3) ^ b
        out[0] += q
        out[1] += m
        out[2] += s
        out[3] += t
        out[4] += -a & 7
        out[5] += ~b | 1
        a += 7
        b = -b
        i += 1
    return out


def big_in_int_array(n: int) -> list[int]:
    xs: list[int] = [1] * n
    xs[n // 2] = 2**70
    i = 0
    while i < n:
        xs[i] = xs[i] * 3
        i += 1
    ys = []
    for x in xs:
        ys.append(x)
    return ys


def int_array_update(n: int) -> int:
    xs: list[int] = [2**61] * n
    i = 0
    while i < n:
        xs[i] += xs[i]      # 2**62: no longer small
        xs[i] -= 1
        i += 1
    t = 0
    for x in xs:
        t += x
    return t


def break_else(limit: int, stop: int) -> str:
    i = 0
    found = False
    while i < limit:
        if i == stop:
            found = True
            break
        i += 1
    else:
        return f"no break i={i} found={found}"
    return f"break i={i} found={found}"


def continue_and_or(n: int) -> tuple[int, int]:
    xs: list[bool] = [False] * n
    i = 0
    evens = 0
    while i < n:
        i += 1
        if i % 2 == 1 and not (i == 7 or i == 9):
            continue
        evens += i
        xs[i - 1] = True
    # the right operand of `and` is only read when the left holds
    j = 0
    while j < n + 5 and xs[j] is not None and (j >= n or not xs[j] or j < n):
        j += 1
        if j >= n:
            break
    return evens, j


def short_circuit_index(n: int) -> int:
    xs: list[int] = [3] * n
    i = 0
    while i < n and xs[i] > 0:
        i += 1
    return i


def floats_and_bools(n: int) -> tuple[float, bool, int]:
    x = 1.0
    neg = False
    k = 0
    while k < n:
        x = x * 1.5 - 0.25
        if x > 100.0:
            x = -x / 3.0
            neg = not neg
        k += 1
    return x, neg, k


def mid_if_overflow(x: int) -> tuple[int, int, int]:
    a = 0
    steps = 0
    while steps < 6:
        if x > 0:
            a += 1
            x = x * 100000000
        steps += 1
    return a, x, steps


def machine_index(xs: list[int]) -> int:
    t = 0
    for i in range(len(xs)):
        j = 0
        while j < i:
            t += j * i
            j += 1
    return t


def gen_loop(n: int):
    i = 0
    while i < n:
        total = 0
        j = 0
        while j <= i:
            total += j
            j += 1
        yield total
        i += 1


def unbound_in_loop(flag: bool) -> int:
    if flag:
        y = 3
    n = 0
    while n < 5:
        n += y
    return n


def nan_compare(n: int) -> int:
    x = float("nan")
    c = 0
    k = 0
    while k < n:
        if x < 1.0 or x >= 1.0 or x == x:
            c += 100
        if x != x:
            c += 1
        k += 1
    return c


def for_range_sums(n: int, start: int, big: int) -> tuple[int, int, int, int]:
    flags: list[bool] = [True] * n
    count = 0
    total = big
    last = -1
    for k in range(len(flags)):
        if k < start:
            continue
        if flags[k]:
            count += 1
            total += k * k
            flags[k] = k % 3 == 0
        last = k
    for k in range(0):          # no iteration: k keeps its value
        total += 1
    return count, total, last, k


def for_range_break(n: int, stop: int) -> str:
    xs: list[int] = [0] * n
    for i in range(n):
        if i == stop:
            break
        xs[i] = i * 2
    else:
        return f"no break i={i} xs[-1]={xs[-1]}"
    return f"break i={i} xs[i-1]={xs[i - 1]}"


def for_range_bail(n: int, x: int) -> tuple[int, int, int]:
    # x grows past 64 bits in the middle of the body: the general loop
    # goes on from the same i, and later iterations stay general
    acc = 0
    for i in range(n):
        acc += i
        x = x * x
        if i % 2 == 0:
            continue
        acc -= 1
    return acc, x % 1000003, i


def for_range_index_error(n: int, m: int) -> str:
    xs: list[float] = [1.0] * m
    s = 0.0
    i = -1
    try:
        for i in range(m + n):
            s += xs[i - m] * 2.0
            xs[i - m] = s
    except IndexError as e:
        return f"{e} i={i} s={s}"
    return f"s={s}"


def tagged_range(start: int, stop: int, big: int) -> tuple[int, int, int]:
    # i is also assigned by other code, so it is a tagged int, not int64_t
    i = big
    total = 0
    for i in range(start, stop):
        total += i
        if i == 5:
            i = 100     # does not change the iteration
    n = i
    i = 0
    while i < 3:
        i += 1
    return total, n, i


def tagged_range_unbound(n: int, fail: int) -> int:
    xs: list[int] = [1] * 4
    for j in range(n):
        xs[j % 4] += j
        if j == fail:
            xs[j] = 0   # IndexError from the copy's statement
    s = 0
    for x in xs:
        s += x
    j += 0
    return s + j


report(sieve, 100)
report(sieve, 10000)
report(grows, 3, 10)
report(grows, -3, 4)
report(grows_by_add, 2**62 - 20, 3)
report(grows_by_add, -(2**62) + 20, -3)
report(grows_by_add, 2**63 - 5, 2)
report(big_at_entry, 2**100)
report(big_at_entry, 2**61)
report(index_error, 5, 5)
report(index_error, 5, 9)
report(index_error_state, 4)
report(negative_indexes, 5)
report(zero_division, 17, 2)
report(zero_division, -17, 1)
report(float_division, 3.0, 1.0)
report(floor_ops, -29, 5)
report(floor_ops, 29, -4)
report(big_in_int_array, 5)
report(int_array_update, 3)
report(break_else, 10, 4)
report(break_else, 10, 40)
report(continue_and_or, 12)
report(short_circuit_index, 4)
report(floats_and_bools, 40)
report(mid_if_overflow, 7)
report(mid_if_overflow, -7)
report(machine_index, [1, 2, 3, 4, 5])
print(list(gen_loop(6)))
report(unbound_in_loop, True)
report(unbound_in_loop, False)
report(nan_compare, 3)
report(for_range_sums, 50, 3, 7)
report(for_range_sums, 50, -20, 7)
report(for_range_sums, 30, 0, 2**62 - 100)
report(for_range_sums, 30, 0, 2**80)
report(for_range_break, 10, 4)
report(for_range_break, 10, 40)
report(for_range_bail, 9, 3)
report(for_range_bail, 3, 3)
report(for_range_index_error, 3, 4)
report(for_range_index_error, -10, 4)
report(for_range_bail, 1, 2**40)   # stops in the first iteration, i is read after
report(for_range_bail, 2, 2**40)
report(for_range_bail, 0, 2**40)
report(tagged_range, 0, 10, 7)
report(tagged_range, 3, 10, 2**70)
report(tagged_range, 2**70, 2**70 + 3, 1)
report(tagged_range, 2**62 - 5, 2**62 - 1, 1)   # ends at the largest small int
report(tagged_range, 2**62 - 2, 2**62 + 2, 1)   # stop is big: the general loop
report(tagged_range, 10, 0, 2**80)    # no iteration: i keeps its big value
report(tagged_range_unbound, 6, -1)
report(tagged_range_unbound, 0, -1)
report(tagged_range_unbound, 9, 5)
