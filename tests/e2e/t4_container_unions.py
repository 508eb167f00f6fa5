# Optional and Union of containers narrowed by is None / isinstance, nested
# tuple targets over dict items, replacing tuples in a list, sorted with a
# bound-method key, and bare list/dict annotations (list[Any], dict[Any, Any]).
from typing import Optional, Union


def od(d: Optional[dict[str, int]]) -> list[str]:
    if d is None:
        return []
    return [k + str(v) for k, v in d.items()]


def un(x: Union[dict[str, int], list[int]]) -> int:
    if isinstance(x, dict):
        return sum(x.values())
    if isinstance(x, list):
        return len(x)
    return -1


def nested_items(d: dict[str, tuple[int, int]]) -> list[int]:
    out: list[int] = []
    for k, (a, b) in d.items():
        out.append(a * b + len(k))
    return out


def tuple_in_list_update(ps: list[tuple[str, int]]) -> list[tuple[str, int]]:
    for i in range(len(ps)):
        name, n = ps[i]
        ps[i] = (name.upper(), n + 1)
    return ps


def str_keys_sorted_by_value(d: dict[str, int]) -> list[str]:
    return sorted(d, key=d.__getitem__)


def any_elem(xs: list) -> int:
    return len(xs)


def any_dict(d: dict) -> list:
    return list(d)


print(od(None), od({"a": 1}), un({"a": 2, "b": 3}), un([1, 2]))
print(nested_items({"ab": (2, 3)}), tuple_in_list_update([("a", 1)]))
print(str_keys_sorted_by_value({"a": 3, "b": 1, "c": 2}))
print(any_elem([1, "x"]), any_dict({1: 2, "a": 3}))
