# Class statements the compiler cannot make natively (decorated classes
# such as a dataclass with a computed default,
# metaclass keywords, methods beside a non-native base) are run by the
# interpreter as a whole, with a note; compiled code uses them as dynamic
# values, also in annotations.
from dataclasses import dataclass


@dataclass
class P:
    x: int
    y: int = int("2")  # a default the native dataclass cannot take

    def norm(self) -> int:
        return self.x + self.y


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    def hi(self) -> str:
        return "hi"


class D(dict):
    def __missing__(self, k: str) -> int:
        return len(k)


def use(p: P) -> int:
    return p.norm() * 2


class Err(ValueError):
    pass


def raises(n: int) -> int:
    if n < 0:
        raise Err("negative")
    return n


def catch(n: int) -> str:
    try:
        return str(raises(n))
    except Err as e:
        return "Err: " + str(e)


print(P(1), use(P(3, 4)), WithMeta().hi(), D()["abc"], type(WithMeta).__name__)
print(catch(3), catch(-1), P.__module__ == __name__, D.__qualname__)
