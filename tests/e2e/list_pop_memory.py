# xs.pop() on a list[int] gives memory back as list.pop does: the list's
# allocation (sys.getsizeof) follows the interpreter's at every step.
import sys


def drain(xs: list[int]) -> list[int]:
    sizes: list[int] = []
    total = 0
    while xs:
        total += xs.pop()
        sizes.append(sys.getsizeof(xs))
    sizes.append(total)
    return sizes


def stack_walk(n: int) -> list[int]:
    st: list[int] = []
    out: list[int] = []
    for i in range(n):
        st.append(i)
        if i % 3 == 2:
            st.pop()
            st.pop()
        out.append(sys.getsizeof(st))
    return out


def pop_empty() -> None:
    xs: list[int] = []
    try:
        xs.pop()
    except IndexError as e:
        print("IndexError", e)


def main() -> None:
    print(drain(list(range(40))))
    print(drain([7] * 1000)[-5:], sys.getsizeof([]))
    print(stack_walk(60))
    pop_empty()


main()
