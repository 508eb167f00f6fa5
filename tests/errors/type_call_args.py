# checks: calls between module functions are checked at compile time:
# wrong argument type, unknown keyword, missing argument, too many
# arguments, duplicate argument. Every error is reported, not just the first.


def area(w: int, h: int, scale: float = 1.0) -> float:
    return w * h * scale


def main() -> None:
    print(area(2, "3"))
    print(area(2, 3, colour=4))
    print(area(2))
    print(area(2, 3, 1.0, 7))
    print(area(2, 3, w=5))
    print(area(h=2.5, w=1))
