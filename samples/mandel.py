"""ASCII Mandelbrot set: float arithmetic in nested loops, string building.

    build/staticpyc samples/mandel.py     # writes samples/mandel.<EXT_SUFFIX>
    python3 -c "import sys; sys.path.insert(0, 'samples'); import mandel; mandel.show()"
"""

LIMIT = 200


def escape_time(cr: float, ci: float, limit: int) -> int:
    zr = 0.0
    zi = 0.0
    n = 0
    while n < limit and zr * zr + zi * zi <= 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        n += 1
    return n


def shade(n: int, limit: int) -> str:
    if n >= limit:
        return "@"
    elif n > 30:
        return "%"
    elif n > 15:
        return "*"
    elif n > 8:
        return "+"
    elif n > 5:
        return "-"
    elif n > 3:
        return ":"
    return "."


def row(y: int, width: int, height: int, *, limit: int = LIMIT) -> str:
    line = ""
    ci = -1.2 + 2.4 * y / (height - 1)
    for x in range(width):
        cr = -2.1 + 2.8 * x / (width - 1)
        line += shade(escape_time(cr, ci, limit), limit)
    return line


def show(width: int = 72, height: int = 28) -> None:
    for y in range(height):
        print(row(y, width, height))


if __name__ == "__main__":
    show()
