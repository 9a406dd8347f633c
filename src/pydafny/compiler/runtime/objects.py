"""Base classes of generated datatypes and class instances.

* `Datatype`: immutable values. Each constructor becomes a subclass with `__slots__` for
  its fields, `_fields` (field names), `_name` (the printed name, e.g. `List.Cons`, with
  the module path in front outside the default module) and `_string_fields` (the fields
  whose declared type is `string`, printed quoted as Dafny does). Generated code defines
  `__eq__`/`__hash__` per constructor (structural).
* `DafnyObject`: class instances; equality is identity; printed as the qualified class
  name (e.g. `_module.C`).
"""

from __future__ import annotations

from typing import Any

from .printing import quoted_string, string_of


class Datatype:
    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _name: str = ""
    _string_fields: frozenset[str] = frozenset()

    def __dafnystr__(self) -> str:
        if not self._fields:
            return self._name
        parts = []
        for f in self._fields:
            v = getattr(self, f)
            parts.append(quoted_string(v) if f in self._string_fields else string_of(v))
        return f"{self._name}({', '.join(parts)})"

    def __repr__(self) -> str:
        return self.__dafnystr__()

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def _replace(self, **changes: Any) -> Datatype:
        """A copy with some fields replaced (`d.(f := v)`)."""
        vals = [changes[f] if f in changes else getattr(self, f) for f in self._fields]
        return type(self)(*vals)


class Lazy:
    """A delayed constructor argument of a codatatype value: computed on first use."""
    __slots__ = ("_done", "_f", "_v")

    def __init__(self, f: Any) -> None:
        self._f = f
        self._v: Any = None
        self._done = False

    def force(self) -> Any:
        if not self._done:
            self._v = self._f()
            self._done = True
            self._f = None
        return self._v


class DafnyObject:
    __slots__ = ("__weakref__",)
    _dafny_name: str = "object"

    def __dafnystr__(self) -> str:
        return self._dafny_name

    def __repr__(self) -> str:
        return self._dafny_name
