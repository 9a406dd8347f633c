"""Every program of the shared corpus (valid Dafny 4) parses and resolves without error,
and the resolver's annotation contract holds on it (every expression typed, no inference
variable left, every name and call resolved)."""

from __future__ import annotations

import pathlib

import pytest

from pydafny.diagnostics import Reporter
from pydafny.syntax import ast

from corpus_location import CORPUS

FILES = sorted(p.name for p in CORPUS.glob("*.dfy")) if CORPUS.is_dir() else []


def _name_decls() -> tuple[type, ...]:
    from pydafny.semantics.builtins import BuiltinMember
    return (ast.LocalVar, ast.Formal, ast.BoundVar, ast.Field, ast.Function, ast.Method,
            ast.DatatypeCtor, ast.ModuleDecl, ast.ClassDecl, ast.DatatypeDecl,
            ast.NewtypeDecl, ast.SubsetTypeDecl, ast.TypeSynonymDecl, ast.TypeParam,
            ast.IteratorDecl, BuiltinMember)


NAME_DECLS = _name_decls()


class ContractCheck(ast.Traverser):
    """Collects violations of `semantics.resolver`'s guarantees."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.call_ok: set[int] = set()

    def bad(self, node: ast.Node, what: str) -> None:
        if len(self.problems) < 5:
            self.problems.append(f"{node.span}: {type(node).__name__}: {what}")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        return None   # attribute arguments are resolved leniently (see resolver docstring)

    def visit_ExprRhs(self, node: ast.ExprRhs) -> None:
        self.call_ok.add(id(node.expr))
        self.generic_visit(node)

    def visit_StmtExpr(self, node: ast.StmtExpr) -> None:
        s = node.stmt
        if isinstance(s, ast.AssignStmt):
            for r in s.rhss:
                if isinstance(r, ast.ExprRhs):
                    self.call_ok.add(id(r.expr))
        self.generic_visit(node)

    def visit_RevealStmt(self, node: ast.RevealStmt) -> None:
        return None   # reveal targets are names, not expressions (see resolver docstring)

    def generic_visit(self, node: ast.Node) -> None:
        from pydafny.semantics.types import TypeVar
        if isinstance(node, ast.Expr):
            t = node.type
            prefix = isinstance(node, (ast.NameExpr, ast.MemberSelect)) and isinstance(
                node.decl, (ast.ModuleDecl, ast.ClassDecl, ast.DatatypeDecl, ast.NewtypeDecl,
                            ast.SubsetTypeDecl, ast.TypeSynonymDecl, ast.TypeParam))
            if t is None and not prefix:
                self.bad(node, "no type")
            elif t is not None and _has_var(t):
                self.bad(node, "inference variable left in type")
            if isinstance(node, (ast.NameExpr, ast.MemberSelect)):
                if node.decl is None:
                    self.bad(node, "no decl")
                elif not isinstance(node.decl, NAME_DECLS):
                    self.bad(node, f"unexpected decl {type(node.decl).__name__}")
            if isinstance(node, ast.ApplyExpr):
                if node.kind not in ("function", "method", "lemma", "ctor", "lambda"):
                    self.bad(node, f"bad kind {node.kind}")
                elif node.kind in ("method", "lemma") and id(node) not in self.call_ok:
                    self.bad(node, "method call inside an expression")
                if node.kind != "lambda" and node.decl is None:
                    self.bad(node, "call without decl")
                if node.kind != "lambda" and not isinstance(node.inst, list):
                    self.bad(node, "no inst")
            if isinstance(node, ast.BinaryExpr) and (
                    node.resolved_op is None or node.resolved_op.endswith(":?")):
                self.bad(node, f"resolved_op {node.resolved_op}")
            _ = TypeVar
        if isinstance(node, ast.UserType) and node.decl is None:
            self.bad(node, f"UserType {node.name} without decl")
        super().generic_visit(node)


def _has_var(t: ast.Type) -> bool:
    from pydafny.semantics.types import prune
    stack = [t]
    while stack:
        x = stack.pop()
        if isinstance(x, ast.InferredType):
            if x.resolved is None:
                return True
            return True
        for c in ast.children(x):
            if isinstance(c, ast.Type):
                stack.append(c)
        _ = prune
    return False


@pytest.mark.skipif(not FILES, reason="corpus not available")
@pytest.mark.parametrize("name", FILES)
def test_corpus_file_resolves(name: str) -> None:
    from pydafny.api import load_program
    reporter = Reporter()
    program = load_program([str(CORPUS / name)], reporter)
    errors = [d.format() for d in reporter.diagnostics if d.severity == "Error"]
    assert not errors, "\n".join(errors[:10])
    assert program is not None
    check = ContractCheck()
    check.visit(program)
    assert not check.problems, "\n".join(check.problems)


CLEAN = sorted(pathlib.Path(__file__).parent.glob("dafny_resolve/clean*.dfy"))


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_golden_programs_meet_the_contract(path: pathlib.Path) -> None:
    from pydafny.api import load_program
    reporter = Reporter()
    program = load_program([str(path)], reporter)
    assert program is not None, [d.format() for d in reporter.diagnostics]
    check = ContractCheck()
    check.visit(program)
    assert not check.problems, "\n".join(check.problems)
