"""JSON-like tokenizer and recursive-descent parser: str indexing and slicing, dicts, lists.

The document is generated deterministically (own LCG), serialized to text,
tokenized, parsed into dicts/lists/ints/strs/bools/None, and folded into a
checksum.
"""

from typing import Dict, List, Optional, Tuple

BENCH_N = 36000
BENCH_N_QUICK = 1000

MODULUS = 1000003
KEYS = ["id", "name", "value", "tags", "child", "weight", "active", "note",
        "x", "y", "z", "items", "kind", "label", "count", "extra"]
WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
         "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi"]
DIGITS = "0123456789"


class Rng:
    def __init__(self, seed: int) -> None:
        self.state = seed

    def next(self) -> int:
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state >> 8


def gen_value(rng: Rng, depth: int, out: List[str]) -> None:
    r = rng.next() % 10
    if depth >= 3 or r < 4:
        kind = rng.next() % 6
        if kind == 0 or kind == 1:
            v = rng.next() % 100000
            if rng.next() % 4 == 0:
                v = -v
            out.append(str(v))
        elif kind == 2 or kind == 3:
            w = WORDS[rng.next() % 16]
            out.append('"' + w + "_" + str(rng.next() % 1000) + '"')
        elif kind == 4:
            out.append("true" if rng.next() % 2 == 0 else "false")
        else:
            out.append("null")
    elif r < 7:
        out.append("{")
        nkeys = 1 + rng.next() % 5
        for i in range(nkeys):
            if i > 0:
                out.append(", ")
            out.append('"' + KEYS[rng.next() % 16] + str(i) + '": ')
            gen_value(rng, depth + 1, out)
        out.append("}")
    else:
        out.append("[")
        nitems = rng.next() % 6
        for i in range(nitems):
            if i > 0:
                out.append(", ")
            gen_value(rng, depth + 1, out)
        out.append("]")


def generate(nrecords: int) -> str:
    rng = Rng(2024)
    out: List[str] = ["["]
    for i in range(nrecords):
        if i > 0:
            out.append(",\n")
        out.append("{\"id\": " + str(i) + ", \"body\": ")
        gen_value(rng, 0, out)
        out.append("}")
    out.append("]")
    return "".join(out)


def tokenize(text: str) -> List[Tuple[str, str]]:
    tokens: List[Tuple[str, str]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == " " or ch == "\n" or ch == "\t":
            i += 1
        elif ch in "{}[],:":
            tokens.append((ch, ch))
            i += 1
        elif ch == '"':
            j = i + 1
            while text[j] != '"':
                if text[j] == "\\":
                    j += 1
                j += 1
            tokens.append(("s", text[i + 1:j]))
            i = j + 1
        elif ch == "-" or ch in DIGITS:
            j = i + 1
            while j < n and text[j] in DIGITS:
                j += 1
            tokens.append(("n", text[i:j]))
            i = j
        elif text.startswith("true", i):
            tokens.append(("t", "true"))
            i += 4
        elif text.startswith("false", i):
            tokens.append(("f", "false"))
            i += 5
        elif text.startswith("null", i):
            tokens.append(("0", "null"))
            i += 4
        else:
            raise ValueError("unexpected character %r at %d" % (ch, i))
    return tokens


class Parser:
    def __init__(self, tokens: List[Tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0

    def expect(self, kind: str) -> None:
        if self.tokens[self.pos][0] != kind:
            raise ValueError("expected %s at token %d" % (kind, self.pos))
        self.pos += 1

    def parse_value(self) -> object:
        kind, text = self.tokens[self.pos]
        self.pos += 1
        if kind == "{":
            obj: Dict[str, object] = {}
            if self.tokens[self.pos][0] == "}":
                self.pos += 1
                return obj
            while True:
                key_kind, key = self.tokens[self.pos]
                if key_kind != "s":
                    raise ValueError("object key expected")
                self.pos += 1
                self.expect(":")
                obj[key] = self.parse_value()
                sep = self.tokens[self.pos][0]
                self.pos += 1
                if sep == "}":
                    return obj
                if sep != ",":
                    raise ValueError("',' or '}' expected")
        if kind == "[":
            arr: List[object] = []
            if self.tokens[self.pos][0] == "]":
                self.pos += 1
                return arr
            while True:
                arr.append(self.parse_value())
                sep = self.tokens[self.pos][0]
                self.pos += 1
                if sep == "]":
                    return arr
                if sep != ",":
                    raise ValueError("',' or ']' expected")
        if kind == "n":
            return int(text)
        if kind == "s":
            return text
        if kind == "t":
            return True
        if kind == "f":
            return False
        if kind == "0":
            return None
        raise ValueError("unexpected token %s" % kind)


def checksum(v: object) -> int:
    if v is None:
        return 11
    if isinstance(v, bool):
        return 7 if v else 3
    if isinstance(v, int):
        return v % MODULUS
    if isinstance(v, str):
        return (len(v) * 31 + ord(v[0]) + ord(v[-1])) % MODULUS if v else 1
    if isinstance(v, list):
        acc = 17
        for item in v:
            acc = (acc * 17 + checksum(item)) % MODULUS
        return acc
    if isinstance(v, dict):
        acc = 19
        for key in sorted(v):
            acc = (acc * 19 + len(key) + checksum(v[key])) % MODULUS
        return acc
    raise TypeError("unexpected value")


def find_ids(doc: object) -> int:
    total = 0
    if isinstance(doc, list):
        for rec in doc:
            if isinstance(rec, dict):
                ident: Optional[object] = rec.get("id")
                if isinstance(ident, int):
                    total += ident
    return total


def main(n: int) -> int:
    text = generate(n)
    tokens = tokenize(text)
    doc = Parser(tokens).parse_value()
    return (checksum(doc) * 1000 + len(tokens) + find_ids(doc)) % 1000000007
