# Arithmetic and comparisons on unannotated values: exact ints of up to 62
# bits are computed in place (runtime/spy_any.h); everything else, and
# every result past 64 bits, goes through the interpreter's operators.


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __lt__(self, other):
        return "MyInt.__lt__"


def ops(a, b):
    out = []
    for k in range(8):
        try:
            if k == 0:
                r = a + b
            elif k == 1:
                r = a - b
            elif k == 2:
                r = a * b
            elif k == 3:
                r = a // b
            elif k == 4:
                r = a % b
            elif k == 5:
                r = a & b
            elif k == 6:
                r = a | b
            else:
                r = a ^ b
            out.append(r)
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError: " + str(e))
        except TypeError as e:
            out.append("TypeError: " + str(e))
    return out


def direct(a, b):
    r = [a + b, a - b, a * b, a & b, a | b, a ^ b]
    if b:
        r.append(a // b)
        r.append(a % b)
    r.append(a < b)
    r.append(a <= b)
    r.append(a == b)
    r.append(a != b)
    r.append(a > b)
    r.append(a >= b)
    return r


def lcg(state, n):
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state


def main():
    big = 2 ** 61
    vals = [0, 1, -1, 7, -7, 3, -3, big, -big, big * 2 - 1, -(big * 2), 2 ** 62, -(2 ** 62),
            2 ** 63, 2 ** 100, -(2 ** 100), True, False, 2.5, MyInt(5)]
    for a in vals:
        for b in vals:
            print(repr(a), repr(b), ops(a, b))
    for a in [5, -5, big, 2 ** 62 - 1, -(2 ** 62), 2 ** 70]:
        for b in [3, -3, 1, -1, big, -(2 ** 62), 2 ** 70]:
            print(direct(a, b))
    print(MyInt(1) + 2, MyInt(1) < 2, 2 + MyInt(1))
    print(lcg(42, 1000))
    x = 10
    x += 2 ** 62
    x *= 3
    x //= -7
    x %= 1000003
    print(x)
    try:
        mixed = [1, "a"]
        print("s" * 3, 3 * [1], "%d-%s" % (5, "x"), mixed[0] < mixed[1])
    except TypeError as e:
        print("TypeError", e)


main()
