# `x in s` for an int x and a set[int] reads CPython's hash table directly
# (runtime/spy_containers.h: spy_set_contains_int), following set_lookkey's
# probe sequence. Every answer must be the interpreter's, on every
# version: tables full of deleted entries, long collision runs, hashes
# that wrap modulo 2**61 - 1, -1 hashing as -2, bools and floats equal to
# ints, big ints, int subclasses with their own __eq__, set subclasses.


from typing import Any


def loose(*xs: Any) -> Any:
    """A set the checker cannot see: bools and floats in a set[int] slot."""
    return set(xs)


class Weird(int):
    def __eq__(self, other: object) -> bool:
        print("Weird.__eq__", int(self), other)
        return int(self) == other

    def __hash__(self) -> int:
        return int(self)


class MySet(set):
    def __contains__(self, x: object) -> bool:
        print("MySet.__contains__", x)
        return super().__contains__(x)


def probe(s: set[int], keys: list[int]) -> str:
    return "".join("1" if k in s else "0" for k in keys) + "|" + "".join(
        "1" if k not in s else "0" for k in keys)


def probe_each(s: set[int], keys: list[int]) -> int:
    found = 0
    for k in keys:
        if k in s:
            found += 1
    return found


def probe_frozen(s: frozenset[int], k: int) -> bool:
    return k in s


def churn(n: int) -> list[int]:
    # add and remove until the table is mostly dummies, then look up
    s: set[int] = set()
    out = []
    for r in range(n):
        for c in range(r % 9):
            s.add(r * 7 + c)
        for c in range(0, r % 9, 2):
            s.discard(r * 7 + c)
        hits = 0
        for k in range(r * 7 - 20, r * 7 + 20):
            if k in s:
                hits += 1
        out.append(hits)
    return out


def collide(n: int) -> list[int]:
    p = 2 ** 61 - 1
    s = {0, 1, -1, -2, p, p + 1, -p, 2 * p, 2 ** 62 - 1, -(2 ** 62)}
    keys = [0, 1, -1, -2, -3, p - 1, p, p + 1, p + 2, -p, -p - 1, 2 * p, 2 ** 62 - 1,
            -(2 ** 62), 2 ** 62, 2 ** 70, 8, 16, 32]
    res = [probe_each(s, keys)]
    t = set(range(0, 64 * n, 8))   # every key in a long run of equal slots mod 8
    for k in range(0, 64 * n, 8):
        t.discard(k) if k % 16 else None
    res.append(probe_each(t, list(range(0, 64 * n, 4))))
    # keys equal in their low 20 bits share a first slot: found only by
    # following the perturbed probe sequence far past its linear runs
    u = set()
    for k in range(15 * n):
        u.add(k << 20)
        u.add(-(k << 20) - 1)
    for k in range(0, 15 * n, 3):
        u.discard(k << 20)
    keys = [k << 20 for k in range(30 * n)] + [-(k << 20) - 1 for k in range(30 * n)]
    res.append(probe_each(u, keys))
    res.append(int(probe(u, keys).count("1")))
    return res


def main() -> None:
    print(probe({1, 2, 3}, [0, 1, 2, 3, 4, -1]))
    print(probe(set(), [0, 1]))
    print(probe(loose(True, False), [0, 1, 2]))          # bools equal 0 and 1
    print(probe(loose(1.0, 2.5), [1, 2]))                # a float equal to an int
    print(probe({2 ** 80, -(2 ** 80)}, [2 ** 80, 0]))
    print(probe({Weird(5), 6}, [5, 6, 7]))          # its __eq__ runs, as interpreted
    print(probe(MySet({4, 5}), [4, 9]))             # a subclass's __contains__
    print(probe_frozen(frozenset({-5, 5}), -5), probe_frozen(frozenset({-5, 5}), 4))
    print(churn(60))
    print(collide(20))
    try:
        print(probe({1}, [1, 2 ** 64]), "ok")
    except Exception as e:
        print(type(e).__name__, e)


main()
