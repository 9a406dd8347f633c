"""Statements: a method body as structured IVL code (if/while/break/return, calls).

Takes: a method's body, its `MethodInfo`, the `Env` of its implementation, and its modifies
frame (o -> formula, evaluated in the pre-state).
Guarantees: `StmtTranslator.method_body` returns IVL statements such that every execution of
the Dafny body corresponds to an execution of them, with, before each statement, the
well-formedness checks of its expressions; assignments check subset types, heap writes check
the modifies frame (or that the object is fresh); calls check the callee's frame and, inside a
recursive group, termination; loops check invariants on entry and preservation (by the IVL),
decrease their measure on every iteration, and keep as free invariants the types of locals
and, for objects outside the frame, the heap contents of loop entry. Unsupported statements
raise `Unsupported`.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from ..ivl import ast as I
from ..semantics import types as T
from ..syntax import ast as D
from .constraints import type_constraint
from .witnesses import reject_possibly_empty
from .context import WF, Env, MethodInfo, ProgramCtx
from .encoding import REF, TRUE, conj, disj, implies, not_
from .exprs import ExprTranslator, array_elem, fresh, is_array
from .obligations import Kind, Obligation
from .unsupported import Unsupported


class StmtTranslator:
    def __init__(self, ctx: ProgramCtx, info: MethodInfo, env: Env,
                 mod: Callable[[I.Expr], I.Expr]) -> None:
        self.ctx = ctx
        self.info = info
        self.env = env
        self.mod = mod
        self.locals: list[I.Formal] = []
        self.out: list[I.Stmt] = []
        self.constrained: list[tuple[I.Expr, D.Type]] = []
        self.loop_depth = 0

    # ------------------------------------------------------------------ helpers
    def tr(self) -> ExprTranslator:
        return ExprTranslator(self.ctx, self.env, WF(self.out))

    def expr(self, e: D.Expr, assertion: bool = False) -> I.Expr:
        t = self.tr()
        if assertion:
            t.env = self.env.copy()
            t.env.fuel = I.FunApp("$LS", (I.FunApp("$LS", (I.Ident("$LZ"),)),))
        return t.tr(e)

    def new_local(self, base: str, t: I.Type) -> I.Ident:
        name = fresh(base)
        self.locals.append(I.Formal(name, t))
        return I.Ident(name)

    def emit(self, s: I.Stmt) -> None:
        self.out.append(s)

    def check(self, cond: I.Expr, ob: Obligation) -> None:
        if cond != TRUE:
            self.out.append(I.Assert(cond, info=ob, span=ob.span))

    def subset_check(self, t: D.Type, v: I.Expr, src: Optional[D.Type], span: Any) -> None:
        # expression types cannot be trusted to be as precise as the value (n - 1 may be
        # typed nat), so the check is always made; for values read from variables of the same
        # type it is discharged by their assumed constraints
        c = type_constraint(self.ctx, t, v)
        if c != TRUE:
            self.check(c, Obligation(Kind.SUBSET, span, T.type_to_str(t)))

    # ------------------------------------------------------------------ entry
    def method_body(self, body: D.BlockStmt, entry: list[I.Stmt]) -> list[I.Stmt]:
        self.out = list(entry)
        m = self.info.decl
        for f in m.outs:
            c = type_constraint(self.ctx, f.type, self.env.vars[id(f)])
            if c != TRUE:
                self.constrained.append((self.env.vars[id(f)], f.type))
        from .termination import decreases_exprs
        dec = decreases_exprs(m)
        if dec is not None:
            pt = ExprTranslator(self.ctx, self.env, WF(None))
            oldenv = self.env.copy()
            if self.env.old_heap is not None:
                oldenv.heap = dict(self.env.old_heap)
            pt = ExprTranslator(self.ctx, oldenv, WF(None))
            self.env.decreases_of_caller = [(x.type, pt.tr(x)) for x in dec
                                            if x.type is not None]
        self.block(body)
        return list(truncate(self.out))

    def block(self, b: D.BlockStmt) -> None:
        saved = self.env
        self.env = self.env.copy()
        saved_constrained = len(self.constrained)
        for s in b.stmts:
            self.stmt(s)
        self.env = saved
        del self.constrained[saved_constrained:]

    def stmt(self, s: D.Stmt) -> None:
        m = getattr(self, "st_" + type(s).__name__, None)
        if m is None:
            raise Unsupported(s.span, f"statement {type(s).__name__}")
        m(s)

    def sub_block(self, b: Optional[D.BlockStmt]) -> tuple[I.Stmt, ...]:
        saved = self.out
        self.out = []
        if b is not None:
            self.block(b)
        res = truncate(self.out)
        self.out = saved
        return res

    def stmts_block(self, stmts: list[D.Stmt]) -> tuple[I.Stmt, ...]:
        return self.sub_block(D.BlockStmt(stmts))

    # ------------------------------------------------------------------ simple statements
    def st_BlockStmt(self, s: D.BlockStmt) -> None:
        self.block(s)

    def st_AssertStmt(self, s: D.AssertStmt) -> None:
        if s.by is not None:
            inner = self.sub_block(s.by)
            saved = self.out
            self.out = list(inner)
            p = self.expr(s.expr, assertion=True)
            self.check(p, Obligation(Kind.ASSERTION, s.expr.span))
            self.out.append(I.Assume(I.BoolLit(False)))
            branch = tuple(self.out)
            self.out = saved
            self.emit(I.If(None, branch, ()))
            pure = ExprTranslator(self.ctx, self.env, WF(None)).tr(s.expr)
            self.emit(I.Assume(pure))
            return
        p = self.expr(s.expr, assertion=True)
        if p == TRUE:
            return
        # checked with its predicates' bodies inlined (as Dafny does), then known as written
        from .inlining import checked_form
        t = self.tr()
        t.env = self.env.copy()
        t.env.fuel = I.FunApp("$LS", (I.FunApp("$LS", (I.Ident("$LZ"),)),))
        q = checked_form(t, s.expr)
        self.check(q, Obligation(Kind.ASSERTION, s.expr.span))
        p1 = ExprTranslator(self.ctx, self.env, WF(None)).tr(s.expr)  # ordinary fuel
        if q != p1:
            self.emit(I.Assume(p1))

    def st_AssumeStmt(self, s: D.AssumeStmt) -> None:
        self.emit(I.Assume(self.expr(s.expr)))

    def st_ExpectStmt(self, s: D.ExpectStmt) -> None:
        self.emit(I.Assume(self.expr(s.expr)))

    def st_PrintStmt(self, s: D.PrintStmt) -> None:
        for a in s.args:
            self.expr(a)

    def st_RevealStmt(self, s: D.RevealStmt) -> None:
        pass  # opaque functions are translated transparently: reveal adds nothing

    def st_NewPhaseStmt(self, s: D.Stmt) -> None:
        pass  # `new;` ends a constructor's initialization phase: nothing to verify

    def st_LabeledStmt(self, s: D.LabeledStmt) -> None:
        # snapshot the heap for old@label(...)
        snap: dict[str, I.Expr] = {}
        for name in ["$Alloc"] + [hv.name for hv in self.ctx.heap_list()]:
            t = self.ctx.heaps[name].type if name != "$Alloc" else I.MapType(
                (), (REF,), I.BOOL)
            loc = self.new_local("label", t)
            self.emit(I.Assign((loc,), (I.Ident(name),)))
            snap[name] = loc
        if self.env.labels is None:
            self.env.labels = {}
        self.env.labels[s.label] = snap
        self.stmt(s.stmt)

    def st_BreakStmt(self, s: D.BreakStmt) -> None:
        if s.is_continue or s.label is not None or s.count != 1 or self.loop_depth == 0:
            raise Unsupported(s.span, "continue/labelled break")
        self.emit(I.Break(None, span=s.span))

    def st_ReturnStmt(self, s: D.ReturnStmt) -> None:
        if s.rhss is not None:
            outs = self.info.decl.outs
            if len(s.rhss) != len(outs):
                raise Unsupported(s.span, "return with this shape")
            lhss = []
            for f in outs:
                n = D.NameExpr(f.name, span=s.span, type=f.type)
                n.decl = f
                lhss.append(n)
            self.assign_stmt(lhss, s.rhss, s)
        self.emit(I.Return(span=s.span))

    # ------------------------------------------------------------------ variables
    def declare(self, v: Any, t: D.Type) -> I.Ident:
        ident = self.new_local(v.name, self.ctx.enc.ivl_type(t))
        self.env.vars[id(v)] = ident
        if type_constraint(self.ctx, t, ident) != TRUE:
            self.constrained.append((ident, t))
        return ident

    def st_VarDeclStmt(self, s: D.VarDeclStmt) -> None:
        for v in s.vars:
            t = v.type
            if isinstance(t, D.InferredType) and t.resolved is not None:
                t = T.prune(t)
            if s.rhs is None:
                reject_possibly_empty(t, v.span, "an uninitialized variable")
            ident = self.declare(v, t)
            self.emit(I.Havoc((ident.name,)))
            if s.rhs is None:
                c = type_constraint(self.ctx, t, ident)
                if c != TRUE:
                    self.emit(I.Assume(c))
        if s.rhs is not None:
            self.stmt(s.rhs)

    def st_VarDeclPatternStmt(self, s: D.VarDeclPatternStmt) -> None:
        from .patterns import _pattern
        tr = self.tr()
        v = tr.tr(s.rhs)
        t = s.rhs.type
        if t is None:
            raise Unsupported(s.span, "pattern declaration")
        tmp = self.new_local("pat", self.ctx.enc.ivl_type(t))
        self.emit(I.Assign((tmp,), (v,)))
        env2 = self.env.copy()
        cond = _pattern(tr, t, tmp, s.pattern, env2)
        self.check(cond, Obligation(Kind.MATCH, s.span, "pattern"))
        for key, val in env2.vars.items():
            if key in self.env.vars:
                continue
            decl = _find_decl(s.pattern, key)
            if decl is None or decl.type is None:
                raise Unsupported(s.span, "pattern variable")
            ident = self.declare(decl, decl.type)
            self.emit(I.Assign((ident,), (val,)))

    def st_AssignOrReturnStmt(self, s: D.AssignOrReturnStmt) -> None:
        """`x :- e;`: t := e; if t.IsFailure() { out0 := t.PropagateFailure(); return }
        x := t.Extract()  (`:- expect/assume P`: assume !t.IsFailure(); `assert`: check)."""
        if s.extra_rhss or not isinstance(s.rhs, D.ExprRhs) or len(s.lhss) > 1:
            raise Unsupported(s.span, ":- with this shape")
        e = s.rhs.expr
        t = e.type
        nt = T.normalize(t) if t is not None else None
        if not (isinstance(nt, D.UserType) and isinstance(nt.decl, D.DatatypeDecl)):
            raise Unsupported(s.span, ":- on this type")
        members = {m.name: m for m in nt.decl.members if isinstance(m, D.Function)}
        if "IsFailure" not in members:
            raise Unsupported(s.span, ":- without IsFailure")
        tmp = self.new_local("elephant", self.ctx.enc.ivl_type(t))
        if isinstance(e, D.ApplyExpr) and e.kind in ("method", "lemma"):
            fake = D.NameExpr(tmp.name, span=s.span, type=t)
            fake.decl = D.LocalVar(tmp.name, t)
            self.env.vars[id(fake.decl)] = tmp
            self.call(e, [fake])
        else:
            self.emit(I.Assign((tmp,), (self.expr(e),)))

        def member(name: str, result: Optional[D.Type]) -> I.Expr:
            f = members.get(name)
            info = self.ctx.funcs.get(id(f)) if f is not None else None
            if info is None:
                raise Unsupported(s.span, f":- needs '{name}'")
            # checks (e.g. PropagateFailure's precondition) go where the call is evaluated
            return self.tr().call_function(info, tmp, [], s, result)

        failed = member("IsFailure", D.BoolType())
        if s.keyword in ("expect", "assume"):
            self.emit(I.Assume(not_(failed)))
        elif s.keyword == "assert":
            self.check(not_(failed), Obligation(Kind.ASSERTION, s.span))
        else:
            outs = self.info.decl.outs
            if not outs:
                raise Unsupported(s.span, ":- in a method without outputs")
            out0 = self.env.vars[id(outs[0])]
            assert isinstance(out0, I.Ident)
            saved = self.out
            self.out = []
            prop = member("PropagateFailure", outs[0].type)
            self.emit(I.Assign((out0,), (prop,)))
            self.emit(I.Return(span=s.span))
            branch = tuple(self.out)
            self.out = saved
            self.emit(I.If(failed, branch, ()))
        if s.lhss:
            lhs = s.lhss[0]
            val = member("Extract", lhs.type)
            loc = self.location(lhs)
            self.store(loc, val, lhs.type, lhs, s.span)

    def st_AssignStmt(self, s: D.AssignStmt) -> None:
        self.assign_stmt(s.lhss, s.rhss, s)

    def assign_stmt(self, lhss: list[D.Expr], rhss: list[D.Rhs], s: D.Node) -> None:
        if len(rhss) == 1 and isinstance(rhss[0], D.ExprRhs) \
                and isinstance(rhss[0].expr, D.ApplyExpr) \
                and rhss[0].expr.kind in ("method", "lemma"):
            self.call(rhss[0].expr, lhss)
            return
        if len(lhss) != len(rhss):
            raise Unsupported(s.span, "assignment shape")
        if len(lhss) == 1:
            val, vt = self.rhs_value(rhss[0], lhss[0])
            if val is None:
                return
            loc = self.location(lhss[0])
            self.store(loc, val, vt, lhss[0], _rhs_span(rhss[0]))
            return
        locs = [self.location(x) for x in lhss]
        vals: list[Any] = []
        # all right-hand sides are evaluated before any variable changes (havocs last)
        for lhs, r in zip(lhss, rhss):
            if isinstance(r, D.HavocRhs):
                vals.append(None)
                continue
            v, vt = self.rhs_value(r, lhs)
            assert v is not None
            tmp = self.new_local("tmp", self.ctx.enc.ivl_type(lhs.type or vt))
            self.emit(I.Assign((tmp,), (v,)))
            vals.append((tmp, vt))
        for lhs, r, val in zip(lhss, rhss, vals):
            if val is None:
                self.rhs_value(r, lhs)
        for loc, val, lhs, r in zip(locs, vals, lhss, rhss):
            if val is not None:
                self.store(loc, val[0], val[1], lhs, _rhs_span(r))

    def rhs_value(self, r: D.Rhs, lhs: D.Expr) -> tuple[Optional[I.Expr], Optional[D.Type]]:
        if isinstance(r, D.ExprRhs):
            return self.expr(r.expr), r.expr.type
        if isinstance(r, D.HavocRhs):
            reject_possibly_empty(lhs.type, r.span, "an arbitrary value ('*')")
            loc = self.location(lhs)
            if loc[0] != "var":
                # an arbitrary value of the location's type, stored like any other
                if lhs.type is None:
                    raise Unsupported(r.span, "havoc of a heap location")
                tmp = self.new_local("havoc", self.ctx.enc.ivl_type(lhs.type))
                self.emit(I.Havoc((tmp.name,)))
                c = type_constraint(self.ctx, lhs.type, tmp)
                if c != TRUE:
                    self.emit(I.Assume(c))
                return tmp, lhs.type
            self.emit(I.Havoc((loc[1].name,)))
            t = lhs.type
            if t is not None:
                c = type_constraint(self.ctx, t, loc[1])
                if c != TRUE:
                    self.emit(I.Assume(c))
            return None, None
        if isinstance(r, D.NewArrayRhs):
            return self.new_array(r, lhs), lhs.type
        if isinstance(r, D.NewObjectRhs):
            return self.new_object(r), lhs.type
        raise Unsupported(r.span, f"right-hand side {type(r).__name__}")

    def location(self, lhs: D.Expr) -> tuple[Any, ...]:
        if isinstance(lhs, D.NameExpr):
            d = lhs.decl
            v = self.env.vars.get(id(d))
            if isinstance(d, D.Field):
                if self.env.this is None:
                    raise Unsupported(lhs.span, "field assignment without 'this'")
                return self.field_location(self.env.this, d, lhs)
            if v is None or not isinstance(v, I.Ident):
                raise Unsupported(lhs.span, f"assignment to '{lhs.name}'")
            return ("var", v, d)
        if isinstance(lhs, D.MemberSelect) and isinstance(lhs.decl, D.Field):
            obj = self.expr(lhs.obj)
            return self.field_location(obj, lhs.decl, lhs)
        if isinstance(lhs, D.IndexExpr) and lhs.seq.type is not None \
                and is_array(lhs.seq.type) == 1:
            tr = self.tr()
            a = tr.tr(lhs.seq)
            i = tr.tr(lhs.index)
            tr.check_non_null(a, lhs)
            self.check(conj([I.Binary("<=", I.IntLit(0), i),
                             I.Binary("<", i, I.FunApp("$Len", (a,)))]),
                       Obligation(Kind.INDEX, lhs.index.span))
            self.check_modifies(a, lhs)
            elem = self.ctx.enc.ivl_type(array_elem(lhs.seq.type))
            return ("heap", self.ctx.array_heap(elem, 1, array_elem(lhs.seq.type)), a, (i,))
        if isinstance(lhs, D.MultiIndexExpr) and lhs.array.type is not None:
            dims = is_array(lhs.array.type)
            if dims is None or dims != len(lhs.indices):
                raise Unsupported(lhs.span, "assignment target")
            tr = self.tr()
            a = tr.tr(lhs.array)
            tr.check_non_null(a, lhs)
            idx = []
            for k, ie in enumerate(lhs.indices):
                i = tr.tr(ie)
                self.check(conj([I.Binary("<=", I.IntLit(0), i),
                                 I.Binary("<", i, I.FunApp(f"$Len{k}", (a,)))]),
                           Obligation(Kind.INDEX, ie.span))
                idx.append(i)
            self.check_modifies(a, lhs)
            elem = self.ctx.enc.ivl_type(array_elem(lhs.array.type))
            return ("heap", self.ctx.array_heap(elem, dims, array_elem(lhs.array.type)), a,
                    tuple(idx))
        raise Unsupported(lhs.span, "assignment target")

    def field_location(self, obj: I.Expr, d: D.Field, lhs: D.Expr) -> tuple[Any, ...]:
        if d.is_const:
            if self.info.decl.kind == "constructor":
                from .declarations import const_function
                return ("const", const_function(self.ctx, d, static=False), obj)
            raise Unsupported(lhs.span, "assignment to a const field")
        hv = self.ctx.field_heap.get(id(d))
        if hv is None:
            raise Unsupported(lhs.span, f"assignment to field '{d.name}'")
        self.tr().check_generic_field(d, lhs)
        self.tr().check_non_null(obj, lhs)
        self.check_modifies(obj, lhs, hv)
        return ("heap", hv, obj, ())

    def check_modifies(self, obj: I.Expr, node: D.Node, field: Optional[str] = None) -> None:
        """obj.field (the heap variable; None: any location of obj) may be written here."""
        old_alloc = self.env.old_heap["$Alloc"] if self.env.old_heap else I.Old(
            I.Ident("$Alloc"))
        cond = disj([self.mod(obj, field), I.Unary("!", I.MapSelect(old_alloc, (obj,)))])
        self.check(cond, Obligation(Kind.MODIFIES, node.span))

    def store(self, loc: tuple[Any, ...], val: I.Expr, vt: Optional[D.Type],
              lhs: D.Expr, rhs_span: Any = None) -> None:
        t = lhs.type
        span = rhs_span if rhs_span is not None else lhs.span
        if loc[0] == "var":
            decl = loc[2]
            dt = getattr(decl, "type", None) or t
            if isinstance(dt, D.InferredType):
                dt = T.prune(dt)
            if dt is not None:
                want = self.ctx.enc.ivl_type(dt)
                if vt is not None:
                    val = self.ctx.enc.coerce(val, self.ctx.enc.ivl_type(vt), want, lhs.span)
                self.subset_check(dt, val, vt, span)
            self.emit(I.Assign((loc[1],), (val,)))
            return
        if t is not None:
            want = self.ctx.enc.ivl_type(t)
            if vt is not None:
                val = self.ctx.enc.coerce(val, self.ctx.enc.ivl_type(vt), want, lhs.span)
            self.subset_check(t, val, vt, span)
        if loc[0] == "const":
            self.emit(I.Assume(I.Binary("==", I.FunApp(loc[1], (loc[2],)), val)))
            return
        _, hv, obj, idx = loc
        target: I.Expr = I.MapSelect(I.Ident(hv), (obj,))
        if idx:
            # arrays of a unified (boxed) heap store boxes
            stored = self.ctx.array_elem_ivl(hv)
            have_t = self.ctx.enc.ivl_type(t) if t is not None else stored
            if have_t != stored:
                val = self.ctx.enc.coerce(val, have_t, stored, lhs.span)
        if not idx:
            # a field of a generic class holds the declared (boxed) representation
            want = self.ctx.heaps[hv].type.range  # type: ignore[attr-defined]
            have = self.ctx.enc.ivl_type(t) if t is not None else want
            val = self.ctx.enc.coerce(val, have, want, lhs.span)
        if len(idx) == 1 and hv in self.ctx.array_slices and t is not None \
                and not self.ctx.unified_arrays:
            # a[..] after a[i] := v is a[..][i := v] (a fact about Seq#FromArray)
            old_row = self.new_local("row", self.ctx.heaps[hv].type.range)  # type: ignore
            self.emit(I.Assign((old_row,), (target,)))
            self.emit(I.Assign((I.MapSelect(target, idx),), (val,)))
            st = self.ctx.enc.ivl_type(D.SeqType(t))
            from .encoding import seq_fn
            n = I.FunApp("$Len", (obj,))
            self.emit(I.Assume(I.Binary("==", seq_fn("FromArray", st, target, n), seq_fn(
                "Update", st, seq_fn("FromArray", st, old_row, n), idx[0], val))))
            return
        if idx:
            target = I.MapSelect(target, idx)
        self.emit(I.Assign((target,), (val,)))

    # ------------------------------------------------------------------ allocation
    def allocate(self, span: Any, by_constructor: bool = False) -> I.Ident:
        """A new object reference, unallocated so far; allocated here unless a constructor
        is about to be called on it (the constructor allocates it)."""
        o = self.new_local("new", REF)
        self.emit(I.Havoc((o.name,)))
        alloc = I.Ident("$Alloc")
        self.emit(I.Assume(conj([I.Binary("!=", o, I.Ident("null")),
                                 I.Unary("!", I.MapSelect(alloc, (o,)))])))
        if by_constructor:
            return o
        self.emit(I.Assign((I.MapSelect(alloc, (o,)),), (I.BoolLit(True),)))
        # a new object's fields hold values of their types (Dafny initializes them)
        from .framing import global_heap_env, heap_goodness
        for g in heap_goodness(self.ctx, global_heap_env(self.ctx)[0]):
            self.emit(I.Assume(g))
        return o

    def new_array(self, r: D.NewArrayRhs, lhs: D.Expr) -> I.Expr:
        if r.elem_type is None:
            raise Unsupported(r.span, "array allocation without element type")
        if r.init_fn is None and r.init_elems is None:
            reject_possibly_empty(r.elem_type, r.span, "an array without initializer")
        dims = [self.expr(d) for d in r.dims]
        if not dims and r.init_elems is not None:
            dims = [I.IntLit(len(r.init_elems))]
        for d in dims:
            self.check(I.Binary("<=", I.IntLit(0), d), Obligation(Kind.ARRAY_LENGTH, r.span))
        if len(dims) > 3:
            raise Unsupported(r.span, "arrays of more than 3 dimensions")
        o = self.allocate(r.span)
        if len(dims) == 1:
            self.emit(I.Assume(I.Binary("==", I.FunApp("$Len", (o,)), dims[0])))
        else:
            for k, d in enumerate(dims):
                self.emit(I.Assume(I.Binary("==", I.FunApp(f"$Len{k}", (o,)), d)))
        elem = self.ctx.enc.ivl_type(r.elem_type)
        hname = self.ctx.array_heap(elem, len(dims), r.elem_type)
        h = I.Ident(hname)
        stored = self.ctx.array_elem_ivl(hname)

        def as_stored(v: I.Expr) -> I.Expr:
            return self.ctx.enc.coerce(v, elem, stored, r.span)
        if r.init_elems is not None:
            if len(dims) != 1:
                raise Unsupported(r.span, "multi-dimensional array display")
            self.check(I.Binary("==", dims[0], I.IntLit(len(r.init_elems))),
                       Obligation(Kind.ARRAY_LENGTH, r.span))
            for k, x in enumerate(r.init_elems):
                v = self.expr(x)
                self.subset_check(r.elem_type, v, x.type, x.span)
                self.emit(I.Assume(I.Binary("==", I.MapSelect(I.MapSelect(h, (o,)),
                                                              (I.IntLit(k),)), as_stored(v))))
        elif r.init_fn is not None:
            fn = r.init_fn
            if not isinstance(fn, D.LambdaExpr) or len(fn.vars) != len(dims) or fn.requires \
                    or fn.reads:
                if len(dims) != 1:
                    raise Unsupported(r.span, "array initializer of this shape")
                f = self.expr(fn)
                idx = I.Ident("i#ai")
                rng1 = conj([I.Binary("<=", I.IntLit(0), idx), I.Binary("<", idx, dims[0])])
                boxed = self.ctx.enc.box(idx, I.INT)
                ft = T.normalize(fn.type) if fn.type is not None else None
                if not (isinstance(ft, D.ArrowType) and ft.arrow == "->"):
                    self.check(I.Quantifier("forall", (I.Formal("i#ai", I.INT),), implies(
                        rng1, I.FunApp("Requires1", (f, boxed)))),
                        Obligation(Kind.FUNCTION_PRECONDITION, r.span))
                val = as_stored(self.ctx.enc.unbox(I.FunApp("Apply1", (f, boxed)), elem))
                sel = I.MapSelect(I.MapSelect(h, (o,)), (idx,))
                self.emit(I.Assume(I.Quantifier("forall", (I.Formal("i#ai", I.INT),),
                                                implies(rng1, I.Binary("==", sel, val)))))
                return o
            env = self.env.copy()
            formals = []
            rng = []
            for k, v in enumerate(fn.vars):
                name = fresh(v.name)
                formals.append(I.Formal(name, I.INT))
                env.vars[id(v)] = I.Ident(name)
                rng += [I.Binary("<=", I.IntLit(0), I.Ident(name)),
                        I.Binary("<", I.Ident(name), dims[k])]
            wf = WF(self.out)
            tr = ExprTranslator(self.ctx, env, wf)
            with wf.binding(tuple(formals)):
                with wf.under(conj(rng)):
                    body = tr.tr(fn.body)
            sel = I.MapSelect(I.MapSelect(h, (o,)), tuple(I.Ident(f.name) for f in formals))
            self.emit(I.Assume(I.Quantifier("forall", tuple(formals),
                                            implies(conj(rng), I.Binary("==", sel,
                                                                        as_stored(body))))))
        return o

    def new_object(self, r: D.NewObjectRhs) -> I.Expr:
        cd = T.class_decl(r.type)
        if cd is None:
            raise Unsupported(r.span, "new of this type")
        from .framing import is_constructor
        ctor = r.ctor_decl
        o = self.allocate(r.span, by_constructor=ctor is not None and is_constructor(ctor))
        from .traits import class_fact
        fact = class_fact(self.ctx, cd, o)
        if fact is not None:
            self.emit(I.Assume(fact))  # a new object's class (see `traits`)
        if ctor is None:
            if r.args:
                raise Unsupported(r.span, "constructor arguments without constructor")
            return o
        fake = D.ApplyExpr(D.NameExpr(ctor.name), r.args or [], span=r.span)
        fake.kind = "method"
        fake.decl = ctor
        self.call(fake, [], receiver=o)
        return o

    # ------------------------------------------------------------------ calls
    def call(self, call: D.ApplyExpr, lhss: list[D.Expr],
             receiver: Optional[I.Expr] = None) -> None:
        m = call.decl
        if not isinstance(m, D.Method):
            raise Unsupported(call.span, "call target")
        if getattr(call.callee, "prefix_depth", None) is not None:
            raise Unsupported(call.span, "prefix lemma call outside an extreme lemma")
        info = self.ctx.methods.get(id(m))
        if info is None:
            raise Unsupported(call.span, f"call of '{m.name}'")
        tr = self.tr()
        recv = receiver
        if recv is None and not m.is_static and isinstance(m.owner, D.ClassDecl):
            recv = tr.receiver(call.callee)
            if recv is None:
                raise Unsupported(call.span, "instance call without receiver")
            tr.check_non_null(recv, call)
        if len(call.args) != len(m.ins):
            raise Unsupported(call.span, "default arguments")
        from .encoding import check_generic_arrays
        if not self.ctx.unified_arrays:
            check_generic_arrays(self.ctx.enc, m, call.inst, call.span)
        args: list[I.Expr] = []
        for f, b in zip(m.ins, call.args):
            v = tr.tr(b.expr)
            ft = self.ctx.enc.ivl_type(f.type)
            inst = self._inst_type(f.type, call)
            if inst is not None and b.expr.type is not None and \
                    self.ctx.enc.ivl_type(inst) == self.ctx.enc.ivl_type(b.expr.type):
                # the instantiated formal's constraint, on the value as the caller has it
                self.subset_check(inst, v, b.expr.type, b.expr.span)
                inst = None
            if b.expr.type is not None:
                v = self.ctx.enc.coerce(v, self.ctx.enc.ivl_type(b.expr.type), ft, b.span)
            if inst is not None:
                self.subset_check(inst, v, b.expr.type, b.expr.span)
            args.append(v)
            # an argument unboxed from a generic position holds a Dafny value of the
            # instantiated type, so re-boxing gives the box back (the callee's specification
            # may box it again, e.g. `Cons(y, xs)` for a List<int> head passed as y: int)
            if isinstance(v, I.FunApp) and v.name.startswith("$Unbox.") and len(v.args) == 1:
                rebox = I.FunApp("$Box." + v.name[len("$Unbox."):], (v,))
                self.emit(I.Assume(I.Binary("==", rebox, v.args[0])))
        all_args = ([recv] if recv is not None else []) + args
        if m.kind == "twostate lemma":
            from .framing import previous_state_args
            prev = previous_state_args(self.ctx, self.env)
            if prev is None:
                raise Unsupported(call.span, "a twostate lemma call without a previous state")
            all_args = prev + all_args
        # the callee's frame must be within ours
        if info.writes_heap and m.modifies:
            from .framing import frame_within
            cenv = self.env.copy()
            cenv.this = recv
            for f, a in zip(m.ins, args):
                cenv.vars[id(f)] = a
            old_alloc = self.env.old_heap["$Alloc"] if self.env.old_heap else I.Old(
                I.Ident("$Alloc"))
            self.check(frame_within(self.ctx, cenv, list(m.modifies), self.mod, old_alloc),
                       Obligation(Kind.CALL_MODIFIES, call.span))
        # termination within a recursive group
        if info.scc == self.info.scc and self.env.decreases_of_caller is not None:
            from .termination import call_decreases, termination_message
            cond = call_decreases(tr, m, recv, args)
            self.check(cond, Obligation(Kind.DECREASES, call.span,
                                        termination_message(self.info.decl)))
        outs = []
        for f in m.outs:
            outs.append(self.new_local("out", self.ctx.enc.ivl_type(f.type)))
        # literal arguments are marked (as Dafny's Lit), so that recursive function calls the
        # callee's specification makes on them evaluate by the literal axioms
        from .literals import mark_if_literal
        all_args = [mark_if_literal(a) for a in all_args]
        from .refinement import callee_procedure
        proc = callee_procedure(self.ctx, call, m, info.name)
        self.emit(I.Call(proc, tuple(all_args), tuple(x.name for x in outs),
                         info=Obligation(Kind.CALL, call.span), span=call.span))
        if lhss:
            if len(lhss) != len(outs):
                raise Unsupported(call.span, "call with this number of results")
            locs = [self.location(x) for x in lhss]
            for loc, x, f, lhs in zip(locs, outs, m.outs, lhss):
                ot = self._inst_type(f.type, call) or f.type
                v: I.Expr = x
                if lhs.type is not None:
                    v = self.ctx.enc.coerce(x, self.ctx.enc.ivl_type(f.type),
                                            self.ctx.enc.ivl_type(lhs.type), lhs.span)
                self.store(loc, v, ot, lhs)

    def _inst_type(self, t: D.Type, call: D.ApplyExpr) -> Optional[D.Type]:
        m = call.decl
        tps = getattr(m, "type_params", [])
        if not tps:
            return t
        inst = call.inst or []
        if len(inst) != len(tps):
            return None
        return T.substitute(t, T.subst_map(tps, inst))

    # ------------------------------------------------------------------ control flow
    def st_IfStmt(self, s: D.IfStmt) -> None:
        if s.bound_vars:
            self.binding_if(s)
            return
        cond = self.expr(s.guard) if s.guard is not None else None
        then = self.sub_block(s.then)
        els: tuple[I.Stmt, ...] = ()
        if s.else_ is not None:
            if isinstance(s.else_, D.BlockStmt):
                els = self.sub_block(s.else_)
            else:
                els = self.stmts_block([s.else_])
        self.emit(I.If(cond, then, els))

    def binding_if(self, s: D.IfStmt) -> None:
        """`if x :| P { A } else { B }`: A runs with some x satisfying P when one exists."""
        assert s.bound_vars is not None and s.guard is not None
        tr = self.tr()
        formals, tcs, env = tr.bind_vars(s.bound_vars)
        with tr.wf.binding(formals):
            with tr.wf.under(tcs):
                p = tr.sub(env).tr(s.guard)
        exists = I.Quantifier("exists", formals, conj([tcs, p]))
        saved = self.env
        self.env = self.env.copy()
        idents = []
        for v in s.bound_vars:
            idents.append(self.declare(v, v.type))
        saved_out = self.out
        self.out = [I.Havoc(tuple(i.name for i in idents))]
        for v, i in zip(s.bound_vars, idents):
            c = type_constraint(self.ctx, v.type, i)
            if c != TRUE:
                self.out.append(I.Assume(c))
        self.out.append(I.Assume(ExprTranslator(self.ctx, self.env, WF(None)).tr(s.guard)))
        self.block(s.then)
        then = truncate(self.out)
        self.out = saved_out
        self.env = saved
        els: tuple[I.Stmt, ...] = ()
        if s.else_ is not None:
            els = self.sub_block(s.else_) if isinstance(s.else_, D.BlockStmt) \
                else self.stmts_block([s.else_])
        self.emit(I.If(exists, then, els))

    def st_AlternativeIfStmt(self, s: D.AlternativeIfStmt) -> None:
        guards = []
        branches = []
        for c in s.cases:
            if c.bound_vars:
                raise Unsupported(c.span, "binding guards")
            g = self.expr(c.guard)
            guards.append(g)
            body = self.stmts_block(c.body)
            branches.append((I.Assume(g),) + body)
        self.check(disj(guards), Obligation(Kind.ASSERTION, s.span))
        # nondeterministic choice among the cases whose guard holds
        chain: tuple[I.Stmt, ...] = (I.Assume(I.BoolLit(False)),)
        for br in reversed(branches):
            chain = (I.If(None, br, chain),)
        for x in chain:
            self.emit(x)

    def st_MatchStmt(self, s: D.MatchStmt) -> None:
        from .patterns import match_cases
        tr = self.tr()
        src = tr.tr(s.source)
        facts: list[I.Expr] = []
        arms = match_cases(tr, s.source.type, src, [(c.pattern, c.body) for c in s.cases], s,
                           facts)
        chain: tuple[I.Stmt, ...] = ()
        for (cond, env, body), fact in reversed(list(zip(arms, facts))):
            saved = self.env
            self.env = env
            # a case's bound variables are local variables of the case (Dafny desugars them
            # to `var x := <destructor>;`): one the body assigns gets an IVL local
            inits: list[I.Stmt] = []
            for d in _assigned_decls(body):
                v = env.vars.get(id(d))
                if v is not None and not isinstance(v, I.Ident) and d.type is not None:
                    x = self.new_local(d.name, self.ctx.enc.ivl_type(d.type))
                    inits.append(I.Assign((x,), (v,)))
                    env.vars[id(d)] = x
            blk = tuple(inits) + self.stmts_block(body)
            # the bound variables are fields of a datatype value, so they satisfy their
            # types (constructor arguments are checked against the field types)
            if fact != TRUE:
                blk = (I.Assume(fact),) + blk
            self.env = saved
            chain = (I.If(cond, blk, chain),)
        for x in chain:
            self.emit(x)

    def st_AssignSuchThatStmt(self, s: D.AssignSuchThatStmt) -> None:
        locs = [self.location(x) for x in s.lhss]
        if any(loc[0] != "var" for loc in locs):
            raise Unsupported(s.span, ":| to heap locations")
        # existence: exists x :: type(x) && P(x)
        env = self.env.copy()
        formals = []
        tcs = []
        for lhs, loc in zip(s.lhss, locs):
            name = fresh("w")
            t = self.ctx.enc.ivl_type(lhs.type)
            formals.append(I.Formal(name, t))
            env.vars[id(loc[2])] = I.Ident(name)
            if lhs.type is not None:
                tcs.append(type_constraint(self.ctx, lhs.type, I.Ident(name)))
        wf = WF(self.out)
        with wf.binding(tuple(formals)):
            p_w = ExprTranslator(self.ctx, env, wf).tr(s.cond)
        if not s.assume_:
            from .triggers import select_triggers
            from .witness_guess import with_guesses
            body = conj(tcs + [p_w])
            self.check(with_guesses(tuple(formals), body,
                                    select_triggers(tuple(formals), body)),
                       Obligation(Kind.SUCH_THAT, s.span))
        self.emit(I.Havoc(tuple(loc[1].name for loc in locs)))
        for lhs, loc in zip(s.lhss, locs):
            if lhs.type is not None:
                c = type_constraint(self.ctx, lhs.type, loc[1])
                if c != TRUE:
                    self.emit(I.Assume(c))
        self.emit(I.Assume(ExprTranslator(self.ctx, self.env, WF(None)).tr(s.cond)))

    def st_CalcStmt(self, s: D.CalcStmt) -> None:
        from .calc import translate_calc
        translate_calc(self, s)

    def st_ForallStmt(self, s: D.ForallStmt) -> None:
        from .loops import translate_forall
        translate_forall(self, s)

    def st_WhileStmt(self, s: D.WhileStmt) -> None:
        from .loops import translate_while
        translate_while(self, s)

    def st_ForLoopStmt(self, s: D.ForLoopStmt) -> None:
        from .loops import translate_for
        translate_for(self, s)


def _rhs_span(r: D.Rhs) -> Any:
    if isinstance(r, D.ExprRhs):
        return r.expr.span
    return r.span


def truncate(stmts: list[I.Stmt]) -> tuple[I.Stmt, ...]:
    """Drop what follows a `return`/`break` in one statement list (it is unreachable, and
    the IVL rejects statements after a transfer)."""
    for k, x in enumerate(stmts):
        if isinstance(x, (I.Return, I.Break)):
            return tuple(stmts[:k + 1])
    return tuple(stmts)


def _find_decl(p: D.Pattern, key: int) -> Any:
    if isinstance(p, D.VarPattern):
        return p.decl if p.decl is not None and id(p.decl) == key else None
    for sub in getattr(p, "args", []) or getattr(p, "alternatives", []):
        d = _find_decl(sub, key)
        if d is not None:
            return d
    return None


def _assigned_decls(stmts: list[D.Stmt]) -> list[Any]:
    """The declarations of the names assigned (`x := ...`, `x :| ...`) in stmts."""
    out: list[Any] = []

    class _V(D.Traverser):
        def visit_AssignStmt(self, s: D.AssignStmt) -> None:
            out.extend(x.decl for x in s.lhss if isinstance(x, D.NameExpr))
            self.generic_visit(s)

        def visit_AssignSuchThatStmt(self, s: D.AssignSuchThatStmt) -> None:
            out.extend(x.decl for x in s.lhss if isinstance(x, D.NameExpr))
            self.generic_visit(s)
    v = _V()
    for st in stmts:
        v.visit(st)
    return out
