# checks: a native dataclass's generated __init__ is checked like any
# method (argument types, missing and unknown arguments); a frozen
# dataclass's fields are read-only outside it (mypy's words); without
# order=True instances do not support <.
from dataclasses import dataclass, field


@dataclass
class P:
    x: int
    ys: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class F:
    a: int

    def __post_init__(self) -> None:
        self.a = 2


def use() -> None:
    P("one")
    P()
    P(1, zs=[])
    f = F(1)
    f.a = 3
    f.a += 1
    print(P(1) < P(2))
