# Module globals read by functions (reads see the current value), and
# rebinding globals from functions with the global statement.

LIMIT = 10
NAME = "first"
RATE = 1.5
ENABLED = False
counter = 0
total = 2 ** 62


def read_limit() -> int:
    return LIMIT


def read_all() -> str:
    return NAME + " " + str(LIMIT) + " " + str(RATE) + " " + str(ENABLED)


def bump() -> int:
    global counter
    counter = counter + 1
    return counter


def bump_by(n: int) -> None:
    global counter
    counter += n


def grow() -> None:
    global total
    total = total * 4


def rename(s: str) -> None:
    global NAME
    NAME = s


def toggle() -> bool:
    global ENABLED
    ENABLED = not ENABLED
    return ENABLED


def set_rate(r: float) -> None:
    global RATE
    RATE = r


def local_shadow() -> int:
    LIMIT = 99
    return LIMIT


print(read_limit(), read_all())
LIMIT = 20
print(read_limit(), read_all())
print(bump(), bump(), bump(), counter)
bump_by(2 ** 64)
print(counter, bump())
grow()
print(total)
grow()
print(total)
rename("second")
print(NAME, read_all())
print(toggle(), toggle(), toggle(), ENABLED)
set_rate(-0.25)
print(RATE, read_all())
print(local_shadow(), LIMIT)
