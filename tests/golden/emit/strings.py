"""Golden: str values, tuples, globals and a generic call."""
GREETING = "hello"


def greet(name: str, times: int = 1) -> str:
    s = GREETING + ", " + name
    return s * times


def pair(a: int, b: str) -> tuple[int, str]:
    return (a, b)


print(greet("world"), pair(1, "x"))
