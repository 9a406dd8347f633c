"""Dafny sets, multisets and maps for generated code.

All three are immutable values with Dafny's equality and a hash, so they can be elements
of one another. Each wraps an insertion-ordered Python dict, which makes iteration order
(and hence `print` output and the choice made by `:|`) deterministic from run to run:
`Set` maps element -> None, `MultiSet` maps element -> multiplicity (always > 0), `Map`
maps key -> value. Operations never modify an operand; they build a new dict.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


class Set:
    """`set<T>`: a finite set."""
    __slots__ = ("_d", "_hash")

    _d: dict[Any, None]
    _hash: int | None

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self._d = dict.fromkeys(items)
        self._hash = None

    @staticmethod
    def _of_dict(d: dict[Any, None]) -> Set:
        s = Set.__new__(Set)
        s._d = d
        s._hash = None
        return s

    @staticmethod
    def of(*items: Any) -> Set:
        """A set display `{a, b}`."""
        return Set._of_dict(dict.fromkeys(items))

    def __len__(self) -> int:
        return len(self._d)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._d)

    def __contains__(self, x: Any) -> bool:
        return x in self._d

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Set):
            return False
        return len(self._d) == len(other._d) and self._d.keys() == other._d.keys()

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = self._hash = hash(frozenset(self._d))
        return h

    def union(self, other: Set) -> Set:
        if not other._d:
            return self
        d = dict(self._d)
        d.update(other._d)
        return Set._of_dict(d)

    def intersection(self, other: Set) -> Set:
        od = other._d
        return Set._of_dict({x: None for x in self._d if x in od})

    def difference(self, other: Set) -> Set:
        od = other._d
        return Set._of_dict({x: None for x in self._d if x not in od})

    __add__ = union
    __mul__ = intersection
    __sub__ = difference

    def is_subset_of(self, other: Set) -> bool:
        return self._d.keys() <= other._d.keys()

    def is_proper_subset_of(self, other: Set) -> bool:
        return len(self._d) < len(other._d) and self._d.keys() <= other._d.keys()

    __le__ = is_subset_of
    __lt__ = is_proper_subset_of

    def __ge__(self, other: Set) -> bool:
        return other.is_subset_of(self)

    def __gt__(self, other: Set) -> bool:
        return other.is_proper_subset_of(self)

    def is_disjoint_from(self, other: Set) -> bool:
        return self._d.keys().isdisjoint(other._d.keys())

    def elements(self) -> list[Any]:
        return list(self._d)

    def __repr__(self) -> str:
        return f"Set({list(self._d)!r})"


EMPTY_SET = Set()


class MultiSet:
    """`multiset<T>`: element -> multiplicity, multiplicities always positive."""
    __slots__ = ("_card", "_d", "_hash")

    _d: dict[Any, int]
    _hash: int | None
    _card: int | None

    def __init__(self, items: Iterable[Any] = ()) -> None:
        d: dict[Any, int] = {}
        for x in items:
            d[x] = d.get(x, 0) + 1
        self._d = d
        self._hash = None
        self._card = None

    @staticmethod
    def _of_dict(d: dict[Any, int]) -> MultiSet:
        m = MultiSet.__new__(MultiSet)
        m._d = d
        m._hash = None
        m._card = None
        return m

    @staticmethod
    def of(*items: Any) -> MultiSet:
        return MultiSet(items)

    @staticmethod
    def from_set(s: Set) -> MultiSet:
        return MultiSet._of_dict(dict.fromkeys(s._d, 1))

    def __len__(self) -> int:
        c = self._card
        if c is None:
            c = self._card = sum(self._d.values())
        return c

    def __iter__(self) -> Iterator[Any]:
        """Each element once per occurrence."""
        for x, n in self._d.items():
            for _ in range(n):
                yield x

    def distinct(self) -> Iterator[Any]:
        return iter(self._d)

    def __contains__(self, x: Any) -> bool:
        return x in self._d

    def count(self, x: Any) -> int:
        """`m[x]`, the multiplicity of x."""
        return self._d.get(x, 0)

    __getitem__ = count

    def update(self, x: Any, n: int) -> MultiSet:
        """`m[x := n]`"""
        if n < 0:
            raise ValueError("multiset update with a negative multiplicity")
        d = dict(self._d)
        if n == 0:
            d.pop(x, None)
        else:
            d[x] = n
        return MultiSet._of_dict(d)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MultiSet) and self._d == other._d

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = self._hash = hash(frozenset(self._d.items()))
        return h

    def union(self, other: MultiSet) -> MultiSet:
        d = dict(self._d)
        for x, n in other._d.items():
            d[x] = d.get(x, 0) + n
        return MultiSet._of_dict(d)

    def intersection(self, other: MultiSet) -> MultiSet:
        od = other._d
        return MultiSet._of_dict({x: min(n, od[x]) for x, n in self._d.items() if x in od})

    def difference(self, other: MultiSet) -> MultiSet:
        od = other._d
        d: dict[Any, int] = {}
        for x, n in self._d.items():
            k = n - od.get(x, 0)
            if k > 0:
                d[x] = k
        return MultiSet._of_dict(d)

    __add__ = union
    __mul__ = intersection
    __sub__ = difference

    def is_subset_of(self, other: MultiSet) -> bool:
        od = other._d
        return all(n <= od.get(x, 0) for x, n in self._d.items())

    def is_proper_subset_of(self, other: MultiSet) -> bool:
        return self.is_subset_of(other) and self._d != other._d

    __le__ = is_subset_of
    __lt__ = is_proper_subset_of

    def __ge__(self, other: MultiSet) -> bool:
        return other.is_subset_of(self)

    def __gt__(self, other: MultiSet) -> bool:
        return other.is_proper_subset_of(self)

    def is_disjoint_from(self, other: MultiSet) -> bool:
        return self._d.keys().isdisjoint(other._d.keys())

    def items(self) -> list[tuple[Any, int]]:
        return list(self._d.items())

    def __repr__(self) -> str:
        return f"MultiSet({self._d!r})"


class Map:
    """`map<K, V>`: a finite map."""
    __slots__ = ("_d", "_hash")

    _d: dict[Any, Any]
    _hash: int | None

    def __init__(self, items: Iterable[tuple[Any, Any]] = ()) -> None:
        self._d = dict(items)
        self._hash = None

    @staticmethod
    def _of_dict(d: dict[Any, Any]) -> Map:
        m = Map.__new__(Map)
        m._d = d
        m._hash = None
        return m

    @staticmethod
    def of(*pairs: tuple[Any, Any]) -> Map:
        """A map display `map[k := v, ...]` (later keys win)."""
        return Map._of_dict(dict(pairs))

    def __len__(self) -> int:
        return len(self._d)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._d)

    def __contains__(self, k: Any) -> bool:
        return k in self._d

    def __getitem__(self, k: Any) -> Any:
        try:
            return self._d[k]
        except KeyError:
            raise KeyError("map lookup: key not in the map's domain") from None

    def get(self, k: Any, default: Any = None) -> Any:
        return self._d.get(k, default)

    def update(self, k: Any, v: Any) -> Map:
        """`m[k := v]`"""
        d = dict(self._d)
        d[k] = v
        return Map._of_dict(d)

    def merge(self, other: Map) -> Map:
        """`m + n`: n's values win on common keys."""
        if not other._d:
            return self
        d = dict(self._d)
        d.update(other._d)
        return Map._of_dict(d)

    def remove_keys(self, keys: Set) -> Map:
        """`m - s`"""
        kd = keys._d
        return Map._of_dict({k: v for k, v in self._d.items() if k not in kd})

    __add__ = merge
    __sub__ = remove_keys

    @property
    def Keys(self) -> Set:
        return Set._of_dict(dict.fromkeys(self._d))

    @property
    def Values(self) -> Set:
        return Set._of_dict(dict.fromkeys(self._d.values()))

    @property
    def Items(self) -> Set:
        return Set._of_dict(dict.fromkeys(self._d.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Map) and self._d == other._d

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = self._hash = hash(frozenset(self._d.items()))
        return h

    def items(self) -> list[tuple[Any, Any]]:
        return list(self._d.items())

    def __repr__(self) -> str:
        return f"Map({self._d!r})"


EMPTY_MAP = Map()
