# Stores into list[bool], list[float] and list[int] take the unboxed value
# (runtime/spy_containers.h: spy_list_setbool, spy_list_setfloat,
# spy_list_setint).  A float
# store may overwrite, in place, an exact float that only the list holds:
# no reference held anywhere else may see its value change.


class FloatList(list):
    def __setitem__(self, i, v):
        print("FloatList.__setitem__", i, v)
        super().__setitem__(i, v)


def fill_floats(xs: list[float], n: int) -> None:
    for i in range(n):
        xs[i] = xs[i] * 2.0 + 0.5
    xs[-1] = -1.25


def store_at(xs: list[float], i: int, v: float) -> None:
    xs[i] = v


def set_flags(flags: list[bool], step: int) -> int:
    changed = 0
    for j in range(0, len(flags), step):
        if flags[j]:
            changed += 1
        flags[j] = False
    flags[-1] = True
    return changed


def store_flag(flags: list[bool], i: int, v: bool) -> None:
    flags[i] = v


def shared_elements() -> None:
    xs: list[float] = [0.5 * i + 0.25 for i in range(4)]
    snapshot = list(xs)         # the same float objects, each now held twice
    alias: list = xs            # untyped reads hand out the objects themselves
    first = alias[0]
    for i in range(4):
        xs[i] = -1.0
    print(xs, snapshot, first)


class IntList(list):
    def __setitem__(self, i, v):
        print("IntList.__setitem__", i, v)
        super().__setitem__(i, v)


def store_int(xs: list[int], i: int, v: int) -> None:
    xs[i] = v


def swaps(perm: list[int], n: int) -> list[int]:
    for i in range(n // 2):
        t = perm[i]
        perm[i] = perm[n - 1 - i]
        perm[n - 1 - i] = t * 3 - 1
    return perm


def ints() -> None:
    xs = [1, 2, 3, 4]
    for i, v in ((0, 7), (-1, 1 << 70), (2, -5), (1, 256), (-4, -(1 << 63))):
        store_int(xs, i, v)
    print(xs)
    for bad in (4, -5, 1 << 70, -(1 << 80)):
        try:
            store_int(xs, bad, 1)
        except IndexError as e:
            print("IndexError", e)
    sub = IntList([0, 1])
    store_int(sub, 1, 1 << 65)
    print(sub)
    try:
        store_int(sub, 1 << 66, 3)
    except IndexError as e:
        print("IndexError", e)
    print(swaps(list(range(9)), 9), swaps([1 << 64, 5, -(1 << 62)], 3))
    odd = [0, "a", None]
    store_int(odd, 1, 12)
    print(odd)


def kept_alive() -> None:
    xs: list[float] = [1.0, 2.0, 3.0]
    a = xs[0]          # a second reference: the element must be replaced
    xs[0] = 10.0
    print(a, xs)
    same = 7.5 * 2.0
    ys: list[float] = [same, same]   # one object in two slots
    ys[0] = 0.0
    print(ys, same)


def main() -> None:
    xs = [float(i) for i in range(6)]
    held = xs[2]                      # held by the interpreter
    fill_floats(xs, 6)
    print(xs, held)
    store_at(xs, -2, 9.0)
    print(xs)
    for bad in (6, -7, 1 << 70):
        try:
            store_at(xs, bad, 1.0)
        except IndexError as e:
            print("IndexError", e)
    sub = FloatList([0.0, 1.0])
    store_at(sub, 1, 4.0)
    print(sub)
    mixed = [1, 2.0, "x"]             # not really list[float]: stores still work
    store_at(mixed, 2, 3.0)
    print(mixed)

    flags = [True] * 10
    print(set_flags(flags, 3), flags)
    print(set_flags(flags, 2), flags)
    store_flag(flags, 0, True)
    store_flag(flags, -10, False)
    print(flags)
    try:
        store_flag(flags, 10, True)
    except IndexError as e:
        print("IndexError", e)
    odd = [0, "a", None, 1.5]         # built by the interpreter, any items
    store_flag(odd, 1, True)
    store_flag(odd, 2, False)
    print(odd)
    kept_alive()
    shared_elements()
    ints()


main()
