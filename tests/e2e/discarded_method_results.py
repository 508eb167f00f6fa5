"""A method of a builtin container called as a statement: its result is
dropped.  A subclass's override may return anything (the interpreter
ignores it); compiled code used to check it against the method's
declared None and raise `TypeError: expected None, got int`."""


def fill(s: set[int], l: list[int], d: dict[str, int]) -> None:
    s.add(1)
    s.discard(9)
    l.append(2)
    l.extend([3, 4])
    l.sort()
    l.reverse()
    d.update({"a": 1})
    d.clear()


def kept(s: set[int], l: list[int]) -> int:
    s.add(5)
    l.append(6)
    return len(s) + len(l)


class S(set):
    def add(self, x):
        super().add(x)
        return 5

    def discard(self, x):
        return "discarded"


class L(list):
    def append(self, x):
        super().append(x)
        return "appended"

    def sort(self):
        return 7

    def reverse(self):
        return [1]


class D(dict):
    def clear(self):
        return 1.5


def main() -> None:
    s, l, d = S(), L(), D()
    fill(s, l, d)
    print(sorted(s), list(l), dict(d))
    print(kept(s, l))
    plain_s: set[int] = set()
    plain_l: list[int] = []
    fill(plain_s, plain_l, {})
    print(sorted(plain_s), plain_l)


main()
