# del of locals (boxed and unboxed), globals, items and native attributes,
# with the interpreter's UnboundLocalError / NameError / AttributeError after.
class P:
    def __init__(self) -> None:
        self.x = 1

def f(xs: list[int], d: dict[str, int], n: int) -> int:
    v = n * 2
    del xs[0], d["a"]
    total = v
    del v
    try:
        print(v)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    s = "s" * n
    del s
    k = 1.5
    del k
    try:
        print(k)
    except UnboundLocalError:
        print("k unbound")
    return total + len(xs) + len(d)

G = 5
del G
try:
    print(G)
except NameError as e:
    print("NameError", e)
p = P()
del p.x
try:
    print(p.x)
except AttributeError as e:
    print("AttributeError", e)
print(f([1, 2, 3], {"a": 1, "b": 2}, 4))
try:
    del G
except NameError as e:
    print("NameError", e)
