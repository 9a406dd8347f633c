"""Functions: uninterpreted IVL functions with definition axioms guarded by fuel and height.

Takes: resolved Dafny functions and their `FuncInfo`.
Guarantees, for a function F of height h (its rank in the call graph's SCC order):
  * `F(ly?, oldheap..., heap..., this?, args)`; `ly` (a fuel layer) only for recursive F,
    `oldheap` (the previous state, what `old` sees) only for twostate F: a call passes
    the caller's `old` state, its well-formedness is checked for an arbitrary one;
  * `axiom F($LS(ly), ...) == F(ly, ...)` (all layers are the same function);
  * definition: `h < $Height ==> forall ... :: {F($LS(ly), ...)} types && pre ==>
    F($LS(ly), ...) == body`, where calls inside the body to F's recursive group use `ly`: a
    call site with fuel $LS($LZ) unfolds once, its recursive calls (at $LZ) do not unfold;
  * consequence: `h < $Height ==> forall ... :: {F(ly, ...)} types && pre ==> result type
    && ensures`;
  * `function_wf_impl` builds the implementation checking F: its requires, body and ensures
    are well formed, recursive calls terminate, the body satisfies the result type and ensures.
    It assumes $Height == h, so F's own axioms (and its group's) are not available there,
    while the ensures of recursive calls are assumed at each call (induction hypothesis).
"""

from __future__ import annotations

from typing import Optional

from ..ivl import ast as I
from ..syntax import ast as D
from .context import WF, Env, FuncInfo, ProgramCtx
from .encoding import LAYER, REF, TRUE, conj, implies
from .obligations import Kind, Obligation
from .unsupported import Unsupported

LZ = I.Ident("$LZ")


def LS(x: I.Expr) -> I.Expr:  # noqa: N802
    return I.FunApp("$LS", (x,))


def _pure_env(ctx: ProgramCtx, info: FuncInfo, heap: dict[str, I.Expr],
              recv: Optional[I.Expr], args: list[I.Expr]) -> Env:
    env = Env(heap=dict(heap), this=recv)
    f = info.decl
    if isinstance(f.owner, D.DatatypeDecl) and not f.is_static:
        env.this_dt = f.owner
    for formal, a in zip(f.formals, args):
        env.vars[id(formal)] = _uncoerce(ctx, formal, a, info)
    return env


def _uncoerce(ctx: ProgramCtx, formal: D.Formal, a: I.Expr, info: FuncInfo) -> I.Expr:
    return a  # formals are translated at their declared (possibly boxed) type


def precondition_of(ctx: ProgramCtx, info: FuncInfo, env: Env, recv: Optional[I.Expr],
                    args: list[I.Expr]) -> I.Expr:
    from .exprs import ExprTranslator
    if not info.decl.requires:
        return TRUE
    e2 = _pure_env(ctx, info, env.heap, recv, args)
    e2.fuel, e2.old_heap = env.fuel, env.old_heap
    e2.cur_func, e2.scc_layer = env.cur_func, env.scc_layer
    tr = ExprTranslator(ctx, e2, WF(None))
    return conj([tr.tr(r.expr) for r in info.decl.requires])


def postcondition_of(ctx: ProgramCtx, info: FuncInfo, env: Env, recv: Optional[I.Expr],
                     args: list[I.Expr], call: I.Expr) -> I.Expr:
    from .constraints import type_constraint
    from .exprs import ExprTranslator
    f = info.decl
    e2 = _pure_env(ctx, info, env.heap, recv, args)
    e2.fuel = env.fuel
    e2.cur_func, e2.scc_layer = env.cur_func, env.scc_layer
    if f.is_twostate:
        e2.old_heap = env.old_heap  # the call's previous state
    if f.result is not None:
        e2.vars[id(f.result)] = call
    tr = ExprTranslator(ctx, e2, WF(None))
    parts = [type_constraint(ctx, f.result_type, call)]
    parts.extend(tr.tr(x.expr) for x in f.ensures)
    return conj(parts)


def definition_at(ctx: ProgramCtx, info: FuncInfo, env: Env, recv: Optional[I.Expr],
                  args: list[I.Expr], call: I.Expr) -> I.Expr:
    """`call == body(args)`: the definition of a recursive function at one call whose
    fuel is `$LS(ly)` (the body's calls into the group then use `ly`); TRUE when the call has
    another shape or the function no body. Assumed in the well-formedness check of the
    function's own group, after the call's precondition and termination were checked (Dafny
    makes the definition available there through its `canCall`: the recursion is well
    founded, so the equation holds at smaller arguments)."""
    from .exprs import ExprTranslator
    f = info.decl
    if f.body is None or _has_attr(f, "axiom") or not isinstance(call, I.FunApp) \
            or not call.args:
        return TRUE
    fuel = call.args[0]
    if not (isinstance(fuel, I.FunApp) and fuel.name == "$LS" and len(fuel.args) == 1):
        return TRUE
    e2 = _pure_env(ctx, info, env.heap, recv, args)
    e2.fuel, e2.old_heap = env.fuel, env.old_heap
    e2.cur_func, e2.scc_layer = info, fuel.args[0]
    body = ExprTranslator(ctx, e2, WF(None)).tr(f.body)
    body = ctx.enc.coerce(body, ctx.enc.ivl_type(f.body.type or f.result_type),
                          info.result_type, f.span)
    return I.Binary("==", call, body)


def _mentions_self(e: D.Expr, f: D.Function) -> bool:
    found = [False]

    class V(D.Traverser):
        def visit_ApplyExpr(self, n: D.ApplyExpr) -> None:
            if n.decl is f:
                found[0] = True
            self.generic_visit(n)

    V().visit(e)
    return found[0]


def signature(ctx: ProgramCtx, info: FuncInfo) -> tuple[list[I.Formal], Env, Optional[I.Expr]]:
    """Bound variables for the function's arguments and an Env that names them."""
    f = info.decl
    formals: list[I.Formal] = []
    env = Env()
    ly: Optional[I.Expr] = None
    if info.recursive:
        formals.append(I.Formal("ly#", LAYER))
        ly = I.Ident("ly#")
    if f.is_twostate:
        # the previous state's heap (what `old` sees), before the current heap; without
        # `$Alloc`, so `fresh`/allocation tests inside are unsupported
        env.old_heap = {}
        for hv in ctx.heap_list():
            bn = "ho#" + hv.name
            formals.append(I.Formal(bn, hv.type))
            env.old_heap[hv.name] = I.Ident(bn)
    if info.reads_heap:
        for hv in ctx.heap_list():
            bn = "h#" + hv.name
            formals.append(I.Formal(bn, hv.type))
            env.heap[hv.name] = I.Ident(bn)
    tt = this_type(ctx, f)
    if tt is not None:
        formals.append(I.Formal("this#", tt))
        env.this = I.Ident("this#")
        if isinstance(f.owner, D.DatatypeDecl):
            env.this_dt = f.owner
    for k, (x, t) in enumerate(zip(f.formals, info.formal_types)):
        bn = f"{x.name}#{k}"
        formals.append(I.Formal(bn, t))
        env.vars[id(x)] = I.Ident(bn)
    return formals, env, ly


def this_type(ctx: ProgramCtx, f: D.Function) -> Optional[I.Type]:
    """The IVL type of `this` in an instance function (None for static/module functions)."""
    if f.is_static:
        return None
    if isinstance(f.owner, D.ClassDecl):
        return REF
    if isinstance(f.owner, D.DatatypeDecl):
        return ctx.enc.datatype_sort(f.owner)
    if isinstance(f.owner, D.NewtypeDecl):
        return ctx.enc.ivl_type(f.owner.base)
    return None


def declare_function(ctx: ProgramCtx, info: FuncInfo) -> None:
    from .constraints import type_constraint
    from .exprs import ExprTranslator
    f = info.decl
    formals, env, ly = signature(ctx, info)
    ctx.decls.append(I.FunctionDecl(info.name, tuple(I.Formal(x.name, x.type) for x in formals),
                                    info.result_type))
    args = [I.Ident(x.name) for x in formals]
    height_guard = I.Binary("<", I.IntLit(info.height), I.Ident("$Height"))
    guards = []
    if env.this is not None and isinstance(f.owner, D.ClassDecl):
        guards.append(I.Binary("!=", env.this, I.Ident("null")))
    for x in f.formals:
        guards.append(type_constraint(ctx, x.type, env.vars[id(x)]))
    if info.recursive:
        assert ly is not None
        # fuel irrelevance: every layer denotes the same function
        succ = I.FunApp(info.name, tuple([LS(ly)] + args[1:]))
        base = I.FunApp(info.name, tuple(args))
        ctx.decls.append(I.AxiomDecl(I.Quantifier("forall", tuple(formals),
                                                  I.Binary("==", succ, base),
                                                  (I.Trigger((succ,)),))))
    # consequence axiom
    call = I.FunApp(info.name, tuple(args))
    cenv = env.copy()
    cenv.cur_func = info
    cenv.scc_layer = ly
    pre = conj([ExprTranslator(ctx, cenv, WF(None)).tr(r.expr) for r in f.requires])
    post = postcondition_of(ctx, info, cenv, cenv.this, [cenv.vars[id(x)] for x in f.formals],
                            call)
    if post != TRUE:
        ctx.decls.append(I.AxiomDecl(implies(height_guard, I.Quantifier(
            "forall", tuple(formals), implies(conj(guards + [pre]), post),
            (I.Trigger((call,)),)))))
    if info.reads_heap:
        frame_axiom(ctx, info, formals, env)
    # definition axiom
    if f.body is not None and not _has_attr(f, "axiom"):
        denv = env.copy()
        denv.cur_func = info
        denv.scc_layer = ly
        body = ExprTranslator(ctx, denv, WF(None)).tr(f.body)
        body = ctx.enc.coerce(body, ctx.enc.ivl_type(f.body.type or f.result_type),
                              info.result_type, f.span)
        if info.recursive:
            assert ly is not None
            head = I.FunApp(info.name, tuple([LS(ly)] + args[1:]))
        else:
            head = call
        ctx.decls.append(I.AxiomDecl(implies(height_guard, I.Quantifier(
            "forall", tuple(formals), implies(conj(guards + [pre]), I.Binary("==", head, body)),
            (I.Trigger((head,)),)))))
        _literal_axiom(ctx, info, formals, env, ly, height_guard)


def _literal_axiom(ctx: ProgramCtx, info: FuncInfo, formals: list[I.Formal], env: Env,
                   ly: Optional[I.Expr], height_guard: I.Expr) -> None:
    """F($LS(ly), Lit(x)...) == body[x := Lit(x)], recursive calls at $LS(ly) (see
    `literals`): calls on literal arguments unfold without using fuel."""
    from .constraints import type_constraint
    from .exprs import ExprTranslator
    from .literals import lit_eligible, mark
    f = info.decl
    if not lit_eligible(info) or ly is None or f.body is None:
        return
    lenv = env.copy()
    lenv.cur_func = info
    lenv.scc_layer = LS(ly)
    lits: list[I.Expr] = []
    for x, t in zip(f.formals, info.formal_types):
        m = mark(env.vars[id(x)], t)
        lenv.vars[id(x)] = m
        lits.append(m)
    try:
        body = ExprTranslator(ctx, lenv, WF(None)).tr(f.body)
        pre = conj([ExprTranslator(ctx, lenv, WF(None)).tr(r.expr) for r in f.requires])
    except Unsupported:
        return
    body = ctx.enc.coerce(body, ctx.enc.ivl_type(f.body.type or f.result_type),
                          info.result_type, f.span)
    guards = [type_constraint(ctx, x.type, lenv.vars[id(x)]) for x in f.formals]
    head = I.FunApp(info.name, tuple([LS(ly)] + lits))
    ctx.decls.append(I.AxiomDecl(implies(height_guard, I.Quantifier(
        "forall", tuple(formals), implies(conj(guards + [pre]), I.Binary("==", head, body)),
        (I.Trigger((head,)),)))))


def _has_attr(d: D.Function, name: str) -> bool:
    return any(a.name == name for a in d.attributes)


def reads_check(ctx: ProgramCtx, f: D.Function, env: Env):  # type: ignore[no-untyped-def]
    """o -> formula: o is in f's reads frame (evaluated in env)."""
    from .framing import frame_contains
    frames = f.reads

    def check(o: I.Expr) -> I.Expr:
        return frame_contains(ctx, env, frames, o)
    return check


def function_wf_impl(ctx: ProgramCtx, info: FuncInfo) -> I.ImplementationDecl:
    from .constraints import type_constraint
    from .exprs import ExprTranslator
    from .framing import method_env
    from .termination import decreases_values
    f = info.decl
    stmts: list[I.Stmt] = [I.Assume(I.Binary("==", I.Ident("$Height"), I.IntLit(info.height)))]
    env, ins, locals_ = method_env(ctx, f, f.formals, [], stmts, is_function=True)
    env.cur_func = info
    if f.is_twostate:
        # checked for an arbitrary previous heap: fresh locals (uninitialized); without
        # `$Alloc`, so `fresh`/allocation tests inside are unsupported
        env.old_heap = {}
        for hv in ctx.heap_list():
            locals_.append(I.Formal("ho#" + hv.name, hv.type))
            env.old_heap[hv.name] = I.Ident("ho#" + hv.name)
    wf = WF(stmts)
    tr = ExprTranslator(ctx, env, wf)
    for r in f.requires:
        p = tr.tr(r.expr)
        stmts.append(I.Assume(p))
    env.reads_check = reads_check(ctx, f, env)
    env.decreases_of_caller = decreases_values(tr.pure(), f)
    env.assume_callee_post = True
    args = [env.vars[id(x)] for x in f.formals]
    call_args: list[I.Expr] = []
    if info.recursive:
        call_args.append(LS(LZ))
    if f.is_twostate:
        call_args.extend(env.old_heap[hv.name] for hv in ctx.heap_list())  # type: ignore
    if info.reads_heap:
        call_args.extend(env.heap[hv.name] for hv in ctx.heap_list())
    if env.this is not None and this_type(ctx, f) is not None:
        call_args.append(env.this)
    call_args.extend(args)
    call = I.FunApp(info.name, tuple(call_args))
    if f.body is not None:
        body = tr.tr(f.body)
        body = ctx.enc.coerce(body, ctx.enc.ivl_type(f.body.type or f.result_type),
                              info.result_type, f.span)
        locals_.append(I.Formal("result#", info.result_type))
        stmts.append(I.Assign((I.Ident("result#"),), (body,)))
        stmts.append(I.Assume(I.Binary("==", call, I.Ident("result#"))))
        tcr = type_constraint(ctx, f.result_type, I.Ident("result#"))
        if tcr != TRUE:
            from ..semantics import types as T
            stmts.append(I.Assert(tcr, info=Obligation(Kind.SUBSET, f.body.span,
                                                       T.type_to_str(f.result_type)),
                                  span=f.body.span))
    # ensures: well formed, and true of the body
    env.decreases_of_caller = None
    env.assume_callee_post = False
    env.reads_check = None
    if f.result is not None:
        env.vars[id(f.result)] = call
    for x in f.ensures:
        p = tr.tr(x.expr)
        if f.body is not None:
            end = f.span
            stmts.append(I.Assert(p, info=Obligation(
                Kind.FUNCTION_POST, end, related=((x.expr.span,
                                                   "this is the postcondition that could not "
                                                   "be proved"),)), span=end))
        else:
            stmts.append(I.Assume(p))
    name = ctx.names.fresh("WF$" + info.name)
    ctx.decls.append(I.ProcedureDecl(name, tuple(ins), ()))
    return I.ImplementationDecl(name, tuple(ins), (), I.Body(tuple(locals_),
                                                             (I.Block("start", tuple(stmts)),)),
                                span=f.span)


def frame_axiom(ctx: ProgramCtx, info: FuncInfo, formals: list[I.Formal], env: Env) -> None:
    """Reads framing: F gives the same value in two heaps that agree on F's reads frame
        forall h1, h2, args :: {F(h1, args), F(h2, args)}
            (/\\_H forall o in reads(h1) :: h1_H[o] == h2_H[o]) ==> F(h1, args) == F(h2, args)
    which holds because the body of F (checked against its reads clause) only reads there."""
    from .framing import frame_contains
    f = info.decl
    if any(fr.expr is not None and isinstance(fr.expr, D.WildcardExpr) for fr in f.reads):
        return
    hnames = {hv.name for hv in ctx.heap_list()}
    f2 = []
    args1: list[I.Expr] = []
    args2: list[I.Expr] = []
    h1: dict[str, I.Expr] = {}
    h2: dict[str, I.Expr] = {}
    for x in formals:
        if x.name.startswith("h#") and x.name[2:] in hnames:
            n2 = "h2#" + x.name[2:]
            f2.append(I.Formal(n2, x.type))
            args1.append(I.Ident(x.name))
            args2.append(I.Ident(n2))
            h1[x.name[2:]] = I.Ident(x.name)
            h2[x.name[2:]] = I.Ident(n2)
        else:
            args1.append(I.Ident(x.name))
            args2.append(I.Ident(x.name))
    env1 = env.copy()
    env1.heap = dict(h1)
    o = I.Ident("o#fr")
    in_frame = frame_contains(ctx, env1, list(f.reads), o)
    parts = []
    for name in h1:
        parts.append(I.Quantifier("forall", (I.Formal("o#fr", REF),), implies(
            in_frame, I.Binary("==", I.MapSelect(h1[name], (o,)), I.MapSelect(h2[name], (o,))))))
    a = I.FunApp(info.name, tuple(args1))
    b = I.FunApp(info.name, tuple(args2))
    ctx.decls.append(I.AxiomDecl(I.Quantifier(
        "forall", tuple(formals) + tuple(f2), implies(conj(parts), I.Binary("==", a, b)),
        (I.Trigger((a, b)),))))
