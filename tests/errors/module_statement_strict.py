# staticpyc-args: --strict
# checks: under --strict, a statement of the module body the compiler
# cannot compile is an error, not left to the interpreter.
import sys

match len(sys.argv):
    case 1:
        kind = "none"
    case _:
        kind = "some"
