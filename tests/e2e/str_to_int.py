# int(s) for a str s: an exact ASCII str of an optional sign and at most 18
# digits is read in place (runtime spy_str_to_int); everything else --
# spaces, underscores, non-ASCII digits, 19 digits and more, a str
# subclass (which may define __int__), and the errors -- must be the
# interpreter's conversion, with its values, types and messages.
from _harness import check


def to_int(s: str) -> int:
    return int(s)


def to_obj(s: str) -> object:
    return int(s)


def total(parts: list[str]) -> int:
    acc = 0
    for p in parts:
        acc += int(p)
    return acc


class Digits(str):
    def __int__(self) -> int:
        return 99


class Plain(str):
    pass


for s in ["0", "7", "-7", "+7", "-0", "007", "-007", "+0", "123456789",
          "999999999999999999", "-999999999999999999", "1000000000000000000",
          "9223372036854775807", "-9223372036854775808", "9223372036854775808",
          "123456789012345678901234567890", " 42", "42 ", "\t-3\n", "1_000",
          "١٢٣", "٣", "1٢", "", "-", "+", "--1", "+-1", "1e3", "0x10", "12a",
          "a", " ", "_1", "1__0", "٣-"]:
    check(to_int, s)
    check(to_obj, s)
five, minus_five = 5, -5
print(type(to_obj("5")).__name__, to_obj("5") is five, to_int("-5") is minus_five)
check(to_int, Digits("12"))
check(to_int, Plain("12"))
check(to_int, Plain("x"))
check(total, ["1", "-2", "30", "400000000000000000000", "-400000000000000000000", "5"])
check(total, ["1", "oops"])
