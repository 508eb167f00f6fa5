# staticpyc-args: --strict
# checks: class variables (`NAME = value` in a native class body) that the
# compiler cannot make: one methods also assign through self (it would be
# both a field and a value of the type), one whose value reads another
# name of the class body, one defined twice; a subclass's default for
# an inherited field of the wrong type.
class C:
    count = 0
    SIZE = 4
    AREA = SIZE * SIZE
    SIZE = 5

    def __init__(self) -> None:
        self.count = 1


# A new default for an inherited field is checked against the field's type.
class Base:
    fee: float = 0.5
    name: str = "base"


class Sub(Base):
    fee = "free"
    name: str = 3
