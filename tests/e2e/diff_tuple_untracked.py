# Documented difference (docs/guide.md, the semantics contract): a tuple
# display whose items are typed str, int, float, bool, bytes or None is
# untracked by the cyclic garbage collector when it is made; the
# interpreter untracks it at the first collection it survives. After a
# collection both agree. An item the collector tracks (a str subclass
# instance with a __dict__) keeps the tuple tracked, so a cycle through
# it is still found and freed.
import gc
import weakref
from typing import Optional


class Tagged(str):
    pass


def token(kind: str, text: str) -> tuple[str, str]:
    return (kind, text)


def mixed(n: int, x: float, s: Optional[str]) -> tuple[int, float, Optional[str], bool]:
    return (n, x, s, n > 0)


def holder(v: object) -> tuple[str, object]:
    return ("k", v)


def main() -> None:
    t = token("s", "abc")
    m = mixed(3, 1.5, None)
    h = holder([1])
    print("fresh", gc.is_tracked(t), gc.is_tracked(m), gc.is_tracked(h))
    gc.collect()
    print("after collect", gc.is_tracked(t), gc.is_tracked(m), gc.is_tracked(h))
    tag = Tagged("x")
    c = token("s", tag)
    print("subclass item", gc.is_tracked(c))
    tag.back = c          # a cycle: tag -> its __dict__ -> c -> tag
    ref = weakref.ref(tag)
    del tag, c
    gc.collect()
    print("cycle freed", ref() is None)
    print(t, m, h[0])


main()
