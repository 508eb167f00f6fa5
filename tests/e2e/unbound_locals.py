# A local that may be unbound is checked where it is read: the
# interpreter's UnboundLocalError, for boxed and unboxed (int64_t, float) locals.
def last(n: int) -> int:
    for i in range(n):
        pass
    return i

def pick(c: bool) -> float:
    if c:
        x = 1.5
    return x

def word(c: bool) -> str:
    if c:
        s = "yes"
    return s

def big(c: bool) -> int:
    if c:
        v = 2 ** 100
    return v

for fn, arg in [(last, 3), (last, 0), (pick, True), (pick, False), (word, True), (word, False),
                (big, True), (big, False)]:
    try:
        print(fn(arg))
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
