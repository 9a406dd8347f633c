"""calc statements: each step proved on its own (with its hint), then all steps assumed.

Takes: a `CalcStmt` and the `StmtTranslator` of the enclosing body.
Guarantees: for lines e0 op1 e1 ... opn en, each `e(k-1) opk ek` is asserted at the
assertion fuel of assert statements (with the step's hint translated before it; an implication step's antecedent is assumed first) inside a branch that ends in `assume false`, so hints
do not leak; afterwards every step relation is assumed, which gives the calc's conclusion.
"""

from __future__ import annotations

from typing import Any

from ..ivl import ast as I
from ..syntax import ast as D
from .context import WF
from .encoding import TRUE
from .exprs import ExprTranslator
from .obligations import Kind, Obligation
from .unsupported import Unsupported

_OPS = {"==": "==", "<": "<", "<=": "<=", ">": ">", ">=": ">=", "==>": "==>", "<==": "<==",
        "<==>": "<==>", "!=": "!="}


def translate_calc(st: Any, s: D.CalcStmt) -> None:
    steps = s.steps
    facts = []
    for k in range(1, len(steps)):
        prev, cur = steps[k - 1], steps[k]
        op = prev.op or s.op or "=="
        if op not in _OPS:
            raise Unsupported(s.span, f"calc operator {op}")
        saved = st.out
        st.out = []
        # each step is checked like an assert statement: with the assertion fuel (one more
        # unfolding of recursive functions, e.g. length(Cons(x, Nil)) == 1)
        a = st.expr(prev.expr, assertion=True)
        b = st.expr(cur.expr, assertion=True)
        # as in Dafny, the hint of an implication step may use the step's antecedent: the
        # line above for `==>`, the line below for `<==` (the step `A ==> B` holds iff B
        # follows from A and the hint)
        if op == "==>":
            st.out.append(I.Assume(a))
        elif op == "<==":
            st.out.append(I.Assume(b))
        if prev.hint is not None:
            st.block(prev.hint)
        t = prev.expr.type
        rel = _relation(st, op, a, b, t, s)
        st.check(rel, Obligation(Kind.CALC_STEP, cur.expr.span))
        st.out.append(I.Assume(I.BoolLit(False)))
        branch = tuple(st.out)
        st.out = saved
        st.emit(I.If(None, branch, ()))
        pt = ExprTranslator(st.ctx, st.env, WF(None))
        facts.append(_relation(st, op, pt.tr(prev.expr), pt.tr(cur.expr), t, s))
    for f in facts:
        if f != TRUE:
            st.emit(I.Assume(f))


def _relation(st: Any, op: str, a: I.Expr, b: I.Expr, t: Any, s: D.Node) -> I.Expr:
    tr = ExprTranslator(st.ctx, st.env, WF(None))
    if op == "<==":
        return I.Binary("==>", b, a)
    if op in ("==>", "<==>"):
        return I.Binary(op, a, b)
    rop = ""
    if t is not None:
        from ..semantics import types as T
        rop = f"{op}:{T.family(t)}"
    return tr.binop(op, rop, t, t, a, b, s)
