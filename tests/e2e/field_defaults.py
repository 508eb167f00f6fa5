# Class-body defaults of native fields that are not literals
# (`items: list[int] = [1, 2]`, `registry: dict[str, int] = {}`,
# `scale: float = 2 ** 0.5`) are evaluated once, when the class statement
# runs, and every instance starts with that object, as instances read the
# class attribute in the interpreter (before, such a field was left unset:
# AttributeError, or 0 for a float).  A mutable default is shared until an
# instance assigns its own.  Read through the class (`Config.limit`), a
# field gives its class-body default, literal or not (it gave the field's
# descriptor before); instances still read and write their own field.
import math
from _harness import check

BASE = 10


class Config:
    registry: dict[str, int] = {}
    items: list[int] = [1, 2]
    scale: float = math.sqrt(2.0)
    limit: int = BASE * 3
    big: int = 2 ** 70
    enabled: bool = BASE > 5
    name: str = "cfg-" + str(BASE)

    def register(self, k: str) -> int:
        self.registry[k] = len(self.registry)
        return len(self.registry)

    def values(self) -> tuple:
        return (self.items, round(self.scale, 6), self.limit, self.big, self.enabled,
                self.name)


class Child(Config):
    extra: list[str] = ["x"]


def run() -> tuple:
    a, b, c = Config(), Config(), Child()
    a.register("x")
    b.register("y")
    a.items = [9]
    return (a.values(), b.values(), c.values(), c.extra, a.registry is b.registry,
            sorted(c.registry))


def through_class() -> tuple:
    return (Config.limit, Config.items, Config.name, Config.enabled, Child.extra, Child.limit,
            Config.registry is Config().registry, hasattr(Config, "scale"))


check(run)
check(through_class)
c = Config()
c.limit = 5
print(c.limit, Config.limit, getattr(c, "name"))
