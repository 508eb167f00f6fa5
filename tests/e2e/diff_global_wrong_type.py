# Documented difference 1 (DESIGN.md, Semantics): a module global annotated
# by its first assignment (here int, and the native class Node) is checked
# when compiled code reads it.  Rebinding it from outside to another type
# runs on in the interpreter but raises TypeError in compiled code -- also
# after earlier reads of the good value were memoised.
# Expected compiled output: diff_global_wrong_type.compiled.out
from _harness import check, setglobal

STEP = 3


class Node:
    def __init__(self, v: int) -> None:
        self.v = v


ROOT = Node(7)


def twice() -> object:
    return STEP + STEP


def root() -> object:
    return ROOT


check(twice)
check(twice)
setglobal(__name__, "STEP", "ab")
check(twice)
setglobal(__name__, "STEP", 4)
check(twice)
print(type(root()).__name__)
setglobal(__name__, "ROOT", "not a node")
check(root)
setglobal(__name__, "ROOT", Node(1))
print(type(root()).__name__)
