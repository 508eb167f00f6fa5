"""List, set and dict displays take their type from where they go, as
mypy infers it: an argument, a return value, an assignment, and displays
nested in them."""
from typing import Optional


def pick(d: dict[str, object], k: str) -> object:
    return d.get(k)


def count(xs: list[Optional[int]]) -> int:
    return sum(1 for x in xs if x is not None)


def nested(rows: list[list[object]]) -> int:
    return sum(len(r) for r in rows)


def objects() -> list[object]:
    return [1, "two", 3.0]


def grid() -> dict[str, list[Optional[float]]]:
    return {"a": [1.5, None], "b": []}


def tags() -> set[object]:
    return {1, 2}


class Bag:
    def __init__(self, items: list[object]) -> None:
        self.items = items

    def add_all(self, more: list[Optional[str]]) -> int:
        for m in more:
            self.items.append(m)
        return len(self.items)


def main() -> None:
    print(pick({"a": 4, "b": 5}, "a"), count([1, 2, None]), count([]))
    print(nested([[1, 2], [], ["x"]]), objects(), grid(), sorted(tags(), key=str))
    b = Bag([1, "s"])
    print(b.add_all(["a", None]), b.items)
    o = objects()
    o.append(None)
    print(o)


main()
