"""Loops: `while`, Dafny 4 `for`, and `forall` statements.

Takes: the statement and the `StmtTranslator` translating the enclosing body.
Guarantees:
  * while: before the loop, the invariants and the decreases expressions are checked well
    formed and heap variables (and `$Alloc`) are snapshot; the IVL `While` checks invariants on
    entry and after each iteration; free invariants re-establish what the havoc forgets but
    the program guarantees (types of constrained locals; contents of objects outside the
    modifies frame since loop entry; allocation only grows); each iteration saves the
    decreases tuple at its start and checks at its end that it decreased (Dafny's guessed
    measure when none is given, `decreases *` skips the check).
  * for i := lo to hi: `i` runs from lo while i < hi (hi evaluated once), with the implicit
    invariant lo <= i <= hi; `downto` counts down and decrements before the body.
  * forall x | R ensures Q { body }: the body is checked for an arbitrary x with R, then
    `forall x :: R ==> Q` (or the postcondition of a single lemma call) is assumed.
"""

from __future__ import annotations

from typing import Any, Optional

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .constraints import type_constraint
from .context import WF
from .encoding import REF, TRUE, conj, implies
from .exprs import ExprTranslator, fresh
from .framing import heap_frame
from .inlining import checked_form
from .obligations import Kind, Obligation
from .termination import lex_less
from .unsupported import Unsupported


def guess_decreases(guard: Optional[D.Expr]) -> Optional[list[D.Expr]]:
    """Dafny's guess: for `a < b` / `a <= b` the measure b - a; `a > b`/`a >= b`: a - b;
    `a != b` on numbers: |a - b|. Sets and multisets: `A < B`/`A <= B` |B - A|, `A > B`/`A >= B`
    |A - B|, `A != B` |A - B| + |B - A| or, when one side is empty, the other side; sequences:
    `[] < B`/`[] <= B` and `A != []`: the nonempty side."""
    coll = _guess_collection(guard)
    if coll is not None:
        return coll
    if isinstance(guard, D.BinaryExpr) and guard.op in ("<", "<=", ">", ">=", "!=") \
            and guard.left.type is not None and T.family(guard.left.type) == "int":
        lo, hi = (guard.left, guard.right) if guard.op in ("<", "<=") else (guard.right,
                                                                              guard.left)
        d = D.BinaryExpr("-", hi, lo, span=guard.span, type=D.IntType())
        d.resolved_op = "-:int"
        if guard.op == "!=":
            # |a - b|
            le = D.BinaryExpr("<=", guard.left, guard.right, span=guard.span, type=D.BoolType())
            le.resolved_op = "<=:int"
            d2 = D.BinaryExpr("-", guard.left, guard.right, span=guard.span, type=D.IntType())
            d2.resolved_op = "-:int"
            d1 = D.BinaryExpr("-", guard.right, guard.left, span=guard.span, type=D.IntType())
            d1.resolved_op = "-:int"
            return [D.ITEExpr(le, d1, d2, span=guard.span, type=D.IntType())]
        return [d]
    if isinstance(guard, D.BinaryExpr) and guard.op == "&&":
        return guess_decreases(guard.left) or guess_decreases(guard.right)
    if isinstance(guard, D.ChainExpr) and len(guard.ops) == 2 and \
            all(op in ("<", "<=") for op in guard.ops):
        b = D.BinaryExpr(guard.ops[1], guard.operands[1], guard.operands[2], span=guard.span,
                         type=D.BoolType())
        return guess_decreases(b)
    return None


def _guess_collection(guard: Optional[D.Expr]) -> Optional[list[D.Expr]]:
    """Dafny's guesses for loop guards comparing finite sets, multisets and sequences."""
    if not isinstance(guard, D.BinaryExpr) or guard.left.type is None:
        return None
    fam = T.family(guard.left.type)
    if fam not in ("set", "multiset", "seq"):
        return None
    a, b, op, sp = guard.left, guard.right, guard.op, guard.span

    def empty(x: D.Expr) -> bool:
        return isinstance(x, (D.SetDisplay, D.MultisetDisplay, D.SeqDisplay)) and not x.elems

    def card_diff(x: D.Expr, y: D.Expr) -> D.Expr:
        d = D.BinaryExpr("-", x, y, span=sp, type=x.type)
        d.resolved_op = "-:" + fam
        return D.UnaryExpr("|.|", d, span=sp, type=D.IntType())

    if op == "!=":
        if empty(a):
            return [b]
        if empty(b):
            return [a]
        if fam == "seq":
            return None
        s = D.BinaryExpr("+", card_diff(a, b), card_diff(b, a), span=sp, type=D.IntType())
        s.resolved_op = "+:int"
        return [s]
    if fam == "seq":
        return [b] if op in ("<", "<=") and empty(a) else None
    if op in ("<", "<="):
        return [card_diff(b, a)]
    if op in (">", ">="):
        return [card_diff(a, b)]
    return None


def translate_loop(st: Any, guard: Optional[D.Expr], spec: D.LoopSpec,
                   body: Optional[D.BlockStmt], span: Any,
                   extra_invariants: list[tuple[I.Expr, Obligation]] = (),  # type: ignore
                   pre_body: tuple[I.Stmt, ...] = (), post_body: tuple[I.Stmt, ...] = (),
                   guard_ivl: Optional[I.Expr] = None,
                   default_dec: Optional[list[D.Expr]] = None) -> None:
    ctx = st.ctx
    saved_mod = st.mod
    if spec.modifies:
        # the loop's frame: checked to be within the method's, then used for the loop body's
        # writes and for the loop's free frame invariant
        from .framing import frame_contains, frame_within
        frames = list(spec.modifies)
        env_entry = st.env.copy()
        old_alloc = st.env.old_heap["$Alloc"]
        st.check(frame_within(ctx, env_entry, frames, saved_mod, old_alloc),
                 Obligation(Kind.CALL_MODIFIES, spec.modifies[0].span))
        # evaluate the frame once, at loop entry (frame expressions of loops are evaluated
        # in the state before the loop)
        snap_env = env_entry

        def loop_mod(x: I.Expr, field: Optional[str] = None) -> I.Expr:
            return frame_contains(ctx, snap_env, frames, x, field, precise=True)
        st.mod = loop_mod
    try:
        _translate_loop(st, guard, spec, body, span, extra_invariants, pre_body, post_body,
                        guard_ivl, default_dec)
    finally:
        st.mod = saved_mod


def _translate_loop(st: Any, guard: Optional[D.Expr], spec: D.LoopSpec,
                    body: Optional[D.BlockStmt], span: Any,
                    extra_invariants: list[tuple[I.Expr, Obligation]],
                    pre_body: tuple[I.Stmt, ...], post_body: tuple[I.Stmt, ...],
                    guard_ivl: Optional[I.Expr], default_dec: Optional[list[D.Expr]]) -> None:
    ctx = st.ctx
    if body is None:
        raise Unsupported(span, "body-less loops")
    # well-formedness of invariants, decreases, guard in the entry state
    tr = st.tr()
    for inv in spec.invariants:
        tr.tr(inv.expr)
    dec_exprs: Optional[list[D.Expr]]
    if spec.decreases is not None and spec.decreases.exprs:
        if any(isinstance(x, D.WildcardExpr) for x in spec.decreases.exprs):
            dec_exprs = None
        else:
            dec_exprs = list(spec.decreases.exprs)
    else:
        dec_exprs = default_dec if default_dec is not None else guess_decreases(guard)
        if dec_exprs is None and guard is not None and not isinstance(guard, D.BoolLit):
            raise Unsupported(span, "loop without a decreases clause Dafny can guess")
        if dec_exprs is None and not (isinstance(guard, D.BoolLit) and not guard.value):
            raise Unsupported(span, "loop without a decreases clause")
    for x in dec_exprs or []:
        tr.tr(x)
    if guard_ivl is None:
        g = st.expr(guard) if guard is not None else None
    else:
        g = guard_ivl
    # snapshots
    snaps: dict[str, I.Ident] = {}
    if st.info.writes_heap:
        for hv in ctx.heap_list():
            snaps[hv.name] = st.new_local("loopheap", hv.type)
        snaps["$Alloc"] = st.new_local("loopalloc", I.MapType((), (REF,), I.BOOL))
        for name, ident in snaps.items():
            st.emit(I.Assign((ident,), (I.Ident(name),)))
    # invariants
    invs: list[I.Invariant] = []
    env_inv = st.env.copy()
    env_inv.fuel = I.FunApp("$LS", (I.FunApp("$LS", (I.Ident("$LZ"),)),))
    ptr = ExprTranslator(ctx, env_inv, WF(None))
    for inv_e, ob in extra_invariants:
        invs.append(I.Invariant(inv_e, info=ob, span=ob.span))
    for inv in spec.invariants:
        wf_sink: list[I.Stmt] = []
        inv_e = ExprTranslator(ctx, env_inv, WF(None if inv.is_free else wf_sink)).tr(inv.expr)
        # The preconditions of the functions an invariant calls hold wherever the invariant
        # is evaluated (Dafny checks the invariants well formed in every loop-head state and
        # then knows their calls are defined there, its `canCall` facts). Here they are
        # invariants of their own, before the invariant: on entry they were just checked
        # (above), after an iteration they follow from Dafny's check; so on loop exit the
        # calls in the invariants unfold (e.g. `sorted(a, j, n)` with its `0 <= j`).
        for a in wf_sink:
            if isinstance(a, I.Assert) and isinstance(a.info, Obligation) \
                    and a.info.kind == Kind.FUNCTION_PRECONDITION:
                invs.append(I.Invariant(a.expr, info=a.info, span=a.span))
        # checked with the bodies of its predicates inlined (as Dafny checks it), assumed
        # also as written at the ordinary fuel (so later uses of the predicates match it)
        checked = inv_e if inv.is_free else checked_form(ptr, inv.expr)
        invs.append(I.Invariant(checked, free=inv.is_free,
                                info=Obligation(Kind.INVARIANT, inv.expr.span),
                                span=inv.expr.span))
        if not inv.is_free:
            # also at the ordinary fuel, so that its quantifiers match unfolded terms
            inv1 = ExprTranslator(ctx, st.env, WF(None)).tr(inv.expr)
            if inv1 != checked:
                invs.append(I.Invariant(inv1, free=True))
    for v, t in st.constrained:
        c = type_constraint(ctx, t, v)
        if c != TRUE:
            invs.append(I.Invariant(c, free=True))
    outs = {id(f): f for f in getattr(st.info.decl, "outs", [])}
    for key, kind in monotone_locals(body).items():
        v = st.env.vars.get(key)
        if isinstance(v, I.Ident) and (any(f.name == v.name and f.type == I.INT
                                           for f in st.locals)
                                       or (key in outs and
                                           ctx.enc.ivl_type(outs[key].type) == I.INT)):
            entry = st.new_local("entry", I.INT)
            st.emit(I.Assign((entry,), (v,)))
            invs.append(I.Invariant(I.Binary("<=", entry, v) if kind == "up"
                                    else I.Binary("<=", v, entry), free=True))
    if snaps:
        old_alloc = st.env.old_heap["$Alloc"]
        o = I.Ident("o#l")
        invs.append(I.Invariant(I.Quantifier("forall", (I.Formal("o#l", REF),), implies(
            I.MapSelect(snaps["$Alloc"], (o,)), I.MapSelect(I.Ident("$Alloc"), (o,))),
            (I.Trigger((I.MapSelect(I.Ident("$Alloc"), (o,)),)),)), free=True))
        from .framing import global_heap_env, heap_goodness
        for gd in heap_goodness(ctx, global_heap_env(ctx)[0]):
            invs.append(I.Invariant(gd, free=True))
        for hv in ctx.heap_list():
            invs.append(I.Invariant(heap_frame(hv.name, hv.type, st.mod, old_alloc,
                                               snaps[hv.name], I.Ident(hv.name)), free=True))
    if dec_exprs:
        # Dafny's free invariant: every completed iteration decreased the measure (checked
        # at its end), so by transitivity the measure at the loop head is at most its value
        # on entry (the non-strict lexicographic order). Sound: the iterations' checks make it
        # true in every loop-head state reached.
        entry_vals: list[tuple[D.Type, I.Expr]] = []
        for x in dec_exprs:
            if x.type is None:
                raise Unsupported(x.span, "decreases expression")
            loc = st.new_local("decr0", ctx.enc.ivl_type(x.type))
            st.emit(I.Assign((loc,), (ptr.tr(x),)))
            entry_vals.append((x.type, loc))
        head_vals = [(x.type, ptr.tr(x)) for x in dec_exprs]
        invs.append(I.Invariant(lex_less(ExprTranslator(ctx, st.env, WF(None)), head_vals,
                                         entry_vals, or_equal=True), free=True))
    # body
    saved_out = st.out
    st.out = []
    dec_olds: list[tuple[D.Type, I.Expr]] = []
    if dec_exprs:
        for x in dec_exprs:
            v = ptr.tr(x)
            if x.type is None:
                raise Unsupported(x.span, "decreases expression")
            loc = st.new_local("decr", ctx.enc.ivl_type(x.type))
            st.emit(I.Assign((loc,), (v,)))
            dec_olds.append((x.type, loc))
    # re-check well-formedness of invariants inside (after havoc, for the inductive step)
    st.out.extend(pre_body)
    st.loop_depth += 1
    st.block(body)
    st.loop_depth -= 1
    st.out.extend(post_body)
    if dec_exprs:
        news = [(x.type, ptr.tr(x)) for x in dec_exprs]
        cond = lex_less(ExprTranslator(ctx, st.env, WF(None)), news, dec_olds)
        st.check(cond, Obligation(Kind.DECREASES, spec.decreases.span if spec.decreases
                                  is not None and spec.decreases.exprs else span))
    if guard is not None and guard_ivl is None:
        ExprTranslator(ctx, st.env, WF(st.out)).tr(guard)  # guard well-formedness, next test
    from .stmts import truncate
    loop_body = truncate(st.out)
    st.out = saved_out
    st.emit(I.While(g, tuple(invs), loop_body, span=span))


def translate_while(st: Any, s: D.WhileStmt) -> None:
    translate_loop(st, s.guard, s.spec, s.body, s.span)


def translate_for(st: Any, s: D.ForLoopStmt) -> None:
    ctx = st.ctx
    if s.end is None:
        raise Unsupported(s.span, "for loops to *")
    lo = st.expr(s.start)
    hi_v = st.expr(s.end)
    hi = st.new_local("hi", I.INT)
    st.emit(I.Assign((hi,), (hi_v,)))
    i = st.new_local(s.var.name, I.INT)
    st.env = st.env.copy()
    st.env.vars[id(s.var)] = i
    lo_l = st.new_local("lo", I.INT)
    st.emit(I.Assign((lo_l,), (lo,)))
    bound = conj([I.Binary("<=", lo_l, i), I.Binary("<=", i, hi)])
    ob = Obligation(Kind.INVARIANT, s.span)
    tc = type_constraint(ctx, s.var.type, i)
    if not s.downto:
        st.emit(I.Assign((i,), (lo_l,)))
        dec = D.BinaryExpr("-", D.NameExpr("$hi"), D.NameExpr(s.var.name), type=D.IntType())
        dec_i = I.Binary("-", hi, i)
        translate_loop_custom(st, s, I.Binary("<", i, hi), [(bound, ob)], (),
                              (I.Assign((i,), (I.Binary("+", i, I.IntLit(1)),)),), dec_i,
                              tc)
        del dec
    else:
        st.emit(I.Assign((i,), (hi,)))
        dec_i = I.Binary("-", i, lo_l)
        translate_loop_custom(st, s, I.Binary(">", i, lo_l), [(bound, ob)],
                              (I.Assign((i,), (I.Binary("-", i, I.IntLit(1)),)),), (), dec_i,
                              tc)


def translate_loop_custom(st: Any, s: D.ForLoopStmt, g: I.Expr,
                          extra: list[tuple[I.Expr, Obligation]], pre: tuple[I.Stmt, ...],
                          post: tuple[I.Stmt, ...], dec_i: I.Expr, tc: I.Expr) -> None:
    """A for loop: like translate_loop with an IVL guard and, without a decreases clause,
    the measure `dec_i` (hi - i or i - lo)."""
    spec = s.spec
    if spec.decreases is not None and spec.decreases.exprs:
        translate_loop(st, None, spec, s.body, s.span, extra, pre, post, guard_ivl=g)
        return
    # measure as an IVL expression: emulate with a synthetic decreases via post check
    decr = st.new_local("decr", I.INT)
    pre2 = (I.Assign((decr,), (dec_i,)),) + pre
    post2 = post + (I.Assert(conj([I.Binary("<", dec_i, decr),
                                   I.Binary("<=", I.IntLit(0), decr)]),
                             info=Obligation(Kind.DECREASES, s.span), span=s.span),)
    if tc != TRUE:
        pre2 = pre2 + (I.Assume(tc),) if not pre else (I.Assign((decr,), (dec_i,)),) + pre + (
            I.Assume(tc),)
    translate_loop(st, None, spec, s.body, s.span, extra, pre2, post2, guard_ivl=g,
                   default_dec=[])


def translate_forall(st: Any, s: D.ForallStmt) -> None:
    ctx = st.ctx
    env = st.env.copy()
    formals = []
    tcs = []
    for v in s.vars:
        if v.domain is not None:
            raise Unsupported(v.span, "forall domains")
        name = fresh(v.name)
        t = ctx.enc.ivl_type(v.type)
        formals.append(I.Formal(name, t))
        env.vars[id(v)] = I.Ident(name)
        tcs.append(type_constraint(ctx, v.type, I.Ident(name)))
    body_stmts = s.body.stmts if s.body is not None else []
    # the conclusion: ensures, or the postcondition of one lemma call
    call = None
    calc_last: Optional[D.CalcStmt] = None
    if not s.ensures:
        if len(body_stmts) == 1 and isinstance(body_stmts[0], D.AssignStmt) \
                and not body_stmts[0].lhss and len(body_stmts[0].rhss) == 1 \
                and isinstance(body_stmts[0].rhss[0], D.ExprRhs) \
                and isinstance(body_stmts[0].rhss[0].expr, D.ApplyExpr) \
                and body_stmts[0].rhss[0].expr.kind == "lemma":
            call = body_stmts[0].rhss[0].expr
        elif body_stmts and isinstance(body_stmts[-1], D.CalcStmt) \
                and calc_conclusion_op(body_stmts[-1]) is not None:
            calc_last = body_stmts[-1]
        elif body_stmts:
            translate_forall_assign(st, s)
            return
    # check the body for arbitrary bound values
    saved_env, saved_out = st.env, st.out
    st.env = env
    st.out = []
    for f in formals:
        st.locals.append(f)
    if formals:
        st.out.append(I.Havoc(tuple(f.name for f in formals)))
    st.out.append(I.Assume(conj(tcs)))
    tr = st.tr()
    rng = tr.tr(s.range) if s.range is not None else TRUE
    st.out.append(I.Assume(rng))
    post_parts: list[I.Expr] = []
    if call is not None:
        from .methods import call_spec
        pre, post = call_spec(tr, call)
        st.check(pre, Obligation(Kind.FUNCTION_PRECONDITION, call.span))
        post_parts.append(post)
    else:
        if s.body is not None:
            st.loop_depth += 1
            st.block(s.body)
            st.loop_depth -= 1
        for e in s.ensures:
            p = st.expr(e.expr)
            st.check(p, Obligation(Kind.FORALL_POST, e.expr.span))
            post_parts.append(ExprTranslator(ctx, env, WF(None)).tr(e.expr))
        if calc_last is not None:
            # Dafny's rule: a forall statement ending in a calc concludes the calc's relation
            st.check(calc_relation(st, calc_last, ExprTranslator(ctx, st.env, WF(None))),
                     Obligation(Kind.FORALL_POST, calc_last.span))
    st.out.append(I.Assume(I.BoolLit(False)))
    branch = tuple(st.out)
    st.env, st.out = saved_env, saved_out
    st.emit(I.If(None, branch, ()))
    # rename the bound variables into quantified ones for the conclusion
    qformals = tuple(I.Formal(fresh(f.name), f.type) for f in formals)
    env2 = st.env.copy()
    for v, qf in zip(s.vars, qformals):
        env2.vars[id(v)] = I.Ident(qf.name)
    ptr = ExprTranslator(ctx, env2, WF(None))
    rng2 = ptr.tr(s.range) if s.range is not None else TRUE
    tcs2 = [type_constraint(ctx, v.type, I.Ident(qf.name)) for v, qf in zip(s.vars, qformals)]
    if call is not None:
        from .methods import call_spec
        _, post2 = call_spec(ptr, call)
        concl = post2
    else:
        concl = conj([ptr.tr(e.expr) for e in s.ensures])
        if calc_last is not None:
            concl = calc_relation(st, calc_last, ptr)
    if concl != TRUE:
        if qformals:
            # the conclusion gets triggers as a quantifier written in the program would
            from .triggers import triggered_forall
            st.emit(I.Assume(triggered_forall(qformals, rng2, concl, side=conj(tcs2))))
        else:
            st.emit(I.Assume(implies(conj(tcs2 + [rng2]), concl)))


def monotone_locals(body: D.BlockStmt) -> dict[int, str]:
    """Locals the loop body changes only by `x := x + k` / `x := x - k` with k a literal
    (>= 0): id(decl) -> 'up' or 'down'. At every loop head such an x is >= (resp. <=) its
    value on entry, a fact Boogie's interval inference would find and Dafny relies on."""
    kinds: dict[int, set[str]] = {}

    class V(D.Traverser):
        def visit_AssignStmt(self, s: D.AssignStmt) -> None:
            call = len(s.rhss) == 1 and isinstance(s.rhss[0], D.ExprRhs) and \
                isinstance(s.rhss[0].expr, D.ApplyExpr) and \
                s.rhss[0].expr.kind in ("method", "lemma")
            for k, lhs in enumerate(s.lhss):
                if not isinstance(lhs, D.NameExpr):
                    continue
                key = id(lhs.decl)
                r = s.rhss[k] if not call and k < len(s.rhss) else None
                kind = "other"
                if isinstance(r, D.ExprRhs) and isinstance(r.expr, D.BinaryExpr) \
                        and r.expr.op in ("+", "-") and isinstance(r.expr.left, D.NameExpr) \
                        and r.expr.left.decl is lhs.decl and isinstance(r.expr.right, D.IntLit) \
                        and r.expr.right.value >= 0:
                    kind = "up" if r.expr.op == "+" else "down"
                kinds.setdefault(key, set()).add(kind)
            self.generic_visit(s)

        def visit_AssignSuchThatStmt(self, s: D.AssignSuchThatStmt) -> None:
            for lhs in s.lhss:
                if isinstance(lhs, D.NameExpr):
                    kinds.setdefault(id(lhs.decl), set()).add("other")
            self.generic_visit(s)

    V().visit(body)
    return {k: next(iter(v)) for k, v in kinds.items() if len(v) == 1 and "other" not in v}


def translate_forall_assign(st: Any, s: D.ForallStmt) -> None:
    """`forall i | R(i) { a[i] := E(i); }`: all elements updated at once. The new row of `a`
    is R(j) ? E(j) : old row[j] (E evaluated in the state before), other arrays unchanged."""
    from .exprs import array_elem, is_array
    ctx = st.ctx
    body = s.body.stmts if s.body is not None else []
    if len(s.vars) != 1 or len(body) != 1 or not isinstance(body[0], D.AssignStmt):
        raise Unsupported(s.span, "forall statements that assign")
    a_s = body[0]
    if len(a_s.lhss) != 1 or len(a_s.rhss) != 1 or not isinstance(a_s.rhss[0], D.ExprRhs):
        raise Unsupported(s.span, "forall statements that assign")
    lhs = a_s.lhss[0]
    v = s.vars[0]
    if not (isinstance(lhs, D.IndexExpr) and lhs.seq.type is not None
            and is_array(lhs.seq.type) == 1 and isinstance(lhs.index, D.NameExpr)
            and lhs.index.decl is v):
        raise Unsupported(s.span, "forall statements that assign")
    rhs = a_s.rhss[0].expr
    tr = st.tr()
    arr = tr.tr(lhs.seq)
    tr.check_non_null(arr, lhs)
    st.check_modifies(arr, lhs)
    elem_d = array_elem(lhs.seq.type)
    elem = ctx.enc.ivl_type(elem_d)
    hname = ctx.array_heap(elem, 1, elem_d)
    formals, tcs, env = tr.bind_vars([v])
    j = I.Ident(formals[0].name)
    sub = tr.sub(env)
    with tr.wf.binding(formals):
        with tr.wf.under(tcs):
            rng = sub.tr(s.range) if s.range is not None else TRUE
            with tr.wf.under(rng):
                tr.wf.check(conj([I.Binary("<=", I.IntLit(0), j),
                                  I.Binary("<", j, I.FunApp("$Len", (arr,)))]),
                            Obligation(Kind.INDEX, lhs.index.span))
                val = sub.tr(rhs)
                c = type_constraint(ctx, elem_d, val)
                if c != TRUE:
                    tr.wf.check(c, Obligation(Kind.SUBSET, rhs.span, T.type_to_str(elem_d)))
    h = I.Ident(hname)
    old_h = st.new_local("forallheap", ctx.heaps[hname].type)
    arr_l = st.new_local("forallarr", REF)
    st.emit(I.Assign((old_h, arr_l), (h, arr)))
    # the new values, evaluated in the old heap
    env_old = env.copy()
    env_old.heap = dict(env.heap)
    env_old.heap[hname] = old_h
    pt = ExprTranslator(ctx, env_old, WF(None))
    rng_o = pt.tr(s.range) if s.range is not None else TRUE
    val_o = pt.tr(rhs)
    st.emit(I.Havoc((hname,)))
    o = I.Ident("o#fa")
    st.emit(I.Assume(I.Quantifier("forall", (I.Formal("o#fa", REF),), implies(
        I.Binary("!=", o, arr_l), I.Binary("==", I.MapSelect(h, (o,)),
                                           I.MapSelect(old_h, (o,)))))))
    sel = I.MapSelect(I.MapSelect(h, (arr_l,)), (j,))
    val_o = ctx.enc.coerce(val_o, elem, ctx.array_elem_ivl(hname), s.span)
    st.emit(I.Assume(I.Quantifier("forall", formals, I.Binary("==", sel, I.IfThenElse(
        conj([tcs, rng_o]), val_o, I.MapSelect(I.MapSelect(old_h, (arr_l,)), (j,)))),
        (I.Trigger((sel,)),))))


def calc_conclusion_op(c: D.CalcStmt) -> Optional[str]:
    """The relation a calc proves between its first and last lines (None if not one of the
    transitive combinations: only ==, only <=/</==, only >=/>/==, ==> with ==, <==> with ==)."""
    ops = [st.op or c.op or "==" for st in c.steps[:-1]]
    if not ops:
        return None
    kinds = set(ops) - {"=="}
    if not kinds:
        return "=="
    if kinds <= {"<", "<="}:
        return "<" if "<" in kinds else "<="
    if kinds <= {">", ">="}:
        return ">" if ">" in kinds else ">="
    if kinds == {"==>"}:
        return "==>"
    if kinds == {"<==>"}:
        return "<==>"
    return None


def calc_relation(st: Any, c: D.CalcStmt, tr: Any) -> I.Expr:
    from .calc import _relation
    op = calc_conclusion_op(c)
    assert op is not None
    a = tr.tr(c.steps[0].expr)
    b = tr.tr(c.steps[-1].expr)
    saved = st.env
    st.env = tr.env
    try:
        return _relation(st, op, a, b, c.steps[0].expr.type, c)
    finally:
        st.env = saved
