"""staticpy: names for annotated Python compiled by staticpyc.

Interpreted, the fixed-width integer types are plain ``int``; staticpyc
gives them C representations (``int64_t``) and checks every operation
against their range (OverflowError instead of wrapping).  A compiled
module resolves these names at compile time and does not import this
package when it runs.
"""

i64 = int
i32 = int
i16 = int
u8 = int

__all__ = ["i64", "i32", "i16", "u8"]
