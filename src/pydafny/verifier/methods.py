"""Methods and lemmas: IVL procedures, their implementations, and the spec well-formedness check.

Takes: resolved Dafny methods/lemmas/constructors with their `MethodInfo`.
Guarantees, for a method M:
  * procedure `M(this?, ins) returns (outs)`: requires = M's requires (each with a PRECONDITION
    obligation), free requires = parameter types and allocation (a constructor's `this` is
    unallocated on entry and allocated on exit); ensures = M's ensures (each
    with a POSTCONDITION obligation); free ensures = result types, allocation only grows, and
    for each heap variable: objects allocated on entry outside M's modifies frame keep their
    contents. If M may write the heap (transitively), it modifies every heap variable and
    `$Alloc`; otherwise none.
  * the implementation (for a body) verifies the body against that procedure; every heap write
    in it is checked against the modifies frame (or freshness), so the free frame ensures holds.
  * `spec_wf_impl` checks that requires and ensures are well formed (in order, each assumed
    after it was checked), in a state where the outputs and the heap are arbitrary within the
    frame.
"""

from __future__ import annotations

from typing import Any, Optional

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .constraints import datatype_field_facts, type_constraint
from .context import WF, Env, MethodInfo, ProgramCtx
from .encoding import REF, TRUE, conj, disj, implies
from .framing import allocated, frame_contains, heap_frame, is_constructor, method_env
from .obligations import Kind, Obligation
from .unsupported import Unsupported


def mod_frame(ctx: ProgramCtx, m: D.Method, env: Env):  # type: ignore[no-untyped-def]
    """(o, field) -> o.field is in m's modifies frame (field None: all of o), evaluated in
    the pre-state (old heap)."""
    old_env = env.copy()
    if env.old_heap is not None:
        old_env.heap = dict(env.old_heap)
    frames = list(m.modifies)
    is_ctor = m.kind == "constructor"

    def contains(o: I.Expr, field: Optional[str] = None) -> I.Expr:
        c = frame_contains(ctx, old_env, frames, o, field, precise=True)
        if is_ctor and env.this is not None:
            c = disj([I.Binary("==", o, env.this), c])
        return c
    return contains


def declare_procedure(ctx: ProgramCtx, info: MethodInfo, env: Env, ins: list[I.Formal],
                      outs: list[I.Formal]) -> None:
    from .exprs import ExprTranslator
    m = info.decl
    tr = ExprTranslator(ctx, env, WF(None))
    requires: list[I.Requires] = []
    if env.this is not None:
        this_alloc: I.Expr = I.MapSelect(I.Ident("$Alloc"), (env.this,))
        if is_constructor(m):
            this_alloc = I.Unary("!", this_alloc)  # the constructor allocates it
        requires.append(I.Requires(conj([I.Binary("!=", env.this, I.Ident("null")),
                                         this_alloc]), free=True))
    from .traits import class_fact, type_fact
    # objects of class types have exactly that class (tracked only with trait functions)
    facts = [class_fact(ctx, m.owner, env.this) if env.this is not None else None]
    facts += [type_fact(ctx, f.type, env.vars[id(f)]) for f in m.ins]
    for fact in facts:
        if fact is not None:
            requires.append(I.Requires(fact, free=True))
    for f in m.ins:
        v = env.vars[id(f)]
        c = conj([type_constraint(ctx, f.type, v), datatype_field_facts(ctx, f.type, v)])
        if c != TRUE:
            requires.append(I.Requires(c, free=True))
        a = allocated(ctx, f.type, v, I.Ident("$Alloc"))
        if a != TRUE:
            requires.append(I.Requires(a, free=True))
    for r in m.requires:
        requires.append(I.Requires(tr.tr(r.expr), free=r.is_free,
                                   info=Obligation(Kind.PRECONDITION, r.expr.span),
                                   span=r.expr.span))
    ensures: list[I.Ensures] = []
    # postconditions get Dafny's assertion fuel: two unfoldings of recursive definitions
    env_post = env.copy()
    env_post.fuel = I.FunApp("$LS", (I.FunApp("$LS", (I.Ident("$LZ"),)),))
    tr = ExprTranslator(ctx, env_post, WF(None))
    from .inlining import checked_form
    for e in m.ensures:
        # checked with its predicates' bodies inlined (as Dafny does); also free as written,
        # which is what callers use (both are equivalent where the ensures is well formed)
        plain = tr.tr(e.expr)
        checked = plain if e.is_free else checked_form(tr, e.expr)
        ensures.append(I.Ensures(checked, free=e.is_free,
                                 info=Obligation(Kind.POSTCONDITION, e.expr.span),
                                 span=e.expr.span))
        # callers also get it at the ordinary fuel: the quantifiers in it then match the
        # terms that unfolding produces (an assumed layer-2 trigger never matches them)
        plain1 = ExprTranslator(ctx, env, WF(None)).tr(e.expr)
        if checked != plain1 and not e.is_free:
            ensures.append(I.Ensures(plain1, free=True))
    for f in m.outs:
        v = env.vars[id(f)]
        c = type_constraint(ctx, f.type, v)
        if c != TRUE:
            ensures.append(I.Ensures(c, free=True))
        fact = type_fact(ctx, f.type, v)
        if fact is not None:
            ensures.append(I.Ensures(fact, free=True))
        if T.is_ref_type(f.type):
            ensures.append(I.Ensures(disj([I.Binary("==", v, I.Ident("null")),
                                           I.MapSelect(I.Ident("$Alloc"), (v,))]), free=True))
    modifies: tuple[str, ...] = ()
    if info.writes_heap:
        modifies = tuple(["$Alloc"] + [hv.name for hv in ctx.heap_list()])
        ensures.extend(frame_ensures(ctx, m, env))
    ctx.decls.append(I.ProcedureDecl(info.name, tuple(ins), tuple(outs), tuple(requires),
                                     tuple(ensures), modifies, span=m.span))


def frame_ensures(ctx: ProgramCtx, m: D.Method, env: Env) -> list[I.Ensures]:
    out = []
    o = I.Ident("o#a")
    old_alloc = I.Old(I.Ident("$Alloc"))
    from .framing import global_heap_env, heap_goodness
    for g in heap_goodness(ctx, global_heap_env(ctx)[0]):
        out.append(I.Ensures(g, free=True))
    out.append(I.Ensures(I.Quantifier("forall", (I.Formal("o#a", REF),), implies(
        I.MapSelect(old_alloc, (o,)), I.MapSelect(I.Ident("$Alloc"), (o,))),
        (I.Trigger((I.MapSelect(I.Ident("$Alloc"), (o,)),)),)), free=True))
    if is_constructor(m) and env.this is not None:
        out.append(I.Ensures(I.MapSelect(I.Ident("$Alloc"), (env.this,)), free=True))
    contains = mod_frame(ctx, m, env)
    for hv in ctx.heap_list():
        out.append(I.Ensures(heap_frame(hv.name, hv.type, contains, old_alloc,
                                        I.Old(I.Ident(hv.name)), I.Ident(hv.name)), free=True))
    return out


def declare_method(ctx: ProgramCtx, info: MethodInfo) -> Any:
    """Declare M's procedure (before any body is translated, so that every call finds it);
    returns what `build_method` needs."""
    m = info.decl
    entry: list[I.Stmt] = [I.Assume(I.Binary("==", I.Ident("$Height"),
                                             I.IntLit(ctx.max_height + 1)))]
    env, ins, outs = method_env(ctx, m, m.ins, m.outs, entry)
    env.cur_method = info
    declare_procedure(ctx, info, env, ins, outs)
    return (entry, env, ins, outs)


def build_method(ctx: ProgramCtx, info: MethodInfo, declared: Any,
                 merged_body: Optional[D.BlockStmt] = None) -> list[I.ImplementationDecl]:
    """M's implementations (body, spec well-formedness); its procedure is declared.
    `merged_body`: the body to verify instead of M's own (a refining method's body merged
    with the refined one, `refinement_bodies`)."""
    from .stmts import StmtTranslator
    m = info.decl
    impls: list[I.ImplementationDecl] = []
    entry, env, ins, outs = declared
    # spec well-formedness
    wf_impl = spec_wf_impl(ctx, info, env, ins, outs)
    if wf_impl is not None:
        impls.append(wf_impl)
    if m.body is not None:
        from .definite_assignment import assigned_on_every_path
        from .witnesses import reject_possibly_empty
        for f in m.outs:
            # an out-parameter assigned on every path never holds a made-up value
            if not assigned_on_every_path(merged_body or m.body, f):
                reject_possibly_empty(f.type, f.span, "an out-parameter")
        from .induction import induction_hypothesis
        ih = induction_hypothesis(ctx, m, env)
        if ih is not None:
            entry.append(I.Assume(ih))
        st = StmtTranslator(ctx, info, env, mod_frame(ctx, m, env))
        body = st.method_body(merged_body or m.body, entry)
        end = m.body.span
        if end.file is not None:
            from ..syntax.source import Span
            end = Span(end.file, max(end.start, end.end - 1), end.end)
        if not body or not isinstance(body[-1], (I.Return, I.Break)):
            body.append(I.Return(span=end))
        from .intervals import infer_loop_intervals
        body = infer_loop_intervals(body, list(ins) + list(outs) + list(st.locals))
        impls.append(I.ImplementationDecl(info.name, tuple(ins), tuple(outs),
                                          I.Body(tuple(st.locals), (I.Block("start", tuple(body)),)),
                                          span=m.span))
    return impls


def spec_wf_impl(ctx: ProgramCtx, info: MethodInfo, env: Env, ins: list[I.Formal],
                 outs: list[I.Formal]) -> Optional[I.ImplementationDecl]:
    from .exprs import ExprTranslator
    m = info.decl
    stmts: list[I.Stmt] = [I.Assume(I.Binary("==", I.Ident("$Height"),
                                             I.IntLit(ctx.max_height + 1)))]
    env2, ins2, outs2 = method_env(ctx, m, m.ins, m.outs, stmts)
    wf = WF(stmts)
    tr = ExprTranslator(ctx, env2, wf)
    n_checks = 0
    for r in m.requires:
        before = len(stmts)
        p = tr.tr(r.expr)
        n_checks += len(stmts) - before
        stmts.append(I.Assume(p))
    for f in m.ins:
        _ = f
    havoc = [x.name for x in outs2]
    modifies: tuple[str, ...] = ()
    if info.writes_heap:
        modifies = tuple(["$Alloc"] + [hv.name for hv in ctx.heap_list()])
        havoc.extend(modifies)
    if havoc:
        stmts.append(I.Havoc(tuple(havoc)))
    if info.writes_heap:
        for ens in frame_ensures(ctx, m, env2):
            stmts.append(I.Assume(ens.expr))
    for f in m.outs:
        c = type_constraint(ctx, f.type, env2.vars[id(f)])
        if c != TRUE:
            stmts.append(I.Assume(c))
    for e in m.ensures:
        before = len(stmts)
        p = tr.tr(e.expr)
        n_checks += len(stmts) - before
        stmts.append(I.Assume(p))
    if n_checks == 0:
        return None
    name = ctx.names.fresh("WF$" + info.name)
    ctx.decls.append(I.ProcedureDecl(name, tuple(ins2), (), (), (), modifies))
    return I.ImplementationDecl(name, tuple(ins2), (),
                                I.Body(tuple(outs2), (I.Block("start", tuple(stmts)),)),
                                span=m.span)


def call_spec(tr: Any, call: D.ApplyExpr) -> tuple[I.Expr, I.Expr]:
    """(pre, post) of a lemma call inside an expression (no outputs, no heap change)."""
    from .exprs import ExprTranslator
    m = call.decl
    if not isinstance(m, D.Method) or m.outs or m.modifies:
        raise Unsupported(call.span, "this call inside an expression")
    args = [tr.tr(b.expr) for b in call.args]
    if len(args) != len(m.ins):
        raise Unsupported(call.span, "default arguments")
    env = tr.env.copy()
    recv = None
    if not m.is_static and isinstance(m.owner, D.ClassDecl):
        recv = tr.receiver(call.callee)
    env.this = recv
    for f, a in zip(m.ins, args):
        env.vars[id(f)] = tr.enc.coerce(a, tr.enc.ivl_type(_arg_type(call, f)),
                                        tr.enc.ivl_type(f.type), call.span)
    if m.kind == "twostate lemma":
        if tr.env.old_heap is None:
            raise Unsupported(call.span, "a twostate lemma call without a previous state")
        env.old_heap = dict(tr.env.old_heap)  # the caller's previous state
    else:
        env.old_heap = dict(env.heap)
    sub = ExprTranslator(tr.ctx, env, WF(None))
    pre = conj([sub.tr(r.expr) for r in m.requires])
    post = conj([sub.tr(e.expr) for e in m.ensures])
    return pre, post


def _arg_type(call: D.ApplyExpr, f: D.Formal) -> D.Type:
    for b, g in zip(call.args, call.decl.ins):
        if g is f and b.expr.type is not None:
            return b.expr.type
    return f.type
