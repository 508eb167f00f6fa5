"""Interpreted subclasses for diff_python_subclass."""


class Kit:
    pass


def make(Account):
    k = Kit()

    class Premium(Account):
        def __init__(self, owner, rate):
            super().__init__(owner, rate)
            self.level = 2

        def fee(self):
            return 0.5

    class Broken(Account):
        def fee(self):
            return "free"

    class Lazy(Account):
        def __init__(self):
            pass

    class Plain(Account):
        pass

    k.Premium, k.Broken, k.Lazy, k.Plain = Premium, Broken, Lazy, Plain
    return k


def try_subclass(cls):
    try:
        class Sub(cls):
            pass
    except TypeError as e:
        return "TypeError: %s" % e
    return "subclassed %s" % cls.__name__
