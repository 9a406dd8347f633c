"""Dafny arrays (`array<T>`, `array2<T>`, ...) for generated code.

An `Array` is a mutable object with reference identity (== is `is`). Its elements live in
one flat Python list `arr` in row-major order; `dims` holds the lengths. For a 1-D array,
generated code indexes `a.arr[i]` directly; for n-D arrays `a.arr[a.index(i, j, ...)]`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .numeric import DafnyRuntimeError


class Array:
    __slots__ = ("__weakref__", "arr", "dims")

    arr: list[Any]
    dims: tuple[int, ...]

    def __init__(self, dims: tuple[int, ...], arr: list[Any]) -> None:
        self.dims = dims
        self.arr = arr

    @staticmethod
    def new(dims: tuple[int, ...], default: Any) -> Array:
        """`new T[d0, d1, ...]` with every element `default`."""
        total = 1
        for d in dims:
            if d < 0:
                raise DafnyRuntimeError(f"array dimension {d} is negative")
            total *= d
        return Array(dims, [default] * total)

    @staticmethod
    def init(dims: tuple[int, ...], f: Callable[..., Any]) -> Array:
        """`new T[d0, ...](f)`: element (i, j, ...) is f(i, j, ...)."""
        for d in dims:
            if d < 0:
                raise DafnyRuntimeError(f"array dimension {d} is negative")
        if len(dims) == 1:
            return Array(dims, [f(i) for i in range(dims[0])])
        out: list[Any] = []

        def fill(prefix: tuple[int, ...], k: int) -> None:
            if k == len(dims):
                out.append(f(*prefix))
                return
            for i in range(dims[k]):
                fill(prefix + (i,), k + 1)
        fill((), 0)
        return Array(dims, out)

    @staticmethod
    def of(items: list[Any]) -> Array:
        """`new T[] [a, b, c]`"""
        return Array((len(items),), list(items))

    @property
    def Length(self) -> int:
        return self.dims[0]

    @property
    def Length0(self) -> int:
        return self.dims[0]

    @property
    def Length1(self) -> int:
        return self.dims[1]

    @property
    def Length2(self) -> int:
        return self.dims[2]

    def length(self, k: int) -> int:
        """`a.LengthK`"""
        return self.dims[k]

    def index(self, *ix: int) -> int:
        """The flat position of element (i0, i1, ...); checks every index."""
        pos = 0
        for i, d in zip(ix, self.dims):
            if i < 0 or i >= d:
                raise IndexError(f"array index {i} out of range [0, {d})")
            pos = pos * d + i
        return pos

    def check(self, i: int) -> int:
        """A checked 1-D index."""
        if i < 0 or i >= self.dims[0]:
            raise IndexError(f"array index {i} out of range [0, {self.dims[0]})")
        return i

    def slice(self, lo: int | None, hi: int | None) -> list[Any]:
        """The elements of `a[lo..hi]` as a fresh list."""
        n = self.dims[0]
        a = 0 if lo is None else lo
        b = n if hi is None else hi
        if a < 0 or b > n or a > b:
            raise IndexError(f"array slice [{a}..{b}] out of range for length {n}")
        return self.arr[a:b]

    def __dafnystr__(self) -> str:
        """How Dafny's Python runtime prints an array: `array[3]`, `array[2, 3]`."""
        return f"array{list(self.dims)}"
