"""Cycles through constant definitions.

Takes a resolved program; returns one (span, message) per `const` whose initializer depends,
through other constants' initializers and function bodies, on the constant itself
(`const c := F()` with `function F(): int { c + 1 }`). Dafny rejects such programs: the
verifier turns each initializer into a definition axiom, and a cyclic one (c == c + 1) would
be a contradiction that proves anything.
"""

from __future__ import annotations

from typing import Any

from ..syntax import ast
from ..syntax.source import Span


class _References(ast.Traverser):
    """The constants and functions an expression refers to (by resolved declaration)."""

    def __init__(self) -> None:
        self.found: list[Any] = []

    def visit_NameExpr(self, node: ast.NameExpr) -> None:
        self.found.append(node.decl)

    def visit_MemberSelect(self, node: ast.MemberSelect) -> None:
        self.found.append(node.decl)
        self.generic_visit(node)

    def visit_ApplyExpr(self, node: ast.ApplyExpr) -> None:
        self.found.append(node.decl)
        self.generic_visit(node)


def _definitions(decls: list[ast.Decl], out: list[ast.Decl]) -> None:
    """Every const with an initializer and every function with a body, at any depth."""
    for d in decls:
        if isinstance(d, ast.ModuleDecl):
            _definitions(d.decls, out)
        elif isinstance(d, ast.Field) and d.is_const and d.init is not None or isinstance(d, ast.Function) and d.body is not None:
            out.append(d)
        members = getattr(d, "members", None)
        if isinstance(members, list):
            _definitions(members, out)


def find_const_cycles(program: ast.Program) -> list[tuple[Span, str]]:
    defs: list[ast.Decl] = []
    _definitions(program.module.decls, defs)
    known = {id(d) for d in defs}
    edges: dict[int, list[ast.Decl]] = {}
    for d in defs:
        refs = _References()
        body = d.init if isinstance(d, ast.Field) else d.body  # type: ignore[union-attr]
        refs.visit(body)
        edges[id(d)] = [r for r in refs.found if r is not None and id(r) in known]
    problems: list[tuple[Span, str]] = []
    for start in defs:
        if not isinstance(start, ast.Field):
            continue
        # iterative depth-first search for a path from `start` back to itself
        stack: list[tuple[ast.Decl, list[str]]] = [(start, [start.name])]
        seen: set[int] = set()
        while stack:
            node, path = stack.pop()
            for nxt in edges.get(id(node), []):
                if nxt is start:
                    cycle = " -> ".join(path + [start.name])
                    problems.append((start.span, f"A const definition contains a cycle: {cycle}"))
                    stack.clear()
                    break
                if id(nxt) not in seen:
                    seen.add(id(nxt))
                    stack.append((nxt, path + [getattr(nxt, "name", "?")]))
    return problems
