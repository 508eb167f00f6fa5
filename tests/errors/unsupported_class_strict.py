# staticpyc-args: --strict
# checks: under --strict, class statements the compiler cannot make
# natively are errors, each named.
import dataclasses


@dataclasses.dataclass
class Point:
    x: int = 0
    scale: int = int("1")


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


class Mapping(dict):
    def size(self) -> int:
        return len(self)
