# Classes deriving from builtin exceptions: made at run time by the
# metaclass, raised and caught in compiled code, class attributes, docstrings.
class AppError(Exception):
    """An application error."""
    code = 7

class NotFound(AppError):
    pass

def find(d: dict[str, int], k: str) -> int:
    if k not in d:
        raise NotFound("missing " + k)
    return d[k]

try:
    find({"a": 1}, "b")
except AppError as e:
    print(type(e).__name__, e, e.code, isinstance(e, Exception), AppError.__doc__, NotFound.__module__)
print(find({"a": 1}, "a"), NotFound.__mro__[1].__name__)
