"""Dafny arithmetic that Python's operators do not give directly.

* `int` is a Python int. Dafny's `/` and `%` are Euclidean: for b != 0,
  a == b * (a / b) + a % b and 0 <= a % b < |b|. Python's `//` floors instead, which agrees
  exactly when b > 0; for b < 0, a / b == -(a // -b).
* `real` is `fractions.Fraction`; `r.Floor` and `r as int` round toward minus infinity.
* Bitvectors `bvN` are ints in [0, 2^N); arithmetic wraps modulo 2^N (see `bv_*`).
* `char` is a Python string of length 1; `c as int` is its code point.
"""

from __future__ import annotations

import math
from fractions import Fraction


class DafnyRuntimeError(Exception):
    """A failure the Dafny semantics defines as a run-time error (e.g. division by zero
    in unverified code). Carries a message for the user."""


def div(a: int, b: int) -> int:
    """Euclidean division `a / b` on int."""
    if b > 0:
        return a // b
    if b == 0:
        raise DafnyRuntimeError("division by zero")
    return -(a // -b)


def mod(a: int, b: int) -> int:
    """Euclidean remainder `a % b` on int: always in [0, |b|)."""
    if b > 0:
        return a % b
    if b == 0:
        raise DafnyRuntimeError("modulus by zero")
    return a % -b


def real_div(a: Fraction, b: Fraction) -> Fraction:
    if b == 0:
        raise DafnyRuntimeError("real division by zero")
    return Fraction(a) / b


def real_of(text: str) -> Fraction:
    """A real literal such as `1.5` or `1_000.25` (exact)."""
    return Fraction(text.replace("_", ""))


def floor(r: Fraction) -> int:
    return math.floor(r)


def bv_div(a: int, b: int) -> int:
    if b == 0:
        raise DafnyRuntimeError("division by zero")
    return a // b


def bv_mod(a: int, b: int) -> int:
    if b == 0:
        raise DafnyRuntimeError("modulus by zero")
    return a % b


def bv_rotate_left(a: int, k: int, width: int) -> int:
    if width == 0:
        return 0
    k %= width
    mask = (1 << width) - 1
    return ((a << k) | (a >> (width - k))) & mask


def bv_rotate_right(a: int, k: int, width: int) -> int:
    if width == 0:
        return 0
    k %= width
    mask = (1 << width) - 1
    return ((a >> k) | (a << (width - k))) & mask


def shift_left(a: int, k: int, width: int) -> int:
    if k < 0 or k > width:
        raise DafnyRuntimeError(f"shift amount {k} out of range for bv{width}")
    return (a << k) & ((1 << width) - 1)


def shift_right(a: int, k: int, width: int) -> int:
    if k < 0 or k > width:
        raise DafnyRuntimeError(f"shift amount {k} out of range for bv{width}")
    return a >> k


def char_of(n: int) -> str:
    """`n as char`"""
    try:
        return chr(n)
    except (ValueError, OverflowError):
        raise DafnyRuntimeError(f"{n} is not a valid char") from None


def int_pow(a: int, b: int) -> int:
    return int(a ** b)
