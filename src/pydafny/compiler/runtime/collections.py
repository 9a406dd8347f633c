"""Dafny sets, multisets and maps for generated code.

All three are immutable values with Dafny's equality and a hash, so they can be elements
of one another. Each is backed by an insertion-ordered Python dict, which makes iteration
order (and hence `print` output and the choice made by `:|`) deterministic from run to
run: `Set` maps element -> None, `MultiSet` maps element -> multiplicity (always > 0),
`Map` maps key -> value.

All three are persistent by *rerooting* (Baker's shallow binding): a chain of versions,
each derived from the previous one, shares a single dict (a version derived from twice
starts a new chain with a copy, so independent branches never thrash). The dict holds the
contents of one version, the current one; every other version records how to get from a
newer version to itself (`_next` and a small undo list `_diff`). Deriving a version
(`m[k := v]`, `s + {x}`, `s - {x}`) from the current one mutates the shared dict in
O(size of the change) and leaves an undo entry on the old version; reading an old version
first walks the undo chain back to it (or, when it is far from the current version, makes
itself a private copy once). So `m := m[k := v]`, `s := s + {x}` or
`ms := ms + multiset{x}` in a loop is linear overall (copying would make it quadratic),
and old versions keep their values: the semantics stay immutable. When two versions of
one store meet in one operation, one side is copied first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

_ABSENT: Any = object()
"""Marks a key missing from a version in an undo entry."""

_REROOT_LIMIT = 32
"""Versions further than this from the current one get a private copy when read."""


class _Store:
    __slots__ = ("cur", "d")

    def __init__(self, d: dict[Any, Any], cur: _Versioned) -> None:
        self.d = d
        self.cur = cur


class _Versioned:
    """A version of a shared dict (see the module docstring). Invariant: either
    `_store.cur is self` (the dict holds self's contents), or applying `_diff` (pairs
    key, value-or-_ABSENT) to the contents of version `_next` gives self's contents."""
    __slots__ = ("_cache", "_diff", "_hash", "_next", "_store", "_used")

    _store: _Store
    _next: _Versioned | None
    _diff: list[tuple[Any, Any]] | None
    _hash: int | None

    _used: bool      # a version was already derived from this one
    _cache: dict[Any, Any] | None   # a private copy of a far-away old version's contents

    def _init_fresh(self, d: dict[Any, Any]) -> None:
        self._store = _Store(d, self)
        self._next = None
        self._diff = None
        self._hash = None
        self._used = False
        self._cache = None

    def _branch(self, changes: Iterable[tuple[Any, Any]]) -> Any:
        """A new version in a store of its own (a copy): used when self was already
        derived from, so that independent branches never make each other reroot."""
        d = dict(self._dict())
        for k, v in changes:
            if v is _ABSENT:
                d.pop(k, None)
            else:
                d[k] = v
        new = type(self).__new__(type(self))
        new._init_fresh(d)
        return new

    def _dict(self) -> dict[Any, Any]:
        """The backing dict, holding this version's contents (until another version of
        the same store is used)."""
        st = self._store
        if st.cur is self:
            return st.d
        if self._cache is not None:
            return self._cache
        # near the current version: reroot; far from it (an old snapshot read while the
        # newest version keeps growing): materialize a private copy once instead, so that
        # alternating between the two does not walk the chain back and forth
        path: list[_Versioned] = []
        v: _Versioned = self
        while st.cur is not v and len(path) <= _REROOT_LIMIT:
            path.append(v)
            assert v._next is not None
            v = v._next
        if st.cur is v:
            self._reroot()
            return st.d
        while st.cur is not v:
            path.append(v)
            assert v._next is not None
            v = v._next
        d = dict(st.d)
        for u in reversed(path):
            assert u._diff is not None
            for k, old in reversed(u._diff):
                if old is _ABSENT:
                    d.pop(k, None)
                else:
                    d[k] = old
        self._cache = d
        return d

    def _reroot(self) -> None:
        path: list[_Versioned] = []
        v: _Versioned = self
        st = self._store
        while st.cur is not v:
            path.append(v)
            assert v._next is not None
            v = v._next
        d = st.d
        for u in reversed(path):            # u._next is the current version
            cur = u._next
            assert cur is not None and u._diff is not None
            inverse: list[tuple[Any, Any]] = []
            for k, old in reversed(u._diff):
                inverse.append((k, d.get(k, _ABSENT)))
                if old is _ABSENT:
                    d.pop(k, None)
                else:
                    d[k] = old
            cur._next, cur._diff = u, inverse
            u._next, u._diff = None, None
            st.cur = u

    def _derive(self, changes: Iterable[tuple[Any, Any]]) -> Any:
        """A new version: self's contents with `changes` (key, value-or-_ABSENT)."""
        if self._used:
            return self._branch(changes)
        self._used = True
        d = self._dict()
        new = type(self).__new__(type(self))
        new._store = self._store
        new._next = None
        new._diff = None
        new._hash = None
        new._used = False
        new._cache = None
        undo: list[tuple[Any, Any]] = []
        for k, v in changes:
            undo.append((k, d.get(k, _ABSENT)))
            if v is _ABSENT:
                d.pop(k, None)
            else:
                d[k] = v
        self._next, self._diff = new, undo
        self._store.cur = new
        return new

    def _derive1(self, k: Any, v: Any) -> Any:
        """`_derive` for a single change (the common case, without the loop)."""
        if self._used:
            return self._branch(((k, v),))
        self._used = True
        st = self._store
        if st.cur is not self:
            self._reroot()
        d = st.d
        new = type(self).__new__(type(self))
        new._store = st
        new._next = None
        new._diff = None
        new._hash = None
        new._used = False
        new._cache = None
        self._next = new
        self._diff = [(k, d.get(k, _ABSENT))]
        if v is _ABSENT:
            d.pop(k, None)
        else:
            d[k] = v
        st.cur = new
        return new

    def _pair(self, other: _Versioned) -> tuple[dict[Any, Any], dict[Any, Any]]:
        """The dicts of two versions at once (copying one if they share a store)."""
        a = self._dict()
        if other._store is self._store and other is not self:
            a = dict(a)
        return a, other._dict()


class Set(_Versioned):
    """`set<T>`: a finite set."""
    __slots__ = ()

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self._init_fresh(dict.fromkeys(items))

    @staticmethod
    def _of_dict(d: dict[Any, None]) -> Set:
        s = Set.__new__(Set)
        s._init_fresh(d)
        return s

    @staticmethod
    def of(*items: Any) -> Set:
        """A set display `{a, b}`."""
        return Set._of_dict(dict.fromkeys(items))

    def __len__(self) -> int:
        return len(self._dict())

    def __iter__(self) -> Iterator[Any]:
        # a snapshot: the shared dict may change while the caller iterates
        return iter(list(self._dict()))

    def __contains__(self, x: Any) -> bool:
        return x in self._dict()

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Set):
            return False
        a, b = self._pair(other)
        return len(a) == len(b) and a.keys() == b.keys()

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = self._hash = hash(frozenset(self._dict()))
        return h

    def add(self, x: Any) -> Set:
        """`self + {x}`"""
        if x in self._dict():
            return self
        return self._derive1(x, None)  # type: ignore[no-any-return]

    def union(self, other: Set) -> Set:
        if other is self:
            return self
        a, b = self._pair(other)
        if not b:
            return self
        if len(b) <= len(a) and self._store is not other._store:
            return self._derive((x, None) for x in list(b) if x not in a)  # type: ignore[no-any-return]
        d = dict(a)
        d.update(b)
        return Set._of_dict(d)

    def intersection(self, other: Set) -> Set:
        a, b = self._pair(other)
        return Set._of_dict({x: None for x in a if x in b})

    def difference(self, other: Set) -> Set:
        a, b = self._pair(other)
        if len(b) * 4 <= len(a) and self._store is not other._store:
            return self._derive((x, _ABSENT) for x in list(b) if x in a)  # type: ignore[no-any-return]
        return Set._of_dict({x: None for x in a if x not in b})

    __add__ = union
    __mul__ = intersection
    __sub__ = difference

    def is_subset_of(self, other: Set) -> bool:
        a, b = self._pair(other)
        return a.keys() <= b.keys()

    def is_proper_subset_of(self, other: Set) -> bool:
        a, b = self._pair(other)
        return len(a) < len(b) and a.keys() <= b.keys()

    __le__ = is_subset_of
    __lt__ = is_proper_subset_of

    def __ge__(self, other: Set) -> bool:
        return other.is_subset_of(self)

    def __gt__(self, other: Set) -> bool:
        return other.is_proper_subset_of(self)

    def is_disjoint_from(self, other: Set) -> bool:
        a, b = self._pair(other)
        return a.keys().isdisjoint(b.keys())

    def elements(self) -> list[Any]:
        return list(self._dict())

    def __repr__(self) -> str:
        return f"Set({list(self._dict())!r})"


EMPTY_SET = Set()


class MultiSet(_Versioned):
    """`multiset<T>`: element -> multiplicity, multiplicities always positive. Persistent
    like `Set` and `Map`; the cardinality is not cached (it changes along a chain)."""
    __slots__ = ()

    def __init__(self, items: Iterable[Any] = ()) -> None:
        d: dict[Any, int] = {}
        for x in items:
            d[x] = d.get(x, 0) + 1
        self._init_fresh(d)

    @staticmethod
    def _of_dict(d: dict[Any, int]) -> MultiSet:
        m = MultiSet.__new__(MultiSet)
        m._init_fresh(d)
        return m

    @staticmethod
    def of(*items: Any) -> MultiSet:
        return MultiSet(items)

    @staticmethod
    def from_set(s: Set) -> MultiSet:
        return MultiSet._of_dict(dict.fromkeys(s._dict(), 1))

    def __len__(self) -> int:
        return sum(self._dict().values())

    def __iter__(self) -> Iterator[Any]:
        """Each element once per occurrence (of a snapshot)."""
        return iter([x for x, n in list(self._dict().items()) for _ in range(n)])

    def distinct(self) -> Iterator[Any]:
        return iter(list(self._dict()))

    def __contains__(self, x: Any) -> bool:
        return x in self._dict()

    def count(self, x: Any) -> int:
        """`m[x]`, the multiplicity of x."""
        return self._dict().get(x, 0)  # type: ignore[no-any-return]

    __getitem__ = count

    def update(self, x: Any, n: int) -> MultiSet:
        """`m[x := n]`"""
        if n < 0:
            raise ValueError("multiset update with a negative multiplicity")
        return self._derive1(x, n if n > 0 else _ABSENT)  # type: ignore[no-any-return]

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, MultiSet):
            return False
        a, b = self._pair(other)
        return a == b

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = self._hash = hash(frozenset(self._dict().items()))
        return h

    def union(self, other: MultiSet) -> MultiSet:
        a, b = self._pair(other)
        if not b:
            return self
        if len(b) <= len(a) and self._store is not other._store:
            return self._derive([(x, a.get(x, 0) + n) for x, n in b.items()])  # type: ignore[no-any-return]
        d = dict(a)
        for x, n in b.items():
            d[x] = d.get(x, 0) + n
        return MultiSet._of_dict(d)

    def intersection(self, other: MultiSet) -> MultiSet:
        a, b = self._pair(other)
        return MultiSet._of_dict({x: min(n, b[x]) for x, n in a.items() if x in b})

    def difference(self, other: MultiSet) -> MultiSet:
        a, b = self._pair(other)
        if len(b) * 4 <= len(a) and self._store is not other._store:
            changes = []
            for x, n in b.items():
                if x in a:
                    k = a[x] - n
                    changes.append((x, k if k > 0 else _ABSENT))
            return self._derive(changes)  # type: ignore[no-any-return]
        d: dict[Any, int] = {}
        for x, n in a.items():
            k = n - b.get(x, 0)
            if k > 0:
                d[x] = k
        return MultiSet._of_dict(d)

    __add__ = union
    __mul__ = intersection
    __sub__ = difference

    def is_subset_of(self, other: MultiSet) -> bool:
        a, b = self._pair(other)
        return all(n <= b.get(x, 0) for x, n in a.items())

    def is_proper_subset_of(self, other: MultiSet) -> bool:
        a, b = self._pair(other)
        return all(n <= b.get(x, 0) for x, n in a.items()) and a != b

    __le__ = is_subset_of
    __lt__ = is_proper_subset_of

    def __ge__(self, other: MultiSet) -> bool:
        return other.is_subset_of(self)

    def __gt__(self, other: MultiSet) -> bool:
        return other.is_proper_subset_of(self)

    def is_disjoint_from(self, other: MultiSet) -> bool:
        a, b = self._pair(other)
        return a.keys().isdisjoint(b.keys())

    def items(self) -> list[tuple[Any, int]]:
        return list(self._dict().items())

    def __repr__(self) -> str:
        return f"MultiSet({self._dict()!r})"


class Map(_Versioned):
    """`map<K, V>`: a finite map."""
    __slots__ = ()

    def __init__(self, items: Iterable[tuple[Any, Any]] = ()) -> None:
        self._init_fresh(dict(items))

    @staticmethod
    def _of_dict(d: dict[Any, Any]) -> Map:
        m = Map.__new__(Map)
        m._init_fresh(d)
        return m

    @staticmethod
    def of(*pairs: tuple[Any, Any]) -> Map:
        """A map display `map[k := v, ...]` (later keys win)."""
        return Map._of_dict(dict(pairs))

    def __len__(self) -> int:
        return len(self._dict())

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._dict()))

    def __contains__(self, k: Any) -> bool:
        return k in self._dict()

    def __getitem__(self, k: Any) -> Any:
        try:
            return self._dict()[k]
        except KeyError:
            raise KeyError("map lookup: key not in the map's domain") from None

    def get(self, k: Any, default: Any = None) -> Any:
        return self._dict().get(k, default)

    def update(self, k: Any, v: Any) -> Map:
        """`m[k := v]`"""
        return self._derive1(k, v)  # type: ignore[no-any-return]

    def merge(self, other: Map) -> Map:
        """`m + n`: n's values win on common keys."""
        a, b = self._pair(other)
        if not b:
            return self
        if len(b) <= len(a) and self._store is not other._store:
            return self._derive(list(b.items()))  # type: ignore[no-any-return]
        d = dict(a)
        d.update(b)
        return Map._of_dict(d)

    def remove_keys(self, keys: Set) -> Map:
        """`m - s`"""
        a = self._dict()
        kd = keys._dict()
        if len(kd) * 4 <= len(a):
            return self._derive([(k, _ABSENT) for k in kd if k in a])  # type: ignore[no-any-return]
        return Map._of_dict({k: v for k, v in a.items() if k not in kd})

    __add__ = merge
    __sub__ = remove_keys

    @property
    def Keys(self) -> Set:
        return Set._of_dict(dict.fromkeys(self._dict()))

    @property
    def Values(self) -> Set:
        return Set._of_dict(dict.fromkeys(self._dict().values()))

    @property
    def Items(self) -> Set:
        return Set._of_dict(dict.fromkeys(self._dict().items()))

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Map):
            return False
        a, b = self._pair(other)
        return a == b

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = self._hash = hash(frozenset(self._dict().items()))
        return h

    def items(self) -> list[tuple[Any, Any]]:
        return list(self._dict().items())

    def __repr__(self) -> str:
        return f"Map({self._dict()!r})"


EMPTY_MAP = Map()
