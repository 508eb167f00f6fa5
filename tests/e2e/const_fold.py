# Int arithmetic on literals is folded at compile time (typecheck/fold.c),
# also in default values; what cannot be folded exactly (overflowing,
# negative, raising) runs as written, with the interpreter's results and
# errors at the interpreter's moment.


def mask(x: int, cap: int = 1 << 30, step: int = 2 ** 10) -> int:
    return (x * step) % cap


def day(s: int = 60 * 60 * 24, wk: int = 7 * (60 * 60 * 24)) -> int:
    return s + wk


def edges() -> list[int]:
    return [1 << 62, 1 << 63, 1 << 64, 2 ** 63 - 1, 2 ** 64, 3 ** 40, 3 ** 41,
            9223372036854775807 + 1, 5 - 9, 0 - 0, 7 // 2, 7 % 3, 1 >> 70,
            0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0x0F, 10 ** 0, 0 ** 0, 1 ** 100000,
            0 ** 99999, 4611686018427387904 * 2, 2 ** 62 + 2 ** 62]


def raising(which: int) -> int:
    if which == 0:
        return 1 // 0
    if which == 1:
        return 5 % 0
    if which == 2:
        return 1 << -1
    return 1 >> -2


def main() -> None:
    print(mask(3), mask(3, 1 << 3), mask(5, step=3), day(), day(1))
    print(edges())
    for w in range(4):
        try:
            print(raising(w))
        except (ZeroDivisionError, ValueError) as e:
            print(type(e).__name__, e)


main()
