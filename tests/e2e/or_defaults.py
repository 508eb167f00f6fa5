"""`x or default` with an Optional x is the non-None type, as mypy types it
(`m = m or {}`, `name or "anon"`), and the value is the interpreter's for
falsy non-None values too (0, "", [] pick the default)."""
from typing import Dict, List, Optional


def label(name: Optional[str]) -> str:
    return name or "anon"


def size(n: Optional[int], fallback: int) -> int:
    k = n or fallback
    return k * 2


def table(m: Optional[Dict[str, int]]) -> Dict[str, int]:
    m = m or {}
    m.setdefault("k", 0)
    m["k"] += 5
    return m


def first(a: Optional[List[int]], b: Optional[List[int]]) -> List[int]:
    return a or b or [7]


def both(a: Optional[str], b: str) -> object:
    return a and b


def fresh() -> Dict[str, int]:
    m: Optional[Dict[str, int]] = None
    m = m or {}
    m["x"] = 1
    return m


def main() -> None:
    print(label(None), label(""), label("bo"))
    print(size(None, 3), size(0, 4), size(6, 1))
    print(table(None), table({}), table({"k": 1, "j": 2}))
    print(first(None, None), first([], [1]), first(None, [2]), first([3], None))
    print(both(None, "x"), both("", "x"), both("a", "x"), fresh())


main()
