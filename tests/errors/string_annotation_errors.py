def f(x: "list[Bogus]", y: "dict[str, 'Node']", z: "list[int") -> "Optional[int]":
    return None
class Node:
    pass
