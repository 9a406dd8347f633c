"""The runtime of Python code generated from Dafny (`import pydafny.compiler.runtime as _rt`).

Values: ints are Python ints, reals `fractions.Fraction`, bools `bool`, chars one-character
`str`, bitvectors ints in [0, 2^N), tuples Python tuples, `null` None; `Seq`, `Set`,
`MultiSet`, `Map` are immutable values (see their modules), `Array` and generated classes
are mutable objects, generated datatypes subclass `Datatype`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .arrays import Array
from .collections import EMPTY_MAP, EMPTY_SET, Map, MultiSet, Set
from .errors import DafnyRuntimeError, HaltError
from .numeric import (
    bv_div,
    bv_mod,
    bv_rotate_left,
    bv_rotate_right,
    char_of,
    div,
    floor,
    mod,
    real_div,
    real_of,
    shift_left,
    shift_right,
)
from .objects import DafnyObject, Datatype, Lazy
from .printing import (
    print_string,
    print_value,
    quoted_string,
    raw_string,
    real_str,
    string_of,
)
from .program import (
    MISSING,
    extern_lookup,
    match_failure,
    register_extern_paths,
    run_main,
    write,
)
from .seq import EMPTY_SEQ, Seq


class NoWitness(DafnyRuntimeError):
    pass


def pick(candidates: Iterable[Any], pred: Callable[[Any], bool]) -> Any:
    """`x :| P(x)` over a finite domain: the first candidate satisfying P."""
    for x in candidates:
        if pred(x):
            return x
    raise NoWitness("no value satisfies the condition of a ':|' statement")


def first(candidates: Iterable[Any]) -> Any:
    """The first value of a `:|` search (the generated code filters the candidates)."""
    for x in candidates:
        return x
    raise NoWitness("no value satisfies the condition of a ':|'")


def all_ints() -> Iterator[int]:
    """0, -1, 1, -2, 2, ...: every int, for a `:|` over an unbounded int."""
    yield 0
    n = 1
    while True:
        yield -n
        yield n
        n += 1


def seq_of_array(a: Array, lo: int | None = None, hi: int | None = None) -> Seq:
    """`a[lo..hi]` for an array `a`."""
    return Seq.from_list(a.slice(lo, hi))


def int_range(lo: int, hi: int) -> range:
    return range(lo, hi)


def bool_domain() -> tuple[bool, bool]:
    return (False, True)


def subsets(s: Set) -> Iterable[Set]:
    """All subsets of s (for `set x | x <= s`)."""
    from itertools import chain, combinations
    xs = list(s)
    return (Set(c) for c in chain.from_iterable(combinations(xs, r) for r in range(len(xs) + 1)))


def check_range(i: int, n: int) -> int:
    if i < 0 or i >= n:
        raise IndexError(f"index {i} out of range [0, {n})")
    return i


__all__ = [
    "EMPTY_MAP",
    "EMPTY_SEQ",
    "EMPTY_SET",
    "MISSING",
    "Array",
    "DafnyObject",
    "DafnyRuntimeError",
    "Datatype",
    "HaltError",
    "Lazy",
    "Map",
    "MultiSet",
    "NoWitness",
    "Seq",
    "Set",
    "all_ints",
    "bool_domain",
    "bv_div",
    "bv_mod",
    "bv_rotate_left",
    "bv_rotate_right",
    "char_of",
    "check_range",
    "div",
    "extern_lookup",
    "first",
    "floor",
    "int_range",
    "match_failure",
    "mod",
    "pick",
    "print_string",
    "print_value",
    "quoted_string",
    "raw_string",
    "real_div",
    "real_of",
    "real_str",
    "register_extern_paths",
    "run_main",
    "seq_of_array",
    "shift_left",
    "shift_right",
    "string_of",
    "subsets",
    "write",
]
