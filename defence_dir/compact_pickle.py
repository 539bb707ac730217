"""Dataclasses that cross a process boundary by the many (cards read in worker processes):
pickled as their class and field values.

A slots dataclass pickles through a generated __getstate__ that asks `dataclasses.fields`
for every object, and unpickles by setting each field: 100,000 read vCards took 2.2 s to
pickle and 0.9 s to unpickle, 1.4 s and 0.4 s this way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle instances of this dataclass (and its subclasses) as `cls(*field values)`."""
    if not all(item.init for item in fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__}: every field must be an __init__ argument")
    values = _values_getter(cls)

    def __reduce__(self: Any) -> tuple[type[Any], tuple[Any, ...]]:
        kind = type(self)
        return kind, (values if kind is cls else _values_getter(kind))(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


def _values_getter(cls: type[Any]) -> Callable[[Any], tuple[Any, ...]]:
    names = [item.name for item in fields(cls)]
    if len(names) == 1:
        return lambda instance: (getattr(instance, names[0]),)
    return attrgetter(*names)  # a tuple, made in C
