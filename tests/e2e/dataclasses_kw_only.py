# e2e-min-python: 3.10
# Keyword-only dataclass fields (kw_only=True, a `_: KW_ONLY` marker,
# field(kw_only=...)) in native dataclasses: the generated __init__ takes
# them after the positional ones, as keyword-only parameters, and a
# default may come before a keyword-only field without one.
import dataclasses
from dataclasses import KW_ONLY, dataclass, field


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int
    name: str = "opt"


@dataclass
class Job:
    command: str
    retries: int = 3
    _: KW_ONLY
    timeout: float
    tags: list[str] = field(default_factory=list)
    priority: int = field(default=0, kw_only=False)


@dataclass
class Sub(Job):
    owner: str = "me"
    urgent: bool = field(default=False, kw_only=True)


def main() -> None:
    o = Options(level=2)
    print(o, Options(level=1, verbose=True, name="x"))
    j = Job("ls", timeout=1.5)
    print(j, Job("rm", 5, 7, timeout=0.5, tags=["a"]))
    s = Sub("cp", 1, 2, "you", timeout=3.0, urgent=True)
    print(s, Sub.__match_args__, [f.name for f in dataclasses.fields(Sub)])
    make: object = Job
    try:
        eval("make('x', 1, 2, 3)", {"make": make})
    except TypeError as e:
        print("TypeError:", e)


main()
