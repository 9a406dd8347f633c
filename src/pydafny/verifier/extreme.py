"""Extreme predicates and lemmas (least/greatest), as Dafny encodes them, with nat depths.

Takes: the resolved program's functions and methods (before the call graphs are built).
Guarantees (`prepare`):
  * each extreme predicate P (greatest or least) whose recursive calls (to P's recursive group,
    which must consist of extreme predicates of the same kind) all sit in positive continuous
    positions (through &&, ||, the right of ==>, if/match branches, let bodies, and `forall`
    for greatest / `exists` for least; never under negation, in conditions or arguments) gets
    a prefix predicate `P#(_k: nat, x)`: `_k == 0 ? (greatest) : body[Q(y) := Q#(_k-1, y)]`,
    an ordinary function terminating on `_k`. P keeps its body as its definition (true: P is a
    fixed point of its body); its recursive calls need no termination proof. Axiom (after
    `declare_function`): greatest P(x) <==> forall k >= 0 :: P#(k, x); least P(x) <==>
    exists k >= 0 :: P#(k, x). True: P#(k) is the k-th approximant, and the checked shape
    makes the body co-continuous (greatest) / continuous (least), so the greatest (least)
    fixed point is the intersection (union) of the finite approximants.
  * each extreme lemma L with a body gets a prefix lemma `L#(_k: nat, x)`: for a greatest
    lemma its ensures, for a least lemma its requires, with the extreme predicates of L's kind
    (and, for greatest, codatatype `==`) in positive continuous positions replaced by their
    prefix versions at depth `_k`; decreases `_k, <L's decreases>`; body
    `if 0 < _k { body' }` where body' calls `L'#(_k-1, ..)` for calls of extreme lemmas L' of
    L's kind in L's recursive group, `L'#(e, ..)` for `L'#[e](..)`, uses the nat `_k`, and
    calls prefix predicates at `_k-1` for the focal predicates' groups. L# is an ordinary
    lemma (checked, with termination on `_k`). L itself keeps its specification; its
    implementation (`main_impl`) assumes the prefix lemma's postcondition for every k (true:
    L# is verified) and checks L's own postcondition from it, so no limit argument is trusted.
  * a prefix lemma that can reach its own main lemma through calls is unsupported (the main
    lemma's proof uses the prefix lemma for every depth, which is not a decreasing call).
Everything else about extreme declarations (ORDINAL depths other than `_k`, specifications
on extreme predicates, mixed groups) raises `Unsupported`.
"""

# The rewriting closures below are called only within the loop iteration that defines them.
# ruff: noqa: B023

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from ..ivl import ast as I
from ..semantics import builtins as B
from ..semantics import types as T
from ..syntax import ast as D
from .unsupported import Unsupported


@dataclass
class Plan:
    prefix_fn: dict[int, D.Function] = field(default_factory=dict)    # id(P) -> P#
    prefix_lemma: dict[int, D.Method] = field(default_factory=dict)   # id(L) -> L#
    errors: list[tuple[Unsupported, Any]] = field(default_factory=list)
    bad: set[int] = field(default_factory=set)                        # declarations dropped


# ---------------------------------------------------------------------- AST helpers
def _nat() -> D.Type:
    return D.UserType(["nat"], [], decl=B.NAT)


def _name(f: Any) -> D.NameExpr:
    n = D.NameExpr(f.name, type=f.type)
    n.decl = f
    return n


def _int(v: int) -> D.IntLit:
    return D.IntLit(v, type=D.IntType())


def _bin(op: str, a: D.Expr, b: D.Expr, t: D.Type) -> D.BinaryExpr:
    return D.BinaryExpr(op, a, b, type=t)


def _children_rewrite(node: Any, f: Callable[[Any], Any]) -> Any:
    """node with f applied to its child nodes (a shallow copy when one changed)."""
    changes: dict[str, Any] = {}
    for fl in fields(node):
        if not fl.compare:
            continue
        v = getattr(node, fl.name)
        if isinstance(v, D.Node):
            nv = f(v)
            if nv is not v:
                changes[fl.name] = nv
        elif isinstance(v, list):
            nl, ch = [], False
            for item in v:
                if isinstance(item, D.Node):
                    ni = f(item)
                    ch = ch or ni is not item
                    nl.append(ni)
                elif isinstance(item, tuple):
                    nt = tuple(f(x) if isinstance(x, D.Node) else x for x in item)
                    ch = ch or any(a is not b for a, b in zip(nt, item))
                    nl.append(nt)
                else:
                    nl.append(item)
            if ch:
                changes[fl.name] = nl
    if not changes:
        return node
    new = copy.copy(node)
    for k, v in changes.items():
        setattr(new, k, v)
    return new


_OPAQUE = (D.Type, D.Formal, D.Decl, D.LocalVar, D.BoundVar)


def rewrite(node: Any, f: Callable[[Any], Any | None]) -> Any:
    """Bottom-up functional rewrite: f(node) may return a replacement (else None); types,
    declarations and bound/local variables are shared, never copied."""
    if isinstance(node, _OPAQUE):
        return node
    r = f(node)
    if r is not None:
        return r
    return _children_rewrite(node, lambda c: rewrite(c, f))


def _calls_to(e: D.Node, ids: set[int]) -> bool:
    """Does e call, or name as a value, a declaration of `ids`?"""
    found = [False]

    class V(D.Traverser):
        def visit_ApplyExpr(self, n: D.ApplyExpr) -> None:
            if id(n.decl) in ids:
                found[0] = True
            self.generic_visit(n)

        def visit_NameExpr(self, n: D.NameExpr) -> None:
            if id(n.decl) in ids:
                found[0] = True
            self.generic_visit(n)

        def visit_MemberSelect(self, n: D.MemberSelect) -> None:
            if id(n.decl) in ids:
                found[0] = True
            self.generic_visit(n)

    V().visit(e)
    return found[0]


def _is_codatatype(t: Any) -> bool:
    n = T.normalize(t) if t is not None else None
    return isinstance(n, D.UserType) and isinstance(n.decl, D.DatatypeDecl) and n.decl.is_co


# ---------------------------------------------------------------------- positions
def positive_rewrite(e: D.Expr, kind: str, leaf: Callable[[D.Expr], D.Expr | None]
                     ) -> D.Expr:
    """Apply `leaf` at the positive continuous positions of e (see the module docstring);
    elsewhere e is unchanged."""
    def go(x: D.Expr) -> D.Expr:
        r = leaf(x)
        if r is not None:
            return r
        if isinstance(x, D.BinaryExpr) and x.op in ("&&", "||"):
            return _with(x, left=go(x.left), right=go(x.right))
        if isinstance(x, D.BinaryExpr) and x.op == "==>":
            return _with(x, right=go(x.right))
        if isinstance(x, D.ITEExpr):
            return _with(x, then=go(x.then), else_=go(x.else_))
        if isinstance(x, D.MatchExpr):
            return _with(x, cases=[_with(c, body=go(c.body)) for c in x.cases])
        if isinstance(x, (D.LetExpr, D.StmtExpr)):
            return _with(x, body=go(x.body))
        if isinstance(x, D.QuantifierExpr) and x.kind == ("forall" if kind == "greatest"
                                                          else "exists"):
            return _with(x, body=go(x.body))
        return x
    return go(e)


def _with(node: Any, **kw: Any) -> Any:
    if all(getattr(node, k) is v for k, v in kw.items()):
        return node
    new = copy.copy(node)
    for k, v in kw.items():
        setattr(new, k, v)
    return new


def check_predicate_body(e: D.Expr, kind: str, peers: set[int], span: Any) -> None:
    """Raise Unsupported unless every call to `peers` in e is in a positive continuous
    position with arguments free of such calls."""
    bad = [False]

    def leaf(x: D.Expr) -> D.Expr | None:
        if isinstance(x, D.ApplyExpr) and id(x.decl) in peers:
            if any(_calls_to(b.expr, peers) for b in x.args) or \
                    getattr(x.callee, "prefix_depth", None) is not None:
                bad[0] = True
            return _int(0)   # a placeholder: only whether calls remain matters
        return None

    rest = positive_rewrite(e, kind, leaf)
    if bad[0] or _calls_to(rest, peers):
        raise Unsupported(span, f"{kind} predicate whose recursive calls are not in positive "
                                f"continuous positions")


# ---------------------------------------------------------------------- preparation
def _sccs(items: list[Any], edges: dict[int, list[Any]]) -> dict[int, int]:
    from .translator import _sccs as sccs
    return sccs(items, edges)


def _fn_calls(f: Any) -> list[Any]:
    out: list[Any] = []

    class V(D.Traverser):
        def visit_ApplyExpr(self, n: D.ApplyExpr) -> None:
            if isinstance(n.decl, (D.Function, D.Method)):
                out.append(n.decl)
            self.generic_visit(n)

    V().visit(f)
    return out


def prepare(funcs: list[D.Function], methods: list[D.Method], cocalls: set[int]) -> Plan:
    plan = Plan()
    ext_f = [f for f in funcs if f.extreme]
    ext_m = [m for m in methods if m.kind in ("least lemma", "greatest lemma")]
    if not ext_f and not ext_m:
        return plan
    fcomp = _sccs(funcs, {id(f): [g for g in _fn_calls(f) if isinstance(g, D.Function)]
                          for f in funcs})
    # ---- predicates
    groups: dict[int, list[D.Function]] = {}
    for f in funcs:
        groups.setdefault(fcomp[id(f)], []).append(f)
    done: set[int] = set()
    for f in ext_f:
        if id(f) in done:
            continue
        group = groups[fcomp[id(f)]]
        peers = {id(g) for g in group}
        for g in group:
            done.add(id(g))
        try:
            for g in group:
                if g.extreme != f.extreme:
                    raise Unsupported(g.span, "recursive groups mixing extreme predicates "
                                              "and other functions")
                if g.requires or g.ensures or g.reads or g.body is None:
                    raise Unsupported(g.span, f"{f.extreme} predicates with a "
                                              f"specification or without a body")
                if not (g.is_static or not isinstance(g.owner, (D.ClassDecl,
                                                                D.DatatypeDecl))):
                    raise Unsupported(g.span, f"{f.extreme} predicates as members")
                check_predicate_body(g.body, f.extreme, peers, g.span)
        except Unsupported as ex:
            for g in group:
                plan.errors.append((ex, g))
                plan.bad.add(id(g))
            continue
        ks = {id(g): D.Formal("_k", _nat(), is_ghost=True, span=g.span) for g in group}
        protos: dict[int, D.Function] = {}
        for g in group:
            p = copy.copy(g)
            p.name = g.name + "#"
            p.kind = "predicate"
            p.extreme = ""
            p.formals = [ks[id(g)]] + list(g.formals)
            p.decreases = None
            p.attributes = []
            protos[id(g)] = p
        for g in group:
            p = protos[id(g)]
            k = ks[id(g)]
            km1 = _bin("-", _name(k), _int(1), D.IntType())

            def leaf(x: Any, km1: D.Expr = km1) -> Any | None:
                if isinstance(x, D.ApplyExpr) and id(x.decl) in peers:
                    return _prefix_apply(x, protos[id(x.decl)], km1, "function")
                return None
            body = rewrite(g.body, leaf)
            p.body = D.ITEExpr(_bin("==", _name(k), _int(0), D.BoolType()),
                               D.BoolLit(f.extreme == "greatest", type=D.BoolType()), body,
                               type=D.BoolType())
            plan.prefix_fn[id(g)] = p
            # P's own recursive calls: a fixed point, not a terminating recursion
            for c in _apply_nodes(g.body):
                if id(c.decl) in peers:
                    cocalls.add(id(c))
    _prepare_lemmas(plan, funcs, methods, ext_m, fcomp)
    return plan


def _prepare_lemmas(plan: Plan, funcs: list[D.Function], methods: list[D.Method],
                    ext_m: list[D.Method], fcomp: dict[int, int]) -> None:
    mcomp = _sccs(methods, {id(m): [g for g in _fn_calls(m) if isinstance(g, D.Method)]
                            for m in methods})
    protos: dict[int, D.Method] = {}
    ks: dict[int, D.Formal] = {}
    for m in ext_m:
        if m.body is None:
            continue   # an axiom: an ordinary body-less lemma
        p = copy.copy(m)
        p.name = m.name + "#"
        p.kind = "lemma"
        k = D.Formal("_k", _nat(), is_ghost=True, span=m.span)
        ks[id(m)] = k
        p.ins = [k] + list(m.ins)
        protos[id(m)] = p
    for m in ext_m:
        if id(m) not in protos:
            continue
        p, k = protos[id(m)], ks[id(m)]
        kind = m.kind.split()[0]
        try:
            if m.outs or m.modifies or m.reads:
                raise Unsupported(m.span, f"{m.kind}s with outputs or frames")
            peers = {id(g) for g in ext_m if mcomp[id(g)] == mcomp[id(m)] and g.kind == m.kind}
            focal_groups: set[int] = set()

            def spec_leaf(x: Any, depth: D.Expr) -> Any | None:
                if isinstance(x, D.ApplyExpr) and isinstance(x.decl, D.Function) \
                        and x.decl.extreme == kind and id(x.decl) in plan.prefix_fn \
                        and getattr(x.callee, "prefix_depth", None) is None:
                    focal_groups.add(fcomp[id(x.decl)])
                    return _prefix_apply(x, plan.prefix_fn[id(x.decl)], depth, "function")
                if kind == "greatest" and isinstance(x, D.BinaryExpr) and x.op == "==" \
                        and _is_codatatype(x.left.type):
                    return D.PrefixEqExpr(x.left, x.right, depth, type=D.BoolType(),
                                          span=x.span)
                return None

            def spec(c: D.SpecExpr) -> D.SpecExpr:
                e = positive_rewrite(c.expr, kind, lambda x: spec_leaf(x, _name(k)))
                return _with(c, expr=_fix_k(e, k))
            if kind == "greatest":
                p.ensures = [spec(c) for c in m.ensures]
                p.requires = [_with(c, expr=_fix_k(c.expr, k)) for c in m.requires]
            else:
                p.requires = [spec(c) for c in m.requires]
                p.ensures = [_with(c, expr=_fix_k(c.expr, k)) for c in m.ensures]
            from .termination import decreases_exprs
            dec = decreases_exprs(m)
            if dec is None:
                raise Unsupported(m.span, f"{m.kind} with 'decreases *'")
            p.decreases = D.Decreases([_name(k)] + [_fix_k(x, k) for x in dec])
            km1 = _bin("-", _name(k), _int(1), D.IntType())
            focal = {id(f) for f in funcs if fcomp[id(f)] in focal_groups
                     and id(f) in plan.prefix_fn}

            def body_leaf(x: Any) -> Any | None:
                if isinstance(x, D.ApplyExpr) and isinstance(x.decl, D.Method) \
                        and x.decl.kind in ("least lemma", "greatest lemma"):
                    pd = getattr(x.callee, "prefix_depth", None)
                    if pd is not None:
                        if id(x.decl) not in protos:
                            raise Unsupported(x.span, "prefix call of this lemma")
                        return _prefix_apply(_args_fixed(x, k), protos[id(x.decl)],
                                             _fix_k(pd, k), "method")
                    if id(x.decl) in peers:
                        return _prefix_apply(_args_fixed(x, k), protos[id(x.decl)], km1,
                                             "method")
                if isinstance(x, D.ApplyExpr) and id(x.decl) in focal and \
                        getattr(x.callee, "prefix_depth", None) is None:
                    return _prefix_apply(_args_fixed(x, k), plan.prefix_fn[id(x.decl)], km1,
                                         "function")
                return None
            body = rewrite(m.body, body_leaf)
            body = _fix_k(body, k)
            guard = _bin("<", _int(0), _name(k), D.BoolType())
            p.body = D.BlockStmt([D.IfStmt(guard, body, span=m.body.span)],
                                 span=m.body.span)
        except Unsupported as ex:
            plan.errors.append((ex, m))
            plan.bad.add(id(m))
            continue
        plan.prefix_lemma[id(m)] = p


def _args_fixed(x: D.ApplyExpr, k: D.Formal) -> D.ApplyExpr:
    return _with(x, args=[_with(b, expr=_fix_k(b.expr, k)) for b in x.args])


def _fix_k(e: Any, k: D.Formal) -> Any:
    """References to the implicit ORDINAL `_k` become the nat formal k; expressions of type
    ORDINAL built from it with integer literals, + and - become int expressions; any other
    ORDINAL value is unsupported."""
    def leaf(x: Any) -> Any | None:
        if isinstance(x, D.NameExpr) and x.name == "_k" and isinstance(x.decl, D.Formal) \
                and x.decl is not k:
            return _name(k)
        if isinstance(x, D.Expr) and isinstance(x.type, D.OrdinalType):
            if isinstance(x, D.IntLit):
                return _int(x.value)
            if isinstance(x, D.BinaryExpr) and x.op in ("+", "-"):
                return D.BinaryExpr(x.op, _fix_k(x.left, k), _fix_k(x.right, k),
                                    type=D.IntType(), span=x.span)
            raise Unsupported(x.span, "ORDINAL values")
        return None
    return rewrite(e, leaf)


def _apply_nodes(e: D.Node) -> list[D.ApplyExpr]:
    out: list[D.ApplyExpr] = []

    class V(D.Traverser):
        def visit_ApplyExpr(self, n: D.ApplyExpr) -> None:
            out.append(n)
            self.generic_visit(n)

    V().visit(e)
    return out


def _prefix_apply(x: D.ApplyExpr, target: Any, depth: D.Expr, kind: str) -> D.ApplyExpr:
    callee = x.callee
    if getattr(callee, "prefix_depth", None) is not None:
        callee = _with(callee, prefix_depth=None)
    new = D.ApplyExpr(callee, [D.Binding(depth)] + list(x.args), type=x.type,
                      span=x.span)
    new.kind = kind
    new.decl = target
    new.inst = x.inst
    return new


# ---------------------------------------------------------------------- translation
def plan_of(ctx: Any) -> Plan | None:
    for item in ctx.keep:
        if isinstance(item, Plan):
            return item
    return None


def predicate_axioms(ctx: Any, plan: Plan) -> None:
    """P(x) <==> forall k >= 0 :: P#(k, x) (greatest), exists k >= 0 (least); see the module
    docstring for why this is true."""
    from .constraints import type_constraint
    from .encoding import conj, implies
    from .functions import LS, LZ, signature
    for pid, pf in plan.prefix_fn.items():
        info = ctx.funcs.get(pid)
        pinfo = ctx.funcs.get(id(pf))
        if info is None or pinfo is None:
            continue
        g: D.Function = info.decl
        formals, env, _ = signature(ctx, info)
        args = [I.Ident(x.name) for x in formals]
        head = I.FunApp(info.name, tuple(args))
        kv = I.Ident("k#x")
        pargs: list[I.Expr] = []
        if pinfo.recursive:
            pargs.append(LS(LZ))
        pargs.append(kv)
        pargs.extend(env.vars[id(x)] for x in g.formals)
        papp = I.FunApp(pinfo.name, tuple(pargs))
        nonneg = I.Binary("<=", I.IntLit(0), kv)
        if g.extreme == "greatest":
            inner = I.Quantifier("forall", (I.Formal("k#x", I.INT),), implies(nonneg, papp),
                                 (I.Trigger((papp,)),))
        else:
            inner = I.Quantifier("exists", (I.Formal("k#x", I.INT),), conj([nonneg, papp]),
                                 (I.Trigger((papp,)),))
        guards = [type_constraint(ctx, x.type, env.vars[id(x)]) for x in g.formals]
        h = max(info.height, pinfo.height)
        hg = I.Binary("<", I.IntLit(h), I.Ident("$Height"))
        ctx.decls.append(I.AxiomDecl(implies(hg, I.Quantifier(
            "forall", tuple(formals), implies(conj(guards), I.Binary("<==>", head, inner)),
            (I.Trigger((head,)),)))))


def main_impl(ctx: Any, info: Any, declared: Any, pre: D.Method) -> list[I.ImplementationDecl]:
    """The implementation of extreme lemma L: its prefix lemma's postcondition holds for every
    depth k >= 0 (L# is verified on its own); L's ensures is then checked at return."""
    from .context import WF
    from .encoding import conj, implies
    from .exprs import ExprTranslator
    from .methods import spec_wf_impl
    m: D.Method = info.decl
    entry, env, ins, outs = declared
    impls: list[I.ImplementationDecl] = []
    wf_impl = spec_wf_impl(ctx, info, env, ins, outs)
    if wf_impl is not None:
        impls.append(wf_impl)
    k = pre.ins[0]
    facts: list[I.Expr] = []
    for fuel in (None, I.FunApp("$LS", (I.FunApp("$LS", (I.Ident("$LZ"),)),))):
        env2 = env.copy()
        env2.vars[id(k)] = I.Ident("k#m")
        env2.old_heap = dict(env2.heap)
        if fuel is not None:
            env2.fuel = fuel
        tr = ExprTranslator(ctx, env2, WF(None))
        req = conj([tr.tr(r.expr) for r in pre.requires])
        ens = conj([tr.tr(e.expr) for e in pre.ensures])
        facts.append(I.Quantifier("forall", (I.Formal("k#m", I.INT),), implies(
            conj([I.Binary("<=", I.IntLit(0), I.Ident("k#m")), req]), ens)))
    body: list[I.Stmt] = list(entry)
    for fct in facts:
        body.append(I.Assume(fct))
    end = m.body.span if m.body is not None else m.span
    body.append(I.Return(span=end))
    impls.append(I.ImplementationDecl(info.name, tuple(ins), tuple(outs),
                                      I.Body((), (I.Block("start", tuple(body)),)),
                                      span=m.span))
    return impls


def prefix_function_call(tr: Any, e: D.ApplyExpr) -> I.Expr:
    """`P#[k](x)` written in the program, k a natural number."""
    plan = plan_of(tr.ctx)
    pf = plan.prefix_fn.get(id(e.decl)) if plan is not None else None
    depth = e.callee.prefix_depth
    if isinstance(depth, D.IntLit):
        depth = _int(depth.value)
    if pf is None or depth.type is None or T.family(depth.type) != "int":
        raise Unsupported(e.span, "this prefix predicate call")
    call = _prefix_apply(e, pf, depth, "function")
    return tr.function_call(call)
