"""The verifier's prelude: Dafny's theories as IVL declarations.

Takes: the Boogie-syntax texts beside this module: `prelude.bpl` (the shared base: references,
boxes, fuel layers, allocation, array lengths) and the templates `seq.bpl`, `set.bpl`,
`box.bpl`, each written over a placeholder element type `$E` with tag `$T`.
Guarantees: `base_decls()` and `theory_decls(name, ivl_type, tag)` return parsed IVL
declarations; each text is parsed at most once per process (results cached). An instantiated
template only mentions the element type it was instantiated with, so a program pays only for
the theories and element types it uses.
"""

from __future__ import annotations

import functools
import importlib.resources

from ..ivl import ast as I
from ..syntax.source import SourceFile

TEMPLATES = ("seq", "set", "iset", "box", "multiset", "seqbox", "seqcreate", "msbox", "bv")


@functools.lru_cache(maxsize=None)
def _text(name: str) -> str:
    return importlib.resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _parse(name: str, text: str) -> tuple[I.Decl, ...]:
    from ..ivl.parser import parse_program
    return parse_program(SourceFile(name, text)).decls


@functools.lru_cache(maxsize=None)
def base_decls() -> tuple[I.Decl, ...]:
    """The base prelude's declarations."""
    return _parse("prelude.bpl", _text("prelude.bpl"))


@functools.lru_cache(maxsize=None)
def theory_decls(theory: str, ivl_type_text: str, tag: str) -> tuple[I.Decl, ...]:
    """The template `theory` ('seq', 'set', 'box') instantiated for the element type whose IVL
    spelling is `ivl_type_text` and whose name tag is `tag` (e.g. 'int', 'Seq.int')."""
    assert theory in TEMPLATES
    text = _text(theory + ".bpl").replace("$E", ivl_type_text).replace("$T", tag)
    return _parse(f"{theory}.bpl<{tag}>", text)


@functools.lru_cache(maxsize=None)
def map_decls(key_text: str, key_tag: str, val_text: str, val_tag: str) -> tuple[I.Decl, ...]:
    """The map template instantiated for keys and values of the given IVL types/tags."""
    mt = f"{key_tag}.{val_tag}"
    text = (_text("map.bpl").replace("@MT@", mt).replace("@KT@", key_tag)
            .replace("@VT@", val_tag).replace("@K@", key_text).replace("@V@", val_text))
    return _parse(f"map.bpl<{mt}>", text)
