# o.append(x), o.pop() and o.get(k[, d]) on unannotated values: an exact list's or dict's own
# operation inline (runtime spy_any_append / spy_any_pop), everything else
# -- list subclasses overriding them, a deque, a class with such methods or
# with a callable in its instance dict, a value without the method -- the
# method call, with the interpreter's results and errors.
import collections
from _harness import check


def push_all(stack, items):
    for x in items:
        stack.append(x)
    return stack


def pop_n(stack, n):
    out = []
    for _ in range(n):
        out.append(stack.pop())
    return out, stack


def churn(stack, n):
    # grows and shrinks: the list's allocation follows list.pop's
    for i in range(n):
        stack.append(i)
        stack.append(i * 2)
        stack.pop()
    while stack:
        stack.pop()
    return stack


class Logged(list):
    def append(self, x):
        print("Logged.append", x)
        super().append(x * 10)

    def pop(self):
        print("Logged.pop")
        return super().pop() + 1


class Plain(list):
    pass


class Stackish:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(("boxed", x))

    def pop(self):
        return self.items.pop() if self.items else "empty"

    def __repr__(self):
        return "Stackish(" + repr(self.items) + ")"


class Holder:
    def __init__(self):
        self.append = lambda x: ("instance attribute", x)


check(push_all, [], [1, "a", None])
check(pop_n, [1, 2, 3], 2)
check(pop_n, [1], 2)
check(pop_n, [], 1)
check(churn, [], 100)
check(push_all, Logged(), [1, 2])
check(pop_n, Logged([1, 2, 3]), 2)
check(push_all, Plain(), [4, 5])
check(pop_n, Plain([4, 5]), 3)
check(push_all, collections.deque(), [7, 8])
check(pop_n, collections.deque([7, 8]), 3)
s = Stackish()
check(push_all, s, [1, 2])
print(s.items)
check(pop_n, s, 3)
check(lambda: Holder().append(3))
check(push_all, {}, [1])
check(pop_n, {1: 2}, 1)
check(push_all, None, [1])
check(pop_n, "abc", 1)
check(push_all, (1, 2), [3])
# the same site meets several types in turn
for target in ([], Logged(), collections.deque(), [], Stackish()):
    check(push_all, target, [9])


# o.get(k[, d]) on unannotated values: an exact dict's lookup inline, else
# the method (a dict subclass overriding get, a class with get, none).
def getter(d, k):
    return d.get(k), d.get(k, "dflt")


class MyDict(dict):
    def get(self, k, d=None):
        return ("MyDict.get", k, d)


class Missing(dict):
    def __missing__(self, k):
        return "missing never used by get"


class Getter:
    def get(self, *args):
        return ("Getter.get", args)


check(getter, {"a": 1}, "a")
check(getter, {"a": 1}, "b")
check(getter, {}, [1])
check(getter, MyDict(a=1), "a")
check(getter, Missing(), "z")
check(getter, Getter(), "k")
check(getter, [1], 0)
check(getter, None, 0)
