"""Temperature table: keyword-only arguments with defaults, conditional
expressions, str building and rounding.

    build/staticpyc samples/temperatures.py
    python3 -c "import sys; sys.path.insert(0, 'samples'); import temperatures; temperatures.table(-20, 50)"
"""


def c_to_f(c: float) -> float:
    return c * 9.0 / 5.0 + 32.0


def word_for(c: float) -> str:
    return ("freezing" if c <= 0.0 else "cold" if c < 10.0
            else "mild" if c < 20.0 else "warm" if c < 30.0 else "hot")


def describe(c: float, *, unit: str = "C", precision: int = 1) -> str:
    f = c_to_f(c)
    return (str(round(c, precision)) + unit + " = " + str(round(f, precision))
            + "F (" + word_for(c) + ")")


def table(start: int, stop: int, step: int = 10) -> int:
    rows = 0
    for c in range(start, stop, step):
        print(describe(float(c), precision=0))
        rows += 1
    return rows


if __name__ == "__main__":
    table(-20, 50)
