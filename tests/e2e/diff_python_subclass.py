"""Documented differences for Python subclasses of native classes (guide:
"Python subclasses"): the native attributes live in the instance struct,
not in its __dict__; an override's result and the attributes are checked
against the native class's annotations; a subclass __init__ that skips
the native one leaves float, bool and fixed-width attributes reading 0;
an instance attribute does not shadow a method for compiled callers; a
@final class cannot be subclassed at all."""
from typing import final

import _python_subclass_kit2 as kit


class Account:
    def __init__(self, owner: str, rate: float) -> None:
        self.owner = owner
        self.rate = rate

    def fee(self) -> float:
        return 1.5

    def monthly(self) -> float:
        return self.fee() * 12

    def get_rate(self) -> float:
        return self.rate


@final
class Sealed:
    def f(self) -> int:
        return 1


def main() -> None:
    k = kit.make(Account)
    a = k.Premium("ann", 0.5)
    print(sorted(vars(a)))
    try:
        print(k.Broken("bob", 1.0).monthly())
    except TypeError as e:
        print("TypeError:", e)
    try:
        a.owner = 42  # type: ignore
        print("owner", a.owner)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(k.Lazy().get_rate())
    except AttributeError as e:
        print("AttributeError:", e)
    a.fee = lambda: 100.0  # type: ignore
    print(a.monthly())
    b = k.Plain("cy", 1.0)
    b.fee = lambda: 100.0  # type: ignore
    print(b.monthly())
    print(kit.try_subclass(Sealed))


main()
