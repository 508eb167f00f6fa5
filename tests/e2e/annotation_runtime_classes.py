# Annotations naming classes the compiler knows nothing of: imported
# classes (Decimal, a class of a module, pathlib.Path, datetime.date), a
# namedtuple, builtins (complex, bytearray, Exception): their values are
# dynamic (each was a compile error, "type ... is not supported yet").
# And a container of empty containers fits a declared element type.
import datetime
import pathlib
from collections import namedtuple
from decimal import Decimal
from fractions import Fraction

Pair = namedtuple("Pair", "a b")


def money(amounts: list[Decimal], rate: Decimal) -> Decimal:
    total = Decimal("0")
    for a in amounts:
        total += a * rate
    return total.quantize(Decimal("0.01"))


def stem(p: pathlib.Path) -> str:
    return p.stem + p.suffix


def days(a: datetime.date, b: datetime.date) -> int:
    return (b - a).days


def swap(p: Pair) -> Pair:
    return Pair(p.b, p.a)


def mag(z: complex, buf: bytearray, err: Exception, f: Fraction) -> str:
    buf.append(33)
    return "%.3f %s %s %s" % (abs(z), bytes(buf), type(err).__name__, f * 2)


def grid(n: int) -> list[list[tuple[int, int]]]:
    rows: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for i in range(n):
        rows[i].append((i, i * i))
    return rows


print(money([Decimal("1.10"), Decimal("2.25")], Decimal("1.5")))
print(stem(pathlib.Path("/tmp/x/report.txt")), days(datetime.date(2024, 1, 1), datetime.date(2024, 3, 1)))
print(swap(Pair(1, "x")), mag(3 + 4j, bytearray(b"ab"), KeyError("k"), Fraction(1, 3)))
print(grid(3))
