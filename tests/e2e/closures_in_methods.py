# Closures inside methods of native classes (nested defs and lambdas that
# read self and locals), and the set.remove / set.discard / list.pop fast
# paths with their errors.


class Scorer:
    def __init__(self, weight: int) -> None:
        self.weight = weight

    def score_all(self, xs: list[int]) -> list[int]:
        bonus = 1

        def score(x: int) -> int:
            return x * self.weight + bonus
        return [score(x) for x in xs]

    def ranked(self, words: list[str]) -> list[str]:
        return sorted(words, key=lambda w: (len(w) * self.weight, w))


def sets_and_pops(xs: list[int]) -> list[object]:
    s = set(xs)
    s.remove(xs[0])
    s.discard(12345)
    out: list[object] = [sorted(s)]
    try:
        s.remove(12345)
    except KeyError as e:
        out.append(repr(e))
    try:
        s.remove((1, 2))
    except KeyError as e:
        out.append(repr(e))
    ys = list(xs)
    out.append(ys.pop())
    out.append(ys)
    empty: list[int] = []
    try:
        empty.pop()
    except IndexError as e:
        out.append(str(e))
    return out


class MyList(list):
    def pop(self, *a: int) -> int:
        return -1


print(Scorer(3).score_all([1, 2]), Scorer(2).ranked(["bb", "a", "ccc"]))
print(sets_and_pops([5, 3, 9]))
ml: list[int] = MyList([1, 2])
print(ml.pop(), len(ml))
