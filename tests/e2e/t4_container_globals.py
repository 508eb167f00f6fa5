# Module-level typed containers used from functions: reading, mutating in
# place (seen by everyone), rebinding with `global`, nested structures
# (dict of lists of tuples), and a simple graph search over them.
from typing import Dict, List, Optional, Tuple

REGISTRY: dict[str, list[int]] = {}
LOG: list[str] = []
SEEN: set[str] = set()
COUNTER = [0]
GRAPH: Dict[str, List[str]] = {
    "a": ["b", "c"],
    "b": ["d"],
    "c": ["d", "e"],
    "d": [],
    "e": ["a"],
}


def register(name: str, v: int) -> int:
    if name not in REGISTRY:
        REGISTRY[name] = []
    REGISTRY[name].append(v)
    LOG.append(name + ":" + str(v))
    SEEN.add(name)
    COUNTER[0] += 1
    return len(REGISTRY[name])


def reset() -> None:
    global LOG
    LOG = ["reset"]
    REGISTRY.clear()


def bfs(start: str) -> List[str]:
    order: List[str] = []
    seen: set[str] = {start}
    queue: List[str] = [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nb in GRAPH[node]:
            if nb not in seen:
                seen.add(nb)
                queue.append(nb)
    return order


def path(start: str, goal: str) -> Optional[List[str]]:
    prev: Dict[str, str] = {}
    queue = [start]
    seen = {start}
    while queue:
        node = queue.pop(0)
        if node == goal:
            out = [node]
            while node in prev:
                node = prev[node]
                out.append(node)
            out.reverse()
            return out
        for nb in GRAPH[node]:
            if nb not in seen:
                seen.add(nb)
                prev[nb] = node
                queue.append(nb)
    return None


def index(records: List[Tuple[str, int]]) -> Dict[str, List[Tuple[str, int]]]:
    out: Dict[str, List[Tuple[str, int]]] = {}
    for rec in records:
        key = rec[0][0]
        if key not in out:
            out[key] = []
        out[key].append(rec)
    return out


print(register("x", 1), register("x", 2), register("y", 3))
print(REGISTRY, LOG, sorted(SEEN), COUNTER)
reset()
print(REGISTRY, LOG, COUNTER)
print(register("z", 9), LOG)
print(bfs("a"), bfs("d"))
print(path("a", "e"), path("b", "e"), path("d", "a"), path("e", "e"))
print(index([("apple", 1), ("avocado", 2), ("banana", 3)]))
GRAPH["d"].append("a")
print(path("b", "e"))
