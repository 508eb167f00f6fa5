"""String building: `s += t` in loops, f-strings, str indexing and comparisons."""

BENCH_N = 100
BENCH_N_QUICK = 2

MODULUS = 1000000007
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def render_row(i: int, width: int) -> str:
    row = ""
    for j in range(width):
        row += ALPHABET[(i * 7 + j * 13) % 36]
        if j % 8 == 7:
            row += "-"
    return row


def render(nrows: int, width: int) -> str:
    doc = ""
    for i in range(nrows):
        doc += f"{i:05d}|{render_row(i, width)}|{i % 7}\n"
    return doc


def digest(doc: str) -> int:
    acc = 0
    dashes = 0
    for k in range(len(doc)):
        ch = doc[k]
        if ch == "-":
            dashes += 1
        elif ch == "\n":
            acc = (acc * 31 + dashes) % MODULUS
        else:
            acc = (acc * 131 + ord(ch)) % MODULUS
    return acc


def main(n: int) -> int:
    checksum = 0
    for r in range(n):
        doc = render(400 + r, 60)
        checksum = (checksum * 17 + digest(doc) + len(doc)) % MODULUS
    return checksum
