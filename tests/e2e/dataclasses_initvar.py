# InitVar fields in native dataclasses: parameters of the generated
# __init__ (typed by InitVar's argument) passed to __post_init__ in order,
# not fields; a default stays readable through the class.
import dataclasses
from dataclasses import InitVar, dataclass, field
from typing import Optional


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    opening: InitVar[float] = 0.0
    fee: InitVar[Optional[float]] = None
    log: list[str] = field(default_factory=list)

    def __post_init__(self, opening: float, fee: Optional[float]) -> None:
        self.balance += opening - (fee or 0.0)
        self.log.append(f"opened with {opening}")


@dataclass
class Scaled:
    value: int
    factor: dataclasses.InitVar[int]

    def __post_init__(self, factor: int) -> None:
        self.value *= factor


@dataclass
class Savings(Account):
    rate: float = 0.01


def main() -> None:
    a = Account("ann", 10.0, 5.0, 1.0)
    b = Account("bob", opening=2.5)
    print(a, b, a.log, [f.name for f in dataclasses.fields(Account)])
    print(Scaled(3, 4), Scaled(value=2, factor=5) == Scaled(10, 1), Account.opening)
    s = Savings("sue", 1.0, 3.0, None, [], 0.05)
    print(s, s.log)


main()
