"""Termination: Dafny's well-founded order on decreases tuples, and default measures.

Takes: translated values with their Dafny types.
Guarantees:
  * `less(tr, t, a, b)` is a formula saying a is below b in Dafny's well-founded order on t:
      int-like: a < b && 0 <= b;  bool: !a && b;  seq: |a| < |b|;  set, multiset: a proper subset of b;
      datatype: rank(a) < rank(b). Other types have no usable order here (FALSE: a proof of
      decrease can then only come from an earlier component), which is sound.
  * `lex_less(tr, news, olds)` is the lexicographic order on tuples (compared up to the
    shorter length; equal prefixes then one strictly smaller component).
  * `default_decreases(formals)` is Dafny's default for functions and methods: the
    parameters, in order, whose types have an order.
  * `call_decreases` states that a call within the caller's recursive group decreases.
"""

from __future__ import annotations

from typing import Any, Optional

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .encoding import FALSE, TRUE, conj, disj, equal, ms_fn, not_, seq_fn, set_fn

ORDERED = ("int", "char", "bool", "seq", "set", "multiset", "datatype")


def less(tr: Any, t: D.Type, a: I.Expr, b: I.Expr) -> I.Expr:
    fam = T.family(t)
    if fam in ("int", "char"):
        return conj([I.Binary("<", a, b), I.Binary("<=", I.IntLit(0), b)])
    if fam == "bool":
        return conj([not_(a), b])
    ity = tr.enc.ivl_type(t)
    if fam == "seq":
        return I.Binary("<", seq_fn("Length", ity, a), seq_fn("Length", ity, b))
    if fam == "set":
        return conj([set_fn("Subset", ity, a, b), not_(set_fn("Equal", ity, a, b))])
    if fam == "multiset":
        # a proper sub-multiset (well founded: finite multisets)
        return conj([ms_fn("Subset", ity, a, b), not_(ms_fn("Equal", ity, a, b))])
    if fam == "datatype":
        nt = T.normalize(t)
        assert isinstance(nt, D.UserType)
        from .datatypes import datatype_info
        info = datatype_info(tr.ctx, nt.decl)
        return I.Binary("<", info.rank(a), info.rank(b))
    return FALSE


def lex_less(tr: Any, news: list[tuple[D.Type, I.Expr]],
             olds: list[tuple[D.Type, I.Expr]]) -> I.Expr:
    alts = []
    prefix: list[I.Expr] = []
    for (tn, vn), (to, vo) in zip(news, olds):
        if T.family(tn) != T.family(to):
            break
        if T.family(tn) == "datatype" and not T.types_equal(tn, to):
            # values of different datatypes (mutual recursion): compare their ranks (all
            # ranks are heights of constructor trees, one scale); never equal
            from .datatypes import datatype_info
            na, nb = T.normalize(tn), T.normalize(to)
            ia = datatype_info(tr.ctx, na.decl)  # type: ignore[union-attr]
            ib = datatype_info(tr.ctx, nb.decl)  # type: ignore[union-attr]
            alts.append(conj(prefix + [I.Binary("<", ia.rank(vn), ib.rank(vo))]))
            break
        if tr.enc.ivl_type(tn) != tr.enc.ivl_type(to):
            break
        alts.append(conj(prefix + [less(tr, tn, vn, vo)]))
        prefix.append(equal(tr.enc.ivl_type(tn), vn, vo))
    return disj(alts) if alts else FALSE


def default_decreases(formals: list[D.Formal]) -> list[D.Expr]:
    out: list[D.Expr] = []
    for f in formals:
        if T.family(f.type) in ORDERED:
            n = D.NameExpr(f.name, span=f.span, type=f.type)
            n.decl = f
            out.append(n)
    return out


def decreases_exprs(decl: Any) -> Optional[list[D.Expr]]:
    """The decreases expressions of a function/method (None for `decreases *`)."""
    dec = decl.decreases
    if dec is not None and dec.exprs:
        if any(isinstance(x, D.WildcardExpr) for x in dec.exprs):
            return None
        return list(dec.exprs)
    formals = decl.formals if isinstance(decl, D.Function) else decl.ins
    return default_decreases(formals)


def call_decreases(tr: Any, callee: Any, recv: Optional[I.Expr], args: list[I.Expr]) -> I.Expr:
    """The callee's decreases tuple at the call is below the caller's (env has it)."""
    olds = tr.env.decreases_of_caller
    if olds is None:
        return TRUE
    exprs = decreases_exprs(callee)
    if exprs is None:
        return FALSE
    env = tr.env.copy()
    formals = callee.formals if isinstance(callee, D.Function) else callee.ins
    for f, a in zip(formals, args):
        env.vars[id(f)] = a
    if recv is not None:
        env.this = recv
    sub = tr.sub(env).pure()
    news = [(x.type, sub.tr(x)) for x in exprs if x.type is not None]
    return lex_less(tr, news, olds)


def termination_message(caller: Any) -> str:
    """Dafny's wording for a recursive call that may not decrease: with an explicit
    decreases clause on the caller, or with the default one."""
    dec = getattr(caller, "decreases", None)
    if dec is not None and dec.exprs:
        return "decreases clause might not decrease"
    return "cannot prove termination; try supplying a decreases clause"
