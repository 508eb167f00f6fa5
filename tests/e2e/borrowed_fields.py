"""Field reads the compiler may borrow (compared, checked, read through)
and ones it must not: a value passed to a call that replaces the field
holding it, so the call's receiver or argument would lose its last
reference mid-call. Run under ASan, a borrowed reference there is a
use-after-free."""
from typing import Optional


class Box:
    def __init__(self, owner: "Holder", tag: str) -> None:
        self.owner = owner
        self.tag = tag
        self.items: list[int] = [1, 2, 3]
        self.big = 10 ** 30 + len(tag)

    def replace_me(self) -> int:
        # drops the holder's reference to this box while it runs
        self.owner.box = Box(self.owner, self.tag + "'")
        self.owner.count = 10 ** 25
        return len(self.items) + len(self.tag)

    def same(self, other: Optional["Box"]) -> bool:
        return other is not None and other.tag == self.tag


class Holder:
    def __init__(self) -> None:
        self.box: Optional[Box] = None
        self.count = 10 ** 20
        self.box = Box(self, "b")

    def run(self) -> int:
        b = self.box
        assert b is not None
        return b.replace_me()

    def run_direct(self) -> int:
        if self.box is None:
            return -1
        return self.box.replace_me()

    def chain(self) -> str:
        if self.box is not None:
            inner = self.box.owner.box
            if inner is not None:
                return inner.tag + self.box.tag if self.box.owner.box else "?"
        return "-"

    def count_vs(self, other: "Holder") -> bool:
        return self.count > other.count and self.box is not None

    def bump(self, by: int) -> int:
        self.count = self.count + by
        return self.count

    def reset(self, n: int) -> int:
        self.count = n
        return n


def use_count(h: Holder) -> int:
    # the field's int is an argument of a call that overwrites the field
    return h.reset(h.count + 1) + h.bump(h.count)


def main() -> None:
    h = Holder()
    g = Holder()
    print(h.chain(), h.count_vs(g))
    for _ in range(3):
        print(h.run(), h.run_direct(), h.chain())
    box = h.box
    assert box is not None
    print(box.same(h.box), box.same(None), box.same(g.box))
    print(use_count(h), h.count)
    h.count = 10 ** 40
    print(h.count_vs(g), g.count_vs(h))
    print(use_count(h), h.count)


main()
