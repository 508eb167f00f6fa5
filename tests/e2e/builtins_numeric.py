# float(), int(), abs(), bool(), min(a, b), max(a, b) on typed numbers are
# computed in place: same results (NaN order, -0.0, big ints, errors).
def f(i: int, x: float, b: bool) -> str:
    return " ".join([str(float(i)), str(int(x)), str(int(-x)), str(abs(-i)), str(abs(-x)),
                     str(min(i, 3)), str(max(x, 2.5)), str(bool(i)), str(bool(x)), str(int(b)),
                     str(float(b)), str(min(2**70, i)), str(max(float("nan"), 1.0)),
                     str(min(1.0, float("nan")))])
print(f(5, 3.7, True), f(0, -0.0, False), f(-2**65, 1e10, True))
try:
    f(1, float("inf"), True)
except OverflowError as e:
    print("OverflowError", e)
