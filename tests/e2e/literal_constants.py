# Literals are module constants, as in the interpreter's co_consts: a
# tuple display of literals is one tuple, an int literal one object, so
# identity matches the interpreter's (CPython 3.9-3.13 all fold these).


def pair():
    return ("a", "b")


def nested():
    return ((1, 2.5), (-3, -0.5), None, True, False, "x", 10 ** 0, ())


def big():
    return 1000


def neg_big():
    return -100000


def typed_big() -> int:
    return 123456


def tagged(i: int):
    return ("push", i)


def main() -> None:
    print(pair() is pair(), nested() is nested(), nested())
    print(big() is big(), neg_big() is neg_big(), typed_big() == 123456)
    print(tagged(1) is tagged(1), tagged(1) == ("push", 1))
    print(type(nested()[0][1]).__name__, nested()[3] is True, nested()[7] is nested()[7], nested()[7] == ())


main()
