# if / elif / else chains, nested ifs, and truthiness of int, float, str.


def classify(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 2 ** 64:
        return "medium"
    else:
        return "huge"


def fizzbuzz(n: int) -> str:
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)


def sign(x: float) -> int:
    if x > 0.0:
        return 1
    elif x < 0.0:
        return -1
    return 0


def truthy_int(n: int) -> str:
    if n:
        return "true"
    else:
        return "false"


def truthy_float(x: float) -> str:
    if x:
        return "true"
    return "false"


def truthy_str(s: str) -> str:
    if s:
        return "true"
    return "false"


def nested(a: int, b: int) -> str:
    if a > 0:
        if b > 0:
            r = "both"
        else:
            r = "a only"
    else:
        if b > 0:
            r = "b only"
        elif b == 0:
            r = "b zero"
        else:
            r = "neither"
    return r


def no_else(n: int) -> int:
    r = 0
    if n > 5:
        r = 1
    if n > 10:
        pass
    if n > 100:
        r = r + 10
    return r


def fizz_all(n: int) -> None:
    for i in range(1, n + 1):
        print(fizzbuzz(i), end=" ")
    print()


print(classify(-5), classify(0), classify(7), classify(2 ** 63), classify(2 ** 64), classify(-(2 ** 100)))
fizz_all(20)
print(sign(2.5), sign(-0.5), sign(0.0), sign(-0.0))
print(truthy_int(0), truthy_int(-1), truthy_int(2 ** 70), truthy_int(2 ** 70 - 2 ** 70))
print(truthy_float(0.0), truthy_float(-0.0), truthy_float(0.1), truthy_float(float("nan")))
print(truthy_str(""), truthy_str(" "), truthy_str("0"))
print(nested(1, 1), nested(1, -1), nested(-1, 1), nested(-1, 0), nested(-1, -1))
print(no_else(0), no_else(6), no_else(11), no_else(101))
