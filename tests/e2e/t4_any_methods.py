# Unannotated (Any) parameters and values: method calls, attribute access,
# subscripts, iteration and operators go through the generic path and behave
# exactly like the interpreter, including AttributeError/TypeError.
from collections import deque
from _harness import check


def shout(s) -> str:
    return s.upper() + "!"


def add_item(container, item):
    container.append(item)
    return container


def keys_of(m) -> list[str]:
    out: list[str] = []
    for k in m.keys():
        out.append(str(k))
    return out


def first(x):
    return x[0]


def describe(x) -> str:
    return type(x).__name__ + ":" + str(len(x))


def chain(s):
    return s.strip().split(",")[-1].replace("b", "B")


def plus(a, b):
    return a + b


def call_method(obj, name: str):
    return getattr(obj, name)()


def kw_method(s, n: int):
    return s.split(",", maxsplit=n)


def iterate(x) -> int:
    n = 0
    for item in x:
        n += 1
    return n


def typed_from_any(x) -> int:
    v: int = x.count(1)
    return v + 1


def to_list(x) -> list[int]:
    return x


def from_dict_get(d, k):
    return d.get(k, "dflt")


def item_assign(x, k, v):
    x[k] = v
    return x


def truth(x) -> str:
    if x:
        return "yes"
    return "no"


print(shout("hi"))
check(shout, 3)
check(shout, None)
print(add_item([1], 2), list(add_item(deque([1]), 2)))
check(add_item, (1,), 2)
print(keys_of({"a": 1, 2: 3}))
check(keys_of, [1])
print(first([9]), first("xyz"), first({0: "zero"}))
check(first, [])
check(first, 5)
print(describe([1, 2]), describe("abc"), describe({}))
print(chain("  a,b,abc  "))
print(plus(1, 2), plus("a", "b"), plus([1], [2]), plus(1.5, 2))
check(plus, 1, "a")
print(call_method("abc", "upper"), call_method([3, 1], "copy"))
check(call_method, 1, "nope")
print(kw_method("a,b,c", 1))
print(iterate([1, 2]), iterate("abc"), iterate({1: 2}), iterate(range(7)))
check(iterate, 3)
print(typed_from_any([1, 1, 2]))
check(typed_from_any, "x")
print(to_list([1, 2]))
print(from_dict_get({"a": 1}, "a"), from_dict_get({}, "a"))
print(item_assign([0, 0], 1, "x"), item_assign({}, "k", 1))
check(item_assign, (1,), 0, 2)
print(truth([]), truth([0]), truth(""), truth(0.0), truth(None))
