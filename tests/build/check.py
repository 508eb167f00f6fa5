# Run with the built project first on sys.path: prints what the module
# does (stdout, compared with the interpreted run) and whether it is the
# compiled extension (stderr).
import pickle
import sys

import demo.fastmath as m
import demo.report as rep

print(m.describe())
# a class of a package's submodule: its module is "demo.fastmath", which
# repr shows and pickle imports to find the class
acc = m.Acc(2.5)
print(m.Acc.__module__, repr(m.Acc))
print(type(pickle.loads(pickle.dumps(acc))).__name__, pickle.loads(pickle.dumps(acc)).total)
try:
    m.dot([1.0], "x")
except TypeError:
    print("TypeError")
# relative imports from a compiled module (of compiled and plain modules)
print(rep.summary([1.0, 2.5]))
kinds = {mod.__file__.endswith(".so") for mod in (m, rep)}
print("mixed" if len(kinds) > 1 else "compiled" if kinds == {True} else "interpreted",
      file=sys.stderr)
