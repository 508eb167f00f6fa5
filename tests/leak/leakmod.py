# Module compiled by tests/leak/run_leak.py, which calls each function many
# times and checks that no reference leaks (sys.getallocatedblocks() stays
# flat). Only the compiled subset: annotated module-level functions over
# int/float/bool/str, no try/except (exceptions are raised here and caught by
# the harness).

from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

LIMIT = 1 << 62
GREETING = "hi"


def add(a: int, b: int) -> int:
    return a + b


def big_mix(a: int, n: int) -> int:
    # Crosses 2**62 and back: tagged ints become PyLongs and shrink again.
    acc = a
    for i in range(n):
        acc = acc * 3 + i
        if acc > LIMIT * LIMIT:
            acc = acc // LIMIT - i
    acc -= LIMIT * 2
    acc %= 1000000007
    return -acc if acc > 0 else acc


def fib_pair(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def floats(x: float, n: int) -> float:
    total = 0.0
    i = 0
    while i < n:
        total += x * i / (i + 1)
        i += 1
    return round(total, 6)


def flags(p: bool, q: bool, n: int) -> bool:
    r = (p and not q) or (q and n > 3)
    return r if 0 < n <= 100 else not r


def concat(s: str, n: int) -> str:
    out = ""
    for i in range(n):
        out = out + s + str(i)
        if len(out) > 40:
            out = GREETING + str(n)
    return out + str(len(out))


def conversions(x: int) -> str:
    f = float(x) / 4
    back = int(f) + abs(-x)
    return str(back) + "/" + str(max(x, 7)) + "/" + str(min(f, 2.5))


def scaled(a: int, b: int = 2, *, scale: float = 1.5, neg: bool = False) -> float:
    r = (a + b) * scale
    return -r if neg else r


def uses_keywords(n: int) -> float:
    total = 0.0
    for i in range(n):
        total += scaled(i) + scaled(i, 3) + scaled(b=i, a=1, scale=0.5) + scaled(i, neg=True)
    return total


def nothing(x: int) -> None:
    if x > LIMIT:
        print("unreachable")


def divide(a: int, b: int) -> int:
    big = a * LIMIT * LIMIT      # a live big int when the division raises
    return big // b


def parse(s: str) -> int:
    prefix = s + "!"             # a live str when int() raises
    return int(s) + len(prefix)


def nested(a: int, b: int) -> int:
    # The error is raised two compiled frames down.
    return add(a, 1) + divide(b, a - a)


def any_nested(m: list[list[int]], target: int) -> bool:
    # Stops inside the inner loop: both iterators are live when it leaves.
    return any(a * b == target for row in m for a in row for b in row)


def all_raising(xs: list[int]) -> bool:
    return all(10 // x > 0 for x in xs)


def genexp_sum(xs: list[str]) -> int:
    return sum(len(x) for x in xs) + len(", ".join(x.upper() for x in xs))


def lambdas(xs: list[int]) -> list[int]:
    # A new function object from the cached code object on every call.
    return sorted(xs, key=lambda v: -v) + list(map(lambda v: v * LIMIT, xs))


def _count(n: int, big: int) -> Iterator[int]:
    try:
        for i in range(n):
            yield i * big
    finally:
        pass


def _nest(n: int, items: list[str]) -> Iterator[str]:
    if n == 0:
        yield from items
        return
    yield from _nest(n - 1, items)


def _raise_mid(xs: list[int]) -> Iterator[int]:
    for x in xs:
        yield 10 // x


def generators(n: int) -> int:
    """Run to the end, abandoned half-way (closed when released), delegation,
    and a generator that raises."""
    total = sum(_count(n, 1 << 62)) % 7
    g = _count(n, 3)
    next(g)
    total += len(list(_nest(3, ["a", "bb"])))
    try:
        list(_raise_mid([1, 0]))
    except ZeroDivisionError:
        total += 1
    return total


class Maker:
    def __init__(self, tag: str) -> None:
        self.tag = tag

    @staticmethod
    def join(a: str, b: str = "-") -> str:
        return a + b

    @classmethod
    def make(cls, tag: str) -> "Maker":
        return cls(Maker.join(tag))

    def again(self) -> "Maker":
        return self.make(self.tag)


class Gauge:
    def __init__(self, v: float) -> None:
        self._v = 0.0
        self.level = v

    @property
    def level(self) -> float:
        return self._v

    @level.setter
    def level(self, v: float) -> None:
        if v < 0:
            raise ValueError("negative")
        self._v = v


def property_setter(n: int) -> float:
    """A native setter called directly, through setattr, and raising."""
    g = Gauge(1.5)
    for i in range(n):
        g.level = g.level + i
    setattr(g, "level", 2.0)
    try:
        g.level = -1.0
    except ValueError:
        pass
    return g.level


def static_methods(n: int) -> int:
    """@staticmethod/@classmethod called directly (the class from a name,
    and an instance's type) and through the type from Python."""
    m = Maker.make("x")
    for i in range(n):
        m = m.again()
    return len(m.tag) + len(Maker.join("a")) + len(getattr(Maker, "make")("y").tag)


def unstarted_generators(n: int) -> int:
    """Generators that never start: dropped, closed, or thrown into.  Each
    must release the arguments its frame holds (a big int and a list)."""
    items = [str(i) for i in range(n)]
    g = _count(n, 1 << 70)
    del g
    h = _nest(2, items)
    h.close()
    k = _count(n, 1 << 71)
    try:
        k.throw(ValueError("before the start"))
    except ValueError:
        pass
    return len(items)


def varargs(first: int, *rest: int, scale: int = 1, **named: int) -> int:
    return (first + sum(rest) + sum(named.values())) * scale


def fast_trees(a: int, b: int) -> int:
    """Int trees on the int64 fast path and, with big values or a zero
    divisor, on the general path (lower_intfast.c)."""
    total = (a * b + a - b) * 3 + (a << 2) - (b >> 1)
    if a * a - b > b * 2 + 1:
        total += 1
    try:
        total += (a + b) // (a - a) + 1
    except ZeroDivisionError:
        total += 2
    return total


def _twice(x: int) -> int:
    return x * 2


def owned_temps(a: int, b: int, k: int) -> int:
    """Operands that die at an int operation are consumed by it
    (spy_int_<op>_own): with big values they are boxed on every path,
    including the ZeroDivisionError of a zero k."""
    t = _twice(a) * _twice(b) + _twice(a) - _twice(b) // _twice(k)
    t += (_twice(a) % _twice(k)) ** 2 + (_twice(a) << (k % 3)) + (_twice(b) >> 1)
    t ^= _twice(a) & _twice(b) | _twice(k)
    return t


def owned_shift(a: int, k: int) -> int:
    return _twice(a) << _twice(k)


def int_stores(n: int, big: int) -> int:
    """list[int] stores box straight into the slot (spy_list_setint)."""
    xs: list[int] = [big] * n
    for i in range(n):
        xs[i] = big + i
    xs[-1] = 3
    xs[0] = xs[1]
    return len(xs)


class AnyIndex(list):
    """A list whose items exist at every index, however large."""

    def __getitem__(self, i):
        return "item"

    def __setitem__(self, i, v):
        pass


def huge_machine_index(xs: list[str], fs: list[float], start: int) -> int:
    """int64 loop indexes beyond the tagged range into list subclasses:
    the boxed index of the general path is released."""
    total = 0
    for i in range(start, start + 3):
        total += len(xs[i])
        xs[i] = "x"
        fs[i] = 1.5
    return total


def huge_index_case(start: int) -> int:
    return huge_machine_index(AnyIndex(), AnyIndex(), start)


class Atoms:
    """Only int, float and bool fields: instances are not GC-tracked."""

    def __init__(self, i: int, f: float, b: bool) -> None:
        self.i = i
        self.f = f
        self.b = b

    def bump(self) -> "Atoms":
        return Atoms(self.i * 3, self.f / 2.0, not self.b)


def atoms(n: int, big: int) -> int:
    a = Atoms(big, 1.5, True)
    total = 0
    for _ in range(n):
        a = a.bump()
        total += a.i % 1000 + int(a.b)
    return total


class Knot:
    """A GC class whose instances form cycles: each must be tracked from
    the moment spy_new_Knot hands it out, or gc.collect() cannot free it."""

    def __init__(self, label: str, fail: bool) -> None:
        self.label = label
        self.peer: Optional["Knot"] = None
        self.peer = self
        if fail:
            raise ValueError(label)


def knots(n: int, fail_at: int) -> int:
    total = 0
    for i in range(n):
        k = Knot("k" + str(i), i == fail_at)
        total += len(k.label)
    return total


def appends(text: str) -> int:
    """`s += ch` grows s in place when it is only ours, else concatenates;
    a shared str and a wider character take the general path."""
    s = ""
    for ch in text:
        s += ch
    t = s
    s += "€"
    for ch in text:
        s += ch
    return len(s) + len(t)


class Label:
    def __init__(self, text: str, n: int) -> None:
        self.text = text
        self.n = n
        if n > 0:
            self.inner = Atoms(n, 0.5, True)


def copies(big: int) -> int:
    """copy.copy and copy.deepcopy of native instances go through their
    __reduce__ (a blank instance, then the attributes): a big int, a str,
    a nested instance, an unassigned attribute.  (No reference cycle: the
    collector's timing would blur the count.)"""
    import copy
    a2 = copy.copy(Atoms(big, 2.5, False))
    l1 = copy.deepcopy(Label("x" + str(big % 7), big))
    l2 = copy.deepcopy(Label("y", 0))
    return a2.i % 1000 + len(l1.text) + l1.inner.i % 10 + l2.n


def native_arrays(n: int, big: int) -> int:
    """Local lists that never escape are C arrays (runtime/spy_array.h):
    boxed ints in an int array are owned once per slot, released on store,
    rebinding and exit, also when an IndexError leaves mid-way."""
    xs = [big] * n
    ys = list(range(big, big + n))
    flags = [True] * n
    ws = [0.5] * n
    total = 0
    for i in range(n):
        xs[i] += ys[i]
        ws[i] *= 3.0
        flags[i] = not flags[i]
        total += xs[i] % 1000 + int(ws[i]) + int(flags[i])
    zs = [big, big + 1, 3]     # a display: each element owned once
    zs[2] = zs[0] - zs[1]
    for z in zs:
        total += z % 5
    xs = [big * 2] * (n + 1)
    total += xs[n] % 7
    return total + xs[n + 1]


def versioned_loop(x: int, n: int, stop: int) -> int:
    """An innermost while loop runs on int64_t (emit/lower_version.c) and
    hands over to the general loop where an int grows big or an index is
    out of range: the big ints made after the hand-over are owned once."""
    xs = [1] * n
    k = 0
    while k < stop:
        x = x * x + k
        xs[k] = x
        k += 1
    return x % 1000 + len(xs)


def versioned_range(big: int, n: int) -> int:
    """A range loop's copy releases the big int its variable held before."""
    i = big * 2       # a fresh big int per call
    total = 0
    for i in range(n):
        total += i
    i = i + big
    return total + i % 7


def versioned_chars(text: str, prefix: str) -> str:
    """A range loop's copy holds a str local as one character and writes
    it back as a str, releasing the str it held before (here a fresh one
    per call); an IndexError hands over to the general loop."""
    ch = prefix + "!"
    for k in range(len(text) + 1):
        ch = text[k]
        if ch == "|":
            break
    return ch


def spec_fib_acc(n: int, a: int, b: int) -> int:
    """A recursive function's int64_t copy gives up when the ints grow big;
    the general function computes the call again with big ints."""
    if n == 0:
        return a
    return spec_fib_acc(n - 1, b, a + b)

def table_add(a, b=2, *, scale=1):
    return (a + b) * scale


def table_parse(s: str) -> int:
    return int(s)


def table_calls(n, bad):
    """Calls through a dict of this module's functions (spy_call_any):
    keywords, defaults, a big int result, int(str) both ways, and a bad
    call's TypeError raised from the binding."""
    table = {"add": table_add, "parse": table_parse}
    total = 0
    for i in range(n):
        total += table["add"](i, scale=1 << 70) + table["add"](i)
        total += table["parse"](str(i)) + table["parse"]("1" * 30)
    if bad:
        table["add"](1, 2, 3)
    return total


@dataclass(order=True)
class LeakRecord:
    name: str
    scores: list[int] = field(default_factory=list)
    tag: tuple[int, int] = (1, 2)


def dataclasses_made(n: int) -> int:
    """A native dataclass: its generated __init__ (a default factory
    called per instance), and the decorator's __eq__, __lt__ and
    __repr__ copied onto the type."""
    total = 0
    for i in range(n):
        r = LeakRecord("r" + str(i))
        r.scores.append(i)
        s = LeakRecord("s", [i, 1 << 70])
        total += len(repr(r)) + (r == s) + (r < s) + len(s.scores)
    return total


def dataclasses_dynamic(n):
    """The same class called through a dynamic value: the type's call
    binds the arguments (its wrapper calls the factory and releases what
    it made)."""
    cls: Any = LeakRecord
    total = 0
    for i in range(n):
        total += len(cls("d").scores) + len(cls("e", scores=[i]).scores)
    cls(5)


@dataclass(frozen=True)
class LeakFrozen:
    key: str
    parts: tuple[int, ...] = ()


def dataclasses_frozen(n: int) -> int:
    """A frozen native dataclass: hashed, copied through its __setstate__,
    and assigned from Python (FrozenInstanceError)."""
    import copy
    total = 0
    for i in range(n):
        f = LeakFrozen("k" + str(i), (i, 1 << 70))
        g = copy.deepcopy(f)
        total += (hash(f) == hash(g)) + len(copy.copy(g).parts)
    setattr(LeakFrozen("x"), "key", "y")
    return total


class Meter:
    """A native class that Python subclasses (made by type() below)."""

    def __init__(self, base: int, tag: str) -> None:
        self.base = base
        self.tag = tag

    def reading(self, k: int, f: float, on: bool, unit: str) -> float:
        return k * f

    def label(self) -> str:
        return self.tag

    def report(self, k: int) -> str:
        return "%s=%.1f" % (self.label(), self.reading(k, 0.5, True, "kWh"))

    def off_reading(self, k: int) -> float:
        return self.reading(k, 1.0, False, "kWh")


# Python subclasses of a native class, made by interpreted code
_PY_SUBCLASSES = """
class PyMeter(Meter):
    def reading(self, k, f, on, unit):
        if k < 0:
            raise ValueError("negative")
        return float(k + self.base) if on else "off"

    def label(self):
        return self.tag + "!"

class PyMeterNoInit(Meter):
    pass
"""
_ns: dict = {"Meter": Meter}
exec(_PY_SUBCLASSES, _ns)
PyMeter = _ns["PyMeter"]
PyMeterNoInit = _ns["PyMeterNoInit"]


def python_subclasses(big: int, k: int) -> int:
    """Trampolines box ints, floats, bools and strs for the override and
    unbox its result (checked: a str for a float raises TypeError); tp_new
    and tp_init build the instance; copy reads the instance dict."""
    import copy
    m = PyMeter(big, "m")
    m.extra = [big]
    n = PyMeterNoInit(3, "n")
    c = copy.copy(m)
    r = m.report(k) + n.report(k) + c.report(k)
    return len(r) + len(m.extra) + len(c.extra)


def python_subclass_bad(k: int) -> float:
    m = PyMeter(1, "m")
    return m.off_reading(k)
