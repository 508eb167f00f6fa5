# bytes literals (an error before: the function was left to the
# interpreter) are module constants made once, as the interpreter's
# co_consts are; bytes values go through the interpreter's own operations:
# concatenation, repetition, %-formatting, indexing (an int), slicing,
# comparisons, `in`, iteration, methods, hashing.
from _harness import check

RAW = rb"\d+\n"
PARTS = (b"k", b"\x00\xff", "s")


def ops(data: bytes) -> tuple:
    x = b"ab\x00\xff\n" + data
    return (x, len(x), x[1], x[-1], x[1:3], x[::-1], b"a" in x, 0 in x, x == b"ab",
            x < b"b", x * 2, 2 * b"-", b"%d-%s" % (5, b"q"))


def methods(data: bytes) -> tuple:
    return (data.upper(), data.split(b","), data.decode("utf-8"), data.hex(), data.startswith(b"a"),
            b"-".join([data, b"z"]), data.replace(b",", b";"), bytes(3), bytes([65, 66]))


def build(xs: list[bytes]) -> bytes:
    out = b""
    for x in xs:
        out += x
    return out + b"|" + b"".join(xs)


def codes(b: bytes) -> list[int]:
    total = []
    for ch in b:
        total.append(ch)
    return total


def literals() -> tuple:
    return (b'single', b"double \"q\" 'x'", b"""triple
line""", b"con" b"cat", rb"raw\n", RAW, PARTS, b"", b"\\", b"\t\r\x7f\x80")


def keys() -> dict:
    d = {b"a": 1, b"b": 2}
    d[b"a"] += 10
    return d


check(ops, b"zz")
check(methods, b"a,b,c")
check(methods, "\u20ac".encode("utf-8"))
check(build, [b"a", b"bc", b""])
check(codes, b"hi\x00\xff")
check(literals)
check(keys)
check(lambda: b"ab"[5])
check(lambda: b"\xff".decode("utf-8"))
print(literals()[0] is literals()[0], hash(b"k") == hash(b"k"))
