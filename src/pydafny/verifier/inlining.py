"""Checked forms of assertions: predicate bodies inlined where a formula is proved.

Takes: a boolean Dafny expression in a checked (asserted) position, and the `ExprTranslator`
of that position (its environment: heap, fuel, variables).
Guarantees: `checked_form(tr, e)` returns an IVL formula that is equivalent to the value of
`e` wherever `e` is well formed, but in which calls of non-recursive predicates with a
visible body (in positive positions: the conjuncts of `&&`, the consequents of `==>`) are
replaced by `if defined(args) then body[args] else P(args)`, where `defined` is the
predicate's guard in its definition axiom (parameter types and precondition). The body is
translated in the position's environment, so the recursive functions it calls get the
position's fuel (Dafny inlines predicate bodies the same way when it checks an assertion:
its TrSplitExpr). Where the guard holds, the definition axiom makes both branches equal; so
the formula is provable iff `e` is, and assuming it is the same as assuming `e`. No
well-formedness check is produced (the caller checks `e` itself).
"""

from __future__ import annotations

from typing import Any, Optional

from ..ivl import ast as I
from ..syntax import ast as D
from .context import WF
from .encoding import conj
from .unsupported import Unsupported

_MAX_DEPTH = 2


def checked_form(tr: Any, e: D.Expr, depth: int = _MAX_DEPTH) -> I.Expr:
    from .exprs import ExprTranslator
    pure = ExprTranslator(tr.ctx, tr.env, WF(None))
    return _form(pure, e, depth)


def _form(pure: Any, e: D.Expr, depth: int) -> I.Expr:
    if isinstance(e, D.BinaryExpr) and e.op == "&&":
        return I.Binary("&&", _form(pure, e.left, depth), _form(pure, e.right, depth))
    if isinstance(e, D.BinaryExpr) and e.op == "==>":
        return I.Binary("==>", pure.tr(e.left), _form(pure, e.right, depth))
    if depth > 0 and isinstance(e, D.ApplyExpr) and e.kind == "function":
        v = _inline(pure, e, depth)
        if v is not None:
            return v
    return pure.tr(e)


def _inlinable(pure: Any, e: D.ApplyExpr) -> Optional[Any]:
    f = e.decl
    if not isinstance(f, D.Function) or f.body is None or f.is_opaque:
        return None
    if any(a.name in ("opaque", "axiom") for a in f.attributes) or f.type_params:
        return None
    if not isinstance(f.result_type, D.BoolType) or len(e.args) != len(f.formals):
        return None
    info = pure.ctx.funcs.get(id(f))
    if info is None or info.recursive:
        return None
    cur = pure.env.cur_func
    if cur is not None and cur.scc == info.scc:
        return None
    if not f.is_static and isinstance(f.owner, (D.ClassDecl, D.DatatypeDecl, D.NewtypeDecl)):
        return None  # instance predicates: left to the definition axiom
    return info


def _inline(pure: Any, e: D.ApplyExpr, depth: int) -> Optional[I.Expr]:
    from .constraints import type_constraint
    from .exprs import ExprTranslator
    from .functions import _pure_env, precondition_of
    info = _inlinable(pure, e)
    if info is None:
        return None
    f = info.decl
    call = pure.tr(e)
    args: list[I.Expr] = []
    for b, ft in zip(e.args, info.formal_types):
        v = pure.tr(b.expr)
        args.append(pure.enc.coerce(v, pure.ity(b.expr.type, b.span), ft, b.span))
    env = _pure_env(pure.ctx, info, pure.env.heap, None, args)
    env.fuel = pure.env.fuel
    guards = [type_constraint(pure.ctx, x.type, env.vars[id(x)]) for x in f.formals]
    guards.append(precondition_of(pure.ctx, info, pure.env, None, args))
    body_tr = ExprTranslator(pure.ctx, env, WF(None))
    try:
        body = _form(body_tr, f.body, depth - 1)
    except Unsupported:  # a body the translator cannot take: keep the call
        return None
    return I.IfThenElse(conj(guards), body, call)
