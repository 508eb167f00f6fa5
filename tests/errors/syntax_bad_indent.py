# checks: inconsistent indentation (an unexpected indent, and a dedent to
# a level that matches no enclosing block) is a syntax error.


def f(x: int) -> int:
    y = x + 1
        z = y * 2
    return z


def g(x: int) -> int:
        if x > 0:
            return 1
      return 0
