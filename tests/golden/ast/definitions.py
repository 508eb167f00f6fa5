@dec
@dec2(1)
async def g[T](a, /, b: int = 1, *args: str, c, d=2, **kw) -> list[int]:
    "doc"
    global gg
    nonlocal nn
    async for i in xs:
        await i
    async with a as (b, c), d:
        yield
        yield from x
        return a if b else c


class C(B, metaclass=M):
    '''cdoc'''
    attr: dict[str, int] = {}

    def m(self, *, key=None):
        return lambda x, *y, z=1, **k: (x, y)

    @property
    def p(self) -> "C":
        return self
