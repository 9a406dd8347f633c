"""Scopes: what a name means in a module, a type, and a block.

* `ModuleInfo` holds one module's top-level names: types (classes, traits, datatypes,
  newtypes, subset types, synonyms, opaque types, iterators), module-level members
  (functions, methods, consts), datatype constructors (visible unqualified), nested modules
  and import aliases, the modules opened by `import opened`, and the module it refines.
  Lookups fall back to the refined module and then to opened imports.
* `MemberTable` gives the members of a class/trait/datatype/newtype/opaque type, including
  inherited trait members (and, under refinement, the members of the refined type).
* `LocalScope` is a chain of dicts for locals, formals and bound variables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..syntax import ast

TYPE_DECLS = (ast.ClassDecl, ast.DatatypeDecl, ast.NewtypeDecl, ast.SubsetTypeDecl,
              ast.TypeSynonymDecl, ast.IteratorDecl)
MEMBER_DECLS = (ast.Field, ast.Method, ast.Function)


@dataclass(slots=True, eq=False)
class ModuleInfo:
    decl: ast.ModuleDecl
    parent: ModuleInfo | None
    types: dict[str, ast.Decl] = field(default_factory=dict)
    members: dict[str, ast.Decl] = field(default_factory=dict)
    ctors: dict[str, Any] = field(default_factory=dict)   # name -> DatatypeCtor or AMBIGUOUS
    modules: dict[str, Any] = field(default_factory=dict)  # name -> ModuleInfo | ImportDecl
    opened: list[ModuleInfo] = field(default_factory=list)
    refines: ModuleInfo | None = None

    def own(self, name: str) -> Any | None:
        """A name declared in this module (or its refinement base): member, ctor, type
        or module (the latter as a ModuleInfo or pending ImportDecl)."""
        seen = 0
        m: ModuleInfo | None = self
        while m is not None and seen < 20:
            for table in (m.members, m.ctors, m.types, m.modules):
                d = table.get(name)
                if d is not None:
                    return d
            m = m.refines
            seen += 1
        return None


AMBIGUOUS = object()
"""Marks a constructor name declared by two datatypes of one module."""


@dataclass(slots=True, eq=False)
class MemberTable:
    """Members of one type declaration by name (own members first, then inherited)."""
    decl: ast.Decl
    members: dict[str, ast.Decl] = field(default_factory=dict)
    ctors: dict[str, ast.DatatypeCtor] = field(default_factory=dict)
    destructors: dict[str, ast.Formal] = field(default_factory=dict)
    parents: list[MemberTable] = field(default_factory=list)

    def lookup(self, name: str, depth: int = 0) -> ast.Decl | ast.Formal | None:
        d = self.members.get(name)
        if d is not None:
            return d
        f = self.destructors.get(name)
        if f is not None:
            return f
        c = self.ctors.get(name)
        if c is not None:
            return c  # type: ignore[return-value]
        if depth < 30:
            for p in self.parents:
                r = p.lookup(name, depth + 1)
                if r is not None:
                    return r
        return None


class LocalScope:
    """A stack of name -> declaration frames for locals, formals and bound variables."""

    __slots__ = ("frames",)

    def __init__(self) -> None:
        self.frames: list[dict[str, Any]] = [{}]

    def push(self) -> None:
        self.frames.append({})

    def pop(self) -> None:
        self.frames.pop()

    def declare(self, name: str, decl: Any) -> bool:
        """Declare in the innermost frame; False if already declared there."""
        top = self.frames[-1]
        if name in top:
            top[name] = decl
            return False
        top[name] = decl
        return True

    def lookup(self, name: str) -> Any | None:
        for frame in reversed(self.frames):
            d = frame.get(name)
            if d is not None:
                return d
        return None
