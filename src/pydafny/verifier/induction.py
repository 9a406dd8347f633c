"""Automatic induction for lemmas, as Dafny does by default (`{:induction}`).

Takes: a lemma (a `Method` whose kind contains 'lemma') and the `Env` of its implementation.
Guarantees: `induction_hypothesis` is the formula
    forall y :: types(y) && requires(y) && decreases(y) < decreases(x) ==> ensures(y)
over the lemma's parameters y (x are the actual parameters, the order is the lemma's
termination order: its decreases clause or the parameters), or None when the lemma does not
qualify (no parameters with an order, `{:induction false}`, outputs, a frame, or `old`/heap
use in its specification). Assuming it at the start of the body is sound: it is exactly the
well-founded induction the lemma's own termination check justifies (every call of the lemma
on smaller arguments would be allowed and would give the same postcondition).
"""

from __future__ import annotations

from typing import Optional

from ..ivl import ast as I
from ..syntax import ast as D
from .constraints import type_constraint
from .context import WF, Env, ProgramCtx
from .encoding import TRUE, conj, implies
from .termination import decreases_exprs, lex_less


def _disabled(m: D.Method) -> bool:
    for a in m.attributes:
        if a.name == "induction" and a.args and isinstance(a.args[0], D.BoolLit) \
                and not a.args[0].value:
            return True
    return False


def _chosen_vars(m: D.Method) -> Optional[set[int]]:
    """The parameters named by `{:induction x, y}` (ids), all parameters for `{:induction}`
    or `{:induction true}`, None when the attribute does not choose (Dafny's heuristic
    decides)."""
    for a in m.attributes:
        if a.name != "induction":
            continue
        if not a.args or (len(a.args) == 1 and isinstance(a.args[0], D.BoolLit)
                          and a.args[0].value):
            return {id(f) for f in m.ins}
        named = {x.name for x in a.args if isinstance(x, D.NameExpr)}
        if named:
            return {id(f) for f in m.ins if f.name in named}
    return None


class _UsesHeap(D.Traverser):
    def __init__(self) -> None:
        self.found = False

    def visit_OldExpr(self, e: D.Expr) -> None:
        self.found = True

    def visit_FreshExpr(self, e: D.Expr) -> None:
        self.found = True

    def visit_UnchangedExpr(self, e: D.Expr) -> None:
        self.found = True


def _prominent(e: D.Expr, f: D.Formal) -> bool:
    """Does formal `f` occur in `e` in a position Dafny's induction heuristic calls
    prominent: `e` itself, an operand of `+`/`-`, a destructor/field of it, an argument of a
    datatype constructor, or the sequence of a slice?"""
    if isinstance(e, D.NameExpr):
        return e.decl is f
    if isinstance(e, D.BinaryExpr) and e.op in ("+", "-"):
        return _prominent(e.left, f) or _prominent(e.right, f)
    if isinstance(e, D.UnaryExpr) and e.op == "-":
        return _prominent(e.operand, f)
    if isinstance(e, D.MemberSelect):
        return _prominent(e.obj, f)
    if isinstance(e, D.SliceExpr):
        return _prominent(e.seq, f)
    if isinstance(e, D.ApplyExpr) and e.kind == "ctor":
        return any(_prominent(b.expr, f) for b in e.args)
    return False


class _InductionVars(D.Traverser):
    """The formals occurring prominently in an argument of a call to a recursive function
    (Dafny's default induction heuristic)."""

    def __init__(self, ctx: ProgramCtx, formals: list[D.Formal]) -> None:
        self.ctx, self.formals = ctx, formals
        self.found: set[int] = set()

    def visit_ApplyExpr(self, e: D.ApplyExpr) -> None:
        info = self.ctx.funcs.get(id(e.decl)) if e.kind == "function" else None
        if info is not None and info.recursive:
            for f in self.formals:
                if any(_prominent(b.expr, f) for b in e.args):
                    self.found.add(id(f))
        self.generic_visit(e)

    def visit_PrefixEqExpr(self, e: D.PrefixEqExpr) -> None:
        # `a ==#[k] b` is a call of the (recursive) prefix equality with k as an argument
        for f in self.formals:
            if _prominent(e.depth, f):
                self.found.add(id(f))
        self.generic_visit(e)


def induction_hypothesis(ctx: ProgramCtx, m: D.Method, env: Env) -> Optional[I.Expr]:
    from .exprs import ExprTranslator, fresh
    if "lemma" not in m.kind or m.outs or m.modifies or not m.ins or _disabled(m):
        return None
    if not m.ensures:
        return None
    v = _UsesHeap()
    for c in list(m.requires) + list(m.ensures):
        v.visit(c.expr)
    if v.found:
        return None
    dec = decreases_exprs(m)
    if not dec:
        return None
    cur = ExprTranslator(ctx, env, WF(None))
    olds = [(x.type, cur.tr(x)) for x in dec if x.type is not None]
    env2 = env.copy()
    formals: list[I.Formal] = []
    tcs: list[I.Expr] = []
    for f in m.ins:
        name = fresh("ih_" + f.name)
        formals.append(I.Formal(name, ctx.enc.ivl_type(f.type)))
        env2.vars[id(f)] = I.Ident(name)
        tcs.append(type_constraint(ctx, f.type, I.Ident(name)))
    # Dafny inducts only on the parameters `{:induction x, y}` names or, without such a
    # list, on those that occur prominently in an argument of a recursive function call of
    # the specification; the others keep their current values. When none qualifies, Dafny
    # does not apply induction (a hypothesis over all parameters would have no good
    # trigger and, left to the solver's choice of patterns, can loop).
    found = _chosen_vars(m)
    if found is None:
        iv = _InductionVars(ctx, list(m.ins))
        for c in list(m.requires) + list(m.ensures):
            iv.visit(c.expr)
        found = iv.found
    if not found:
        return None
    keep = [k for k, f in enumerate(m.ins) if id(f) not in found]
    for k in sorted(keep, reverse=True):
        f = m.ins[k]
        env2.vars[id(f)] = env.vars[id(f)]
        del formals[k]
        del tcs[k]
    env2.old_heap = dict(env2.heap)
    # calls in the hypothesis use a quantified layer: every layer denotes the same function,
    # and then the hypothesis matches the unfolded calls (at $LZ) of the lemma's proof
    from .encoding import LAYER
    formals.insert(0, I.Formal("ly#ih", LAYER))
    env2.fuel = I.Ident("ly#ih")
    t2 = ExprTranslator(ctx, env2, WF(None))
    news = [(x.type, t2.tr(x)) for x in dec if x.type is not None]
    less = lex_less(cur, news, olds)
    pre = conj([t2.tr(r.expr) for r in m.requires])
    post = conj([t2.tr(e.expr) for e in m.ensures])
    if post == TRUE:
        return None
    # triggers as Dafny chooses them for the hypothesis, from its specification (not from
    # the decreases comparison, whose rank and length terms would match far too often)
    from .triggers import select_triggers
    trig = select_triggers(tuple(formals), conj([pre, post]))
    return I.Quantifier("forall", tuple(formals), implies(conj(tcs + [pre, less]), post), trig)
