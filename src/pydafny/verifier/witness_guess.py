"""Witness guessing for asserted existentials (`:|` existence checks).

Takes: the bound variables of an existential, its IVL body and its triggers.
Guarantees: `with_guesses(vars, body, triggers)` is `P(c1) || ... || P(ck) || exists x :: P(x)`
where each `ci` comes from matching a trigger of the quantifier against a ground term of the
body itself (`exists w :: (w, 1) in {(2, 1)}`: the trigger `Make2(Box(w), Box(1))` matches the
display's `Make2(Box(2), Box(1))`, so `w := 2` is guessed). Each guess is an instance of the
body, which implies the existential: the result is equivalent to the existential, so asserting
it is exactly as strong. Why it is needed: the solver only matches triggers against terms it
considers relevant, and a ground term that occurs only inside the quantifier (or in a branch
of the VC the solver has not visited) is not, so the existential could not be proved even
though its witness is written in it.
"""

from __future__ import annotations

import dataclasses

from ..ivl import ast as I
from .encoding import disj
from .triggers import _children

_MAX_GUESSES = 4


def substitute(e: I.Expr, sub: dict[str, I.Expr]) -> I.Expr:
    """e with the free identifiers named in sub replaced (bound names are respected)."""
    if not sub:
        return e
    if isinstance(e, I.Ident):
        return sub.get(e.name, e)
    if isinstance(e, (I.Quantifier, I.Lambda)):
        inner = {k: v for k, v in sub.items() if k not in {f.name for f in e.vars}}
        if not inner:
            return e
        changes: dict[str, object] = {"body": substitute(e.body, inner)}
        if isinstance(e, I.Quantifier):
            changes["triggers"] = tuple(
                dataclasses.replace(t, exprs=tuple(substitute(x, inner) for x in t.exprs))
                for t in e.triggers)
        return dataclasses.replace(e, **changes)
    changes = {}
    for f in dataclasses.fields(e):
        v = getattr(e, f.name)
        if isinstance(v, I.Expr):
            nv = substitute(v, sub)
            if nv is not v:
                changes[f.name] = nv
        elif isinstance(v, tuple) and v and all(isinstance(x, I.Expr) for x in v):
            nt = tuple(substitute(x, sub) for x in v)
            if any(a is not b for a, b in zip(nt, v)):
                changes[f.name] = nt
    return dataclasses.replace(e, **changes) if changes else e


def _mentions(e: I.Expr, names: frozenset[str]) -> bool:
    if isinstance(e, I.Ident):
        return e.name in names
    if isinstance(e, (I.Quantifier, I.Lambda)):
        return True  # treated as not ground
    return any(_mentions(c, names) for c in _children(e))


def _ground_apps(e: I.Expr, names: frozenset[str], out: list[I.Expr]) -> None:
    if isinstance(e, (I.Quantifier, I.Lambda)):
        return
    if isinstance(e, (I.FunApp, I.MapSelect)) and not _mentions(e, names) and e not in out:
        out.append(e)
    for c in _children(e):
        _ground_apps(c, names, out)


def _match(pat: I.Expr, g: I.Expr, names: frozenset[str],
           sub: dict[str, I.Expr]) -> bool:
    if isinstance(pat, I.Ident) and pat.name in names:
        old = sub.get(pat.name)
        if old is None:
            sub[pat.name] = g
            return True
        return old == g
    if isinstance(pat, I.FunApp):
        return (isinstance(g, I.FunApp) and g.name == pat.name
                and len(g.args) == len(pat.args)
                and all(_match(a, b, names, sub) for a, b in zip(pat.args, g.args)))
    if isinstance(pat, I.MapSelect):
        return (isinstance(g, I.MapSelect) and len(g.indexes) == len(pat.indexes)
                and _match(pat.map, g.map, names, sub)
                and all(_match(a, b, names, sub) for a, b in zip(pat.indexes, g.indexes)))
    return pat == g


def guesses(vars_: tuple[I.Formal, ...], body: I.Expr,
            triggers: tuple[I.Trigger, ...]) -> list[dict[str, I.Expr]]:
    """Instantiations of all of vars_ that match a single-term trigger against a ground
    application of body (at most a few, in order of discovery)."""
    names = frozenset(v.name for v in vars_)
    ground: list[I.Expr] = []
    _ground_apps(body, names, ground)
    out: list[dict[str, I.Expr]] = []
    for trig in triggers:
        if len(trig.exprs) != 1:
            continue
        for g in ground:
            sub: dict[str, I.Expr] = {}
            if _match(trig.exprs[0], g, names, sub) and set(sub) == names and sub not in out:
                out.append(sub)
                if len(out) >= _MAX_GUESSES:
                    return out
    return out


def with_guesses(vars_: tuple[I.Formal, ...], body: I.Expr,
                 triggers: tuple[I.Trigger, ...],
                 quantifier: I.Expr | None = None) -> I.Expr:
    """`exists vars_ :: body` (or the given equivalent quantifier) preceded by the guessed
    instances of body as disjuncts."""
    q = quantifier if quantifier is not None else I.Quantifier("exists", vars_, body, triggers)
    insts = [substitute(body, sub) for sub in guesses(vars_, body, triggers)]
    return disj(insts + [q])
