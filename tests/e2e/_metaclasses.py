"""Interpreted metaclasses for the e2e tests (files starting with "_" are
never compiled)."""


class RecordingDict(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        self.order.append(key)
        super().__setitem__(key, value)


class Recording(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return RecordingDict()

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.order = list(ns.order)
        return cls


class Other(type):
    pass


class OtherBase(metaclass=Other):
    pass


class Entries:
    """Not a class: a base expression resolved by __mro_entries__ (as
    typing's aliases are), here to OtherBase."""

    def __mro_entries__(self, bases):
        return (OtherBase,)

    def __repr__(self):
        return "Entries()"


ENTRIES = Entries()
