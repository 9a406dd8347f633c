"""Set comprehensions `set x | R :: t` as fresh IVL functions of their free variables.

Takes: a `SetComprehension` and the `ExprTranslator` of its context.
Guarantees: the value is `SC(free...)` for a fresh function SC with the axiom
    forall free, y :: {Set#In(SC(free), y)} Set#In(SC(free), y) <==> exists x :: R && y == t
which is true because the comprehension is only accepted when its range bounds every bound
variable (`x in S` for a collection S, or `lo <= x < hi` style bounds on an int), so the set is
finite (the Set sort holds finite sets only). Free variables are the locals, parameters and
bound variables it mentions, `this`, and the heap when it reads the heap.
"""

from __future__ import annotations

from typing import Any

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .context import WF, Env
from .encoding import TRUE, conj, set_fn
from .unsupported import Unsupported


def _conjuncts(e: D.Expr) -> list[D.Expr]:
    if isinstance(e, D.BinaryExpr) and e.op == "&&":
        return _conjuncts(e.left) + _conjuncts(e.right)
    return [e]


def _is_var(e: D.Expr, v: D.BoundVar) -> bool:
    return isinstance(e, D.NameExpr) and e.decl is v


def _bounded(v: D.BoundVar, rng: D.Expr) -> bool:
    lower = upper = False
    for c in _conjuncts(rng):
        if isinstance(c, D.BinaryExpr) and c.op == "in" and _is_var(c.left, v) and \
                c.right.type is not None and T.family(c.right.type) in ("set", "seq",
                                                                          "multiset", "map"):
            return True
        # `x == e` with e free of x: one value
        if isinstance(c, D.BinaryExpr) and c.op == "==" and (
                (_is_var(c.left, v) and not _mentions(c.right, v)) or
                (_is_var(c.right, v) and not _mentions(c.left, v))):
            return True
        pairs: list[tuple[D.Expr, str, D.Expr]] = []
        if isinstance(c, D.BinaryExpr) and c.op in ("<", "<=", ">", ">="):
            pairs.append((c.left, c.op, c.right))
        if isinstance(c, D.ChainExpr):
            for k, op in enumerate(c.ops):
                pairs.append((c.operands[k], op, c.operands[k + 1]))
        for a, op, b in pairs:
            if op in (">", ">="):
                a, b = b, a
            if _is_var(b, v):
                lower = True
            if _is_var(a, v):
                upper = True
    if v.type is not None and T.family(v.type) == "bool":
        return True
    if v.type is not None:
        # `nat` (and subset types of it) bound a variable from below
        from ..semantics import builtins as B
        t = v.type
        for _ in range(10):
            n = T.normalize(t)
            if isinstance(n, D.UserType) and n.decl is B.NAT:
                lower = True
                break
            if isinstance(n, D.UserType) and isinstance(n.decl, D.SubsetTypeDecl):
                t = n.decl.base
                continue
            break
    return lower and upper


def _field_facts(tr: Any, vars_: list[D.BoundVar], env: Env) -> list[I.Expr]:
    """For well-formedness checks: bound datatype values have fields of their types."""
    from .constraints import datatype_field_facts
    return [datatype_field_facts(tr.ctx, v.type, env.vars[id(v)]) for v in vars_
            if v.type is not None]


def _mentions(e: D.Expr, v: D.BoundVar) -> bool:
    """Does e mention the variable v?"""
    found = False

    class _Find(D.Traverser):
        def visit_NameExpr(self, n: D.NameExpr) -> None:
            nonlocal found
            if n.decl is v:
                found = True
            self.generic_visit(n)

    _Find().visit(e)
    return found


class _Declared(D.Traverser):
    """Every variable declared inside an expression (quantifier/lambda/comprehension bound
    variables, let and match pattern variables): bound there, never free."""

    def __init__(self) -> None:
        self.ids: set[int] = set()

    def visit_BoundVar(self, v: D.BoundVar) -> None:
        self.ids.add(id(v))
        self.generic_visit(v)

    def visit_VarPattern(self, p: D.VarPattern) -> None:
        if p.decl is not None:
            self.ids.add(id(p.decl))
        self.generic_visit(p)


class _Free(D.Traverser):
    def __init__(self, bound: set[int]) -> None:
        self.bound = set(bound)
        self.free: list[Any] = []
        self.seen: set[int] = set()
        self.this = False
        self.heap = False
        self.old = False      # mentions the pre-state (old, fresh, unchanged)
        self._scanned = False

    def visit(self, node: D.Node) -> None:  # type: ignore[override]
        if not self._scanned:
            # first, everything declared inside the expression is bound
            self._scanned = True
            dv = _Declared()
            dv.visit(node)
            self.bound |= dv.ids
            try:
                super().visit(node)
            finally:
                self._scanned = False
            return
        super().visit(node)

    def visit_NameExpr(self, e: D.NameExpr) -> None:
        d = e.decl
        if isinstance(d, (D.LocalVar, D.Formal, D.BoundVar)) and id(d) not in self.bound:
            if id(d) not in self.seen:
                self.seen.add(id(d))
                self.free.append(d)
        if isinstance(d, (D.Field, D.Function)) and not getattr(d, "is_static", True) \
                and isinstance(getattr(d, "owner", None), (D.ClassDecl, D.DatatypeDecl,
                                                          D.NewtypeDecl)):
            self.this = True
            if isinstance(d, D.Field) and not d.is_const:
                self.heap = True
            if isinstance(d, D.Function) and d.reads:
                self.heap = True
        self.generic_visit(e)

    def visit_ThisExpr(self, e: D.ThisExpr) -> None:
        self.this = True

    def visit_OldExpr(self, e: D.OldExpr) -> None:
        self.old = self.old or e.label is None
        self.generic_visit(e)

    def visit_FreshExpr(self, e: D.FreshExpr) -> None:
        self.old = self.old or e.label is None
        self.generic_visit(e)

    def visit_UnchangedExpr(self, e: D.UnchangedExpr) -> None:
        self.old = self.old or e.label is None
        self.generic_visit(e)

    def _bind(self, vars_: list[D.BoundVar], node: D.Node) -> None:
        saved = set(self.bound)
        self.bound |= {id(v) for v in vars_}
        self.generic_visit(node)
        self.bound = saved

    def visit_QuantifierExpr(self, e: D.QuantifierExpr) -> None:
        self._bind(e.vars, e)

    def visit_SetComprehension(self, e: D.SetComprehension) -> None:
        self._bind(e.vars, e)

    def visit_MemberSelect(self, e: D.MemberSelect) -> None:
        if isinstance(e.decl, D.Field) and not e.decl.is_const:
            self.heap = True
        self.generic_visit(e)

    def visit_IndexExpr(self, e: D.IndexExpr) -> None:
        from .exprs import is_array
        if e.seq.type is not None and is_array(e.seq.type):
            self.heap = True
        self.generic_visit(e)

    def visit_SliceExpr(self, e: D.SliceExpr) -> None:
        self.heap = True
        self.generic_visit(e)

    def visit_ApplyExpr(self, e: D.ApplyExpr) -> None:
        if isinstance(e.decl, D.Function) and e.decl.reads:
            self.heap = True
        self.generic_visit(e)


def set_comprehension(tr: Any, e: D.SetComprehension) -> I.Expr:
    for v in e.vars:
        if v.domain is not None:
            raise Unsupported(e.span, "quantifier domains '<-'")
        # a finite set's sort holds finite sets only: every variable must be bounded (an
        # iset's sort holds any set)
        if e.finite and not _bounded(v, e.range):
            raise Unsupported(e.span, "set comprehension without evident bounds")
    if e.term is None and len(e.vars) != 1:
        raise Unsupported(e.span, "set comprehension shape")
    ctx = tr.ctx
    st = tr.ity(e.type, e.span)
    # check well-formedness in place
    formals, tcs, env = tr.bind_vars(e.vars)
    sub = tr.sub(env)
    with tr.wf.binding(formals):
        with tr.wf.under(conj([tcs] + _field_facts(tr, e.vars, env))):
            r = sub.tr(e.range)
            with tr.wf.under(r):
                if e.term is not None:
                    sub.tr(e.term)
    params, actuals, env2 = closure(tr, [e.range, e.term], {id(v) for v in e.vars}, e.span,
                                    "set comprehension")
    name = ctx.names.fresh("setcomp")
    from .encoding import tag
    elem_t = ctx.enc.ivl_type(T.normalize(e.type).elem)  # type: ignore[union-attr]
    # axiom
    from .exprs import ExprTranslator
    formals2, tcs2, env3 = ExprTranslator(ctx, env2, WF(None)).bind_vars(e.vars)
    p = ExprTranslator(ctx, env3, WF(None))
    rng = p.tr(e.range)
    y = I.Ident("y#sc")
    term = p.tr(e.term) if e.term is not None else I.Ident(formals2[0].name)
    from .encoding import equal
    body = I.Quantifier("exists", formals2, conj([tcs2, rng, equal(elem_t, y, term)]))
    # closed subterms (`a.Length`, `h[a]`) become parameters, as Boogie lifts lambdas
    from .lifting import lift_closed
    params, actuals, (body,) = lift_closed(ctx, list(params), list(actuals), [body],
                                           {y.name} | {x.name for x in formals2})
    fdecl = I.FunctionDecl(name, tuple(params), st)
    app = I.FunApp(name, tuple(I.Ident(x.name) for x in params))
    mem = set_fn("In", st, app, y)
    axiom = I.Quantifier(
        "forall", tuple(params) + (I.Formal("y#sc", elem_t),), I.Binary("<==>", mem, body),
        (I.Trigger((mem,)),))
    # the same comprehension (up to the names of its variables) denotes the same function,
    # as Boogie's lambda lifting shares alpha-equivalent lambdas: then `set i | R` written in
    # a specification and again in the body are one term, equal without extensionality
    key = _alpha_key(axiom, st, [name] + [x.name for x in params] + [x.name for x in formals2])
    known = ctx.comprehension_fns.get(key)
    if known is not None and any(d is known[1] for d in ctx.decls):
        return I.FunApp(known[0], tuple(actuals))
    ctx.decls.append(fdecl)
    ctx.decls.append(I.AxiomDecl(axiom))
    ctx.comprehension_fns[key] = (name, fdecl)
    _ = tag, TRUE
    return I.FunApp(name, tuple(actuals))


def _alpha_key(e: I.Expr, result: I.Type, names: list[str]) -> str:
    """A text identifying e (with its result type) up to the given names, which are renamed
    in order to canonical ones (the function's own name first)."""
    import re
    from ..ivl.printer import print_expr, print_type
    text = print_expr(e)
    canon = {n: f"@{k}@" for k, n in enumerate(names)}
    pat = re.compile("|".join(
        rf"(?<![\w#$.'@]){re.escape(n)}(?![\w#$.'@])" for n in sorted(canon, key=len,
                                                                      reverse=True)))
    return print_type(result) + "|" + pat.sub(lambda m: canon[m.group(0)], text)


def closure(tr: Any, nodes: list[Any], bound: set[int], span: Any,
            what: str = "expression", heap: bool = True
            ) -> tuple[list[I.Formal], list[I.Expr], Env]:
    """Parameters for a fresh function standing for an expression with free variables: the
    locals/parameters/bound variables it mentions, `this`, and the heap if it reads it
    (`heap` False: reading the heap is unsupported). `what` names the construct in
    unsupported messages; None entries of `nodes` are skipped.
    Returns (formals, actual arguments in the current context, Env naming the formals)."""
    ctx = tr.ctx
    fv = _Free(bound)
    for n in nodes:
        if n is not None:
            fv.visit(n)
    if fv.heap and not heap:
        raise Unsupported(span, f"{what}s reading the heap")
    params: list[I.Formal] = []
    actuals: list[I.Expr] = []
    env2 = Env(this_dt=tr.env.this_dt)  # default fuel: never a bound layer variable
    for k, d in enumerate(fv.free):
        val = tr.env.vars.get(id(d))
        if val is None:
            raise Unsupported(span, f"{what} over this variable")
        name = f"fv#{k}"
        params.append(I.Formal(name, ctx.enc.ivl_type(d.type)))
        actuals.append(val)
        env2.vars[id(d)] = I.Ident(name)
    if fv.this:
        if tr.env.this is None:
            raise Unsupported(span, f"{what} using 'this'")
        this_t = I.CtorType("Ref")
        if tr.env.this_dt is not None:
            this_t = ctx.enc.datatype_sort(tr.env.this_dt)
        params.append(I.Formal("this#cl", this_t))
        actuals.append(tr.env.this)
        env2.this = I.Ident("this#cl")
    if fv.heap:
        for hv in ctx.heap_list():
            if hv.name not in tr.env.heap:
                raise Unsupported(span, f"{what} reading the heap here")
            params.append(I.Formal("h#" + hv.name, hv.type))
            actuals.append(tr.env.heap[hv.name])
            env2.heap[hv.name] = I.Ident("h#" + hv.name)
    if fv.old:
        # `old(e)` inside: the pre-state's heap variables are parameters too, and are what
        # old(...) sees in the body (as the enclosing context's old_heap)
        if tr.env.old_heap is None:
            raise Unsupported(span, "old in this context")
        env2.old_heap = {}
        from .encoding import REF
        olds = [(hv.name, hv.type) for hv in ctx.heap_list()] + [
            ("$Alloc", I.MapType((), (REF,), I.BOOL))]
        for name, ty in olds:
            if name in tr.env.old_heap:
                params.append(I.Formal("ho#" + name, ty))
                actuals.append(tr.env.old_heap[name])
                env2.old_heap[name] = I.Ident("ho#" + name)
    return params, actuals, env2


def let_such_that(tr: Any, e: D.LetExpr) -> I.Expr:
    """`var x :| P; body`: x is a choice function of the free variables, with the axiom
    (exists x :: P) ==> P(choice); the existence is checked (Hilbert's choice is sound)."""
    from .exprs import ExprTranslator
    from .obligations import Kind, Obligation
    ctx = tr.ctx
    vars_ = []
    for p in e.pats:
        if not isinstance(p, D.VarPattern) or p.decl is None or p.ctor is not None:
            raise Unsupported(e.span, "let-such-that patterns")
        vars_.append(p.decl)
    cond = e.rhss[0]
    # existence check in place
    formals, tcs, env = tr.bind_vars(vars_)
    sub = tr.sub(env)
    with tr.wf.binding(formals):
        with tr.wf.under(tcs):
            p_here = sub.tr(cond)
    if tr.wf.active:
        from .triggers import select_triggers
        from .witness_guess import with_guesses
        body = conj([tcs, p_here])
        tr.wf.check(with_guesses(formals, body, select_triggers(formals, body)),
                    Obligation(Kind.SUCH_THAT, e.span))
    params, actuals, env2 = closure(tr, [cond], {id(v) for v in vars_}, e.span)
    names = [ctx.names.fresh(f"choose.{v.name}") for v in vars_]
    for n, v in zip(names, vars_):
        ctx.decls.append(I.FunctionDecl(n, tuple(params), ctx.enc.ivl_type(v.type)))
    pt = ExprTranslator(ctx, env2, WF(None))
    fq, tq, envq = pt.bind_vars(vars_)
    ex = I.Quantifier("exists", fq, conj([tq, ExprTranslator(ctx, envq, WF(None)).tr(cond)]))
    envc = env2.copy()
    apps = [I.FunApp(n, tuple(I.Ident(x.name) for x in params)) for n in names]
    from .constraints import type_constraint
    chosen_tcs = []
    for v, a in zip(vars_, apps):
        envc.vars[id(v)] = a
        chosen_tcs.append(type_constraint(ctx, v.type, a))
    holds = conj(chosen_tcs + [ExprTranslator(ctx, envc, WF(None)).tr(cond)])
    ax = I.Binary("==>", ex, holds)
    ctx.decls.append(I.AxiomDecl(I.Quantifier("forall", tuple(params), ax) if params else ax))
    env_body = tr.env.copy()
    for v, n in zip(vars_, names):
        env_body.vars[id(v)] = I.FunApp(n, tuple(actuals))
    if tr.wf.active:
        with tr.wf.under(holds_here(tr, vars_, env_body, cond)):
            return tr.sub(env_body).tr(e.body)
    return tr.sub(env_body).tr(e.body)


def holds_here(tr: Any, vars_: list[Any], env: Env, cond: D.Expr) -> I.Expr:
    from .exprs import ExprTranslator
    return ExprTranslator(tr.ctx, env, WF(None)).tr(cond)


def map_comprehension(tr: Any, e: D.MapComprehension) -> I.Expr:
    """`map x | R :: v` (keys are the bound variable) as a fresh function M of the free
    variables: keys(M) = {x | R} (finite by the evident bounds) and M[x] == v for x in R."""
    from .encoding import map_fn
    from .exprs import ExprTranslator
    if e.finite and e.key is not None and e.range is not None:
        return _keyed_map_comprehension(tr, e)
    if not e.finite or e.key is not None or len(e.vars) != 1 or e.range is None:
        raise Unsupported(e.span, "map comprehension of this shape")
    v = e.vars[0]
    if v.domain is not None or not _bounded(v, e.range):
        raise Unsupported(e.span, "map comprehension without evident bounds")
    ctx = tr.ctx
    mt = tr.ity(e.type, e.span)
    nt = T.base_type(e.type)
    assert isinstance(nt, D.MapType)
    kt = ctx.enc.ivl_type(D.SetType(nt.key))
    formals, tcs, env = tr.bind_vars(e.vars)
    sub = tr.sub(env)
    with tr.wf.binding(formals):
        with tr.wf.under(conj([tcs] + _field_facts(tr, e.vars, env))):
            r = sub.tr(e.range)
            with tr.wf.under(r):
                sub.tr(e.value)
    params, actuals, env2 = closure(tr, [e.range, e.value], {id(v)}, e.span)
    name = ctx.names.fresh("mapcomp")
    ctx.decls.append(I.FunctionDecl(name, tuple(params), mt))
    f2, tcs2, env3 = ExprTranslator(ctx, env2, WF(None)).bind_vars(e.vars)
    p = ExprTranslator(ctx, env3, WF(None))
    x = I.Ident(f2[0].name)
    rng = conj([tcs2, p.tr(e.range)])
    val = p.tr(e.value)
    app = I.FunApp(name, tuple(I.Ident(q.name) for q in params))
    dom_in = set_fn("In", kt, map_fn("Domain", mt, app), x)
    elem = map_fn("Elements", mt, app, x)
    ctx.decls.append(I.AxiomDecl(I.Quantifier(
        "forall", tuple(params) + f2, I.Binary("<==>", dom_in, rng), (I.Trigger((dom_in,)),))))
    ctx.decls.append(I.AxiomDecl(I.Quantifier(
        "forall", tuple(params) + f2, I.Binary("==>", rng, I.Binary("==", elem, val)),
        (I.Trigger((elem,)),))))
    return I.FunApp(name, tuple(actuals))


def _keyed_map_comprehension(tr: Any, e: D.MapComprehension) -> I.Expr:
    """`map x.. | R :: k := v` as a fresh function M of the free variables, with
        keys(M) = {k | x.. such that R}   (finite: every x is evidently bounded by R)
        M[k] == v for x.. in R, provided Inj: no two x.. in R give the same key different values.
    Inj is checked where the comprehension is evaluated (Dafny's "key expressions may be
    referring to the same value") and is a premise of the value axiom, stated through a fresh
    predicate defined as Inj and assumed only after the check: so the axiom never speaks of
    free-variable values for which the comprehension is not a function."""
    from .encoding import equal, map_fn
    from .exprs import ExprTranslator
    from .obligations import Kind, Obligation
    assert e.key is not None and e.range is not None
    for v in e.vars:
        if v.domain is not None or not _bounded(v, e.range):
            raise Unsupported(e.span, "map comprehension without evident bounds")
    ctx = tr.ctx
    mt = tr.ity(e.type, e.span)
    nt = T.base_type(e.type)
    assert isinstance(nt, D.MapType)
    kt = ctx.enc.ivl_type(D.SetType(nt.key))
    key_t = ctx.enc.ivl_type(nt.key)
    val_t = ctx.enc.ivl_type(nt.value)

    def parts(p: Any) -> tuple[tuple[I.Formal, ...], I.Expr, I.Expr, I.Expr]:
        """(formals, type constraints && range, key, value) over fresh bound variables."""
        fs, tcs, env = p.bind_vars(e.vars)
        q = ExprTranslator(ctx, env, WF(None))
        return fs, conj([tcs, q.tr(e.range)]), q.tr(e.key), q.tr(e.value)

    # well-formedness in place
    formals, tcs, env = tr.bind_vars(e.vars)
    sub = tr.sub(env)
    with tr.wf.binding(formals):
        with tr.wf.under(conj([tcs] + _field_facts(tr, e.vars, env))):
            r = sub.tr(e.range)
            with tr.wf.under(r):
                sub.tr(e.key)
                sub.tr(e.value)
    params, actuals, env2 = closure(tr, [e.range, e.key, e.value], {id(v) for v in e.vars},
                                    e.span, "map comprehension")
    p = ExprTranslator(ctx, env2, WF(None))
    f1, r1, k1, v1 = parts(p)
    f2, r2, k2, v2 = parts(p)
    inj_body = I.Quantifier("forall", f1 + f2, I.Binary("==>", conj([
        r1, r2, equal(key_t, k1, k2)]), equal(val_t, v1, v2)))
    name = ctx.names.fresh("mapcomp")
    inj = ctx.names.fresh("mapcomp#inj")
    ctx.decls.append(I.FunctionDecl(name, tuple(params), mt))
    ctx.decls.append(I.FunctionDecl(inj, tuple(params), I.BOOL))
    pargs = tuple(I.Ident(q.name) for q in params)
    app = I.FunApp(name, pargs)
    inj_app = I.FunApp(inj, pargs)
    # the injectivity predicate is its definition
    ctx.decls.append(I.AxiomDecl(I.Quantifier("forall", tuple(params), I.Binary(
        "<==>", inj_app, inj_body), (I.Trigger((inj_app,)),)) if params else
        I.Binary("<==>", inj_app, inj_body)))
    # keys: exactly the key values of the range
    y = I.Ident("y#mc")
    dom_in = set_fn("In", kt, map_fn("Domain", mt, app), y)
    ctx.decls.append(I.AxiomDecl(I.Quantifier(
        "forall", tuple(params) + (I.Formal(y.name, key_t),), I.Binary(
            "<==>", dom_in, I.Quantifier("exists", f1, conj([r1, equal(key_t, y, k1)]))),
        (I.Trigger((dom_in,)),))))
    # values: under Inj, each key maps to the value of (any) range point giving that key
    elem = map_fn("Elements", mt, app, k1)
    ctx.decls.append(I.AxiomDecl(I.Quantifier(
        "forall", tuple(params) + f1, I.Binary("==>", conj([inj_app, r1]),
                                                I.Binary("==", elem, v1)),
        (I.Trigger((elem,)),))))
    here = I.FunApp(inj, tuple(actuals))
    if tr.wf.active:
        tr.wf.check(inj_body_here(tr, e), Obligation(Kind.MAP_KEYS, e.key.span))
        tr.wf.assume(here)
    return I.FunApp(name, tuple(actuals))


def inj_body_here(tr: Any, e: D.MapComprehension) -> I.Expr:
    """Inj of a keyed map comprehension over the current context's values."""
    from .encoding import equal
    from .exprs import ExprTranslator
    nt = T.base_type(e.type)
    assert isinstance(nt, D.MapType) and e.key is not None and e.range is not None
    sides = []
    for _ in range(2):
        fs, tcs, env = tr.bind_vars(e.vars)
        q = ExprTranslator(tr.ctx, env, WF(None))
        sides.append((fs, conj([tcs, q.tr(e.range)]), q.tr(e.key), q.tr(e.value)))
    (f1, r1, k1, v1), (f2, r2, k2, v2) = sides
    return I.Quantifier("forall", f1 + f2, I.Binary("==>", conj([
        r1, r2, equal(tr.ctx.enc.ivl_type(nt.key), k1, k2)]),
        equal(tr.ctx.enc.ivl_type(nt.value), v1, v2)))
