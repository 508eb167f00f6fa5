# e2e-min-python: 3.12
# PEP 695 `type` statements at module level: the alias names a type in
# annotations (checked and compiled like the type it stands for), and the
# statement itself runs as the interpreter runs it, so the runtime object
# is a lazily evaluated TypeAliasType (forward references work).
# (`type` statements need Python 3.12.)
type Vec = list[float]
type Grid = dict[tuple[int, int], "Cell"]
type Pair[T] = tuple[T, T]   # generic: a runtime alias only
type Tree = list[Tree] | int  # recursive: fine, evaluated lazily


class Cell:
    def __init__(self, v: int) -> None:
        self.v = v


def norm1(v: Vec) -> float:
    t = 0.0
    for x in v:
        t += abs(x)
    return t


def total(g: Grid) -> int:
    s = 0
    for c in g.values():
        s += c.v
    return s


def scale(v: Vec, k: float) -> Vec:
    return [x * k for x in v]


print(norm1([1.0, -2.5, 3.0]), scale([1.0, 2.0], 1.5))
print(total({(0, 0): Cell(3), (1, 2): Cell(4)}))
print(Vec, Vec.__name__, Vec.__value__)
print(Pair.__name__, Pair.__type_params__, Tree.__value__)
print(type(Vec).__name__, Grid.__value__)
