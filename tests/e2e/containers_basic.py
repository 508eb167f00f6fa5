# Typed containers: list/dict/set/tuple fast paths, comprehensions,
# Optional narrowing, f-strings, augmented assignment to subscripts.
from typing import Optional, List, Dict

def total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        t += x
    return t

def squares(n: int) -> list[int]:
    return [i * i for i in range(n) if i % 2 == 0]

def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts

def find(xs: List[int], v: int) -> Optional[int]:
    for i in range(len(xs)):
        if xs[i] == v:
            return i
    return None

def use_find(xs: list[int]) -> int:
    r = find(xs, 3)
    if r is None:
        return -1
    return r + 100

def fmt(name: str, v: float) -> str:
    return f"{name}: {v:.3f} [{len(name)!r}]"

def pairs(d: Dict[str, int]) -> list[str]:
    out = []
    for k, v in d.items():
        out.append(k + "=" + str(v))
    return sorted(out)

s = {1, 2, 3}
print(total([1, 2, 3]), squares(10), count_words("a b a c b a"))
print(use_find([5, 3, 1]), use_find([1]), fmt("pi", 3.14159), pairs({"x": 1, "y": 2}))
print(2 in s, 5 in s, len(s), {k: k * 2 for k in range(3)})
xs = [1, 2, 3]
xs[1] = 20
xs[-1] += 5
print(xs, xs[-2], xs[1:])
try_t = (1, "a", 2.5)
print(try_t[0] + 1, try_t[1] + "b", try_t[-1])
