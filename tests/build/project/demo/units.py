"""Plain Python beside the compiled modules: they import it relatively."""

UNIT = "m"


def label(x: float) -> str:
    return "%.2f %s" % (x, UNIT)
