# checks: operator operand types: int + str, str - str, str * float,
# unary minus on a str, comparison of int and str with '<'.


def f(count: int, name: str, x: float) -> None:
    total = count + name
    diff = name - name
    rep = name * x
    neg = -name
    less = count < name
    print(total, diff, rep, neg, less)
