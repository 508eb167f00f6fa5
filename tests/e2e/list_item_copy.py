# a[i] = b[j] between lists of the same element type moves the element
# object across (compiled: no unbox/box); results, errors and aliasing
# must match the interpreter.


def copy_ints(src: list[int], dst: list[int]) -> None:
    for i in range(len(src)):
        dst[i] = src[i]


def reverse_in_place(p: list[int], k: int) -> None:
    i = 0
    j = k
    while i < j:
        t = p[i]
        p[i] = p[j]
        p[j] = t
        i += 1
        j -= 1


def copy_floats(src: list[float], dst: list[float]) -> None:
    dst[0] = src[0]
    dst[0] = 5.5  # must not overwrite src[0] in place: the float is shared
    dst[1] = src[-1]


def copy_bools(src: list[bool], dst: list[bool], i: int, j: int) -> None:
    dst[i] = src[j]


def big_index(src: list[int], dst: list[int], big: int) -> None:
    dst[big] = src[0]


def order_of_evaluation(log: list[str]) -> None:
    a: list[int] = [1, 2, 3]
    b: list[int] = [7, 8, 9]

    def pick(name: str, v: int) -> int:
        log.append(name)
        return v

    a[pick("target index", 0)] = b[pick("source index", 2)]
    log.append(str(a))


def main() -> None:
    src = [10, 2**70, -3, 4]
    dst = [0, 0, 0, 0]
    copy_ints(src, dst)
    print(dst, dst[1] is src[1])
    p = [3, 1, 2, 0, 4]
    reverse_in_place(p, 3)
    print(p)
    fs = [1.25, 2.5]
    fd = [0.0, 0.0]
    copy_floats(fs, fd)
    print(fs, fd)
    bs = [True, False]
    bd = [False, False]
    copy_bools(bs, bd, 1, 0)
    copy_bools(bs, bd, -2, -1)
    print(bd)
    # wrongly typed elements from interpreted code are copied as they are,
    # as the interpreter copies them
    odd: list = ["x", 1.5, None, 4]
    out: list = [0, 0, 0, 0]
    copy_ints(odd, out)
    print(out)
    for i, j in [(5, 0), (0, 5), (-9, 0), (0, -9)]:
        try:
            copy_bools(bs, bd, i, j)
        except IndexError as e:
            print("IndexError", i, j, e)
    for big in [2**70, -2**70]:
        try:
            big_index(src, dst, big)
        except IndexError as e:
            print("IndexError", e)
    log: list[str] = []
    order_of_evaluation(log)
    print(log)


main()
