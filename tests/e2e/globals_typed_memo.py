# Reads of module globals typed int or a native class remember the value
# they last saw (unboxed, or type-checked) while the module dict is
# unchanged.  Any rebinding -- from a function, from outside the module,
# through globals() -- must be seen by the next read, big ints included.
from _harness import check, setglobal, getglobal

STEP = 3
LIMIT = 1000


class Node:
    def __init__(self, v: int) -> None:
        self.v = v


ROOT = Node(7)


def walk(n: int) -> int:
    t = 0
    for i in range(n):
        t += STEP
        if t > LIMIT:
            t -= LIMIT
    return t


def root_value() -> int:
    return ROOT.v + STEP


def set_step(s: int) -> None:
    global STEP
    STEP = s


print(walk(10), root_value())
set_step(5)
print(walk(10), root_value())
setglobal(__name__, "STEP", 11)
print(walk(10), root_value())
setglobal(__name__, "STEP", 2 ** 70)
print(walk(2), root_value())
setglobal(__name__, "STEP", -(2 ** 62))
print(walk(3), root_value())
globals()["STEP"] = 1
print(walk(4), root_value())
setglobal(__name__, "ROOT", Node(40))
print(root_value(), getglobal(__name__, "ROOT").v)
setglobal(__name__, "LIMIT", 7)
print(walk(100))
other = 0  # a new global: the dict changes, values do not
print(walk(100), root_value())
check(walk, 5)
