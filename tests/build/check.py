# Run with the built project first on sys.path: prints what the module
# does (stdout, compared with the interpreted run) and whether it is the
# compiled extension (stderr).
import sys

import demo.fastmath as m

print(m.describe())
try:
    m.dot([1.0], "x")
except TypeError:
    print("TypeError")
print("compiled" if m.__file__.endswith(".so") else "interpreted", file=sys.stderr)
