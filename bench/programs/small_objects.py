"""Many tiny instances: allocation, attribute access and short-lived objects."""

from typing import Optional

BENCH_N = 1300000
BENCH_N_QUICK = 50000


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def plus(self, other: "Point") -> "Point":
        return Point(self.x + other.x, self.y + other.y)

    def manhattan(self) -> int:
        return abs(self.x) + abs(self.y)


class Cell:
    def __init__(self, value: Point, tail: Optional["Cell"]) -> None:
        self.value = value
        self.tail = tail


class Box:
    def __init__(self, lo: Point, hi: Point) -> None:
        self.lo = lo
        self.hi = hi

    def contains(self, p: Point) -> bool:
        return self.lo.x <= p.x <= self.hi.x and self.lo.y <= p.y <= self.hi.y


def walk(head: Optional[Cell], box: Box) -> int:
    total = 0
    inside = 0
    cell = head
    while cell is not None:
        total += cell.value.manhattan()
        if box.contains(cell.value):
            inside += 1
        cell = cell.tail
    return total * 7 + inside


def main(n: int) -> int:
    state = 12345
    p = Point(0, 0)
    box = Box(Point(-50, -50), Point(50, 50))
    head: Optional[Cell] = None
    checksum = 0
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        d = Point(state % 7 - 3, (state >> 8) % 5 - 2)
        p = p.plus(d)
        head = Cell(p, head)
        if i % 1000 == 999:
            checksum = (checksum * 31 + walk(head, box)) % 1000000007
            head = None
    return (checksum + walk(head, box)) % 1000000007
