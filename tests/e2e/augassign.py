# Augmented assignment with every operator, on small and big ints, floats
# and strs, on locals and (via global) module variables.
from _harness import check

g = 5


def int_ops(x: int, y: int) -> None:
    a = x
    a += y
    print("+=", a)
    a = x
    a -= y
    print("-=", a)
    a = x
    a *= y
    print("*=", a)
    a = x
    a //= y
    print("//=", a)
    a = x
    a %= y
    print("%=", a)
    a = x
    a **= 3
    print("**=", a)
    a = x
    a <<= 3
    print("<<=", a)
    a = x
    a >>= 2
    print(">>=", a)
    a = x
    a &= y
    print("&=", a)
    a = x
    a |= y
    print("|=", a)
    a = x
    a ^= y
    print("^=", a)


def float_ops(x: float, y: float) -> None:
    a = x
    a += y
    b = x
    b -= y
    c = x
    c *= y
    d = x
    d /= y
    e = x
    e //= y
    f = x
    f %= y
    h = x
    h **= 2.0
    print(a, b, c, d, e, f, h)


def str_ops(s: str) -> str:
    t = s
    t += "!"
    t *= 2
    t += s
    return t


def accumulate(n: int) -> int:
    acc = 1
    for i in range(1, n):
        acc *= i
        acc += i
        acc %= 2 ** 70
    return acc


def div_zero(x: int) -> int:
    x //= 0
    return x


def global_aug() -> int:
    global g
    g += 10
    g *= 2
    return g


int_ops(17, 5)
int_ops(-17, 5)
int_ops(17, -5)
int_ops(2 ** 64 + 3, 7)
int_ops(-(2 ** 63), 3)
float_ops(7.5, 2.0)
float_ops(-7.5, 2.0)
print(str_ops("ab"), repr(str_ops("")))
print(accumulate(10), accumulate(100))
check(div_zero, 5)
print(global_aug(), global_aug(), g)
