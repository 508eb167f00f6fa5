# checks: a native class cannot derive from a @final one (mypy's error).
from typing import final


@final
class Sealed:
    def f(self) -> int:
        return 1


class Opened(Sealed):
    def f(self) -> int:
        return 2
