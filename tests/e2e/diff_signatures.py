# Documented differences of inspect.signature() on compiled callables
# (docs/guide.md): the signature comes from a text signature, which has no
# annotations; an unbound method's self is positional-only (as for
# builtin methods); a callable with a default that is not a literal, a
# display of literals or a module global has none (ValueError).
# Expected compiled output: diff_signatures.compiled.out
import inspect


def scale(x: float, factor: float = 2.0) -> float:
    return x * factor


def computed(n: int = len("abc")) -> int:
    return n


class Box:
    def grow(self, by: int = 1) -> int:
        return by


print(inspect.signature(scale))
print(inspect.signature(Box.grow))
try:
    print(inspect.signature(computed))
except ValueError:
    print("ValueError")
print(scale(1.5), computed(), Box().grow())
