# try/except/else/finally: matching, `as` names, bare raise, raise from,
# sys.exc_info() inside and after handlers, returns from handlers, loops.
import sys

def parse(s: str) -> int:
    try:
        return int(s)
    except ValueError:
        return -1

def nested(a: int, b: int) -> str:
    try:
        try:
            r = a // b
        except ZeroDivisionError as e:
            print("inner", type(e).__name__, e, sys.exc_info()[0].__name__)
            raise
        else:
            print("no error")
        finally:
            print("finally runs")
    except ArithmeticError as e2:
        print("outer", type(e2).__name__, e2.__context__)
        return "caught"
    return "ok " + str(r)

def chain(x: int) -> int:
    try:
        return 10 // x
    except ZeroDivisionError as e:
        raise ValueError("bad x") from e

def loop_try(n: int) -> int:
    total = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise KeyError(i)
            total += i
        except KeyError as k:
            total += 100
    return total

def cleanup(xs: list[int]) -> int:
    t = 0
    try:
        for x in xs:
            t += 10 // x
    finally:
        t += 1000
        print("cleanup", t)
    return t

print(parse("12"), parse("x"), nested(7, 2), nested(1, 0))
try:
    chain(0)
except ValueError as e:
    print("chain", e, type(e.__cause__).__name__, e.__suppress_context__)
print(loop_try(10), sys.exc_info())
print(cleanup([1, 2]))
try:
    cleanup([1, 0])
except ZeroDivisionError as z:
    print("zd", z)
try:
    raise
except RuntimeError as r:
    print("bare", r)
