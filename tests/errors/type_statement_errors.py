type Vec = list[float]
x = 1; type Bad = int


def f(v: Vec) -> str:
    return v


def g() -> None:
    type Local = int
