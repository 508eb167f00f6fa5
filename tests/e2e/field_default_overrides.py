# A subclass may give a field it inherits another class-body default
# (`fee: float = 0.0`, or plainly `fee = 0.0`): its instances start from
# it and the class reads it, as the interpreter's class attribute of the
# subclass shadows the base's.  Defaults that are not literals are made
# once by each class statement.
DEFAULT_TAGS = ("base",)


class Account:
    fee: float = 0.5
    limit: int = 100
    name: str = "acct"
    tags: tuple[str, ...] = DEFAULT_TAGS
    history: list[int] = []

    def describe(self) -> str:
        return f"{self.name} fee={self.fee} limit={self.limit} tags={self.tags}"


class Savings(Account):
    fee: float = 0.0
    name = "savings"
    tags = ("savings", "interest")


class Premium(Savings):
    limit: int = 1000
    history: list[int] = [1, 2]

    def bump(self) -> None:
        self.limit += 1
        self.history.append(self.limit)


class Trial(Account):
    pass


def main() -> None:
    accounts: list[Account] = [Account(), Savings(), Premium(), Trial()]
    for a in accounts:
        print(a.describe(), type(a).__name__)
    print(Account.fee, Savings.fee, Premium.fee, Trial.fee, Premium.limit, Savings.name)
    p = Premium()
    p.bump()
    q = Premium()
    print(p.history, q.history, p.history is q.history, Account().history)
    s = Savings()
    s.fee = 1.5
    print(s.fee, Savings().fee, Savings.fee)


main()
