"""Pattern matching: the conditions and bindings of `match` cases.

Takes: the translated source value, its Dafny type and the cases (pattern, body).
Guarantees: `match_cases` returns one (condition, env, body) per reachable case, where the
condition of case k says the value matches pattern k and no earlier pattern (Dafny runs the
first matching case), and env binds the pattern's variables to destructor applications. When
the cases may leave a value unmatched it adds a `missing case` check to the translator's WF.
"""

from __future__ import annotations

from typing import Any, Optional

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .encoding import FALSE, TRUE, conj, disj, equal, not_
from .obligations import Kind, Obligation
from .unsupported import Unsupported


def _pattern(tr: Any, t: D.Type, v: I.Expr, p: D.Pattern, env: Any,
             facts: Optional[list[tuple[D.Type, I.Expr]]] = None) -> I.Expr:
    """The condition that v matches p; binds p's variables into env (and records each bound
    variable's type and value in `facts`)."""
    if isinstance(p, D.VarPattern):
        if p.ctor is not None:
            return tr.is_ctor(p.ctor, v)
        if p.decl is not None:
            env.vars[id(p.decl)] = v
            if facts is not None:
                facts.append((t, v))
        return TRUE
    if isinstance(p, D.CtorPattern):
        c = p.ctor
        nt = T.normalize(t)
        subst = {}
        if c is None:
            if not isinstance(nt, D.TupleType):
                raise Unsupported(p.span, "this pattern")
            from .datatypes import tuple_decl
            td = tuple_decl(len(nt.elems))
            c = td.ctors[0]
            subst = T.subst_map(td.type_params, nt.elems)
        info = tr.dt_info(c)
        if isinstance(nt, D.UserType) and isinstance(nt.decl, D.DatatypeDecl):
            subst = T.subst_map(nt.decl.type_params, nt.args)
        parts = [info.is_ctor(c, v)]
        if len(p.args) != len(c.formals):
            raise Unsupported(p.span, "pattern arity")
        for j, (f, sp) in enumerate(zip(c.formals, p.args)):
            ft = T.substitute(f.type, subst)
            raw = info.select(c, j, v)
            val = tr.enc.coerce(raw, info.field_type(c, j), tr.enc.ivl_type(ft), p.span)
            parts.append(_pattern(tr, ft, val, sp, env, facts))
        return conj(parts)
    if isinstance(p, D.LitPattern):
        lit = tr.pure().tr(p.value)
        return equal(tr.enc.ivl_type(t), v, lit)
    if isinstance(p, D.DisjunctivePattern):
        return disj([_pattern(tr, t, v, a, env, facts) for a in p.alternatives])
    raise Unsupported(p.span, "this pattern")


def match_cases(tr: Any, t: D.Type, v: I.Expr, cases: list[tuple[D.Pattern, Any]],
                node: D.Node, facts: Optional[list[I.Expr]] = None
                ) -> list[tuple[I.Expr, Any, Any]]:
    """The arms of a match; with `facts`, also appends per arm the type constraints of its
    bound variables (true: a datatype value's fields satisfy their types, since constructor
    arguments are checked against the field types)."""
    out = []
    earlier: list[I.Expr] = []
    for p, body in cases:
        env = tr.env.copy()
        bound: list[tuple[D.Type, I.Expr]] = []
        cond = _pattern(tr, t, v, p, env, bound)
        if facts is not None:
            facts.append(conj([tr.tc(bt, bv) for bt, bv in bound]))
        full = conj([not_(e) for e in earlier] + [cond])
        out.append((full, env, body))
        earlier.append(cond)
    covered = disj(earlier)
    if covered != TRUE and tr.wf.active:
        missing = ""
        nt = T.normalize(t)
        if isinstance(nt, D.UserType) and isinstance(nt.decl, D.DatatypeDecl):
            missing = nt.decl.ctors[0].name if nt.decl.ctors else ""
        tr.wf.check(covered, Obligation(Kind.MATCH, node.span, missing))
    if covered == FALSE:
        raise Unsupported(node.span, "empty match")
    return out
