# e2e-min-python: 3.10
# Statements of the module body the compiler cannot compile (here `match`,
# and `:=` inside a lambda) are run by the interpreter in the
# module's namespace, with a note; the names they bind (captures, targets,
# defs inside them) are dynamic globals that compiled code reads.
import sys

CONFIG = {"mode": "fast", "level": 3, "tags": ["a", "b"]}

match CONFIG:
    case {"mode": "fast", "level": int(level), **rest} if level > 1:
        plan = "fast at %d (+%d keys)" % (level, len(rest))
    case {"mode": mode}:
        plan = "mode " + mode
    case _:
        plan = "default"

values = [4, 0, 7, 0, 2]
doubled = [y for v in values if (y := v * 2)]
twice = lambda v: (w := v * 2) + w


def describe() -> str:
    return "%s; %s; last %d; %d" % (plan, doubled, y, twice(4))


def level_plus(k: int) -> int:
    return level + k


if len(sys.argv) >= 0:
    command = ["move", "3", "4"]
    match command:
        case ["move", x, y2]:
            def act() -> str:
                return "move to %s,%s" % (x, y2)
        case ["quit"]:
            def act() -> str:
                return "quit"
        case _:
            def act() -> str:
                return "unknown"

print(describe(), level_plus(10))
print(act(), x, y2)
try:
    match [1, 2]:
        case [a, b] if a > b:
            print("unreachable")
        case [a, *rest]:
            raise ValueError("first %d rest %r" % (a, rest))
except ValueError as e:
    print("ValueError", e, a)
