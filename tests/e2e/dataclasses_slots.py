# e2e-min-python: 3.10
# @dataclass(slots=True) classes are native too (a native instance has no
# __dict__ either): __slots__, copy and pickle (through the decorator's
# __getstate__/__setstate__ on 3.11+) behave as interpreted, frozen ones
# included.
import copy
import dataclasses
import pickle
from dataclasses import dataclass, field


@dataclass(slots=True)
class Slotted:
    x: int
    ys: list[int] = field(default_factory=list)

    def total(self) -> int:
        return self.x + sum(self.ys)


@dataclass(slots=True, frozen=True)
class FrozenSlots:
    a: str
    b: float = 1.0


def main() -> None:
    s = Slotted(1, [2, 3])
    print(s, s.total(), Slotted.__slots__, hasattr(s, "__dict__"))
    try:
        setattr(s, "zz", 1)
    except AttributeError as e:
        print("AttributeError", type(e).__name__)
    c = copy.deepcopy(s)
    p = pickle.loads(pickle.dumps(s))
    print(c, p, c == s, p == s)
    f = FrozenSlots("k")
    print(f, hash(f) == hash(FrozenSlots("k")), copy.copy(f), pickle.loads(pickle.dumps(f)))
    try:
        setattr(f, "a", "z")
    except dataclasses.FrozenInstanceError as e:
        print("FrozenInstanceError", e)
    print(dataclasses.fields(FrozenSlots)[1].default, dataclasses.replace(f, b=2.0))


main()
