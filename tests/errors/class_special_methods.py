# checks: a read-only native property cannot be assigned; calling a
# property's non-callable value is an error; operators a native class does
# not define are errors; a class with attribute hooks is left to the
# interpreter with a note naming the special method.
class P:
    def __init__(self, x: int) -> None:
        self.x = x

    @property
    def double(self) -> int:
        return self.x * 2

    def __add__(self, o: "P") -> "P":
        return P(self.x + o.x)


class Hooked:
    def __setattr__(self, name: str, v: object) -> None:
        object.__setattr__(self, name, v)


def f(p: P) -> int:
    p.double = 3
    q = p + p
    r = p - p
    return p.double() + q.x + (p < q)
