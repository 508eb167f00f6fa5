# Methods of a native class that use constructs not compiled yet (lambda,
# yield) are left to the interpreter and set on the type; the rest stay native.
from typing import List

class Box:
    def __init__(self, items: List[int]) -> None:
        self.items = items
        self.total = 0

    def sorted_desc(self) -> List[int]:
        return sorted(self.items, key=lambda x: -x)

    def evens(self):
        for x in self.items:
            if x % 2 == 0:
                yield x

    def add(self, v: int) -> int:
        self.items.append(v)
        self.total += v
        return len(self.sorted_desc())

    def mark(self) -> None:
        f = lambda: len(self.items)
        self.count = f()

b = Box([3, 1, 2])
print(b.add(4), b.sorted_desc(), list(b.evens()), b.total)
b.mark()
print(b.count)
