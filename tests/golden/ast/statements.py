"""Every statement kind the frontend builds."""
import os.path as p, sys
from .. import a
from ...x.y import (b as c, d)
from __future__ import annotations
x: int = 1
a = b = f(1)
a += 1
a, *b = c
if x < y:
    pass
elif not q:
    pass
elif r:
    pass
else:
    del a[1], b.c
while True:
    break
else:
    pass
for i, j in enumerate(x):
    continue
try:
    raise E from e
except (A, B) as e:
    pass
except C:
    pass
else:
    assert x, "m"
finally:
    pass
try:
    pass
except* E as eg:
    pass
with open(p) as f, g:
    pass
match cmd:
    case [1, *r] if r:
        pass
    case _:
        pass
type Alias[T] = list[T] | None
type(obj).attr = 1
print >> sys.stderr, "message"
