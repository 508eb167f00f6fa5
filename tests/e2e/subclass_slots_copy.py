"""copy and deepcopy of instances of Python subclasses of a native
class that declare __slots__ (tests/e2e/_slots_kit.py): the slots' values
travel with the native fields and the instance dict, and unset slots stay
unset. (A native instance has no __dict__ of its own, so only what the
subclasses add is compared.)"""
import copy

import _slots_kit as kit


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y
        self.seen: list[str] = []

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


Slotted, Deeper, WithDict, Plain = kit.make(Point)


def show(o: object) -> str:
    parts = [type(o).__name__]
    for name in ("x", "y", "seen", "label", "weight", "extra", "tag", "more"):
        try:
            parts.append("%s=%r" % (name, getattr(o, name)))
        except AttributeError:
            parts.append("%s unset" % name)
    return " ".join(parts)


def main() -> None:
    a = Slotted(1, 2, "a")
    a.weight = [1.5]
    b = Deeper(3, 4, "b")
    b.extra = {"k": 1}
    c = WithDict(5, 6)
    c.tag = "t"
    d = Plain(7, 8, "p")
    d.more = 9
    for o in (a, b, c, d):
        # (classes made in a function do not pickle; copy goes through the
        # same __reduce_ex__)
        for how, dup in (("copy", copy.copy), ("deepcopy", copy.deepcopy)):
            e = dup(o)
            print(how, show(e), e.norm1())
        if isinstance(o, Slotted):
            e = copy.copy(o)
            print("shared weight list:", e.weight is o.weight if hasattr(o, "weight") else None)


main()
