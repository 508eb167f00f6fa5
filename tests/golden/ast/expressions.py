v = [x for x in y if x for z in w], {k: v for k, v in d}, {s for s in t}, (g for g in h)
w = {1: 2, **d}, {1, 2}, [], (), (1,), -x ** 2, ~a | b ^ c & d << 1 >> 2, a @ b // c % d
c = a < b <= c != d is not e not in f in g
b = not a and b or c and not d
if (y := 10) > 5:
    pass
a[1], a.b, a[1:], a[:2], a[::], a[...], a[1:2, ::3], a[1,]
f(1, *r, k=2, **kw)
f(x for x in y)
f(a, *sys.version.split())
(a + b) * c
x = yield
