"""Word count over generated text: str building, split/strip/lower and dict counting."""

BENCH_N = 1200000
BENCH_N_QUICK = 40000

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi",
             "be", "do", "fu", "go", "hi", "ja", "qu", "ze"]
PUNCT = [",", ".", "", "", "", "!", "?", ";"]
MODULUS = 1000000007


def lcg(state: int) -> int:
    return (state * 1103515245 + 12345) & 0x7FFFFFFF


def generate(nwords: int, seed: int) -> str:
    parts: list[str] = []
    state = seed
    for i in range(nwords):
        state = lcg(state)
        nsyl = 1 + (state >> 16) % 3
        word = ""
        s = state
        for _ in range(nsyl):
            s = lcg(s)
            word += SYLLABLES[(s >> 8) % 16]
        if (state >> 5) % 7 == 0:
            word = word.capitalize()
        parts.append(word + PUNCT[(state >> 11) % 8])
        if i % 12 == 11:
            parts.append("\n")
        else:
            parts.append(" ")
    return "".join(parts)


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in text.split("\n"):
        for token in line.split():
            word = token.strip(",.!?;").lower()
            if word:
                counts[word] = counts.get(word, 0) + 1
    return counts


def by_frequency(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


def main(n: int) -> int:
    text = generate(n, 42)
    counts = count_words(text)
    acc = len(counts)
    for word in sorted(counts):
        acc = (acc * 131 + counts[word] * len(word) + ord(word[-1])) % MODULUS
    top = sorted(counts.items(), key=by_frequency)[:10]
    for word, c in top:
        acc = (acc + c * len(word)) % MODULUS
    return acc
