"""Trigger selection for user quantifiers, in the manner of Dafny's.

Takes: the bound variables of a translated quantifier and its IVL body.
Guarantees: `select_triggers(vars, body)` returns triggers (patterns) for the quantifier:
  * candidates are the applications (function applications and map selects) of the body
    that mention a bound variable, contain no interpreted operation (arithmetic, logic,
    if-then-else; `old` only of a global) and no variable bound by a nested quantifier; boxing, layer and
    $Alloc terms are never candidates on their own;
  * a candidate that contains another candidate with the same bound variables is dropped
    (the smaller term is more general), as are candidates that would match another term of
    the body built from themselves (a matching loop, `f(i)` with `f(i + 1)`) when other
    candidates remain;
  * every remaining candidate that mentions all bound variables is a trigger; if there is
    none, minimal sets of two or three candidates that together mention all of them are
    (multi-)triggers, looping candidates included if the others give none (`{s[n], s[t]}`);
  * with `smallest`, candidates containing other candidates are dropped first when the
    others still mention every bound variable (see `arith_triggers`);
  * each trigger on a recursive call `F($LS(ly), ..)` also comes with `F(ly, ..)` (the term
    an unfolding produces for recursive calls);
  * `()` when nothing qualifies (the solver then chooses its own patterns).
Triggers only restrict when the solver instantiates a quantifier: never a soundness matter.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ..ivl import ast as I

_MAX_TRIGGERS = 8
_NOT_ALONE = ("$Box.", "$Unbox.", "$LS", "$BoxRank")


def _children(e: I.Expr) -> Iterator[I.Expr]:
    if isinstance(e, I.FunApp):
        yield from e.args
    elif isinstance(e, I.MapSelect):
        yield e.map
        yield from e.indexes
    elif isinstance(e, I.MapStore):
        yield e.map
        yield from e.indexes
        yield e.value
    elif isinstance(e, I.Binary):
        yield e.left
        yield e.right
    elif isinstance(e, I.Unary):
        yield e.arg
    elif isinstance(e, I.IfThenElse):
        yield e.cond
        yield e.then
        yield e.else_
    elif isinstance(e, I.Old) or isinstance(e, I.BvExtract):
        yield e.expr


def _valid_term(e: I.Expr) -> bool:
    """Only uninterpreted applications, variables and literals."""
    if isinstance(e, (I.Ident, I.IntLit, I.BoolLit, I.RealLit, I.BvLit)):
        return True
    if isinstance(e, I.Old):  # a global in the old state: a constant of the solver
        return isinstance(e.expr, I.Ident)
    if isinstance(e, I.FunApp):
        return all(_valid_term(a) for a in e.args)
    if isinstance(e, I.MapSelect):
        return _valid_term(e.map) and all(_valid_term(a) for a in e.indexes)
    return False


def _vars_of(e: I.Expr, names: frozenset[str]) -> frozenset[str]:
    out: set[str] = set()
    stack = [e]
    while stack:
        x = stack.pop()
        if isinstance(x, I.Ident):
            if x.name in names:
                out.add(x.name)
        elif isinstance(x, (I.Quantifier, I.Lambda)):
            continue
        else:
            stack.extend(_children(x))
    return frozenset(out)


def _collect(e: I.Expr, bound: frozenset[str], blocked: frozenset[str],
             out: list[I.Expr]) -> None:
    if isinstance(e, I.Quantifier):
        inner = frozenset(v.name for v in e.vars)
        _collect(e.body, bound - inner, blocked | inner, out)
        return
    if isinstance(e, (I.Lambda, I.Old)):
        return  # terms under `old(...)` would have to be matched in the old state
    if isinstance(e, (I.FunApp, I.MapSelect)) and _valid_term(e):
        vs = _vars_of(e, bound | blocked)
        if vs and not (vs & blocked):
            out.append(e)
    for c in _children(e):
        _collect(c, bound, blocked, out)


def _contains(big: I.Expr, small: I.Expr) -> bool:
    if big == small:
        return True
    return any(_contains(c, small) for c in _children(big))


def _args(e: I.Expr) -> tuple[I.Expr, ...]:
    if isinstance(e, I.FunApp):
        return e.args
    assert isinstance(e, I.MapSelect)
    return (e.map,) + e.indexes


def _loops(t: I.Expr, terms: list[I.Expr], names: frozenset[str]) -> bool:
    """Would an instance of pattern t create another instance (t matches a different term
    of the body that is built from bound variables)?"""
    for u in terms:
        if u == t or type(u) is not type(t):
            continue
        if isinstance(t, I.FunApp) and (not isinstance(u, I.FunApp) or u.name != t.name):
            continue
        ta, ua = _args(t), _args(u)
        if len(ta) != len(ua) or not _vars_of(u, names):
            continue
        if all(a == b or (isinstance(a, I.Ident) and a.name in names) for a, b in zip(ta, ua)):
            return True
    return False


def _all_subterms(e: I.Expr, out: list[I.Expr]) -> None:
    if isinstance(e, (I.Quantifier, I.Lambda)):
        return
    if isinstance(e, (I.FunApp, I.MapSelect)):
        out.append(e)
    for c in _children(e):
        _all_subterms(c, out)


def _unfueled(t: I.Expr) -> I.Expr:
    """t with the fuel of a recursive call `F($LS(ly), ..)` lowered to `F(ly, ..)`: the
    term an unfolding of a call produces for its recursive calls (both denote the same
    value by the fuel axiom, so matching it is as good as matching t)."""
    if isinstance(t, I.FunApp) and t.args and isinstance(t.args[0], I.FunApp) \
            and t.args[0].name == "$LS" and len(t.args[0].args) == 1:
        return I.FunApp(t.name, (t.args[0].args[0],) + t.args[1:])
    return t


def _with_unfueled(trigs: list[I.Trigger]) -> tuple[I.Trigger, ...]:
    out = list(trigs)
    for tr in trigs:
        low = tuple(_unfueled(x) for x in tr.exprs)
        if low != tr.exprs and len(out) < _MAX_TRIGGERS + 4:
            out.append(I.Trigger(low))
    return tuple(out)


def select_triggers(vars_: tuple[I.Formal, ...], body: I.Expr,
                    smallest: bool = False) -> tuple[I.Trigger, ...]:
    """`smallest`: drop every candidate containing another one when the remaining ones
    still mention all variables (Dafny's preference for small terms, which then combine
    into multi-triggers)."""
    return _with_unfueled(list(_select(vars_, body, smallest)))


def triggered_forall(vars_: tuple[I.Formal, ...], guard: I.Expr, body: I.Expr,
                     side: I.Expr = I.BoolLit(True)) -> I.Quantifier:
    """`forall vars :: side && guard ==> body` with triggers as a quantifier written in the
    program gets them (see `ExprTranslator.tr_QuantifierExpr`): integer arithmetic in
    arguments abstracted by bound variables when that gives triggers (`arith_triggers`),
    else `select_triggers`. `side` (e.g. type constraints) is no source of trigger terms."""
    from .arith_triggers import abstract_arithmetic
    whole = _implies(guard, body)
    vars2, eqs, whole2 = abstract_arithmetic(vars_, whole)
    if vars2 != vars_ and has_looping_candidate(vars_, _and(guard, body)):
        trig2 = select_triggers(vars2, _and(eqs, whole2), smallest=True)
        if trig2:
            return I.Quantifier("forall", vars2, _implies(_and(side, eqs), whole2), trig2)
    return I.Quantifier("forall", vars_, _implies(side, whole),
                        select_triggers(vars_, _and(guard, body)))


def has_looping_candidate(vars_: tuple[I.Formal, ...], body: I.Expr) -> bool:
    """Would a trigger candidate of the quantifier match another term of its body built
    from it (`s[n]` with `s[n + 1]`)? Only then is index arithmetic abstracted: elsewhere the
    single triggers chosen without it are as good (`nth(i, xs.tail)` beside
    `nth(i + 1, xs)` does not loop, and a multi-trigger would need both terms)."""
    names = frozenset(v.name for v in vars_)
    raw: list[I.Expr] = []
    _collect(body, names, frozenset(), raw)
    every: list[I.Expr] = []
    _all_subterms(body, every)
    return any(_loops(t, every, names) for t in raw
               if not (isinstance(t, I.FunApp) and t.name.startswith(_NOT_ALONE)))


def _and(a: I.Expr, b: I.Expr) -> I.Expr:
    if isinstance(a, I.BoolLit) and a.value:
        return b
    if isinstance(b, I.BoolLit) and b.value:
        return a
    return I.Binary("&&", a, b)


def _implies(a: I.Expr, b: I.Expr) -> I.Expr:
    if isinstance(a, I.BoolLit) and a.value:
        return b
    return I.Binary("==>", a, b)


def _select(vars_: tuple[I.Formal, ...], body: I.Expr,
            smallest: bool = False) -> tuple[I.Trigger, ...]:
    names = frozenset(v.name for v in vars_)
    if not names:
        return ()
    raw: list[I.Expr] = []
    _collect(body, names, frozenset(), raw)
    cands: list[I.Expr] = []
    for t in raw:
        if t in cands:
            continue
        if isinstance(t, I.FunApp) and t.name.startswith(_NOT_ALONE):
            continue
        if isinstance(t, I.MapSelect) and isinstance(t.map, I.Ident) \
                and t.map.name in ("$Alloc",):
            continue
        cands.append(t)
    if not cands:
        return ()
    vs = {id(t): _vars_of(t, names) for t in cands}
    # the more general (smaller) of two terms over the same variables
    cands = [t for t in cands
             if not any(u is not t and vs[id(u)] == vs[id(t)] and _contains(t, u)
                        for u in cands)]
    if smallest:
        small = [t for t in cands if not any(u is not t and _contains(t, u) for u in cands)]
        if frozenset().union(*(vs[id(t)] for t in small)) == names:
            cands = small
    every: list[I.Expr] = []
    _all_subterms(body, every)
    safe = [t for t in cands if not _loops(t, every, names)]
    all_cands = cands
    if safe:
        cands = safe
    single = [t for t in cands if vs[id(t)] == names]
    if single:
        return tuple(I.Trigger((t,)) for t in single[:_MAX_TRIGGERS])
    out = _multi(cands, vs, names)
    if not out and len(all_cands) > len(cands):
        # as Dafny: terms that would loop alone (`s[n]` beside `s[t]`) may still be parts of
        # a multi-trigger, whose other parts bind the remaining variables
        out = _multi(all_cands, vs, names)
    return out


def _multi(cands: list[I.Expr], vs: dict[int, frozenset[str]],
           names: frozenset[str]) -> tuple[I.Trigger, ...]:
    """Minimal sets of two or three candidates that together mention all of names."""
    out: list[I.Trigger] = []
    chosen: list[frozenset[int]] = []
    for k in (2, 3):
        for combo in itertools.combinations(cands, k):
            cover = frozenset().union(*(vs[id(t)] for t in combo))
            if cover != names:
                continue
            key = frozenset(id(t) for t in combo)
            if any(c <= key for c in chosen):
                continue
            # minimal: no member is redundant
            if any(frozenset().union(*(vs[id(u)] for u in combo if u is not t)) == names
                   for t in combo):
                continue
            chosen.append(key)
            out.append(I.Trigger(tuple(combo)))
            if len(out) >= _MAX_TRIGGERS:
                return tuple(out)
        if out:
            break
    return tuple(out)
