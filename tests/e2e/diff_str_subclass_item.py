# Documented check at a typed boundary: s[i] on a str is a str.  A str
# subclass whose __getitem__ returns something else is a TypeError in
# compiled code (the value would flow into str-typed code); the
# interpreter hands the value on.
# Expected compiled output: diff_str_subclass_item.compiled.out


class OddStr(str):
    def __getitem__(self, i):
        return 42


def char_at(s: str, i: int) -> str:
    return s[i]


try:
    print(char_at(OddStr("abc"), 0))
except TypeError as e:
    print("TypeError", e)
print(char_at(OddStr("abc"), 0) if False else "done")
