# Printing floats: shortest round-trip repr, exponent thresholds, and
# str() of floats computed in compiled code.


def show(x: float) -> None:
    print(x, str(x), repr(x), -x)


def third(n: int) -> float:
    return n / 3


def scaled(x: float, times: int) -> float:
    for i in range(times):
        x = x * 10.0
    return x


show(0.1)
show(1.0 / 3.0)
show(2.0 / 3.0)
show(1e16)
show(1e15)
show(123456789012345680.0)
show(1e-4)
show(1e-5)
show(1e22)
show(5e-324)
show(1.7976931348623157e308)
show(2.2250738585072014e-308)
show(100.0)
show(0.30000000000000004)
print(third(1), third(2), third(10), third(-1))
print(scaled(1.5, 15), scaled(1.5, 16), scaled(1.5, 400), scaled(-1e-320, 10))
