"""Interval inference at loop heads (what Boogie's default abstract interpretation gives Dafny).

Takes: the structured IVL statements of one implementation and its scalar variables (formals
and locals of type int or bool).
Guarantees: `infer_loop_intervals(stmts, variables)` returns the statements with, at every
`While`, extra free invariants `lo <= x`, `x <= hi` (int variables) and `x` / `!x` (bool
variables) for the variables the loop assigns, wherever the analysis bounds them. The facts
hold at every loop-head state the loop can reach: they are computed by a forward interval
analysis of the body (assignments evaluated in interval arithmetic; `assume`, branch and loop
conditions and the loop's own invariants narrow the intervals; calls and `havoc` forget their
targets) iterated to a fixpoint with widening (a bound that moves goes to infinity), starting
from the states the loop is entered in. Assertions are not used. Everything the analysis does
not understand leaves a variable unbounded, so the facts are always sound over-approximations.

Dafny relies on these facts: Boogie's interval domain (`/infer:j`, its default) runs on every
Dafny program, so e.g. a flag that is false on entry and reset before each back edge is known
to be false at the loop head without an invariant saying so.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Union

from ..ivl import ast as I

INF = float("inf")
Bound = Union[int, float]           # an int, or +-inf
MAX_ITERATIONS = 8                  # fixpoint iterations per loop before giving up (top)
MAX_STEPS = 200_000                 # statements analysed per implementation (nested loops
                                    # re-analyse their bodies); beyond it nothing is inferred


class Itv:
    """A non-empty interval [lo, hi] of integers (lo/hi may be infinite); for bool variables
    0 is false and 1 is true."""

    __slots__ = ("lo", "hi")

    def __init__(self, lo: Bound, hi: Bound) -> None:
        self.lo = lo
        self.hi = hi

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Itv) and self.lo == other.lo and self.hi == other.hi

    def __repr__(self) -> str:
        return f"[{self.lo}, {self.hi}]"

    def join(self, o: "Itv") -> "Itv":
        return Itv(min(self.lo, o.lo), max(self.hi, o.hi))

    def meet(self, o: "Itv") -> Optional["Itv"]:
        lo, hi = max(self.lo, o.lo), min(self.hi, o.hi)
        return Itv(lo, hi) if lo <= hi else None

    def widen(self, new: "Itv") -> "Itv":
        return Itv(self.lo if new.lo >= self.lo else -INF, self.hi if new.hi <= self.hi else INF)


TOP = Itv(-INF, INF)
BOOL_TOP = Itv(0, 1)
State = Optional[dict[str, Itv]]    # None: unreachable; a missing variable is unbounded


def _top(kind: str) -> Itv:
    return BOOL_TOP if kind == "bool" else TOP


def _join(a: State, b: State, kinds: dict[str, str]) -> State:
    if a is None:
        return b
    if b is None:
        return a
    return {v: a.get(v, _top(k)).join(b.get(v, _top(k))) for v, k in kinds.items()}


def _leq(a: State, b: State, kinds: dict[str, str]) -> bool:
    """a is included in b."""
    if a is None:
        return True
    if b is None:
        return False
    for v, k in kinds.items():
        x, y = a.get(v, _top(k)), b.get(v, _top(k))
        if x.lo < y.lo or x.hi > y.hi:
            return False
    return True


def _widen(old: State, new: State, kinds: dict[str, str]) -> State:
    if old is None:
        return new
    if new is None:
        return old
    return {v: old.get(v, _top(k)).widen(new.get(v, _top(k))) for v, k in kinds.items()}


class _Analysis:
    def __init__(self, kinds: dict[str, str]) -> None:
        self.kinds = kinds
        self.heads: dict[int, State] = {}     # id(While) -> head state (final pass only)
        self.breaks: list[State] = []         # per enclosing loop: states at its breaks
        self.steps = 0

    # ------------------------------------------------------------------ expressions
    def value(self, e: I.Expr, s: dict[str, Itv]) -> Itv:
        """An interval containing every value of the int/bool expression e in states s."""
        if isinstance(e, I.IntLit):
            return Itv(e.value, e.value)
        if isinstance(e, I.BoolLit):
            return Itv(int(e.value), int(e.value))
        if isinstance(e, I.Ident):
            k = self.kinds.get(e.name)
            if k is None:
                return TOP
            return s.get(e.name, _top(k))
        if isinstance(e, I.FunApp) and e.name in ("Lit.int", "Lit.bool") and len(e.args) == 1:
            return self.value(e.args[0], s)
        if isinstance(e, I.IfThenElse):
            c = self.truth(e.cond, s)
            if c is True:
                return self.value(e.then, s)
            if c is False:
                return self.value(e.else_, s)
            return self.value(e.then, s).join(self.value(e.else_, s))
        if isinstance(e, I.Unary):
            if e.op == "-":
                a = self.value(e.arg, s)
                return Itv(-a.hi, -a.lo)
            if e.op == "!":
                return self._bool(self.truth(e, s))
            return TOP
        if isinstance(e, I.Binary):
            if e.op in ("+", "-", "*"):
                a, b = self.value(e.left, s), self.value(e.right, s)
                if e.op == "+":
                    return Itv(a.lo + b.lo, a.hi + b.hi)
                if e.op == "-":
                    return Itv(a.lo - b.hi, a.hi - b.lo)
                if a.lo == a.hi and b.lo == b.hi and a.lo not in (INF, -INF) \
                        and b.lo not in (INF, -INF):
                    return Itv(a.lo * b.lo, a.lo * b.lo)
                return TOP
            if e.op == "mod":
                b = self.value(e.right, s)
                if b.lo == b.hi and isinstance(b.lo, int) and b.lo != 0:
                    return Itv(0, abs(b.lo) - 1)     # Euclidean: 0 <= a mod b < |b|
                return TOP
            return self._bool(self.truth(e, s))
        return TOP

    @staticmethod
    def _bool(t: Optional[bool]) -> Itv:
        return BOOL_TOP if t is None else Itv(int(t), int(t))

    def truth(self, e: I.Expr, s: dict[str, Itv]) -> Optional[bool]:
        """True/False if the boolean e has that value in all states s, else None."""
        if isinstance(e, I.BoolLit):
            return e.value
        if isinstance(e, I.Ident) and self.kinds.get(e.name) == "bool":
            v = s.get(e.name, BOOL_TOP)
            return None if v.lo != v.hi else bool(v.lo)
        if isinstance(e, I.Unary) and e.op == "!":
            t = self.truth(e.arg, s)
            return None if t is None else not t
        if isinstance(e, I.Binary):
            op = e.op
            if op in ("&&", "||", "==>"):
                a, b = self.truth(e.left, s), self.truth(e.right, s)
                if op == "==>":
                    a = None if a is None else not a
                    op = "||"
                if op == "&&":
                    return False if a is False or b is False else (
                        True if a is True and b is True else None)
                return True if a is True or b is True else (
                    False if a is False and b is False else None)
            if op in ("<", "<=", ">", ">=", "==", "!=") and self._scalar(e.left) \
                    and self._scalar(e.right):
                a, b = self.value(e.left, s), self.value(e.right, s)
                if op in (">", ">="):
                    a, b, op = b, a, "<" if op == ">" else "<="
                if op == "<":
                    return True if a.hi < b.lo else (False if a.lo >= b.hi else None)
                if op == "<=":
                    return True if a.hi <= b.lo else (False if a.lo > b.hi else None)
                if a.lo == a.hi == b.lo == b.hi:
                    return op == "=="
                if a.hi < b.lo or b.hi < a.lo:
                    return op == "!="
        return None

    def _scalar(self, e: I.Expr) -> bool:
        """e is an int or bool expression this analysis can evaluate (not e.g. a sequence)."""
        if isinstance(e, (I.IntLit, I.BoolLit)):
            return True
        if isinstance(e, I.Ident):
            return e.name in self.kinds
        if isinstance(e, I.Unary):
            return e.op == "-" and self._scalar(e.arg)
        if isinstance(e, I.Binary):
            return e.op in ("+", "-", "*", "mod") and self._scalar(e.left) \
                and self._scalar(e.right)
        if isinstance(e, I.FunApp):
            return e.name in ("Lit.int", "Lit.bool") and len(e.args) == 1 \
                and self._scalar(e.args[0])
        return False

    # ------------------------------------------------------------------ narrowing
    def assume(self, e: I.Expr, s: State, positive: bool = True) -> State:
        """The states of s in which e has the truth value `positive` (over-approximated)."""
        if s is None:
            return None
        t = self.truth(e, s)
        if t is not None:
            return s if t == positive else None
        if isinstance(e, I.Unary) and e.op == "!":
            return self.assume(e.arg, s, not positive)
        if isinstance(e, I.Ident) and self.kinds.get(e.name) == "bool":
            return self._set(s, e.name, Itv(int(positive), int(positive)))
        if isinstance(e, I.Binary):
            op = e.op
            if (op == "&&" and positive) or (op == "||" and not positive):
                return self.assume(e.right, self.assume(e.left, s, positive), positive)
            if (op == "||" and positive) or (op == "&&" and not positive):
                return _join(self.assume(e.left, s, positive),
                             self.assume(e.right, s, positive), self.kinds)
            if op == "==>":
                if positive:
                    return _join(self.assume(e.left, s, False), self.assume(e.right, s, True),
                                 self.kinds)
                return self.assume(e.right, self.assume(e.left, s, True), False)
            if op in ("<", "<=", ">", ">=", "==", "!=") and self._scalar(e.left) \
                    and self._scalar(e.right):
                if not positive:
                    op = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=",
                          "!=": "=="}[op]
                s = self._compare(e.left, op, e.right, s)
                if s is not None:
                    flip = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==",
                            "!=": "!="}[op]
                    s = self._compare(e.right, flip, e.left, s)
                return s
        return s

    def _compare(self, x: I.Expr, op: str, y: I.Expr, s: State) -> State:
        """Narrow the variable x (if it is one) by `x op y`."""
        if s is None or not isinstance(x, I.Ident) or x.name not in self.kinds:
            return s
        b = self.value(y, s)
        if op == "<":
            rng = Itv(-INF, b.hi - 1)
        elif op == "<=":
            rng = Itv(-INF, b.hi)
        elif op == ">":
            rng = Itv(b.lo + 1, INF)
        elif op == ">=":
            rng = Itv(b.lo, INF)
        elif op == "==":
            rng = b
        else:
            cur = self.value(x, s)
            if b.lo == b.hi and cur.lo == b.lo:
                rng = Itv(cur.lo + 1, INF)
            elif b.lo == b.hi and cur.hi == b.lo:
                rng = Itv(-INF, cur.hi - 1)
            else:
                return s
        return self._set(s, x.name, self.value(x, s).meet(rng))

    def _set(self, s: dict[str, Itv], name: str, v: Optional[Itv]) -> State:
        if v is None:
            return None
        out = dict(s)
        out[name] = v
        return out

    # ------------------------------------------------------------------ statements
    def block(self, stmts: tuple[I.Stmt, ...], s: State, final: bool) -> State:
        for st in stmts:
            s = self.stmt(st, s, final)
        return s

    def stmt(self, st: I.Stmt, s: State, final: bool) -> State:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise _GiveUp()
        if isinstance(st, I.While):
            return self.loop(st, s, final)
        if s is None:
            return None
        if isinstance(st, I.Assign):
            vals = [(lhs.name, self.value(rhs, s)) for lhs, rhs in zip(st.lhss, st.rhss)
                    if isinstance(lhs, I.Ident) and lhs.name in self.kinds]
            out = dict(s)
            for name, v in vals:
                if self.kinds[name] == "bool":
                    v = v.meet(BOOL_TOP) or BOOL_TOP
                out[name] = v
            return out
        if isinstance(st, I.Havoc):
            return {k: v for k, v in s.items() if k not in st.names}
        if isinstance(st, I.Call):
            return {k: v for k, v in s.items() if k not in st.outs}
        if isinstance(st, I.Assume):
            return self.assume(st.expr, s)
        if isinstance(st, I.If):
            if st.cond is None:
                a, b = s, s
            else:
                a, b = self.assume(st.cond, s, True), self.assume(st.cond, s, False)
            a = self.block(st.then, a, final)
            b = self.block(st.else_ or (), b, final)
            return _join(a, b, self.kinds)
        if isinstance(st, I.Break):
            if st.label is not None or not self.breaks:
                raise _GiveUp()
            self.breaks[-1] = _join(self.breaks[-1], s, self.kinds)
            return None
        if isinstance(st, I.Return):
            return None
        if isinstance(st, (I.Assert,)):
            return s
        if isinstance(st, (I.Label, I.Goto)):
            raise _GiveUp()
        return s

    def _head(self, w: I.While, s: State) -> State:
        for inv in w.invariants:
            s = self.assume(inv.expr, s)
        return s

    def loop(self, w: I.While, entry: State, final: bool) -> State:
        head = self._head(w, entry)
        for _ in range(MAX_ITERATIONS):
            self.breaks.append(None)
            body_in = self.assume(w.cond, head) if w.cond is not None else head
            end = self.block(w.body, body_in, False)
            self.breaks.pop()
            nxt = self._head(w, _join(entry, end, self.kinds))
            if _leq(nxt, head, self.kinds):
                break
            head = self._head(w, _widen(head, _join(head, nxt, self.kinds), self.kinds))
        else:
            head = self._head(w, {}) if entry is not None else None
        # the fixpoint is reached: one more pass records the heads of inner loops
        self.breaks.append(None)
        body_in = self.assume(w.cond, head) if w.cond is not None else head
        self.block(w.body, body_in, final)
        brk = self.breaks.pop()
        if final:
            self.heads[id(w)] = head
        out = self.assume(w.cond, head, False) if w.cond is not None else head
        return _join(out, brk, self.kinds)


class _GiveUp(Exception):
    """A construct the analysis does not handle: infer nothing for this implementation."""


def _assigned(stmts: tuple[I.Stmt, ...], out: set[str]) -> set[str]:
    for st in stmts:
        if isinstance(st, I.Assign):
            out.update(x.name for x in st.lhss if isinstance(x, I.Ident))
        elif isinstance(st, I.Havoc):
            out.update(st.names)
        elif isinstance(st, I.Call):
            out.update(st.outs)
        elif isinstance(st, I.If):
            _assigned(st.then, out)
            _assigned(st.else_ or (), out)
        elif isinstance(st, I.While):
            _assigned(st.body, out)
    return out


def _facts(name: str, kind: str, v: Itv) -> list[I.Expr]:
    x = I.Ident(name)
    if kind == "bool":
        if v.lo == v.hi:
            return [x if v.lo else I.Unary("!", x)]
        return []
    out: list[I.Expr] = []
    if v.lo != -INF:
        out.append(I.Binary("<=", I.IntLit(int(v.lo)), x))
    if v.hi != INF:
        out.append(I.Binary("<=", x, I.IntLit(int(v.hi))))
    return out


def _rewrite(stmts: tuple[I.Stmt, ...], a: _Analysis) -> tuple[I.Stmt, ...]:
    out: list[I.Stmt] = []
    for st in stmts:
        if isinstance(st, I.If):
            st = replace(st, then=_rewrite(st.then, a),
                         else_=None if st.else_ is None else _rewrite(st.else_, a))
        elif isinstance(st, I.While):
            head = a.heads.get(id(st))
            invs = list(st.invariants)
            if head is not None:
                existing = {inv.expr for inv in invs}
                for name in sorted(_assigned(st.body, set())):
                    kind = a.kinds.get(name)
                    if kind is None or name not in head:
                        continue
                    for f in _facts(name, kind, head[name]):
                        if f not in existing:
                            invs.append(I.Invariant(f, free=True))
            st = replace(st, invariants=tuple(invs), body=_rewrite(st.body, a))
        out.append(st)
    return tuple(out)


def infer_loop_intervals(stmts: list[I.Stmt], variables: list[I.Formal]) -> list[I.Stmt]:
    """`stmts` (an implementation body) with the inferred free invariants added to its loops;
    `variables` are the implementation's formals and locals."""
    kinds = {f.name: f.type.name for f in variables
             if isinstance(f.type, I.BasicType) and f.type.name in ("int", "bool")}
    if not kinds or not any(_has_loop(st) for st in stmts):
        return stmts
    a = _Analysis(kinds)
    try:
        a.block(tuple(stmts), {}, True)
    except _GiveUp:
        return stmts
    return list(_rewrite(tuple(stmts), a))


def _has_loop(st: I.Stmt) -> bool:
    if isinstance(st, I.While):
        return True
    if isinstance(st, I.If):
        return any(_has_loop(x) for x in st.then) or any(_has_loop(x) for x in st.else_ or ())
    return False
