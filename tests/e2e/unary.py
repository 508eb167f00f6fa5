# Unary -, +, ~, not, and abs() at the edges of machine words.

I64_MIN = -9223372036854775808
I64_MAX = 9223372036854775807


def neg(x: int) -> int:
    return -x


def pos(x: int) -> int:
    return +x


def inv(x: int) -> int:
    return ~x


def absi(x: int) -> int:
    return abs(x)


def negf(x: float) -> float:
    return -x


def absf(x: float) -> float:
    return abs(x)


def lnot(x: int) -> bool:
    return not x


def row(x: int) -> None:
    print(x, neg(x), pos(x), inv(x), absi(x), lnot(x), -(-x), ~~x)


row(0)
row(1)
row(-1)
row(I64_MAX)
row(I64_MIN)
row(2 ** 62)
row(-(2 ** 62))
row(2 ** 62 - 1)
row(-(2 ** 62) - 1)
row(2 ** 64)
row(-(2 ** 200))
print(negf(0.0), negf(-0.0), negf(1.5), negf(-1e308), absf(-0.0), absf(-2.5), absf(3.0))
print(-5, +5, ~5, not 5, - -5, -(-(2 ** 63)))
