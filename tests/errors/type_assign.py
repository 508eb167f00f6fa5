# checks: assignments must match a local's type: a str to an
# int-annotated local, a str to a local inferred as int, a float to an
# int-annotated local, and an int to a str-annotated local.


def f(n: int) -> int:
    x: int = "hello"
    y = 5
    y = "five"
    z: int = 2.5
    s: str = n
    return n
