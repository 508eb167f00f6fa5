# Attribute reads and writes on receivers of unknown type, when one native
# class of the module has a field of that name, call that field's getter
# or setter straight away for an instance of exactly that class (emit:
# field_named); every other receiver takes the generic lookup.  Both must
# behave alike: values, unset fields, objects of other classes with an
# attribute of the same name; and a typed field keeps its documented
# differences (difference 3: a wrong type is a TypeError, an int stored
# in a float field becomes a float, the class attribute is the field's
# descriptor), the same whichever way it is reached: builtin setattr()
# and getattr() take the generic path.
# Expected compiled output: diff_dynamic_field_access.compiled.out
from types import SimpleNamespace


class Counter:
    def __init__(self, start: int) -> None:
        self.count = start
        self.label = "c"
        self.items = []

    def bump(self) -> int:
        self.count += 1
        return self.count


class Lazy:
    ratio: float

    def __init__(self) -> None:
        self.note = None


def read_count(o):
    return o.count


def write_count(o, v):
    o.count = v


def read_items(o):
    return o.items


def write_items(o, v):
    o.items = v


def read_ratio(o):
    return o.ratio


def write_ratio(o, v):
    o.ratio = v


def show(label, f, *args):
    try:
        print(label, f(*args))
    except Exception as e:
        print(label, type(e).__name__, e)


def main():
    c = Counter(5)
    p = SimpleNamespace(count="plain", items=(1, 2))
    show("read c", read_count, c)
    show("read p", read_count, p)
    show("read int", read_count, 7)
    show("write c", write_count, c, 41)
    show("after", read_count, c)
    show("bump", c.bump)
    show("write c str", write_count, c, "x")
    show("write c big", write_count, c, 1 << 80)
    show("after big", read_count, c)
    show("write p", write_count, p, [1])
    show("read p again", read_count, p)
    show("items", read_items, c)
    write_items(c, {"any": "value"})
    show("items after", read_items, c)
    show("items p", read_items, p)
    z = Lazy()
    show("unset ratio", read_ratio, z)
    show("write ratio int", write_ratio, z, 2)
    show("ratio", read_ratio, z)
    show("write ratio str", write_ratio, z, "no")
    show("del then read", lambda: (delattr(z, "ratio"), read_ratio(z)))
    show("class attr", read_count, Counter)
    show("setattr str", setattr, c, "count", "y")
    show("setattr float", setattr, z, "ratio", 3)
    show("getattr", getattr, z, "ratio")


main()
