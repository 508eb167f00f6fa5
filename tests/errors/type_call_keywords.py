# checks: wrong argument types in calls written with keywords, a str
# passed where float is declared, and calling an int value.


def scale(x: float, *, by: int) -> float:
    return x * by


def main(n: int) -> None:
    print(scale("1.5", by=2))
    print(scale(1.5, by="2"))
    print(n(3))
