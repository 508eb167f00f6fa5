# Boxing i64 values at the ends of the range (the small-int cache test
# once overflowed there: UBSan in `run_e2e.py --asan` catches it).
from staticpy import i64


def ident(a: i64) -> i64:
    return a


def near(a: i64, d: i64) -> i64:
    return a - d


def main() -> None:
    print(ident(9223372036854775807), ident(-9223372036854775808), ident(-5), ident(256))
    print(near(9223372036854775807, 1), near(-9223372036854775807, 1), near(0, 6))


main()
