"""Closed subterms of a lifted expression become its parameters (Boogie's lambda lifting).

Takes: the parameters and actual arguments of a fresh function standing for a set
comprehension or lambda (see `comprehensions.closure`), the IVL formulas defining it, and the
names bound inside them.
Guarantees: `lift_closed(ctx, params, actuals, parts, bound)` returns `(params', actuals',
parts')` where every maximal subterm of parts that mentions a parameter but no bound name
(`$Len(fv#0)`, `h[fv#1]`, a parameter itself) is replaced by a fresh positional parameter
`fv#k`, whose actual argument is that subterm evaluated at the old actuals. For every value
of the new parameters the definition is that of the old one at the corresponding values,
so the fresh function applied to actuals' denotes the same value as before. The point:
`set k | 0 <= k < i :: a[k]` and `set j | 0 <= j < a.Length :: a[j]` become the same
function applied to `(i, ...)` and `(a.Length, ...)`, equal terms when `i == a.Length`,
as in Dafny (whose Boogie lifts lambdas this way). A subterm whose IVL type cannot be
determined is not lifted (its parts may be).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..ivl import ast as I
from .context import ProgramCtx
from .witness_guess import substitute


def _result_types(ctx: ProgramCtx) -> dict[str, I.Type]:
    from .prelude import base_decls
    out: dict[str, I.Type] = {}
    for d in list(base_decls()) + list(ctx.enc.theory_decls()) + list(ctx.global_decls) \
            + list(ctx.decls):
        if isinstance(d, I.FunctionDecl) and not d.tparams:
            out[d.name] = d.result
    return out


def _children(e: Any) -> list[tuple[str, Any]]:
    return [(f.name, getattr(e, f.name)) for f in dataclasses.fields(e) if f.name != "span"]


def lift_closed(ctx: ProgramCtx, params: list[I.Formal], actuals: list[I.Expr],
                parts: list[I.Expr], bound: set[str]
                ) -> tuple[list[I.Formal], list[I.Expr], list[I.Expr]]:
    pnames = {p.name: p.type for p in params}
    types = _result_types(ctx)
    lifted: dict[I.Expr, str] = {}
    new_params: list[I.Formal] = []
    tmp = "lift#"

    def type_of(e: I.Expr) -> I.Type | None:
        if isinstance(e, I.Ident):
            return pnames.get(e.name)
        if isinstance(e, I.FunApp):
            return types.get(e.name)
        if isinstance(e, I.MapSelect):
            mt = type_of(e.map)
            return mt.range if isinstance(mt, I.MapType) and not mt.tparams else None
        return None

    def mentions(e: Any, names: set[str] | dict[str, Any]) -> bool:
        if isinstance(e, I.Ident):
            return e.name in names
        if not isinstance(e, I.Node):
            return False
        for _, v in _children(e):
            if isinstance(v, I.Node) and mentions(v, names):
                return True
            if isinstance(v, tuple) and any(isinstance(x, I.Node) and mentions(x, names)
                                            for x in v):
                return True
        return False

    def walk(e: I.Expr, inner: set[str]) -> I.Expr:
        if isinstance(e, (I.Quantifier, I.Lambda)):
            inner2 = inner | {v.name for v in e.vars}
            changes: dict[str, Any] = {"body": walk(e.body, inner2)}
            if isinstance(e, I.Quantifier):
                changes["triggers"] = tuple(dataclasses.replace(
                    t, exprs=tuple(walk(x, inner2) for x in t.exprs)) for t in e.triggers)
            return dataclasses.replace(e, **changes)
        if isinstance(e, (I.Ident, I.FunApp, I.MapSelect)) and mentions(e, pnames) \
                and not mentions(e, bound | inner):
            t = type_of(e)
            if t is not None:
                name = lifted.get(e)
                if name is None:
                    name = f"{tmp}{len(lifted)}"
                    lifted[e] = name
                    new_params.append(I.Formal(name, t))
                return I.Ident(name)
        changes = {}
        for fname, v in _children(e):
            if isinstance(v, I.Expr):
                nv = walk(v, inner)
                if nv is not v:
                    changes[fname] = nv
            elif isinstance(v, tuple) and v and all(isinstance(x, I.Expr) for x in v):
                nt = tuple(walk(x, inner) for x in v)
                if any(a is not b for a, b in zip(nt, v)):
                    changes[fname] = nt
        return dataclasses.replace(e, **changes) if changes else e

    new_parts = [walk(p, set()) for p in parts]
    # every use of a parameter must have been lifted, else keep the original form
    if any(mentions(p, pnames) for p in new_parts) or not lifted:
        return params, actuals, parts
    sub = {p.name: a for p, a in zip(params, actuals)}
    new_actuals = [substitute(term, sub) for term in lifted]
    ren = {f"{tmp}{k}": I.Ident(f"fv#{k}") for k in range(len(lifted))}
    final_params = [I.Formal(f"fv#{k}", p.type) for k, p in enumerate(new_params)]
    return final_params, new_actuals, [substitute(p, ren) for p in new_parts]
