# An import inside a function leaves that function to the interpreter
# (with a note); its names are that function's locals, so using them is
# not a compile error.

def f(x: int) -> str:
    import types
    import os.path
    from json import dumps as d, loads
    ns = types.SimpleNamespace(a=x)
    return d([ns.a, os.path.basename("/a/b"), loads("[1]")])


def g(n: int) -> int:
    return n * 2


print(f(3), g(4))
