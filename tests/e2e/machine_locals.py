# Locals assigned only from machine-sized values (len(), literals, other
# such locals, +/- of them) and range() loops over them are int64_t: the
# values must behave as ints everywhere (big arithmetic, printing, indexing).
def scan(xs: list[int]) -> int:
    n = len(xs)
    last = n - 1
    total = 0
    for i in range(n):
        total += xs[i] * (last - i)
    while last > 0:
        last = last - 1
    return total + n * 10 ** 20 + last


def window(s: str, w: int) -> list[str]:
    n = len(s)
    out = []
    for i in range(0, n - 1, 2):
        out.append(s[i:i + 2])
    k = 0
    for j in range(n):
        k = j
    return out + [str(k), str(n)]


print(scan([5, 3, 1, 4]), scan([]), window("abcdefg", 2))
