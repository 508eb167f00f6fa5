# checks: a statement of the module body that uses a construct the
# compiler cannot compile yet is run by the interpreter, with a note; the
# names it binds are dynamic globals (reading `kind` below is fine).  A
# statement sharing its line with another cannot be run on its own: an
# error.
import sys

match len(sys.argv):
    case 1:
        kind = "no arguments"
    case n:
        kind = "%d arguments" % n


def describe() -> str:
    return kind.upper()


total = 0; twice = lambda v: (w := v * 2) + w
