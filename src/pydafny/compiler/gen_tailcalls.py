"""Tail-call analysis: which calls of a function or method to itself can become a jump.

Dafny's compilers turn a self call in tail position into a loop, so such recursion runs
in constant stack; the generator does the same (`while True:` around the body, the call
becoming `params = args; continue`). A call qualifies when it is

* in a function: the whole value of a tail position (through if-then-else, match, let and
  statement-expressions);
* in a method: the last non-ghost statement on a path through the body (through blocks,
  if and match), of the form `outs := M(args)` assigning exactly the method's
  out-parameters in order (or a call statement when there are none);

and its receiver is `this`, or the member is static, or it belongs to a class (not a
trait, whose members may be overridden), in which case the receiver is reassigned too.
"""

from __future__ import annotations

from typing import Any

from ..syntax import ast


def receiver_ok(decl: ast.Function | ast.Method, callee: ast.Expr,
                is_type_or_module: Any) -> bool:
    """Can the call's receiver be handled by the loop (see the module docstring)?"""
    if isinstance(callee, ast.NameExpr):
        return True
    if not isinstance(callee, ast.MemberSelect):
        return False
    owner = decl.owner
    if isinstance(owner, ast.ModuleDecl) or decl.is_static:
        return bool(is_type_or_module(callee.obj)) or isinstance(callee.obj, ast.ThisExpr)
    if isinstance(callee.obj, ast.ThisExpr):
        return True
    return isinstance(owner, ast.ClassDecl) and not owner.is_trait


def self_call(decl: ast.Function | ast.Method, e: ast.Expr, is_type_or_module: Any) -> bool:
    kind = "function" if isinstance(decl, ast.Function) else "method"
    return (isinstance(e, ast.ApplyExpr) and e.kind == kind and e.decl is decl
            and receiver_ok(decl, e.callee, is_type_or_module))


def function_has_tail_call(f: ast.Function, e: ast.Expr, is_type_or_module: Any) -> bool:
    while isinstance(e, ast.StmtExpr):
        e = e.body
    if isinstance(e, ast.ITEExpr):
        return (function_has_tail_call(f, e.then, is_type_or_module)
                or function_has_tail_call(f, e.else_, is_type_or_module))
    if isinstance(e, ast.LetExpr) and not e.such_that:
        return function_has_tail_call(f, e.body, is_type_or_module)
    if isinstance(e, ast.MatchExpr):
        return any(function_has_tail_call(f, c.body, is_type_or_module) for c in e.cases)
    return self_call(f, e, is_type_or_module)


def _erased(s: ast.Stmt) -> bool:
    """Statements that compile to nothing (so a call before them is still a tail call)."""
    if isinstance(s, (ast.AssertStmt, ast.AssumeStmt, ast.CalcStmt, ast.RevealStmt)):
        return True
    if isinstance(s, ast.VarDeclStmt):
        return all(v.is_ghost for v in s.vars)
    if isinstance(s, ast.BlockStmt):
        return all(_erased(x) for x in s.stmts)
    return False


def method_tail_calls(m: ast.Method, is_type_or_module: Any) -> set[int]:
    """ids of the statements of m that are self calls in tail position."""
    outs = [f for f in m.outs if not f.is_ghost]
    found: set[int] = set()

    def is_tail_call(s: ast.Stmt) -> bool:
        if not (isinstance(s, ast.AssignStmt) and len(s.rhss) == 1
                and isinstance(s.rhss[0], ast.ExprRhs)):
            return False
        call = s.rhss[0].expr
        if not self_call(m, call, is_type_or_module):
            return False
        if any(f.is_ghost for f in m.outs):
            return False
        if len(s.lhss) != len(outs):
            return False
        return all(isinstance(lh, ast.NameExpr) and lh.decl is f
                   for lh, f in zip(s.lhss, outs))

    def walk(stmts: list[ast.Stmt]) -> None:
        live = [s for s in stmts if not _erased(s)]
        if not live:
            return
        last = live[-1]
        if isinstance(last, ast.VarDeclStmt) and last.rhs is not None:
            return
        if is_tail_call(last):
            found.add(id(last))
        elif isinstance(last, ast.BlockStmt):
            walk(last.stmts)
        elif isinstance(last, ast.IfStmt) and last.guard is not None and not last.bound_vars:
            walk(last.then.stmts)
            if isinstance(last.else_, ast.BlockStmt):
                walk(last.else_.stmts)
            elif isinstance(last.else_, ast.IfStmt):
                walk([last.else_])
        elif isinstance(last, ast.MatchStmt):
            for c in last.cases:
                walk(c.body)

    if m.body is not None:
        walk(m.body.stmts)
    return found
