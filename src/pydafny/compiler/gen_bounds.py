"""Bound discovery: turning the range of a quantifier, comprehension or `:|` into finite
Python iterations, as Dafny does when it compiles them.

Given bound variables x1..xn and a range R (a conjunction), `discover` finds for each xi
one of:  `xi in S` (iterate S), `lo <= xi < hi` in any spelling (iterate `range`), `xi == e`
(a single value), `xi <- C` (the Dafny 4 domain), or a `bool` type (both values). A bound
may mention variables already placed, so variables are ordered such that each bound only
uses earlier ones. Conjuncts fully implied by the chosen iteration are dropped from the
filter; every other conjunct stays as a filter, so the generated iteration enumerates
exactly { (x1..xn) | R }. If some variable has no bound the construct is not compilable
and a CompileError names it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..semantics import types as T
from ..syntax import ast
from .emitter import CompileError


def conjuncts(e: ast.Expr | None) -> list[ast.Expr]:
    """Flatten `a && b` and split comparison chains into adjacent pairs."""
    if e is None:
        return []
    if isinstance(e, ast.BinaryExpr) and e.op == "&&":
        return conjuncts(e.left) + conjuncts(e.right)
    if isinstance(e, ast.ChainExpr):
        out: list[ast.Expr] = []
        for i, op in enumerate(e.ops):
            b = ast.BinaryExpr(op, e.operands[i], e.operands[i + 1], span=e.span,
                               type=ast.BoolType())
            t = e.operands[i].type
            b.resolved_op = f"{op}:{T.family(t) if t is not None else '?'}"
            out.append(b)
        return out
    return [e]


def mentions(e: ast.Node, decls: set[int]) -> bool:
    """Does `e` mention a variable whose declaration id is in `decls`?"""
    stack: list[Any] = [e]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.NameExpr) and id(n.decl) in decls:
            return True
        if isinstance(n, ast.VarPattern) and id(n.decl) in decls:
            return True
        stack.extend(ast.children(n))
    return False


def _is_var(e: ast.Expr, v: ast.BoundVar) -> bool:
    return isinstance(e, ast.NameExpr) and e.decl is v


def _is_nat(t: ast.Type | None) -> bool:
    """`nat` (or a synonym of it): its values are bounded below by 0."""
    from ..semantics import builtins as B
    if t is None:
        return False
    n = T.normalize(t)
    return isinstance(n, ast.UserType) and n.decl is B.NAT


def _tuple_path(e: ast.Expr, v: ast.BoundVar) -> tuple[int, ...] | None:
    """The component indices leading to v in a (nested) tuple expression."""
    if _is_var(e, v):
        return ()
    if isinstance(e, ast.TupleExpr) and len(e.elems) > 1:
        for k, x in enumerate(e.elems):
            sub = _tuple_path(x, v)
            if sub is not None:
                return (k, *sub)
    return None


@dataclass(slots=True)
class Bound:
    var: ast.BoundVar
    kind: str                      # 'in', 'range', 'eq', 'bool', 'domain'
    source: ast.Expr | None = None
    lo: ast.Expr | None = None
    lo_plus: int = 0
    hi: ast.Expr | None = None
    hi_plus: int = 0
    used: list[int] = field(default_factory=list)   # indices of conjuncts implied
    path: tuple[int, ...] = ()     # 'in' through a tuple: `(a, x) in S` iterates S's [1]s
    enum: ast.DatatypeDecl | None = None   # 'enum': a datatype of nullary constructors


def _bound_for(v: ast.BoundVar, conj: list[ast.Expr], forbidden: set[int]) -> Bound | None:
    if v.domain is not None and not mentions(v.domain, forbidden):
        return Bound(v, "domain", source=v.domain)
    lo: tuple[ast.Expr, int, int] | None = None
    hi: tuple[ast.Expr, int, int] | None = None
    for i, c in enumerate(conj):
        if not isinstance(c, ast.BinaryExpr):
            continue
        op, l, r = c.op, c.left, c.right
        if op == "in" and _is_var(l, v) and not mentions(r, forbidden):
            return Bound(v, "in", source=r, used=[i])
        if op == "in" and isinstance(l, ast.TupleExpr) and not mentions(r, forbidden):
            path = _tuple_path(l, v)
            if path is not None:
                # the conjunct stays as a filter: the other components must match too
                return Bound(v, "in", source=r, path=path)
        if op == "==" and _is_var(l, v) and not mentions(r, forbidden):
            return Bound(v, "eq", source=r, used=[i])
        if op == "==" and _is_var(r, v) and not mentions(l, forbidden):
            return Bound(v, "eq", source=l, used=[i])
        if op in ("<", "<=", ">", ">="):
            if _is_var(l, v) and not mentions(r, forbidden):
                other, var_left = r, True
            elif _is_var(r, v) and not mentions(l, forbidden):
                other, var_left = l, False
            else:
                continue
            # normalize to: v OP other
            nop = op if var_left else {"<": ">", "<=": ">=", ">": "<", ">=": "<="}[op]
            if nop == "<" and hi is None:
                hi = (other, 0, i)
            elif nop == "<=" and hi is None:
                hi = (other, 1, i)
            elif nop == ">" and lo is None:
                lo = (other, 1, i)
            elif nop == ">=" and lo is None:
                lo = (other, 0, i)
    if lo is None and hi is not None and _is_nat(v.type):
        return Bound(v, "range", lo=ast.IntLit(0, "0"), hi=hi[0], hi_plus=hi[1],
                     used=[hi[2]])
    if lo is not None and hi is not None:
        return Bound(v, "range", lo=lo[0], lo_plus=lo[1], hi=hi[0], hi_plus=hi[1],
                     used=[lo[2], hi[2]])
    if isinstance(T.base_type(v.type), ast.BoolType):
        return Bound(v, "bool")
    n = T.normalize(v.type)
    if isinstance(n, ast.UserType) and isinstance(n.decl, ast.DatatypeDecl) and all(
            all(f.is_ghost for f in c.formals) for c in n.decl.ctors) and not n.decl.is_co:
        return Bound(v, "enum", enum=n.decl)
    return None


def _half_bound(v: ast.BoundVar, conj: list[ast.Expr], forbidden: set[int]) -> Bound | None:
    """For `:|` only (a witness is known to exist, so a search may be infinite): an int
    variable bounded on one side is enumerated from that side, an unbounded one as
    0, -1, 1, -2, 2, ..."""
    if not isinstance(T.base_type(v.type), ast.IntType):
        return None
    for op, e, i in _comparisons(v, conj):
        if mentions(e, forbidden):
            continue
        if op in (">", ">="):
            return Bound(v, "up", lo=e, lo_plus=1 if op == ">" else 0, used=[i])
        if op in ("<", "<="):
            return Bound(v, "down", hi=e, hi_plus=1 if op == "<=" else 0, used=[i])
    return Bound(v, "all")


def discover(vars_: list[ast.BoundVar], rng: ast.Expr | None,
             where: ast.Node, search: bool = False) -> tuple[list[Bound], list[ast.Expr]]:
    """Bounds for every variable (in iteration order) and the conjuncts left as filters.
    `search` (for `:|`) also allows infinite enumerations of ints."""
    conj = conjuncts(rng)
    pending = list(vars_)
    placed: list[Bound] = []
    while pending:
        progress = False
        for v in list(pending):
            forbidden = {id(x) for x in pending}
            b = _bound_for(v, conj, forbidden)
            if b is not None:
                placed.append(b)
                pending.remove(v)
                progress = True
                break
        if not progress:
            # e.g. `0 <= i < j < n`: i's upper bound is j, itself still unplaced; follow
            # such var-to-var comparisons to a bound free of unplaced variables (a looser
            # range; the comparison stays as a filter)
            forbidden = {id(x) for x in pending}
            for v in list(pending):
                b = _transitive_bound(v, conj, forbidden, pending)
                if b is not None:
                    placed.append(b)
                    pending.remove(v)
                    progress = True
                    break
        if not progress and search:
            forbidden = {id(x) for x in pending}
            for v in list(pending):
                b = _half_bound(v, conj, forbidden)
                if b is not None:
                    placed.append(b)
                    pending.remove(v)
                    progress = True
                    break
        if not progress:
            names = ", ".join(v.name for v in pending)
            raise CompileError(where.span, "unsupported: cannot compile this quantifier, "
                               f"comprehension or ':|': no finite bound found for {names}")
    used = {i for b in placed for i in b.used}
    rest = [c for i, c in enumerate(conj) if i not in used]
    return placed, rest


_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


def _comparisons(v: ast.BoundVar, conj: list[ast.Expr]) -> list[tuple[str, ast.Expr, int]]:
    """Every conjunct `v OP e` (normalized so that v is on the left)."""
    out: list[tuple[str, ast.Expr, int]] = []
    for i, c in enumerate(conj):
        if isinstance(c, ast.BinaryExpr) and c.op in _FLIP:
            if _is_var(c.left, v):
                out.append((c.op, c.right, i))
            elif _is_var(c.right, v):
                out.append((_FLIP[c.op], c.left, i))
    return out


def _side(v: ast.BoundVar, conj: list[ast.Expr], forbidden: set[int],
          pending: list[ast.BoundVar], upper: bool,
          seen: set[int]) -> tuple[ast.Expr, int] | None:
    """An expression free of unplaced variables bounding v from above (exclusive, plus
    the int offset) or from below (inclusive), possibly through other variables."""
    seen = seen | {id(v)}
    ops = ("<", "<=") if upper else (">", ">=")
    for op, e, _ in _comparisons(v, conj):
        if op in ops and not mentions(e, forbidden):
            return e, (1 if op == "<=" else 0) if upper else (1 if op == ">" else 0)
    for op, e, _ in _comparisons(v, conj):
        if op in ops:
            w = next((x for x in pending if _is_var(e, x)), None)
            if w is not None and id(w) not in seen:
                r = _side(w, conj, forbidden, pending, upper, seen)
                if r is not None:
                    return r
    return None


def _transitive_bound(v: ast.BoundVar, conj: list[ast.Expr], forbidden: set[int],
                      pending: list[ast.BoundVar]) -> Bound | None:
    hi = _side(v, conj, forbidden, pending, True, set())
    lo = _side(v, conj, forbidden, pending, False, set())
    if lo is None and _is_nat(v.type):
        lo = (ast.IntLit(0, "0"), 0)
    if hi is None or lo is None:
        return None
    return Bound(v, "range", lo=lo[0], lo_plus=lo[1], hi=hi[0], hi_plus=hi[1], used=[])


def iteration_source(b: Bound, expr: Callable[[ast.Expr], str]) -> str:
    """The Python iterable for one bound."""
    if b.kind in ("in", "domain"):
        assert b.source is not None
        if b.path:
            sel = "".join(f"[{k}]" for k in b.path)
            return f"(_t{sel} for _t in {expr(b.source)})"
        return expr(b.source)
    if b.kind == "eq":
        assert b.source is not None
        return f"({expr(b.source)},)"
    if b.kind == "bool":
        return "(False, True)"
    if b.kind == "up":
        assert b.lo is not None
        return f"_itertools.count({expr(b.lo)}{f' + {b.lo_plus}' if b.lo_plus else ''})"
    if b.kind == "down":
        assert b.hi is not None
        return f"_itertools.count({expr(b.hi)} - {1 - b.hi_plus}, -1)"
    if b.kind == "all":
        return "_rt.all_ints()"
    assert b.lo is not None and b.hi is not None
    if isinstance(T.base_type(b.var.type), ast.CharType):
        # chars range over code points: 'a' <= c <= 'z'
        lo = f"ord({expr(b.lo)})" + (f" + {b.lo_plus}" if b.lo_plus else "")
        hi = f"ord({expr(b.hi)})" + (f" + {b.hi_plus}" if b.hi_plus else "")
        return f"map(chr, range({lo}, {hi}))"
    lo = expr(b.lo) + (f" + {b.lo_plus}" if b.lo_plus else "")
    hi = expr(b.hi) + (f" + {b.hi_plus}" if b.hi_plus else "")
    return f"range({lo}, {hi})"
