"""Termination: Dafny's well-founded order on decreases tuples, and default measures.

Takes: translated values with their Dafny types.
Guarantees:
  * `less(tr, t, a, b)` is a formula saying a is below b in Dafny's well-founded order on t:
      int-like: a < b && 0 <= b;  bool: !a && b;  seq: |a| < |b|;  set, multiset: a proper subset of b;
      datatype: rank(a) < rank(b). Other types have no usable order here (FALSE: a proof of
      decrease can then only come from an earlier component), which is sound.
  * `lex_less(tr, news, olds)` is the lexicographic order on tuples (compared up to the
    shorter length; equal prefixes then one strictly smaller component); with `or_equal`
    its reflexive closure (`less_eq` per component), used for the loop fact "the measure at
    the head is at most its entry value".
  * `default_decreases(formals)` is Dafny's default for methods and functions: the
    parameters, in order, whose types have an order; `decreases_values` puts a function's
    reads frame (as a set of objects) first when it has a reads clause, as Dafny does.
  * `call_decreases` states that a call within the caller's recursive group decreases.
"""

from __future__ import annotations

from typing import Any

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .encoding import (
    FALSE,
    TRUE,
    conj,
    disj,
    equal,
    implies,
    ms_fn,
    not_,
    seq_fn,
    set_empty,
    set_fn,
)

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


def less_eq(tr: Any, t: D.Type, a: I.Expr, b: I.Expr) -> I.Expr:
    """a is at most b in the order `less` is strict in (without its lower bound): the
    reflexive closure, transitive together with `less`."""
    fam = T.family(t)
    if fam in ("int", "char"):
        return I.Binary("<=", a, b)
    if fam == "bool":
        return implies(a, b)
    ity = tr.enc.ivl_type(t)
    if fam == "seq":
        return I.Binary("<=", seq_fn("Length", ity, a), seq_fn("Length", ity, b))
    if fam == "set":
        return set_fn("Subset", ity, a, b)
    if fam == "multiset":
        return ms_fn("Subset", ity, a, b)
    if fam == "datatype":
        nt = T.normalize(t)
        assert isinstance(nt, D.UserType)
        from .datatypes import datatype_info
        info = datatype_info(tr.ctx, nt.decl)
        return I.Binary("<=", info.rank(a), info.rank(b))
    return equal(tr.enc.ivl_type(t), a, b)


def lex_less(tr: Any, news: list[tuple[D.Type, I.Expr]],
             olds: list[tuple[D.Type, I.Expr]], or_equal: bool = False) -> I.Expr:
    """news below olds lexicographically; with `or_equal`, below or equal (every component
    compared is then at most its old value or an earlier one decreased: the reflexive
    closure of the strict order, so transitive with it)."""
    alts = []
    prefix: list[I.Expr] = []
    compared = 0
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
        compared += 1
    if or_equal:
        if compared == 0:
            return TRUE
        # all compared components unchanged, the last at most its old value (this replaces
        # the strict alternative of the last component, which it includes)
        (tl, vl), (_, ol) = news[compared - 1], olds[compared - 1]
        last = conj(prefix[:-1] + [less(tr, tl, vl, ol)])
        alts = [a for a in alts if a is not last and a != last]
        alts.append(conj(prefix[:-1] + [less_eq(tr, tl, vl, ol)]))
    return disj(alts) if alts else FALSE


def default_decreases(formals: list[D.Formal]) -> list[D.Expr]:
    out: list[D.Expr] = []
    for f in formals:
        if T.family(f.type) in ORDERED:
            n = D.NameExpr(f.name, span=f.span, type=f.type)
            n.decl = f
            out.append(n)
    return out


def decreases_exprs(decl: Any) -> list[D.Expr] | None:
    """The decreases expressions of a function/method (None for `decreases *`)."""
    dec = decl.decreases
    if dec is not None and dec.exprs:
        if any(isinstance(x, D.WildcardExpr) for x in dec.exprs):
            return None
        return list(dec.exprs)
    formals = decl.formals if isinstance(decl, D.Function) else decl.ins
    return default_decreases(formals)


# the type of a reads frame seen as a set of objects
OBJECT_SET = D.SetType(D.ObjectType(nullable=True))


def frame_set(tr: Any, frames: list[D.FrameExpr]) -> I.Expr | None:
    """The objects of reads-frame items as one `set<object>` value (Dafny's frame-to-set
    conversion: an object item `o` gives {o}, `o`f` gives {o}, a set of objects itself), in
    tr's state; None when an item has no such form here (`*`, sequences, multisets)."""
    ity = tr.enc.ivl_type(OBJECT_SET)
    acc: I.Expr | None = None
    for fr in frames:
        if fr.expr is None:
            if tr.env.this is None:
                return None
            part = set_fn("UnionOne", ity, set_empty(ity), tr.env.this)
        elif isinstance(fr.expr, D.WildcardExpr) or fr.expr.type is None:
            return None
        else:
            fam = T.family(fr.expr.type)
            if fam == "ref":
                part = set_fn("UnionOne", ity, set_empty(ity), tr.tr(fr.expr))
            elif fam == "set" and tr.enc.ivl_type(fr.expr.type) == ity:
                part = tr.tr(fr.expr)
            else:
                return None
        acc = part if acc is None else set_fn("Union", ity, acc, part)
    return acc


def decreases_values(tr: Any, decl: Any) -> list[tuple[D.Type, I.Expr]] | None:
    """The decreases tuple of a function/method as values in tr's state (its formals and
    `this` bound by tr's env); None for `decreases *`. Without a decreases clause a function
    with a reads clause starts the tuple with its reads frame as a set of objects (Dafny's
    default: frames of recursive calls on the parts of a structure shrink)."""
    exprs = decreases_exprs(decl)
    if exprs is None:
        return None
    vals: list[tuple[D.Type, I.Expr]] = []
    explicit = decl.decreases is not None and bool(decl.decreases.exprs)
    if isinstance(decl, D.Function) and not explicit and decl.reads:
        fs = frame_set(tr, list(decl.reads))
        if fs is not None:
            vals.append((OBJECT_SET, fs))
    vals.extend((x.type, tr.tr(x)) for x in exprs if x.type is not None)
    return vals


def call_decreases(tr: Any, callee: Any, recv: I.Expr | None, args: list[I.Expr]) -> I.Expr:
    """The callee's decreases tuple at the call is below the caller's (env has it)."""
    olds = tr.env.decreases_of_caller
    if olds is None:
        return TRUE
    env = tr.env.copy()
    formals = callee.formals if isinstance(callee, D.Function) else callee.ins
    for f, a in zip(formals, args):
        env.vars[id(f)] = a
    if recv is not None:
        env.this = recv
    sub = tr.sub(env).pure()
    news = decreases_values(sub, callee)
    if news is None:
        return FALSE
    return lex_less(tr, news, olds)


def termination_message(caller: Any) -> str:
    """Dafny's wording for a recursive call that may not decrease: with an explicit
    decreases clause on the caller, or with the default one."""
    dec = getattr(caller, "decreases", None)
    if dec is not None and dec.exprs:
        return "decreases clause might not decrease"
    return "cannot prove termination; try supplying a decreases clause"
