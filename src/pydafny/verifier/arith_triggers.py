"""Arithmetic inside would-be trigger terms, abstracted by fresh bound variables (as Dafny).

Takes: the bound variables, guard and body of a translated user quantifier.
Guarantees: `abstract_arithmetic(vars, body)` returns `(vars', eqs, body')` where every
argument of an application in body that is integer arithmetic over bound variables
(`s[n + 1]`, `f(i - 1)`) is replaced by a fresh bound variable `t`, with `eqs` the conjunction
of the defining equations `t == n + 1`. Then
    forall vars :: body   <==>  forall vars', t :: eqs ==> body'
    exists vars :: body   <==>  exists vars', t :: eqs && body'
since each t is determined by vars. The point is triggers: `s[t]` is a valid trigger term
where `s[n + 1]` is not, so `forall n :: P(s[n], s[n + 1])` gets the multi-trigger
`{s[n], s[t]}`, which matches any two indexed terms of s and lets the equation pick the
instances, as Dafny's trigger generator does. Applications under nested quantifiers or
lambdas are left alone. vars' is vars when nothing was abstracted.
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

from ..ivl import ast as I
from .encoding import conj

_ids = itertools.count()
_ARITH = ("+", "-", "*")


def _mentions(e: I.Expr, names: frozenset[str]) -> bool:
    if isinstance(e, I.Ident):
        return e.name in names
    if isinstance(e, (I.Quantifier, I.Lambda)):
        return False
    return any(_mentions(c, names) for c in _subexprs(e))


def _subexprs(e: Any) -> list[I.Expr]:
    out: list[I.Expr] = []
    for f in dataclasses.fields(e):
        if f.name == "span":
            continue
        v = getattr(e, f.name)
        if isinstance(v, I.Expr):
            out.append(v)
        elif isinstance(v, tuple):
            out.extend(x for x in v if isinstance(x, I.Expr))
    return out


def _is_int_arith(e: I.Expr, names: frozenset[str]) -> bool:
    """e is `+`, `-` or `*` over integer literals and integer bound variables."""
    def ok(x: I.Expr) -> bool:
        if isinstance(x, I.IntLit):
            return True
        if isinstance(x, I.Ident):
            return x.name in names       # an integer bound variable
        if isinstance(x, I.Binary) and x.op in _ARITH:
            return ok(x.left) and ok(x.right)
        return False
    return isinstance(e, I.Binary) and e.op in _ARITH and ok(e) and _mentions(e, names)


def abstract_arithmetic(vars_: tuple[I.Formal, ...], body: I.Expr
                        ) -> tuple[tuple[I.Formal, ...], I.Expr, I.Expr]:
    names = frozenset(v.name for v in vars_ if v.type == I.INT)
    if not names:
        return vars_, I.BoolLit(True), body
    found: dict[I.Expr, str] = {}

    def walk(e: I.Expr) -> I.Expr:
        if isinstance(e, (I.Quantifier, I.Lambda)):
            return e
        changes: dict[str, Any] = {}
        is_app = isinstance(e, (I.FunApp, I.MapSelect))
        for f in dataclasses.fields(e):
            if f.name == "span":
                continue
            v = getattr(e, f.name)
            if isinstance(v, I.Expr):
                nv = _replace(v, is_app)
                if nv is not v:
                    changes[f.name] = nv
            elif isinstance(v, tuple) and v and all(isinstance(x, I.Expr) for x in v):
                nt = tuple(_replace(x, is_app) for x in v)
                if any(a is not b for a, b in zip(nt, v)):
                    changes[f.name] = nt
        return dataclasses.replace(e, **changes) if changes else e

    def _replace(arg: I.Expr, in_app: bool) -> I.Expr:
        # function names and fuel arguments are not expressions of this kind; only the
        # integer arguments of applications are abstracted
        if in_app and _is_int_arith(arg, names):
            name = found.get(arg)
            if name is None:
                name = f"t#ar{next(_ids)}"
                found[arg] = name
            return I.Ident(name)
        return walk(arg)

    new_body = walk(body)
    if not found:
        return vars_, I.BoolLit(True), body
    extra = tuple(I.Formal(n, I.INT) for n in found.values())
    eqs = conj([I.Binary("==", I.Ident(n), a) for a, n in found.items()])
    return vars_ + extra, eqs, new_body
