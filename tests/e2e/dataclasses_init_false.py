# Dataclasses with init=False (the class's own __init__, or none) and
# fields with field(init=False) (not parameters: a default or a
# default_factory made by the generated __init__) are native too.
import dataclasses
from dataclasses import dataclass, field


@dataclass(init=False)
class Config:
    host: str = "localhost"
    port: int = 80
    extra: list[str] = field(default_factory=list)

    def __init__(self, url: str) -> None:
        self.host, _, port = url.partition(":")
        self.port = int(port) if port else 80
        self.extra = []


@dataclass
class Counter:
    name: str
    count: int = field(default=0, init=False)
    seen: list[str] = field(default_factory=list, init=False)
    limit: int = 10

    def hit(self, who: str) -> None:
        self.count += 1
        self.seen.append(who)


@dataclass(init=False)
class Plain:
    a: int = 1
    b: str = "b"


def main() -> None:
    c = Config("example.org:8080")
    print(c, Config("x"), c == Config("example.org:8080"))
    k = Counter("hits")
    k.hit("ann")
    k2 = Counter("other", 5)
    print(k, k2, k.seen is k2.seen, [f.name for f in dataclasses.fields(Counter) if f.init])
    print(Plain(), Plain() == Plain())


main()
