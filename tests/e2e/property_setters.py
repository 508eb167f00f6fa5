# A property with a setter that __init__ and compiled code assign through
# self or an instance: the assignment goes to the setter (natively), never
# to a field of the same name (it went to a native field before, silently
# skipping the setter's validation).  A property with a deleter stays the
# interpreter's.
class Temp:
    def __init__(self, c: float) -> None:
        self._c = 0.0
        self.celsius = c

    @property
    def celsius(self) -> float:
        return self._c

    @celsius.setter
    def celsius(self, v: float) -> None:
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @property
    def fahrenheit(self) -> float:
        return self._c * 9 / 5 + 32


class Logged(Temp):
    def __init__(self, c: float) -> None:
        super().__init__(c)
        self.log: list[float] = []

    def warm(self, d: float) -> float:
        self.celsius = self.celsius + d
        self.log.append(self.celsius)
        return self.fahrenheit


def use(t: Temp) -> float:
    t.celsius = t.celsius + 10
    return t.fahrenheit


t = Temp(20.0)
print(use(t), t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e, t.celsius)
try:
    Temp(-500.0)
except ValueError as e:
    print("ValueError in __init__", e)
lg = Logged(1.0)
print(lg.warm(2.0), lg.warm(3.5), lg.log)


class Tagged:
    def __init__(self) -> None:
        self._tag = "none"
        self.tag = "start"

    @property
    def tag(self) -> str:
        return self._tag

    @tag.setter
    def tag(self, v: str) -> None:
        self._tag = v.strip().lower()

    @tag.deleter
    def tag(self) -> None:
        self._tag = "deleted"


tg = Tagged()
tg.tag = "  HELLO "
first = tg.tag
del tg.tag
print(first, tg.tag, type(Tagged.__dict__["tag"]).__name__)
setattr(t, "celsius", 5.0)
print(t.celsius, getattr(t, "fahrenheit"))
for bad in ("fahrenheit",):
    try:
        setattr(t, bad, 1.0)
    except AttributeError as e:
        print("AttributeError", bad in str(e) or str(e) == "can't set attribute")
    try:
        delattr(t, "celsius")
    except AttributeError as e:
        print("AttributeError", "celsius" in str(e) or str(e) == "can't delete attribute")
