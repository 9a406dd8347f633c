"""Base classes of generated datatypes and class instances.

* `Datatype`: immutable values. Each constructor becomes a subclass with `__slots__` for
  its fields, `_fields` (field names), `_name` (the printed name, e.g. `List.Cons`, with
  the module path in front outside the default module) and `_string_fields` (the fields
  whose declared type is `string`, printed quoted as Dafny does). Equality and hash are
  structural and computed without recursion (an explicit stack), so values nested a
  million deep compare and hash fine; a hash is cached in the value.
* `DafnyObject`: class instances; equality is identity; printed as the qualified class
  name (e.g. `_module.C`).
"""

from __future__ import annotations

from typing import Any

from .printing import string_of


class Datatype:
    __slots__ = ("_hc",)
    _hc: int
    _fields: tuple[str, ...] = ()
    _name: str = ""
    _string_fields: frozenset[str] = frozenset()

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if type(other) is not type(self):
            return False
        return datatype_equal(self, other)

    def __hash__(self) -> int:
        try:
            return self._hc
        except AttributeError:
            return datatype_hash(self)

    def __dafnystr__(self) -> str:
        return string_of(self)     # iterative: any nesting depth

    def __repr__(self) -> str:
        return self.__dafnystr__()

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def _replace(self, **changes: Any) -> Datatype:
        """A copy with some fields replaced (`d.(f := v)`)."""
        vals = [changes[f] if f in changes else getattr(self, f) for f in self._fields]
        return type(self)(*vals)


def datatype_equal(a: Datatype, b: Any) -> bool:
    """Structural equality of two datatype values, with an explicit stack."""
    stack: list[tuple[Any, Any]] = [(a, b)]
    while stack:
        x, y = stack.pop()
        if x is y:
            continue
        tx = type(x)
        if tx is not type(y):
            return False
        if isinstance(x, Datatype):
            hx = getattr(x, "_hc", None)
            if hx is not None and hx != getattr(y, "_hc", hx):
                return False
            for f in tx._fields:
                stack.append((getattr(x, f), getattr(y, f)))
        elif x != y:
            return False
    return True


def datatype_hash(root: Datatype) -> int:
    """The hash of a datatype value (children first, with an explicit stack); cached."""
    stack: list[tuple[Datatype, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if getattr(node, "_hc", None) is not None:
            continue
        values = [getattr(node, f) for f in type(node)._fields]
        if not children_done:
            stack.append((node, True))
            for v in values:
                if isinstance(v, Datatype) and getattr(v, "_hc", None) is None:
                    stack.append((v, False))
            continue
        node._hc = hash((type(node)._name, *(
            v._hc if isinstance(v, Datatype) else hash(v) for v in values)))
    return root._hc


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
