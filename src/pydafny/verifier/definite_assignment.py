"""A syntactic definite-assignment check for a method's out-parameter.

Takes: a resolved method body (a `BlockStmt`) and one of the method's out-parameters.
Guarantees: `assigned_on_every_path(body, f)` is True only when every path through the body
assigns f (an `AssignStmt` with f among its left-hand sides and no `*` right-hand side, or
a `return` with values) before it returns or reaches the end of the body, and while f may
still be unassigned no loop runs (anywhere, even one not touching f), no other statement
assigns f inside it, and nothing leaves early (`return`, `yield`, a labelled or
multi-level `break`, `:-`). Blocks are sequenced and an `if` assigns f when both branches
do; every other statement counts as not assigning f.

Why it matters: an out-parameter of a possibly empty (`witness *`) type must not be given
a made-up value. The translator assumes nothing about an out-parameter at method entry,
but every loop assumes the constraints of all constrained out-parameters as free
invariants (`StmtTranslator.constrained`), which are `false` for an empty type; and a path
that returns without assigning f would return a made-up value. When this check passes, f
holds a value of its type (checked at the assignment) before any such assumption, so the
type is inhabited and the assumptions are true.
"""

from __future__ import annotations

from typing import Union

from ..syntax import ast as D

_DONE = "done"      # every path through the statement ended in a return that assigns f

_State = Union[bool, str]


class _Fail(Exception):
    """Some path may return, or havoc f, while f is unassigned."""


def assigned_on_every_path(body: D.BlockStmt, f: D.Formal) -> bool:
    """Is f definitely assigned (in the sense above) on every path through body?"""
    try:
        return _seq(body.stmts, False, f) in (True, _DONE)
    except _Fail:
        return False


def _names_f(e: D.Expr, f: D.Formal) -> bool:
    return isinstance(e, D.NameExpr) and e.decl is f


def _seq(stmts: list[D.Stmt], a: _State, f: D.Formal) -> _State:
    for s in stmts:
        if a is True or a == _DONE:
            return a
        a = _one(s, f)
    return a


def _one(s: D.Stmt, f: D.Formal) -> _State:
    """The state after s, which starts with f unassigned."""
    if isinstance(s, D.BlockStmt):
        return _seq(s.stmts, False, f)
    if isinstance(s, D.AssignStmt):
        if any(isinstance(r, D.HavocRhs) for r in s.rhss):
            _check_quiet(s, f)
            return False
        return any(_names_f(x, f) for x in s.lhss)
    if isinstance(s, D.ReturnStmt):
        if s.rhss:
            return _DONE
        raise _Fail()
    if isinstance(s, D.IfStmt):
        t = _seq(s.then.stmts, False, f)
        e: _State = _one(s.else_, f) if s.else_ is not None else False
        if t == _DONE:
            return e
        if e == _DONE:
            return t
        return bool(t) and bool(e)
    _check_quiet(s, f)
    return False


def _check_quiet(s: D.Node, f: D.Formal) -> None:
    """Raise `_Fail` when s (any statement other than the ones `_one` understands) might
    leave early or assign f anywhere inside it."""
    if isinstance(s, (D.ReturnStmt, D.YieldStmt, D.AssignOrReturnStmt, D.WhileStmt,
                      D.AlternativeLoopStmt, D.ForLoopStmt)):
        raise _Fail()
    if isinstance(s, D.BreakStmt) and (s.label is not None or s.count > 1):
        raise _Fail()
    if isinstance(s, (D.AssignStmt, D.AssignSuchThatStmt)) and \
            any(_names_f(x, f) for x in s.lhss):
        raise _Fail()
    for c in D.children(s):
        if isinstance(c, D.Stmt) or isinstance(c, (D.GuardedAlternative, D.MatchCaseStmt)):
            _check_quiet(c, f)
