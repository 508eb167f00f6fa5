# f-strings in compiled code: format specs (width, precision, alignment,
# fill, sign, grouping, zero padding), conversions !r !s !a, nested specs
# {x:{w}} and {x:{w}.{p}f}, escaped braces, typed and untyped values.
from typing import Optional
from _harness import check


def money(x: float) -> str:
    return f"[{x:>8.3f}]"


def padded(n: int) -> str:
    return f"{n:05d}|{n:+d}|{n:,}|{n:x}|{n:#o}|{n:b}"


def convs(s: str, n: int) -> str:
    return f"{s!r} {s!s} {s} {n!r} {s!a}"


def nested(x: float, w: int, p: int) -> str:
    return f"<{x:{w}}> <{x:{w}.{p}f}> <{x:^{w}.{p}}>"


def braces(n: int) -> str:
    return f"{{}} {{{n}}} }}{{"


def align(s: str, w: int) -> str:
    return f"|{s:<{w}}|{s:>{w}}|{s:^{w}}|{s:*^{w}}|"


def expr_parts(xs: list[int], d: dict[str, int]) -> str:
    return f"{len(xs)} items, first={xs[0]}, sum={sum(xs)}, d[a]={d['a']}, {xs[-1] * 2}"


def plain() -> str:
    return f"no fields"


def empty_str() -> str:
    return f""


def opt(x: Optional[int]) -> str:
    return f"x={x}, {x!r:>6}"


def bools(b: bool, f: float) -> str:
    return f"{b} {b!r} {f} {f:e} {f:.2%} {f:g}"


def untyped(v) -> str:
    return f"({v}) ({v!r}) ({v:>5})"


def multi(a: int, b: str) -> str:
    return f"{a}" f"{b}" "plain" f"{a + 1}"


def debug(n: int, s: str) -> str:
    return f"{n=} {n = } {s=} {s=!s} {n=:05d} {n + 1=}"


def bad_spec(n: int) -> str:
    return f"{n:.2q}"


def bad_spec_str(s: str) -> str:
    return f"{s:d}"


def width_from_str(x: float, w: str) -> str:
    return f"{x:{w}}"


def big(n: int) -> str:
    return f"{n} {n:,} {n:x}"


def unicode(s: str) -> str:
    return f"«{s}» {s:→^7}"


print(money(3.14159), money(-2.5), money(12345.6789))
print(padded(42), padded(-7))
print(convs("it's", 5))
print(nested(3.14159, 10, 2))
print(braces(7))
print(align("ab", 6))
print(expr_parts([3, 4, 5], {"a": 1}))
print(plain(), repr(empty_str()))
print(opt(5), opt(None))
print(bools(True, 0.125))
print(untyped(12), untyped("s"), untyped(None) if False else "")
check(untyped, None)
print(multi(1, "b"))
print(debug(3, "a"))
check(bad_spec, 3)
check(bad_spec_str, "x")
print(width_from_str(2.5, "08.3f"))
print(big(2 ** 70))
print(unicode("é"))
