# Documented difference (guide.md, "Iterating a subclass of list or str"):
# `for x in xs` over a list[T] or str whose value is a subclass instance
# takes everything the subclass's __iter__ yields before the body first
# runs; the interpreter interleaves them.  An exact list or str is read by
# index, as its iterator does.  Items and errors are the same.
# Expected compiled output: diff_subclass_iter.compiled.out


class Noisy(str):
    def __iter__(self):
        for ch in str.__iter__(self):
            print("yield", ch)
            yield ch


class NoisyList(list):
    def __iter__(self):
        for x in list.__iter__(self):
            print("yield", x)
            yield x


def spell(s: str) -> str:
    out = ""
    for ch in s:
        print("body", ch)
        out += ch
    return out


def total(xs: list[int]) -> int:
    t = 0
    for x in xs:
        print("body", x)
        t += x
    return t


print(spell(Noisy("ab")))
print(total(NoisyList([1, 2])))
print(spell("xy"), total([3, 4]))
