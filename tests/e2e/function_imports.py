# Imports inside functions (the function was left to the interpreter
# before) bind locals: `import a`, `import a.b` (binds a), `import a.b as
# c` (the submodule), `from a import x as y`; a failed import raises the
# interpreter's ImportError, a name bound on one branch only is an
# UnboundLocalError on the other, and a global of the same name is not
# touched.
from _harness import check

json = "the global json"


def uses(x: float) -> tuple:
    import math
    from os import path as p, sep
    import os.path
    import collections.abc as cabc
    return (math.sqrt(x), p.join("a", "b"), len(sep), os.path.basename("/q/rr"),
            isinstance([], cabc.Sequence))


def roundtrip(v):
    from json import dumps, loads
    return loads(dumps(v)), json


def repeated(n: int) -> int:
    total = 0
    for i in range(n):
        import operator
        total = operator.add(total, i)
    return total


def missing():
    import nosuchmodule_xyz_123
    return nosuchmodule_xyz_123


def missing_name():
    from os import no_such_name_xyz
    return no_such_name_xyz


def maybe(flag: bool):
    if flag:
        import string
    return string.digits


check(uses, 16.0)
check(roundtrip, {"a": [1, 2]})
check(repeated, 10)
check(missing)
check(missing_name)
check(maybe, True)
check(maybe, False)
print(json)


def relative():
    # this test module is not in a package: ImportError, as interpreted
    from . import nothing_here
    return nothing_here


def relative_two_levels():
    from ..sibling import thing
    return thing


check(relative)
check(relative_two_levels)
try:
    from .beside import anything
except ImportError as e:
    print("module level:", type(e).__name__, e)
