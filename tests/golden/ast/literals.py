n = 0xFFFFFFFFFFFFFFFFFFFF, 0o777, 0b1010, 1_000_000, 9223372036854775807, 9223372036854775808
f = 1.5e3, 1_0.5, .5, 2j, 1.5J
s = "a\n\t\x41\u00e9\U0001F600\101\\\'" 'b' r"\n" r"\\"
b = b"\xff\0" rb"\d"
t = """triple
quoted"""
u = f"{x!r:>{w}.3f} {{}} {y=} {z = :5}" f'{a}' "plain"
