"""Dafny sequences (`seq<T>`, and `string` = `seq<char>`) for generated code.

A flat `Seq` is an immutable view `[lo, hi)` of a Python list, the *buffer*. Buffers only
ever grow at their end and are never written in place, so any number of sequences can
share one buffer:

* slicing `s[i..j]` is O(1): a new view of the same buffer;
* a small right operand is appended in place: `s + t` with `|t| <= |s| / 8` (or `|t|`
  at most 8) costs O(|t|) when `s` ends where its buffer ends (the shared buffer grows
  and the result is a longer view of it). So `s := s + [x]` in a loop is linear overall,
  and indexing in between stays O(1); an older `s` keeps seeing its own prefix.
* any other concatenation is *lazy*, as in Dafny's own runtimes: an O(1) concat node
  (class `_Concat`) that knows its length and is flattened into one fresh buffer on
  first use (indexing, iteration, slicing, equality...), iteratively with an explicit
  stack (no recursion, whatever the depth), and then cached: the node turns into a flat
  `Seq` in place. So prepend chains `[x] + Rec(...)` (how recursive functions build
  sequences right to left) and balanced concatenations are linear, not quadratic.

Guarantees: value semantics (==, hash) are Dafny's: two sequences are equal iff they have
the same length and equal elements. Chars are Python strings of length 1. `copied()`
counts the elements copied between buffers so far (for tests of the complexity above).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

_copied = 0
SMALL = 8          # right operands of at most this many elements are always appended


def copied() -> int:
    """Elements copied between buffers (appends, copies, flattening) since start-up."""
    return _copied


class Seq:
    __slots__ = ("_buf", "_hash", "_hi", "_kids", "_lo")

    _buf: list[Any]
    _lo: int
    _hi: int
    _hash: int | None
    _kids: tuple[Seq, Seq]      # set only in a `_Concat` node (a flat Seq never reads it)

    def __init__(self, items: Iterable[Any] = ()) -> None:
        buf = list(items)
        self._buf = buf
        self._lo = 0
        self._hi = len(buf)
        self._hash = None

    # ---------------------------------------------------------------- construction

    @staticmethod
    def _view(buf: list[Any], lo: int, hi: int) -> Seq:
        s = Seq.__new__(Seq)
        s._buf = buf
        s._lo = lo
        s._hi = hi
        s._hash = None
        return s

    @staticmethod
    def of(*items: Any) -> Seq:
        """A sequence display `[a, b, c]`."""
        return Seq._view(list(items), 0, len(items))

    @staticmethod
    def from_list(items: list[Any]) -> Seq:
        """Take ownership of `items` (the caller must not modify it afterwards)."""
        return Seq._view(items, 0, len(items))

    @staticmethod
    def of_str(text: str) -> Seq:
        """A string literal: one element per character."""
        return Seq._view(list(text), 0, len(text))

    @staticmethod
    def init(n: int, f: Callable[[int], Any]) -> Seq:
        """`seq(n, f)`."""
        if n < 0:
            raise ValueError("seq constructor: negative length")
        return Seq.from_list([f(i) for i in range(n)])

    def force(self) -> Seq:
        """This sequence, flat (a no-op for a flat one)."""
        return self

    # ---------------------------------------------------------------- queries

    def __len__(self) -> int:
        return self._hi - self._lo

    def __getitem__(self, i: int) -> Any:
        if i < 0 or i >= self._hi - self._lo:
            raise IndexError(f"index {i} out of range for a sequence of length {len(self)}")
        return self._buf[self._lo + i]

    def __iter__(self) -> Iterator[Any]:
        if self._lo == 0:
            return islice(self._buf, self._hi)
        return iter(self._buf[self._lo:self._hi])

    def elements(self) -> list[Any]:
        """The elements as a fresh Python list."""
        return self._buf[self._lo:self._hi]

    def __contains__(self, x: Any) -> bool:
        try:
            self._buf.index(x, self._lo, self._hi)
            return True
        except ValueError:
            return False

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Seq):
            return False
        n = self._hi - self._lo
        if n != other._hi - other._lo:
            return False
        if type(other) is _Concat:
            other._flatten()
        if self._buf is other._buf and self._lo == other._lo:
            return True
        if self._hash is not None and other._hash is not None and self._hash != other._hash:
            return False
        return self._buf[self._lo:self._hi] == other._buf[other._lo:other._hi]

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = self._hash = hash(tuple(self._buf[self._lo:self._hi]))
        return h

    def is_prefix_of(self, other: Seq) -> bool:
        """`self <= other`"""
        n = len(self)
        return n <= len(other) and self == other.slice(0, n)

    def is_proper_prefix_of(self, other: Seq) -> bool:
        """`self < other`"""
        return len(self) < len(other) and self.is_prefix_of(other)

    __le__ = is_prefix_of
    __lt__ = is_proper_prefix_of

    # ---------------------------------------------------------------- operations

    def __add__(self, other: Seq) -> Seq:
        n = self._hi - self._lo
        m = other._hi - other._lo
        if m == 0:
            return self
        if n == 0:
            return other
        if m > SMALL and m > (n >> 3):
            return _concat(self, other, n + m)
        if type(self) is _Concat:
            self._flatten()
        if type(other) is _Concat:
            other._flatten()
        buf = self._buf
        global _copied
        _copied += m
        if self._hi == len(buf):
            # we own the tail of the buffer: grow it in place (no other view can see it)
            if other._buf is buf:
                buf.extend(buf[other._lo:other._hi])
            elif other._lo == 0 and other._hi == len(other._buf):
                buf.extend(other._buf)
            else:           # (a list slice: islice would step over the first _lo items)
                buf.extend(other._buf[other._lo:other._hi])
            return Seq._view(buf, self._lo, self._hi + m)
        _copied += n
        new = buf[self._lo:self._hi]
        new.extend(other._buf[other._lo:other._hi])
        return Seq._view(new, 0, len(new))

    def append(self, x: Any) -> Seq:
        """`self + [x]` without building the one-element sequence."""
        global _copied
        buf = self._buf
        hi = self._hi
        if hi == len(buf):
            buf.append(x)
            _copied += 1
            s = _new_seq(Seq)
            s._buf = buf
            s._lo = self._lo
            s._hi = hi + 1
            s._hash = None
            return s
        _copied += hi - self._lo + 1
        new = buf[self._lo:self._hi]
        new.append(x)
        return Seq._view(new, 0, len(new))

    def slice(self, lo: int | None, hi: int | None) -> Seq:
        """`self[lo..hi]` (either bound may be None)."""
        n = self._hi - self._lo
        a = 0 if lo is None else lo
        b = n if hi is None else hi
        if a < 0 or b > n or a > b:
            raise IndexError(f"slice [{a}..{b}] out of range for a sequence of length {n}")
        if a == 0 and b == n:
            return self
        return Seq._view(self._buf, self._lo + a, self._lo + b)

    def take(self, hi: int) -> Seq:
        return self.slice(0, hi)

    def drop(self, lo: int) -> Seq:
        return self.slice(lo, None)

    def update(self, i: int, v: Any) -> Seq:
        """`self[i := v]`"""
        if i < 0 or i >= self._hi - self._lo:
            raise IndexError(f"update index {i} out of range for a sequence of length {len(self)}")
        global _copied
        _copied += self._hi - self._lo
        new = self._buf[self._lo:self._hi]
        new[i] = v
        return Seq._view(new, 0, len(new))

    def to_str(self) -> str:
        """The characters of a `seq<char>` as a Python string."""
        return "".join(self._buf[self._lo:self._hi])

    def __repr__(self) -> str:
        return f"Seq({self.elements()!r})"

    # ---------------------------------------------------------------- lazy concatenation

    def _flatten(self) -> None:
        """Turn this concat node into a flat sequence over one fresh buffer (iteratively:
        an explicit stack of pending nodes, right child pushed first)."""
        out: list[Any] = []
        stack: list[Seq] = [self]
        while stack:
            s = stack.pop()
            if type(s) is not _Concat:
                if s._lo == 0 and s._hi == len(s._buf):
                    out.extend(s._buf)
                else:
                    out.extend(s._buf[s._lo:s._hi])
            else:
                kids = s._kids
                stack.append(kids[1])
                stack.append(kids[0])
        global _copied
        _copied += len(out)
        self._buf = out
        self._lo = 0
        self._hi = len(out)
        del self._kids
        self.__class__ = Seq


def _concat(a: Seq, b: Seq, n: int) -> Seq:
    s = _Concat.__new__(_Concat)
    s._buf = _NO_BUF
    s._lo = 0
    s._hi = n
    s._hash = None
    s._kids = (a, b)
    return s


_NO_BUF: list[Any] = []
_new_seq = object.__new__


class _Concat(Seq):
    """A not yet flattened `a + b` (see the module docstring); every query flattens it
    once, after which it is a plain `Seq` (its class is switched in place)."""
    __slots__ = ()

    def force(self) -> Seq:
        self._flatten()
        return self

    def __getitem__(self, i: int) -> Any:
        self._flatten()
        return Seq.__getitem__(self, i)

    def __iter__(self) -> Iterator[Any]:
        self._flatten()
        return Seq.__iter__(self)

    def elements(self) -> list[Any]:
        self._flatten()
        return Seq.elements(self)

    def __contains__(self, x: Any) -> bool:
        self._flatten()
        return Seq.__contains__(self, x)

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if isinstance(other, Seq) and len(other) != len(self):
            return False
        self._flatten()
        return Seq.__eq__(self, other)

    def __hash__(self) -> int:
        self._flatten()
        return Seq.__hash__(self)

    def append(self, x: Any) -> Seq:
        self._flatten()
        return Seq.append(self, x)

    def slice(self, lo: int | None, hi: int | None) -> Seq:
        n = self._hi
        if (lo is None or lo == 0) and (hi is None or hi == n):
            return self
        self._flatten()
        return Seq.slice(self, lo, hi)

    def update(self, i: int, v: Any) -> Seq:
        self._flatten()
        return Seq.update(self, i, v)

    def to_str(self) -> str:
        self._flatten()
        return Seq.to_str(self)

    def __repr__(self) -> str:
        self._flatten()
        return Seq.__repr__(self)


EMPTY_SEQ = Seq()
