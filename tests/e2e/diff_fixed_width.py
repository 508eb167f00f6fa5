# Documented difference 4: fixed-width ints (i64, i32, u8) raise
# OverflowError instead of growing; interpreted they are plain int.
from staticpy import i64, i32, u8

def acc(n: i64) -> i64:
    t: i64 = 0
    for i in range(n):
        t += i * 3
    return t

def wrap8(x: u8, y: u8) -> u8:
    return x + y

def mix(a: i32, b: int, c: float) -> float:
    d: i32 = a * 2 + b
    return d / 4 + c

def big(x: i64) -> i64:
    return x * x

class Counter:
    def __init__(self, start: i64) -> None:
        self.n = start
    def bump(self, k: i64 = 1) -> i64:
        self.n += k
        return self.n

print(acc(10), wrap8(100, 100), mix(3, 4, 0.5), Counter(5).bump(), Counter(5).bump(k=10))
for x, y in [(200, 100), (-1, 1)]:
    try:
        print(wrap8(x, y))
    except OverflowError as e:
        print("OverflowError", e)
try:
    print(big(2**40))
except OverflowError as e:
    print("OverflowError", e)
print(i64(7) // 2, -7 // 2, i64(-7) % 3)
