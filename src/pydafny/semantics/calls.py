"""Matching the actual arguments of a call to the callee's formal parameters.

`ApplyExpr.args` (and `NewObjectRhs.args`) keep the bindings as written: positional ones
first, then named ones `x := e`. `formal_args(args, formals)` returns one entry per formal,
in declaration order: the bound expression, or the formal's `default` expression when the
argument was omitted (None if it has neither, which the resolver has already reported).
"""

from __future__ import annotations

from ..syntax import ast


def formal_args(args: list[ast.Binding], formals: list[ast.Formal]) -> list[ast.Expr | None]:
    out: list[ast.Expr | None] = [None] * len(formals)
    index = {f.name: i for i, f in enumerate(formals)}
    pos = 0
    for b in args:
        if b.name is None:
            if pos < len(out):
                out[pos] = b.expr
            pos += 1
        else:
            i = index.get(b.name)
            if i is not None:
                out[i] = b.expr
    for i, f in enumerate(formals):
        if out[i] is None:
            out[i] = f.default
    return out
