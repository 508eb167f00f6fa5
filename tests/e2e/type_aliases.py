# Module-level type aliases (Vec = List[float]) used in annotations; the
# alias objects still exist at run time.
from typing import Dict, List, Optional
Vec = List[float]
Grid = Dict[str, Vec]
MaybeVec = Optional[Vec]

def norm(v: Vec) -> float:
    return sum([x * x for x in v])

def first(g: Grid, k: str) -> MaybeVec:
    return g.get(k)

v = first({"a": [1.0, 2.0]}, "a")
print(norm([3.0, 4.0]), v, first({}, "z"), Vec)
