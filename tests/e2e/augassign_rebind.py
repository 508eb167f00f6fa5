# x.a += e and xs[i] += e evaluate x (and i) before e: when e rebinds them
# (walrus), the old object and index receive the store.


class Cell:
    def __init__(self, v: int) -> None:
        self.v = v


def attr_rebind() -> None:
    a = Cell(1)
    b = Cell(100)
    first = a
    a.v += (a := b).v
    print(first.v, a.v, b.v)


def item_rebind() -> None:
    xs = [1, 2, 3]
    ys = [10, 20, 30]
    keep = xs
    i = 0
    xs[i] += (i := 2) + len(xs := ys)
    print(keep, xs, i)


def plain() -> None:
    c = Cell(5)
    xs = [1.5, 2.5]
    for k in range(3):
        c.v += k
        xs[k % 2] += 1.0
    print(c.v, xs)


attr_rebind()
item_rebind()
plain()
