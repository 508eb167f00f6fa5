# break and continue in for and while loops, including nested loops
# (they affect only the innermost loop).


def first_multiple(n: int, k: int) -> int:
    found = -1
    for i in range(1, n):
        if i % k == 0:
            found = i
            break
    return found


def sum_odds(n: int) -> int:
    s = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        s = s + i
    return s


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d = d + 1
    return True


def primes_upto(n: int) -> None:
    for i in range(n):
        if not is_prime(i):
            continue
        print(i, end=" ")
    print()


def pairs(n: int) -> None:
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            if (i + j) % 2 == 1:
                continue
            print(i, j, sep=",", end=" ")
        print(" |", i)


def while_both(n: int) -> int:
    i = 0
    hits = 0
    while i < n:
        i = i + 1
        if i % 3 == 0:
            continue
        if i > 20:
            break
        hits = hits + i
    print("stopped at", i)
    return hits


def break_last(n: int) -> int:
    last = -1
    for last in range(n):
        if last == 4:
            break
    return last


print(first_multiple(100, 7), first_multiple(5, 7), first_multiple(50, 1))
print(sum_odds(10), sum_odds(0), sum_odds(1001))
primes_upto(50)
pairs(5)
print(while_both(10), while_both(100))
print(break_last(10), break_last(3), break_last(0))
