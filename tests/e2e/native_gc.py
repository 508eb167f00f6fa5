"""Native instances that may hold references are tracked by the cycle
collector from birth (spy_blank_<C> tracks them; a Python subclass's
tp_alloc already has), so a cycle of them is freed by gc.collect()."""
import gc
import weakref
from typing import Optional



class Node:
    def __init__(self, payload: object) -> None:
        self.payload = payload
        self.other: Optional["Node"] = None


def make_cycle(n: int) -> object:
    marker = type("Marker", (), {})
    first = Node(marker)
    prev = first
    for i in range(n):
        node = Node(i)
        prev.other = node
        prev = node
    prev.other = first
    return weakref.ref(marker)


SUB = '''
class PyNode(Node):
    pass
'''
ns: dict = {"Node": Node}
exec(SUB, ns)


def main() -> None:
    gc.collect()
    for n in (0, 1, 5):
        r = make_cycle(n)
        print(n, "alive before collect:", r() is not None)  # type: ignore[operator]
        gc.collect()
        print(n, "alive after collect:", r() is not None)  # type: ignore[operator]
    print("tracked:", gc.is_tracked(Node(None)), gc.is_tracked(ns["PyNode"](None)))
    marker = type("Marker", (), {})
    a = ns["PyNode"](marker)
    b = Node(a)
    a.other = b
    r = weakref.ref(marker)
    del a, b, marker
    gc.collect()
    print("subclass cycle freed:", r() is None)


main()
