"""Codatatypes: coinductive equality, prefix equality `==#[k]` and co-recursive calls.

Takes: the `DatatypeInfo` of a codatatype (its sort, constructors and destructors are declared
by `datatypes.datatype_info` exactly as for an inductive datatype, minus every rank fact:
codatatype values have no well-founded order) and resolved function bodies.
Guarantees:
  * `declare_coequality(ctx, info)` declares `S#CoEq(a, b)` (Dafny's `a == b` on the
    codatatype; `info.equal` uses it) and `S#PrefixEq(k, ly, a, b)` (`a ==#[k] b`, with a fuel
    layer that bounds its unfolding), with axioms that are true in the model where the sort
    holds the finite and infinite constructor trees and `==` is identity (see each axiom).
  * `prefix_eq(tr, e)` translates `a ==#[k] b` (k a natural number; ORDINAL depths are
    unsupported, except the prefix lemmas' own `_k`, which `extreme` turns into a nat).
  * `cocalls(f, peers)` is the set of ids of the calls in f's body that are co-recursive:
    calls to a function of `peers` (f's recursive group) whose result is a codatatype value,
    made as a codatatype-typed argument of a codatatype constructor that is itself in a
    result position of the body (the body, an if/match branch, a let body, or again such a
    constructor argument). These calls need no termination check (the definition is
    productive: every unfolding yields a constructor before reaching them), and their
    postconditions must not be assumed (that would be circular).
"""

from __future__ import annotations

from typing import Any

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .encoding import LAYER, conj, equal, implies
from .unsupported import Unsupported

LZ = I.Ident("$LZ")


def _ls(x: I.Expr) -> I.Expr:
    return I.FunApp("$LS", (x,))


def coeq_name(info: Any) -> str:
    return f"{info.sort.name}#CoEq"


def prefix_name(info: Any) -> str:
    return f"{info.sort.name}#PrefixEq"


def _is_same_codatatype(t: D.Type, d: D.DatatypeDecl) -> bool:
    n = T.normalize(t)
    return isinstance(n, D.UserType) and n.decl is d


def declare_coequality(ctx: Any, info: Any, decls: list[I.Decl]) -> None:
    """Declare CoEq/PrefixEq of codatatype `info.decl` (appended to `decls`) and make
    `info.equal` use CoEq."""
    d: D.DatatypeDecl = info.decl
    s = info.sort
    ceq, peq = coeq_name(info), prefix_name(info)
    info.equal_fn = ceq
    decls.append(I.FunctionDecl(ceq, (I.Formal("a", s), I.Formal("b", s)), I.BOOL))
    decls.append(I.FunctionDecl(peq, (I.Formal("k", I.INT), I.Formal("ly", LAYER),
                                      I.Formal("a", s), I.Formal("b", s)), I.BOOL))
    a, b, k, ly = I.Ident("a#c"), I.Ident("b#c"), I.Ident("k#c"), I.Ident("ly#c")
    fa, fb, fk, fly = (I.Formal("a#c", s), I.Formal("b#c", s), I.Formal("k#c", I.INT),
                       I.Formal("ly#c", LAYER))
    co = I.FunApp(ceq, (a, b))
    # CoEq is Dafny's equality on the codatatype: in the model, `==` is identity of
    # (possibly infinite) trees, and Dafny's `==` on codatatypes is exactly that identity.
    decls.append(I.AxiomDecl(I.Quantifier("forall", (fa, fb), I.Binary(
        "<==>", co, I.Binary("==", a, b)), (I.Trigger((co,)),))))
    # Two trees are equal iff they agree up to every finite depth k (a tree is determined by
    # its finite prefixes); PrefixEq(k, ...) is agreement up to depth k (axioms below).
    pk = I.FunApp(peq, (k, _ls(LZ), a, b))
    decls.append(I.AxiomDecl(I.Quantifier("forall", (fa, fb), I.Binary(
        "<==>", co, I.Quantifier("forall", (fk,), implies(I.Binary("<=", I.IntLit(0), k), pk),
                                 (I.Trigger((pk,)),))), (I.Trigger((co,)),))))
    # Definition of agreement up to depth k > 0: the same constructor, equal non-recursive
    # fields and recursive fields agreeing up to depth k-1; every depth <= 0 agrees
    # (Dafny's `==#[0]` is true). The layer only limits unfolding (next axiom).
    per_ctor = []
    km1 = I.Binary("-", k, I.IntLit(1))
    for c in d.ctors:
        fields = []
        for j, f in enumerate(c.formals):
            sa, sb = info.select(c, j, a), info.select(c, j, b)
            if _is_same_codatatype(f.type, d):
                fields.append(I.FunApp(peq, (km1, ly, sa, sb)))
            else:
                fields.append(equal(info.field_types[(id(c), j)], sa, sb))
        per_ctor.append(implies(info.is_ctor(c, a), conj(fields)))
    unfold = conj([I.Binary("==", info.tag(a), info.tag(b))] + per_ctor)
    head = I.FunApp(peq, (k, _ls(ly), a, b))
    decls.append(I.AxiomDecl(I.Quantifier("forall", (fk, fly, fa, fb), I.Binary(
        "<==>", head, implies(I.Binary("<", I.IntLit(0), k), unfold)), (I.Trigger((head,)),))))
    # Every layer denotes the same relation.
    base = I.FunApp(peq, (k, ly, a, b))
    decls.append(I.AxiomDecl(I.Quantifier("forall", (fk, fly, fa, fb), I.Binary(
        "<==>", head, base), (I.Trigger((head,)),))))
    # Equal trees agree up to every depth; every depth <= 0 agrees (true by the definition).
    decls.append(I.AxiomDecl(I.Quantifier("forall", (fk, fly, fa, fb), implies(
        I.Binary("||", I.Binary("==", a, b), I.Binary("<=", k, I.IntLit(0))), base),
        (I.Trigger((base,)),))))


def prefix_eq(tr: Any, e: D.PrefixEqExpr) -> I.Expr:
    """`a ==#[k] b` (or `!=#[k]`) for a natural number k."""
    from .datatypes import datatype_info
    from .obligations import Kind, Obligation
    lt = T.normalize(e.left.type) if e.left.type is not None else None
    if not (isinstance(lt, D.UserType) and isinstance(lt.decl, D.DatatypeDecl)
            and lt.decl.is_co):
        raise Unsupported(e.span, "prefix equality on this type")
    if e.depth.type is None or T.family(e.depth.type) != "int":
        raise Unsupported(e.depth.span, "ORDINAL depth of a prefix equality")
    info = datatype_info(tr.ctx, lt.decl)
    k = tr.tr(e.depth)
    if tr.wf.active:
        tr.wf.check(I.Binary("<=", I.IntLit(0), k), Obligation(Kind.SUBSET, e.depth.span,
                                                               "nat"))
    a, b = tr.tr(e.left), tr.tr(e.right)
    r = I.FunApp(prefix_name(info), (k, tr.env.fuel, a, b))
    return I.Unary("!", r) if e.negated else r


def _codatatype_result(t: Any) -> bool:
    n = T.normalize(t) if t is not None else None
    return isinstance(n, D.UserType) and isinstance(n.decl, D.DatatypeDecl) and n.decl.is_co


def cocalls(f: D.Function, peers: set[int]) -> set[int]:
    """Ids of the co-recursive calls of f's body (see the module docstring)."""
    out: set[int] = set()
    if f.body is None or not _codatatype_result(f.result_type):
        return out

    def walk(e: D.Expr, guarded: bool) -> None:
        if isinstance(e, D.ITEExpr):
            walk(e.then, guarded)
            walk(e.else_, guarded)
        elif isinstance(e, D.MatchExpr):
            for c in e.cases:
                walk(c.body, guarded)
        elif isinstance(e, (D.LetExpr, D.StmtExpr)):
            walk(e.body, guarded)
        elif isinstance(e, D.ApplyExpr) and e.kind == "ctor":
            c = e.decl
            owner = getattr(c, "owner", None)
            if isinstance(owner, D.DatatypeDecl) and owner.is_co:
                for j, bnd in enumerate(e.args):
                    if j < len(c.formals) and _codatatype_result(c.formals[j].type):
                        walk(bnd.expr, True)
        elif isinstance(e, D.ApplyExpr) and e.kind == "function" and guarded \
                and id(e.decl) in peers and _codatatype_result(e.decl.result_type):
            out.add(id(e))

    walk(f.body, False)
    return out
