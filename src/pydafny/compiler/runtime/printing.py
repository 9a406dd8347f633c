"""Dafny's `print` format for every runtime value.

`string_of(v)` is the text Dafny prints for a value whose static type is not a string:
`true`, `42`, `1.5`, `(1.0 / 3.0)`, `'a'` (chars are quoted, as Dafny 4 prints them with
unicode chars), `[1, 2]`, `{1, 2}`, `multiset{1, 1}`, `map[1 := 2]`, `(1, 2)`, `null`,
datatype values `List.Cons(1, List.Nil)`, objects `_module.C`.

A `seq<char>` nested in another value prints as a sequence of chars (`['a', 'b']`), as
Dafny 4 does with unicode chars (see Dafny's UnicodeStrings test: `Option.Some(['D', ...])`,
`(['D', ...], 42)`); only a value whose static type is `string` prints raw, which generated
code asks for with `print_string`, and a datatype field declared `string` prints quoted
(`Named.Named("Ann")`). Sets, multisets and map keys print in insertion order, except that
ints, chars and tuples of them print sorted (deterministic, and what Dafny's runtimes show
for small values).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0", "'": "\\'", '"': '\\"',
            "\\": "\\\\"}


def char_escaped(c: str) -> str:
    return _ESCAPES.get(c, c)


def real_str(r: Fraction) -> str:
    """`3.0`, `1.5`, `-0.25`, or `(1.0 / 3.0)` when no finite decimal exists."""
    num, den = r.numerator, r.denominator
    if den == 1:
        return f"{num}.0"
    d, twos, fives = den, 0, 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return f"({num}.0 / {den}.0)"
    shift = max(twos, fives)
    digits = str(abs(num) * (10 ** shift // den))
    sign = "-" if num < 0 else ""
    if len(digits) <= shift:
        digits = "0" * (shift - len(digits) + 1) + digits
    return f"{sign}{digits[:-shift]}.{digits[-shift:]}"


def _sortable(x: Any) -> bool:
    t = type(x)
    if t is int or (t is str and len(x) == 1):
        return True
    return t is tuple and all(_sortable(y) for y in x)


def _ordered(items: Iterable[Any]) -> list[Any]:
    """Ints, chars and tuples of them in ascending order; anything else as inserted."""
    xs = list(items)
    if xs and all(_sortable(x) for x in xs):
        kinds = {type(x) for x in xs}
        if len(kinds) == 1:
            try:
                xs.sort()
            except TypeError:      # tuples mixing ints and chars: keep insertion order
                pass
    return xs


def string_of(v: Any) -> str:
    """Dafny's text for `v`, built with an explicit stack (no recursion), so values
    nested any depth (a list datatype 1,000,000 deep) print fine."""
    out: list[str] = []
    # pending work, popped from the end: (True, text) is literal text, (False, x) a value
    stack: list[tuple[bool, Any]] = [(False, v)]
    while stack:
        is_text, x = stack.pop()
        if is_text:
            out.append(x)
            continue
        leaf = _leaf_text(x)
        if leaf is not None:
            out.append(leaf)
            continue
        open_, items, close = _structure(x)
        out.append(open_)
        stack.append((True, close))
        for i in range(len(items) - 1, -1, -1):
            stack.append(items[i])
            if i:
                stack.append((True, ", "))
    return "".join(out)


def _leaf_text(v: Any) -> str | None:
    """The text of a value without components, or None for a structured value."""
    t = type(v)
    if t is int:
        return str(v)
    if t is bool:
        return "true" if v else "false"
    if t is str:
        return f"'{char_escaped(v)}'"
    if v is None:
        return "null"
    if t is Fraction:
        return real_str(v)
    if t in _structured_types():
        return None
    from .objects import Datatype
    if isinstance(v, Datatype) and type(v).__dafnystr__ is Datatype.__dafnystr__:
        return v._name if not v._fields else None
    f = getattr(v, "__dafnystr__", None)
    if f is not None:
        return str(f())
    if callable(v):
        return "Function"
    return str(v)


_STRUCTURED: tuple[type, ...] = ()


def _structured_types() -> tuple[type, ...]:
    global _STRUCTURED
    if not _STRUCTURED:
        from .collections import Map, MultiSet, Set
        from .seq import Seq, _Concat
        _STRUCTURED = (Seq, _Concat, Set, MultiSet, Map, tuple)
    return _STRUCTURED


def _structure(v: Any) -> tuple[str, list[tuple[bool, Any]], str]:
    """Opening text, components (values, or literal texts) and closing text of a
    structured value."""
    from .collections import Map, MultiSet, Set
    from .seq import Seq
    t = type(v)
    if isinstance(v, Seq):
        return "[", [(False, x) for x in v], "]"
    if t is Set:
        return "{", [(False, x) for x in _ordered(v)], "}"
    if t is MultiSet:
        items: list[tuple[bool, Any]] = []
        for x in _ordered(v.distinct()):
            items.extend([(False, x)] * v.count(x))
        return "multiset{", items, "}"
    if t is Map:
        return "map[", [(True, f"{string_of(k)} := {string_of(v.get(k))}")
                         for k in _ordered(v)], "]"
    if t is tuple:
        return "(", [(False, x) for x in v], ")"
    parts: list[tuple[bool, Any]] = []
    strs = v._string_fields
    for f in v._fields:
        x = getattr(v, f)
        parts.append((True, quoted_string(x)) if f in strs else (False, x))
    return f"{v._name}(", parts, ")"


def quoted_string(v: Any) -> str:
    """A `string` inside a datatype value: `"abc"` with escapes."""
    from .seq import Seq
    if isinstance(v, Seq):
        return '"' + "".join(map(char_escaped, v)) + '"'
    return string_of(v)


def raw_string(v: Any) -> str:
    """A value of static type `string`, as `print` shows it: its characters."""
    from .seq import Seq
    if isinstance(v, Seq):
        return v.to_str()
    return string_of(v)




def print_value(v: Any) -> None:
    sys.stdout.write(string_of(v))


def print_string(v: Any) -> None:
    sys.stdout.write(raw_string(v))
