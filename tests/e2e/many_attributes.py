# A class with more than 64 unboxed attributes: each has its own
# "assigned" bit (the bitmap used to have 64, and attributes past the
# 64th read as unassigned).  A native subclass adds more.
import copy


class Wide:
    def __init__(self, k: float) -> None:
        self.a0 = k
        self.a1 = k + 1
        self.a2 = k + 2
        self.a3 = k + 3
        self.a4 = k + 4
        self.a5 = k + 5
        self.a6 = k + 6
        self.a7 = k + 7
        self.a8 = k + 8
        self.a9 = k + 9
        self.b0 = k > 0
        self.b1 = k > 1
        self.b2 = k > 2
        self.b3 = k > 3
        self.b4 = k > 4
        self.b5 = k > 5
        self.b6 = k > 6
        self.b7 = k > 7
        self.b8 = k > 8
        self.b9 = k > 9
        self.c0 = k * 2
        self.c1 = k * 3
        self.c2 = k * 4
        self.c3 = k * 5
        self.c4 = k * 6
        self.c5 = k * 7
        self.c6 = k * 8
        self.c7 = k * 9
        self.c8 = k * 10
        self.c9 = k * 11
        self.d0 = 0.5
        self.d1 = 1.5
        self.d2 = 2.5
        self.d3 = 3.5
        self.d4 = 4.5
        self.d5 = 5.5
        self.d6 = 6.5
        self.d7 = 7.5
        self.d8 = 8.5
        self.d9 = 9.5
        self.e0 = True
        self.e1 = False
        self.e2 = True
        self.e3 = False
        self.e4 = True
        self.e5 = False
        self.e6 = True
        self.e7 = False
        self.e8 = True
        self.e9 = False
        self.f0 = -k
        self.f1 = -k - 1
        self.f2 = -k - 2
        self.f3 = -k - 3
        self.f4 = -k - 4
        self.f5 = -k - 5
        self.f6 = -k - 6
        self.f7 = -k - 7
        self.f8 = -k - 8
        self.f9 = -k - 9
        self.g0 = k / 2
        self.g1 = k / 3
        self.g2 = k / 4
        self.g3 = k / 5
        self.g4 = k / 6
        self.g5 = k / 7
        self.g6 = k / 8
        self.g7 = k / 9
        self.g8 = k / 10
        self.g9 = k / 11
        if k > 100:
            self.late = 1.0

    def total(self) -> float:
        return (self.a9 + self.c9 + self.d9 + self.f9 + self.g0 + self.g5 + self.g9 +
                float(self.b9) + float(self.e8))


class Wider(Wide):
    def __init__(self, k: float) -> None:
        super().__init__(k)
        self.h0 = k * 100
        self.h1 = k > 50


def main() -> None:
    w = Wide(12.0)
    print(w.total(), w.g9, w.g0, w.e9, w.e8, w.a0)
    try:
        print(w.late)
    except AttributeError as e:
        print("AttributeError:", e)
    big = Wide(200.0)
    print(big.late, big.total())
    del big.late
    try:
        print(big.late)
    except AttributeError as e:
        print("AttributeError:", e)
    big.late = 3.25
    print(big.late, getattr(big, "g8"), getattr(w, "late", "unset"))
    x = Wider(60.0)
    print(x.h0, x.h1, x.g9, x.total())
    c = copy.copy(big)
    print(c.late, c.g9, c.a0)
    d = copy.copy(w)
    print(getattr(d, "late", "unset"), d.g7)


main()
