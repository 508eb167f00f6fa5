# Lambdas that read locals of a compiled function are made with its cells:
# late binding, comprehension variables, multi-line lambdas.
def by_key(xs: list[str], n: int) -> list[str]:
    return sorted(xs, key=lambda s: s[n:])


def adders(k: int) -> list[int]:
    fs = [lambda x, i=0: x + k for _ in range(2)] if False else [lambda x: x + k]
    return [f(1) for f in fs]


def comp_capture(n: int) -> list[int]:
    fs = [lambda: i * n for i in range(3)]
    return [f() for f in fs]


def multi(a: float,
          b: float) -> float:
    f = (lambda x:
         x * a +
         b)
    return f(2.0)


print(by_key(["ab", "ba"], 1), adders(3), comp_capture(10), multi(1.5, 0.5))
