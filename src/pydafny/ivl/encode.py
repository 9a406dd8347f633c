"""Encoding of type-checked IVL types and expressions as SMT terms.

Takes: a `ProgramInfo` from the type checker (the program must have no type errors).
Guarantees:
  * `sort(t)` maps int/real/bool/bvN to the SMT sorts, monomorphic maps to arrays, type
    constructor applications to uninterpreted sorts (one per distinct application), and
    polymorphic map types to uninterpreted sorts with per-instantiation select/store functions.
  * `expr(e, env)` encodes an expression; identifiers are looked up in the bound-variable scopes,
    then through `env` (the caller's incarnation map), then among the program's constants.
    Bound variables get unique names, so inlining cannot capture.
  * `{:inline}` functions are expanded; `{:bvbuiltin}`/`{:builtin}` functions become the named
    SMT operators; other functions are uninterpreted, and a function with a body gets the
    definition axiom  forall params :: {f(params)} f(params) == body.
  * `background()` returns all axioms: user axioms (a polymorphic `forall<T>` conjunct becomes
    its instances for the ground types the VC uses, at most MAX_INSTANCES), distinctness of `unique` constants per type,
    function definitions, and for polymorphic maps, for instances s and t of the same map type:
        forall m, i, v :: select_s(store_s(m, i, v), i) == v
        forall m, i, v, j :: i != j ==> select_t(store_s(m, i, v), j) == select_t(m, j)
    (the guard is dropped when s != t: their index tuples have different sorts).
Unsupported constructs raise `EncodeError(span, message)`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from ..smt import terms as T
from ..smt.terms import Sort, Term
from ..syntax.source import Span
from . import ast as A
from .typecheck import ProgramInfo, subst_type, unify

MAX_INSTANCES = 64  # instances of one polymorphic axiom


class EncodeError(Exception):
    def __init__(self, span: Span, message: str) -> None:
        super().__init__(message)
        self.span = span
        self.message = message


class Env:
    """How free identifiers of an expression are encoded: `cur(name)` gives the current value,
    `old(name)` the value inside `old(...)` (None when identifiers are not variables)."""

    __slots__ = ("cur", "old")

    def __init__(self, cur: Callable[[str], Term | None],
                 old: Callable[[str], Term | None] | None = None) -> None:
        self.cur = cur
        self.old = old


def _type_name(t: A.Type) -> str:
    if isinstance(t, A.CtorType):
        return t.name if not t.args else f"{t.name}<{','.join(_type_name(a) for a in t.args)}>"
    return str(t).replace(" ", "")


class _PolyMap:
    def __init__(self, mtype: A.MapType, sort: Sort) -> None:
        self.mtype = mtype
        self.sort = sort
        self.instances: dict[tuple[A.Type, ...], tuple[T.FunSym, T.FunSym, tuple[Sort, ...],
                                                      Sort]] = {}


class Encoder:
    def __init__(self, info: ProgramInfo) -> None:
        self.info = info
        self.sorts: dict[A.Type, Sort] = {}
        self.sort_types: dict[Sort, A.Type] = {}
        self.funs: dict[tuple[str, tuple[A.Type, ...]], T.FunSym] = {}
        self.fun_axioms: list[Term] = []
        self.polymaps: dict[A.MapType, _PolyMap] = {}
        self.consts: dict[str, Term] = {}
        self.signatures: dict[str, tuple[list[A.Type], A.Type]] = {}  # resolved, per function
        self.tsub: dict[str, A.Type] = {}  # type parameters of the polymorphic axiom at hand
        self.fresh = 0
        self.scopes: list[dict[str, Term]] = []
        self.inlining: list[str] = []
        self._old_active = False

    # ---------------------------------------------------------------- sorts
    def sort(self, t: A.Type) -> Sort:
        s = self.sorts.get(t)
        if s is not None:
            return s
        if isinstance(t, A.BasicType):
            s = {"int": T.INT, "real": T.REAL, "bool": T.BOOL}[t.name]
        elif isinstance(t, A.BvType):
            s = T.bv_sort(t.width)
        elif isinstance(t, A.MapType):
            if t.tparams:
                s = T.uninterpreted(f"PolyMap{len(self.polymaps)}")
                self.polymaps[t] = _PolyMap(t, s)
            else:
                s = T.array_sort(tuple(self.sort(d) for d in t.domain), self.sort(t.range))
        elif isinstance(t, A.CtorType):
            s = T.uninterpreted(_type_name(t))
        else:
            raise EncodeError(t.span, f"unsupported: type {t}")
        self.sorts[t] = s
        self.sort_types.setdefault(s, t)
        return s

    def type_of_sort(self, s: Sort) -> A.Type:
        t = self.sort_types.get(s)
        if t is None:
            if s.kind == "Int":
                return A.INT
            if s.kind == "Real":
                return A.REAL
            if s.kind == "Bool":
                return A.BOOL
            if s.kind == "BV":
                return A.BvType(s.width)
            raise EncodeError(Span(), f"internal: no type for sort {s}")
        return t

    def rtype(self, t: A.Type) -> A.Type:
        return self.info.resolve_type(t)

    def var_sort(self, t: A.Type) -> Sort:
        if self.tsub:  # inside an instance of a polymorphic axiom
            rt = self.info.resolve_type(t, frozenset(self.tsub))
            return self.sort(subst_type(rt, self.tsub))
        return self.sort(self.rtype(t))

    # ---------------------------------------------------------------- constants, functions
    def const_term(self, name: str) -> Term | None:
        c = self.consts.get(name)
        if c is None:
            d = self.info.consts.get(name)
            if d is None:
                return None
            c = T.const(name, self.var_sort(d.type))
            self.consts[name] = c
        return c

    def function(self, f: A.FunctionDecl, inst: tuple[A.Type, ...], span: Span) -> T.FunSym:
        key = (f.name, inst)
        sym = self.funs.get(key)
        if sym is not None:
            return sym
        sub = dict(zip(f.tparams, inst))
        tv = frozenset(f.tparams)
        ptypes = [subst_type(self.info.resolve_type(p.type, tv), sub) for p in f.params]
        rtype = subst_type(self.info.resolve_type(f.result, tv), sub)
        name = f.name if not inst else f"{f.name}<{','.join(_type_name(t) for t in inst)}>"
        sym = T.FunSym(name, tuple(self.sort(p) for p in ptypes), self.sort(rtype))
        self.funs[key] = sym
        if f.body is not None and A.attr_value(f.attrs, "inline") is None:
            # definition axiom: forall params :: {f(params)} f(params) == body
            vars_ = tuple(self.new_bvar(p.name, s) for p, s in zip(f.params, sym.domain))
            saved_scopes, saved_old = self.scopes, self._old_active
            self.scopes, self._old_active = [{p.name: v for p, v in zip(f.params, vars_)}], False
            try:
                assert f.body is not None
                body = self.expr(f.body, Env(lambda n: None))
            finally:
                self.scopes, self._old_active = saved_scopes, saved_old
            lhs = T.app(sym, vars_)
            self.fun_axioms.append(T.quant("forall", vars_, T.eq(lhs, body), ((lhs,),),
                                           qid=f"def:{name}"))
        return sym

    def new_bvar(self, name: str, sort: Sort) -> Term:
        self.fresh += 1
        return T.bvar(f"{name}#{self.fresh}", sort)

    def with_scope(self, scope: dict[str, Term], f: Callable[[], Term]) -> Term:
        self.scopes.append(scope)
        try:
            return f()
        finally:
            self.scopes.pop()

    # ---------------------------------------------------------------- background
    def background(self) -> list[Term]:
        """All axioms; call after every expression of the VC has been encoded."""
        out: list[Term] = []
        for ax in self.info.axioms:
            out.extend(self.axiom(ax.expr))
        by_type: dict[Sort, list[Term]] = {}
        for name, d in self.info.consts.items():
            if d.unique:
                c = self.const_term(name)
                assert c is not None
                by_type.setdefault(c.sort, []).append(c)
        for cs in by_type.values():
            out.append(T.distinct(tuple(cs)))
        # function axioms may create further instances; loop until stable
        done = 0
        while done < len(self.fun_axioms):
            out.append(self.fun_axioms[done])
            done += 1
        out.extend(self._polymap_axioms())
        return out

    def axiom(self, e: A.Expr) -> list[Term]:
        """An axiom's terms; a polymorphic quantifier among its top-level conjuncts becomes
        one instance per tuple of ground types in use (at most MAX_INSTANCES): the axiom
        implies each instance, so assuming only some of them is sound."""
        if isinstance(e, A.Binary) and e.op == "&&":
            return self.axiom(e.left) + self.axiom(e.right)
        if not (isinstance(e, A.Quantifier) and e.tparams):
            return [self.expr(e, Env(lambda n: None))]
        ground = sorted({t for t in self.sorts if _is_ground(t)}, key=str)
        out: list[Term] = []
        mono = A.Quantifier(e.kind, e.vars, e.body, e.triggers, e.attrs, span=e.span)
        for inst in itertools.islice(itertools.product(ground, repeat=len(e.tparams)),
                                     MAX_INSTANCES):
            self.tsub = dict(zip(e.tparams, inst))
            try:
                out.append(self.expr(mono, Env(lambda n: None)))
            finally:
                self.tsub = {}
        return out

    def _polymap_axioms(self) -> list[Term]:
        out: list[Term] = []
        for pm in self.polymaps.values():
            insts = list(pm.instances.values())
            for sel_s, sto_s, dom_s, rng_s in insts:
                m = self.new_bvar("m", pm.sort)
                i = tuple(self.new_bvar("i", d) for d in dom_s)
                v = self.new_bvar("v", rng_s)
                st = T.app(sto_s, (m,) + i + (v,))
                rd = T.app(sel_s, (st,) + i)
                out.append(T.quant("forall", (m,) + i + (v,), T.eq(rd, v), ((rd,),),
                                   qid="select-store-same"))
                for sel_t, _sto_t, dom_t, _rng_t in insts:
                    j = tuple(self.new_bvar("j", d) for d in dom_t)
                    rd2 = T.app(sel_t, (st,) + j)
                    body = T.eq(rd2, T.app(sel_t, (m,) + j))
                    if sel_t is sel_s:
                        body = T.implies(T.not_(T.and_(*[T.eq(a, b) for a, b in zip(i, j)])),
                                         body)
                    out.append(T.quant("forall", (m,) + i + (v,) + j, body, ((rd2,),),
                                       qid="select-store-other"))
        return out

    def _poly_instance(self, mt: A.MapType, idx: tuple[Term, ...],
                       span: Span) -> tuple[T.FunSym, T.FunSym, Sort]:
        pm = self.polymaps.get(mt)
        if pm is None:
            self.sort(mt)
            pm = self.polymaps[mt]
        sub: dict[str, A.Type] = {}
        params = frozenset(mt.tparams)
        for d, t in zip(mt.domain, idx):
            if not unify(d, self.type_of_sort(t.sort), params, sub):
                raise EncodeError(span, "internal: cannot instantiate polymorphic map")
        inst = tuple(sub[p] for p in mt.tparams)
        entry = pm.instances.get(inst)
        if entry is None:
            k = len(pm.instances)
            dom = tuple(self.sort(subst_type(d, sub)) for d in mt.domain)
            rng = self.sort(subst_type(mt.range, sub))
            sel = T.FunSym(f"select{k}@{pm.sort.name}", (pm.sort,) + dom, rng)
            sto = T.FunSym(f"store{k}@{pm.sort.name}", (pm.sort,) + dom + (rng,), pm.sort)
            entry = (sel, sto, dom, rng)
            pm.instances[inst] = entry
        return entry[0], entry[1], entry[3]

    # ---------------------------------------------------------------- expressions
    def lookup(self, name: str, env: Env, span: Span) -> Term:
        for s in reversed(self.scopes):
            t = s.get(name)
            if t is not None:
                return t
        t = env.old(name) if self._old_active and env.old is not None else env.cur(name)
        if t is None:
            t = self.const_term(name)
        if t is None:
            raise EncodeError(span, f"internal: unresolved identifier {name}")
        return t

    def expr(self, e: A.Expr, env: Env) -> Term:
        if isinstance(e, A.Ident):
            return self.lookup(e.name, env, e.span)
        if isinstance(e, A.Binary):
            return self.binary(e, env)
        if isinstance(e, A.IntLit):
            return T.int_lit(e.value)
        if isinstance(e, A.BoolLit):
            return T.bool_lit(e.value)
        if isinstance(e, A.FunApp):
            return self.funapp(e, env)
        if isinstance(e, A.Unary):
            a = self.expr(e.arg, env)
            return T.not_(a) if e.op == "!" else T.neg(a)
        if isinstance(e, A.MapSelect):
            m = self.expr(e.map, env)
            idx = tuple(self.expr(i, env) for i in e.indexes)
            if m.sort.kind == "U":
                mt = self.type_of_sort(m.sort)
                if isinstance(mt, A.MapType):
                    sel, _sto, _rng = self._poly_instance(mt, idx, e.span)
                    return T.app(sel, (m,) + idx)
            return T.select(m, idx)
        if isinstance(e, A.MapStore):
            m = self.expr(e.map, env)
            idx = tuple(self.expr(i, env) for i in e.indexes)
            v = self.expr(e.value, env)
            if m.sort.kind == "U":
                mt = self.type_of_sort(m.sort)
                if isinstance(mt, A.MapType):
                    _sel, sto, _rng = self._poly_instance(mt, idx, e.span)
                    return T.app(sto, (m,) + idx + (v,))
            return T.store(m, idx, v)
        if isinstance(e, A.Old):
            saved = self._old_active
            self._old_active = True
            try:
                return self.expr(e.expr, env)
            finally:
                self._old_active = saved
        if isinstance(e, A.RealLit):
            return T.real_lit(e.value)
        if isinstance(e, A.BvLit):
            return T.bv_lit(e.value, e.width)
        if isinstance(e, A.IfThenElse):
            return T.ite(self.expr(e.cond, env), self.expr(e.then, env), self.expr(e.else_, env))
        if isinstance(e, A.BvExtract):
            return T.extract(self.expr(e.expr, env), e.hi, e.lo)
        if isinstance(e, A.Quantifier):
            return self.quantifier(e, env)
        if isinstance(e, A.Lambda):
            vars_ = tuple(self.new_bvar(v.name, self.var_sort(v.type)) for v in e.vars)
            body = self.with_scope({v.name: t for v, t in zip(e.vars, vars_)},
                                   lambda: self.expr(e.body, env))
            return T.lambda_(vars_, body)
        raise EncodeError(e.span, f"unsupported: expression {type(e).__name__}")

    def quantifier(self, e: A.Quantifier, env: Env) -> Term:
        vars_ = tuple(self.new_bvar(v.name, self.var_sort(v.type)) for v in e.vars)
        scope = {v.name: t for v, t in zip(e.vars, vars_)}
        self.scopes.append(scope)
        try:
            body = self.expr(e.body, env)
            pats: list[tuple[Term, ...]] = []
            for trig in e.triggers:
                pats.append(tuple(self.expr(x, env) for x in trig.exprs))
            nopats: list[Term] = []
            for a in e.attrs:
                if a.name == "trigger":
                    pats.append(tuple(self.expr(x, env) for x in a.args
                                      if isinstance(x, A.Expr)))
                elif a.name == "nopats":  # terms the solver must not use as patterns
                    nopats.extend(self.expr(x, env) for x in a.args if isinstance(x, A.Expr))
        finally:
            self.scopes.pop()
        weight = 1
        qid = ""
        w = A.attr_value(e.attrs, "weight")
        if w is not None and w.args and isinstance(w.args[0], A.IntLit):
            weight = w.args[0].value
        q = A.attr_value(e.attrs, "qid")
        if q is not None and q.args and isinstance(q.args[0], str):
            qid = q.args[0]
        pats = [p for p in pats if p and all(_pattern_ok(x) for x in p)]
        nopats = [x for x in nopats if _pattern_ok(x)]
        return T.quant(e.kind, vars_, body, tuple(pats), qid, weight, tuple(nopats))

    def binary(self, e: A.Binary, env: Env) -> Term:
        a = self.expr(e.left, env)
        b = self.expr(e.right, env)
        op = e.op
        if op == "&&":
            return T.and_(a, b)
        if op == "||":
            return T.or_(a, b)
        if op == "==>":
            return T.implies(a, b)
        if op == "<==":
            return T.implies(b, a)
        if op in ("<==>", "=="):
            return T.eq(a, b)
        if op == "!=":
            return T.not_(T.eq(a, b))
        if op == "++":
            return T.concat(a, b)
        if op in ("+", "-", "*", "div", "mod", "/", "<", "<=", ">", ">="):
            return T.arith(op, a, b)
        raise EncodeError(e.span, f"unsupported: operator {op}")

    def funapp(self, e: A.FunApp, env: Env) -> Term:
        f = self.info.functions.get(e.name)
        args = tuple(self.expr(a, env) for a in e.args)
        if f is None:  # built-in casts, checked by the type checker
            return T.to_int(args[0]) if e.name == "int" else T.to_real(args[0])
        tv = frozenset(f.tparams)
        sig = self.signatures.get(f.name)
        if sig is None:
            sig = ([self.info.resolve_type(p.type, tv) for p in f.params],
                   self.info.resolve_type(f.result, tv))
            self.signatures[f.name] = sig
        if tv:
            sub: dict[str, A.Type] = {}
            for pt, a in zip(sig[0], args):
                unify(pt, self.type_of_sort(a.sort), tv, sub)
            inst = tuple(sub.get(p, A.INT) for p in f.tparams)
            rtype = subst_type(sig[1], sub)
        else:
            inst, rtype = (), sig[1]
        bi = A.attr_value(f.attrs, "bvbuiltin") or A.attr_value(f.attrs, "builtin")
        if bi is not None and bi.args and isinstance(bi.args[0], str):
            name = bi.args[0]
            if name not in T.SUPPORTED_BUILTINS:
                raise EncodeError(f.span, f"unsupported: builtin operator \"{name}\"")
            return T.builtin(name, args, self.sort(rtype))
        if f.body is not None and A.attr_value(f.attrs, "inline") is not None:
            if e.name in self.inlining:
                raise EncodeError(e.span, f"unsupported: recursive inline function {e.name}")
            self.inlining.append(e.name)
            saved = self._old_active
            self._old_active = False
            try:
                scope = {p.name: a for p, a in zip(f.params, args)}
                # the body sees only its parameters and the program's constants
                saved_scopes = self.scopes
                self.scopes = [scope]
                try:
                    return self.expr(f.body, Env(lambda n: None))
                finally:
                    self.scopes = saved_scopes
            finally:
                self._old_active = saved
                self.inlining.pop()
        sym = self.function(f, inst, e.span)
        return T.app(sym, args)


def _is_ground(t: A.Type) -> bool:
    if isinstance(t, A.TypeVar):
        return False
    if isinstance(t, A.CtorType):
        return all(_is_ground(a) for a in t.args)
    if isinstance(t, A.MapType):
        return not t.tparams and all(_is_ground(d) for d in t.domain) and _is_ground(t.range)
    return True


def _pattern_ok(t: Term) -> bool:
    """z3 accepts uninterpreted applications and array operations as pattern terms (an
    inlined function may have turned a written application into something else)."""
    return t.op in ("app", "select", "store")
