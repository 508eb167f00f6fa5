"""Interpreted container subclasses for e2e tests: their overrides must be
seen by compiled code."""


class MyList(list):
    def __len__(self):
        return 42

    def append(self, x):
        list.append(self, x * 10)

    def __iter__(self):
        return iter([100, 200])


class MyDict(dict):
    def __contains__(self, k):
        return k == "magic"


class MySet(set):
    def add(self, x):
        set.add(self, -x)
