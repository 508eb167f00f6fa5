# Documented differences of native dataclasses (docs/guide.md):
# - the generated __init__ checks its arguments' types, as every native
#   method does (the interpreter's stores whatever it is given);
# - a float field is an unboxed double, so a field read makes a new float
#   object: the decorator's __eq__ before 3.13 compares tuples, where an
#   identical NaN counts as equal in the interpreter; compiled it never is
#   (from 3.13 the decorator compares fields with ==, as compiled code
#   always does);
# - a field with a default_factory reads, through the class, as the
#   field's descriptor (the interpreter has no class attribute for it).
# Expected compiled output: diff_dataclass.compiled.out
from dataclasses import dataclass, field


@dataclass
class Reading:
    value: float
    tags: list[str] = field(default_factory=list)


make: object = Reading
try:
    r = eval("make('high')", {"make": make})
    print("stored", r.value)
except TypeError as e:
    print("TypeError")

nan = float("nan")
a = Reading(nan)
b = Reading(nan)
print("nan fields equal:", a == b)

try:
    print("class attribute:", type(Reading.tags).__name__)
except AttributeError as e:
    print("AttributeError:", e)
