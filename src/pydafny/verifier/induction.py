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
from .encoding import REF, TRUE, conj, implies
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


def _chosen_this(m: D.Method) -> bool:
    """Does `{:induction ...}` name `this`?"""
    return any(a.name == "induction" and any(isinstance(x, D.ThisExpr) for x in a.args)
               for a in m.attributes)


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
    (Dafny's default induction heuristic); `this_found`: `this` is the receiver (implicit
    or explicit) or an argument of such a call."""

    def __init__(self, ctx: ProgramCtx, formals: list[D.Formal]) -> None:
        self.ctx, self.formals = ctx, formals
        self.found: set[int] = set()
        self.this_found = False

    def visit_ApplyExpr(self, e: D.ApplyExpr) -> None:
        info = self.ctx.funcs.get(id(e.decl)) if e.kind == "function" else None
        if info is not None and info.recursive:
            for f in self.formals:
                if any(_prominent(b.expr, f) for b in e.args):
                    self.found.add(id(f))
            f = e.decl
            if not f.is_static and isinstance(f.owner, D.ClassDecl) and (
                    isinstance(e.callee, D.NameExpr) or (
                        isinstance(e.callee, D.MemberSelect)
                        and isinstance(e.callee.obj, D.ThisExpr))):
                self.this_found = True
            if any(isinstance(b.expr, D.ThisExpr) for b in e.args):
                self.this_found = True
        self.generic_visit(e)

    def visit_PrefixEqExpr(self, e: D.PrefixEqExpr) -> None:
        # `a ==#[k] b` is a call of the (recursive) prefix equality with k as an argument
        for f in self.formals:
            if _prominent(e.depth, f):
                self.found.add(id(f))
        self.generic_visit(e)


def induction_hypothesis(ctx: ProgramCtx, m: D.Method, env: Env) -> Optional[I.Expr]:
    from .exprs import ExprTranslator, fresh
    instance = not m.is_static and isinstance(m.owner, D.ClassDecl) and env.this is not None
    if "lemma" not in m.kind or m.outs or m.modifies or _disabled(m) \
            or not (m.ins or instance):
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
    iv = _InductionVars(ctx, list(m.ins))
    for c in list(m.requires) + list(m.ensures):
        iv.visit(c.expr)
    if found is None:
        found = iv.found
    # `this` is an induction variable of an instance lemma when it is the receiver (or an
    # argument) of a recursive function call of the specification, as Dafny includes it
    this_iv = instance and (iv.this_found or _chosen_this(m))
    if not found and not this_iv:
        return None
    keep = [k for k, f in enumerate(m.ins) if id(f) not in found]
    for k in sorted(keep, reverse=True):
        f = m.ins[k]
        env2.vars[id(f)] = env.vars[id(f)]
        del formals[k]
        del tcs[k]
    if this_iv:
        # another object of the class (non-null, allocated: what `this` is)
        formals.append(I.Formal("ih#this", REF))
        env2.this = I.Ident("ih#this")
        tcs.append(conj([I.Binary("!=", env2.this, I.Ident("null")),
                         I.MapSelect(env.heap["$Alloc"], (env2.this,))]))
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
    if not trig and isinstance(post, I.Quantifier) and post.kind == "forall":
        # no trigger over the parameters alone (their terms sit under the postcondition's
        # own `forall k`): the prenex form, equivalent as k is not free outside, whose terms
        # over all the variables give (multi-)triggers
        formals = formals + list(post.vars)
        post = post.body
        trig = select_triggers(tuple(formals), conj([pre, post]))
    return I.Quantifier("forall", tuple(formals), implies(conj(tcs + [pre, less]), post), trig)
