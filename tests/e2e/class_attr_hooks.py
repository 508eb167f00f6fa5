# A class with attribute hooks (__setattr__, __getattr__), a finalizer
# (__del__) or __new__ cannot be a native class (compiled field access
# would bypass the hooks, native instances are freed without finalizers):
# it is left to the interpreter as a whole and behaves exactly as there.
import gc


class Logged:
    def __init__(self, x: int) -> None:
        self.x = x

    def __setattr__(self, name: str, value: object) -> None:
        print("set", name, value)
        object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> str:
        return "missing " + name


class Noisy:
    def __init__(self, tag: str) -> None:
        self.tag = tag

    def __del__(self) -> None:
        print("del", self.tag)


class Interned:
    _seen: dict = {}

    def __new__(cls, v: int) -> "Interned":
        if v not in Interned._seen:
            Interned._seen[v] = super().__new__(cls)
        return Interned._seen[v]

    def __init__(self, v: int) -> None:
        self.v = v


def use() -> None:
    a = Logged(3)
    a.x = a.x + 1
    print(a.x, a.nothing)
    n = Noisy("one")
    n = Noisy("two")
    print(n.tag)
    print(Interned(5) is Interned(5), Interned(5) is Interned(6))


use()
gc.collect()
print("end")
