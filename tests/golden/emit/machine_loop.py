# A range() over len() of a list: the index is an int64_t, the loop is a
# plain C loop (compare, index, increment) with no boxing of i.
def total(xs: list[int]) -> int:
    t = 0
    for i in range(len(xs)):
        t += xs[i]
    return t
