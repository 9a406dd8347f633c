"""Framing: the heap as the translator sees it, `reads`/`modifies` frames, and entry states.

Takes: frame expressions (`FrameExpr`) of reads/modifies clauses, and method/function formals.
Guarantees:
  * `frame_contains(ctx, env, frames, o)` is the formula "object o is in the frame" (a ref item
    `e`: o == e; a set: o in it; a sequence: o in it; `*`: true; no frames: false). For reads
    frames, field items `e`f` are widened to the whole object e (a function then depends on
    more, which is sound); modifies frames are `precise`: `e`f` contains only the field f of
    e, so a callee modifying `this`f keeps every other field (Dafny's field-granular frames).
  * `frame_within` is the check that a callee's or loop's modifies frame is within a `mod`
    callback (o, field=None -> formula: None asks for every field of o).
  * `method_env` declares the IVL in-parameters of an implementation, and assumes what the
    types of the parameters and the allocation state guarantee on entry. A constructor's
    `this` is unallocated on entry and allocated by the implementation's first statements
    (its procedure: `free requires !$Alloc[this]`, `free ensures $Alloc[this]`).
  * `heap_frame` is the free postcondition "every heap location of an object allocated on
    entry and outside the frame is unchanged" for one heap variable.
"""

from __future__ import annotations

from typing import Any, Optional

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .context import WF, Env, ProgramCtx
from .encoding import FALSE, REF, TRUE, conj, disj, implies, not_, seq_fn, set_fn
from .unsupported import Unsupported


def frame_contains(ctx: ProgramCtx, env: Env, frames: list[D.FrameExpr], o: I.Expr,
                   field: Optional[str] = None, precise: bool = False) -> I.Expr:
    """o is in the frame. Not `precise` (reads frames): a field item `e`f` counts as all of
    e. `precise` (modifies frames): the question is about the location o.`field` (field: the
    heap variable), or with field None about every location of o, and a field item contains
    only its own field's locations."""
    from .exprs import ExprTranslator
    tr = ExprTranslator(ctx, env, WF(None))
    parts: list[I.Expr] = []
    for fr in frames:
        if isinstance(fr.expr, D.WildcardExpr):
            return TRUE
        if precise and fr.field_name is not None:
            hv = ctx.field_heap.get(id(fr.field_decl)) if fr.field_decl is not None else None
            if field is None or hv != field:
                continue
        if fr.expr is None:
            if env.this is None:
                raise Unsupported(fr.span, "frame without object")
            parts.append(I.Binary("==", o, env.this))
            continue
        t = fr.expr.type
        if t is None:
            raise Unsupported(fr.span, "frame expression")
        v = tr.tr(fr.expr)
        fam = T.family(t)
        if fam == "ref":
            parts.append(I.Binary("==", o, v))
        elif fam == "set":
            parts.append(set_fn("In", ctx.enc.ivl_type(t), v, o))
        elif fam == "seq":
            parts.append(seq_fn("Contains", ctx.enc.ivl_type(t), v, o))
        else:
            raise Unsupported(fr.span, f"frame of type {T.type_to_str(t)}")
    return disj(parts) if parts else FALSE


def frame_within(ctx: ProgramCtx, env: Env, frames: list[D.FrameExpr], mod: Any,
                 old_alloc: I.Expr) -> I.Expr:
    """Every location of the (modifies) frame `frames`, evaluated in env, that belongs to an
    object allocated now is in `mod` (o, field -> formula) or belongs to an object allocated
    after old_alloc: whole-object items per object, field items per field."""
    o = I.Ident("o#w")
    whole = [fr for fr in frames if fr.field_name is None]
    parts: list[I.Expr] = []
    if whole:
        inside = frame_contains(ctx, env, whole, o, precise=True)
        if inside != FALSE:
            parts.append(I.Quantifier("forall", (I.Formal("o#w", REF),), implies(
                conj([inside, I.MapSelect(I.Ident("$Alloc"), (o,))]),
                disj([mod(o), not_(I.MapSelect(old_alloc, (o,)))]))))
    for fr in frames:
        if fr.field_name is None:
            continue
        hv = ctx.field_heap.get(id(fr.field_decl)) if fr.field_decl is not None else None
        if hv is None:
            continue  # not a mutable field: nothing of it can change
        inside = frame_contains(ctx, env, [fr], o, field=hv, precise=True)
        parts.append(I.Quantifier("forall", (I.Formal("o#w", REF),), implies(
            conj([inside, I.MapSelect(I.Ident("$Alloc"), (o,))]),
            disj([mod(o, hv), not_(I.MapSelect(old_alloc, (o,)))]))))
    return conj(parts)


def heap_frame(hv_name: str, hv_type: I.Type, in_frame: Any, alloc_before: I.Expr,
               before: I.Expr, after: I.Expr) -> I.Expr:
    """forall o :: {after[o]} alloc_before[o] && !in_frame(o, hv) ==> after[o] == before[o]"""
    o = I.Ident("o#f")
    sel = I.MapSelect(after, (o,))
    body = implies(conj([I.MapSelect(alloc_before, (o,)), not_(in_frame(o, hv_name))]),
                   I.Binary("==", sel, I.MapSelect(before, (o,))))
    return I.Quantifier("forall", (I.Formal("o#f", REF),), body, (I.Trigger((sel,)),))


def allocated(ctx: ProgramCtx, t: D.Type, v: I.Expr, alloc: I.Expr) -> I.Expr:
    """Every reference in value v of type t is null or allocated (in allocation map alloc):
    for a reference, a set of references or a sequence of them; TRUE for other types. True
    of every value a Dafny program can hold: references come only from allocation, which is
    never undone."""
    n = T.normalize(t)
    if T.is_ref_type(n):
        return disj([I.Binary("==", v, I.Ident("null")), I.MapSelect(alloc, (v,))])
    if isinstance(n, D.SetType) and n.finite and T.is_ref_type(n.elem):
        st = ctx.enc.ivl_type(n)
        x = I.Ident("x#al")
        mem = set_fn("In", st, v, x)
        return I.Quantifier("forall", (I.Formal("x#al", REF),), implies(
            mem, disj([I.Binary("==", x, I.Ident("null")), I.MapSelect(alloc, (x,))])),
            (I.Trigger((mem,)),))
    if isinstance(n, D.SeqType) and T.is_ref_type(n.elem):
        st = ctx.enc.ivl_type(n)
        if ctx.enc.ivl_type(n.elem) != REF:
            return TRUE
        i = I.Ident("i#al")
        el = seq_fn("Index", st, v, i)
        return I.Quantifier("forall", (I.Formal("i#al", I.INT),), implies(
            conj([I.Binary("<=", I.IntLit(0), i), I.Binary("<", i, seq_fn("Length", st, v))]),
            disj([I.Binary("==", el, I.Ident("null")), I.MapSelect(alloc, (el,))])),
            (I.Trigger((el,)),))
    return TRUE


def heap_goodness(ctx: ProgramCtx, heap: dict[str, I.Expr]) -> list[I.Expr]:
    """Fields of allocated objects hold values of their declared types:
    forall o :: {F[o]} o != null && $Alloc[o] ==> constraint(F[o]), per constrained field.
    Kept true by the subset checks on every field write; assumed on entry, after calls
    (free ensures), at loop heads (free invariants) and after allocation."""
    from .constraints import type_constraint
    out = []
    o = I.Ident("o#g")
    for name, t in ctx.field_types.items():
        if name not in heap:
            continue
        nt = T.normalize(t)
        if isinstance(nt, D.UserType) and getattr(nt.decl, "witness_kind", "") == "*":
            continue  # a possibly empty type: never assume a value of it exists
        sel = I.MapSelect(heap[name], (o,))
        c = type_constraint(ctx, t, sel)
        # every reference a Dafny program can store is allocated (parameters, fields
        # of allocated objects and new objects are), and allocation is never undone
        c = conj([c, allocated(ctx, t, sel, heap["$Alloc"])])
        if c == TRUE:
            continue
        out.append(I.Quantifier("forall", (I.Formal("o#g", REF),), implies(
            conj([I.Binary("!=", o, I.Ident("null")), I.MapSelect(heap["$Alloc"], (o,))]), c),
            (I.Trigger((sel,)),)))
    for name, (t, dims) in ctx.array_elem_types.items():
        if name not in heap:
            continue
        nt = T.normalize(t)
        if isinstance(nt, D.UserType) and getattr(nt.decl, "witness_kind", "") == "*":
            continue  # a possibly empty type: never assume a value of it exists
        idx = tuple(I.Ident(f"i#g{k}") for k in range(dims))
        sel = I.MapSelect(I.MapSelect(heap[name], (o,)), idx)
        c = type_constraint(ctx, t, sel)
        if c == TRUE:
            continue
        out.append(I.Quantifier("forall", (I.Formal("o#g", REF),) + tuple(
            I.Formal(x.name, I.INT) for x in idx), implies(
            conj([I.Binary("!=", o, I.Ident("null")), I.MapSelect(heap["$Alloc"], (o,))]), c),
            (I.Trigger((sel,)),)))
    return out


def global_heap_env(ctx: ProgramCtx) -> tuple[dict[str, I.Expr], dict[str, I.Expr]]:
    cur: dict[str, I.Expr] = {"$Alloc": I.Ident("$Alloc")}
    old: dict[str, I.Expr] = {"$Alloc": I.Old(I.Ident("$Alloc"))}
    for hv in ctx.heap_list():
        cur[hv.name] = I.Ident(hv.name)
        old[hv.name] = I.Old(I.Ident(hv.name))
    return cur, old


def is_constructor(decl: Any) -> bool:
    """Is decl a class constructor (its procedure allocates `this`)?"""
    return isinstance(decl, D.Method) and decl.kind == "constructor" \
        and isinstance(getattr(decl, "owner", None), D.ClassDecl)


def method_env(ctx: ProgramCtx, decl: Any, ins: list[D.Formal], outs: list[D.Formal],
               stmts: list[I.Stmt], is_function: bool = False,
               ) -> tuple[Env, list[I.Formal], list[I.Formal]]:
    """Env for an implementation: IVL in-formals, locals for outs; entry assumptions."""
    from .constraints import type_constraint
    cur, old = global_heap_env(ctx)
    env = Env(heap=cur, old_heap=old)
    for g in heap_goodness(ctx, cur):
        stmts.append(I.Assume(g))
    formals: list[I.Formal] = []
    locals_: list[I.Formal] = []
    owner = getattr(decl, "owner", None)
    if is_function and not decl.is_static and isinstance(owner, (D.DatatypeDecl,
                                                                  D.NewtypeDecl)):
        from .functions import this_type
        tt = this_type(ctx, decl)
        assert tt is not None
        formals.append(I.Formal("this", tt))
        env.this = I.Ident("this")
        if isinstance(owner, D.DatatypeDecl):
            env.this_dt = owner
    elif not decl.is_static and isinstance(owner, D.ClassDecl):
        formals.append(I.Formal("this", REF))
        env.this = I.Ident("this")
        if is_constructor(decl):
            # a constructor allocates `this`: not allocated on entry (so `fresh(this)` and
            # `fresh(Repr)` with this in Repr hold at the end), allocated from the start of
            # the body on, its fields holding values of their types (Dafny initializes them)
            alloc = I.Ident("$Alloc")
            stmts.append(I.Assume(conj([I.Binary("!=", env.this, I.Ident("null")),
                                        I.Unary("!", I.MapSelect(alloc, (env.this,)))])))
            stmts.append(I.Assign((I.MapSelect(alloc, (env.this,)),), (I.BoolLit(True),)))
            for g in heap_goodness(ctx, cur):
                stmts.append(I.Assume(g))
        else:
            stmts.append(I.Assume(conj([I.Binary("!=", env.this, I.Ident("null")),
                                        I.MapSelect(I.Ident("$Alloc"), (env.this,))])))
    for k, f in enumerate(ins):
        name = ctx.names.fresh(f.name)
        formals.append(I.Formal(name, ctx.enc.ivl_type(f.type)))
        env.vars[id(f)] = I.Ident(name)
    for f in outs:
        name = ctx.names.fresh(f.name)
        locals_.append(I.Formal(name, ctx.enc.ivl_type(f.type)))
        env.vars[id(f)] = I.Ident(name)
    for f in ins:
        v = env.vars[id(f)]
        c = type_constraint(ctx, f.type, v)
        if c != TRUE:
            stmts.append(I.Assume(c))
        a = allocated(ctx, f.type, v, I.Ident("$Alloc"))
        if a != TRUE:
            stmts.append(I.Assume(a))
    if isinstance(decl, D.Method) and decl.kind == "twostate lemma":
        formals[:0] = previous_state(ctx, env)
    return env, formals, locals_


def previous_state(ctx: ProgramCtx, env: Env) -> list[I.Formal]:
    """A twostate lemma's previous state (what `old` sees in it): parameters for `$Alloc` and
    every heap, before the others; a call passes the caller's own `old` state (any state:
    nothing is assumed about it)."""
    prev: dict[str, I.Expr] = {}
    out: list[I.Formal] = []
    for name, t in [("$Alloc", I.MapType((), (REF,), I.BOOL))] + [
            (hv.name, hv.type) for hv in ctx.heap_list()]:
        out.append(I.Formal("ho#" + name, t))
        prev[name] = I.Ident("ho#" + name)
    env.old_heap = prev
    return out


def previous_state_args(ctx: ProgramCtx, env: Env) -> Optional[list[I.Expr]]:
    """The arguments for a twostate lemma's previous state at a call in env (its `old`
    state), or None when env has none."""
    old = env.old_heap
    names = ["$Alloc"] + [hv.name for hv in ctx.heap_list()]
    if old is None or any(n not in old for n in names):
        return None
    return [old[n] for n in names]
