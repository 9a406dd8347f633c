"""Translation of resolved Dafny expressions into IVL expressions, with their checks.

Takes: a resolved `syntax.ast.Expr`, an `Env` (names, heap, fuel) and a `WF` collector.
Guarantees: `ExprTranslator.tr(e)` returns the IVL value of `e` and, before returning, has
given `wf` every well-formedness check `e` needs (division by zero, index and slice bounds,
function preconditions, null dereference, reads frames, datatype destructors, termination of
calls within the current recursive group), each under the conditions under which `e`'s
subexpression is evaluated. With an inactive `WF` (axiom contexts) no check is produced and
the value is the same. A construct it does not translate raises `Unsupported`.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Optional

from ..ivl import ast as I
from ..semantics import builtins as B
from ..semantics import types as T
from ..syntax import ast as D
from ..syntax.source import NO_SPAN, Span
from . import encoding as E
from .context import WF, Env, FuncInfo, ProgramCtx
from .encoding import FALSE, TRUE, conj, disj, equal, implies, ms_fn, not_, seq_fn, set_fn
from .obligations import Kind, Obligation
from .unsupported import Unsupported

_counter = itertools.count()


def fresh(base: str) -> str:
    return f"{base}#{next(_counter)}"


def is_array(t: D.Type) -> Optional[int]:
    """The dimension count if t is an array type."""
    b = T.strip_subset(t)
    if isinstance(b, D.UserType):
        return B.array_dims(b.decl)
    return None


def array_elem(t: D.Type) -> D.Type:
    b = T.strip_subset(t)
    assert isinstance(b, D.UserType)
    return b.args[0]


class ExprTranslator:
    def __init__(self, ctx: ProgramCtx, env: Env, wf: WF) -> None:
        self.ctx = ctx
        self.env = env
        self.wf = wf
        self.enc = ctx.enc

    # ------------------------------------------------------------------ helpers
    def ity(self, t: Optional[D.Type], span: object = None) -> I.Type:
        if t is None:
            raise Unsupported(span if isinstance(span, Span) else NO_SPAN,
                              "expression without a type")
        return self.enc.ivl_type(t)

    def sub(self, env: Env) -> "ExprTranslator":
        return ExprTranslator(self.ctx, env, self.wf)

    def pure(self) -> "ExprTranslator":
        """The same translator without well-formedness checks."""
        return ExprTranslator(self.ctx, self.env, WF(None))

    def heap_expr(self, name: str) -> I.Expr:
        h = self.env.heap.get(name)
        if h is None:
            raise Unsupported(D.Node().span, "heap access in this context")
        return h

    def tc(self, t: D.Type, e: I.Expr) -> I.Expr:
        from .constraints import type_constraint
        return type_constraint(self.ctx, t, e)

    # ------------------------------------------------------------------ entry
    def tr(self, e: D.Expr) -> I.Expr:
        m = getattr(self, "tr_" + type(e).__name__, None)
        if m is None:
            raise Unsupported(e.span, f"expression {type(e).__name__}")
        return m(e)

    def tr_bool(self, e: D.Expr) -> I.Expr:
        return self.tr(e)

    # ------------------------------------------------------------------ literals
    def tr_BoolLit(self, e: D.BoolLit) -> I.Expr:
        return I.BoolLit(e.value)

    def tr_IntLit(self, e: D.IntLit) -> I.Expr:
        if e.type is not None and isinstance(T.base_type(e.type), D.RealType):
            return I.RealLit(Fraction(e.value))
        if e.type is not None and isinstance(T.base_type(e.type), D.BitvectorType):
            from .bitvectors import bv_type, literal
            w = T.base_type(e.type).width  # type: ignore[union-attr]
            bv_type(self.enc, w, e.span)
            return literal(e.value, w, e.span)
        return E.const_int(e.value)

    def tr_RealLit(self, e: D.RealLit) -> I.Expr:
        return I.RealLit(Fraction(e.text.replace("_", "")))

    def tr_CharLit(self, e: D.CharLit) -> I.Expr:
        return I.IntLit(ord(e.value))

    def tr_StringLit(self, e: D.StringLit) -> I.Expr:
        st = self.enc.ivl_type(D.SeqType(D.CharType()))
        s: I.Expr = E.seq_empty(st)
        for ch in e.value:
            s = seq_fn("Build", st, s, I.IntLit(ord(ch)))
        return s

    def tr_NullLit(self, e: D.NullLit) -> I.Expr:
        return I.Ident("null")

    def tr_ThisExpr(self, e: D.ThisExpr) -> I.Expr:
        if self.env.this is None:
            raise Unsupported(e.span, "'this' in this context")
        return self.env.this

    # ------------------------------------------------------------------ names
    def tr_NameExpr(self, e: D.NameExpr) -> I.Expr:
        d = e.decl
        v = self.env.vars.get(id(d))
        if v is not None:
            return v
        if isinstance(d, D.Field):
            if d.is_static or not isinstance(d.owner, (D.ClassDecl, D.DatatypeDecl,
                                                       D.NewtypeDecl)):
                return self.static_field(d, e)
            if self.env.this is None:
                raise Unsupported(e.span, "implicit 'this' here")
            return self.field_read(self.env.this, d, e, null_ok=True)
        if isinstance(d, D.DatatypeCtor):
            if e.name.endswith("?"):
                # a discriminator of `this` inside a datatype member: `Failure?`
                if self.env.this is None or self.env.this_dt is None:
                    raise Unsupported(e.span, f"discriminator '{e.name}' here")
                return self.is_ctor(d, self.env.this)
            if d.formals:
                raise Unsupported(e.span, f"constructor '{e.name}' as a value")
            return self.ctor_app(d, [], e)
        if isinstance(d, D.Formal) and self.env.this_dt is not None and self.env.this is not None:
            fake = D.MemberSelect(D.ThisExpr(span=e.span, type=None), e.name, span=e.span,
                                  type=e.type)
            fake.decl = d
            return self.destructor_of(fake, d, self.env.this, self.env.this_dt)
        if isinstance(d, D.Function):
            from .lambdas import function_value
            return function_value(self, d, e)
        if isinstance(d, (D.LocalVar, D.Formal, D.BoundVar)):
            raise Unsupported(e.span, f"variable '{e.name}' in this context")
        raise Unsupported(e.span, f"name '{e.name}' ({type(d).__name__})")

    def static_field(self, d: D.Field, e: D.Expr) -> I.Expr:
        if not d.is_const:
            raise Unsupported(e.span, "mutable static fields")
        from .declarations import const_function
        name = const_function(self.ctx, d, static=True)
        return I.FunApp(name, ())

    def field_read(self, obj: I.Expr, d: D.Field, e: D.Expr, null_ok: bool = False) -> I.Expr:
        if d.is_static:
            return self.static_field(d, e)
        owner = d.owner
        if B.array_dims(owner) is not None:
            dim = 0
            if d.name.startswith("Length") and d.name[6:].isdigit():
                dim = int(d.name[6:])
            n = B.array_dims(owner) or 1
            self.check_non_null(obj, e)
            return I.FunApp("$Len" if n == 1 else f"$Len{dim}", (obj,))
        if isinstance(owner, (D.DatatypeDecl, D.NewtypeDecl)):
            raise Unsupported(e.span, "members of datatypes/newtypes")
        if not null_ok:
            self.check_non_null(obj, e)
        if d.is_const:
            from .declarations import const_function
            return I.FunApp(const_function(self.ctx, d, static=False), (obj,))
        hv = self.ctx.field_heap.get(id(d))
        if hv is None:
            raise Unsupported(e.span, f"field '{d.name}'")
        self.check_generic_field(d, e)
        self.check_reads(obj, e)
        val: I.Expr = I.MapSelect(self.heap_expr(hv), (obj,))
        if e.type is not None:
            # a field of a generic class holds the declared (boxed) representation
            have = self.ctx.heaps[hv].type.range  # type: ignore[attr-defined]
            val = self.enc.coerce(val, have, self.ity(e.type, e.span), e.span)
        return val

    def check_generic_field(self, d: D.Field, e: D.Node) -> None:
        """A field of a generic class holding arrays of its type parameters, seen through an
        instance with concrete type arguments, would put the array in another heap."""
        if self.ctx.unified_arrays:
            return
        owner = d.owner
        if not isinstance(owner, D.ClassDecl) or not owner.type_params:
            return
        if not E.mentions_generic_array(d.type):
            return
        obj = getattr(e, "obj", None)
        t = T.normalize(obj.type) if obj is not None and obj.type is not None else None
        if isinstance(t, D.UserType):
            for a in t.args:
                if self.enc.ivl_type(a) != E.BOX:
                    raise Unsupported(e.span, "generic arrays instantiated with a concrete type")

    def check_non_null(self, obj: I.Expr, e: D.Node) -> None:
        if isinstance(obj, I.Ident) and obj.name == "this":
            return
        if self.wf.active:
            self.wf.check(I.Binary("!=", obj, I.Ident("null")), Obligation(Kind.NULL, e.span))

    def check_reads(self, obj: I.Expr, e: D.Node) -> None:
        rc = self.env.reads_check
        if rc is not None and self.wf.active:
            self.wf.check(rc(obj), Obligation(Kind.READS, e.span))

    # ------------------------------------------------------------------ member select
    def tr_MemberSelect(self, e: D.MemberSelect) -> I.Expr:
        d = e.decl
        if isinstance(d, D.Field):
            if d.is_static or (e.obj.type is None):
                return self.static_field(d, e)
            obj = self.tr(e.obj)
            return self.field_read(obj, d, e)
        if isinstance(d, D.DatatypeCtor):
            if e.name.endswith("?"):
                obj = self.tr(e.obj)
                return self.is_ctor(d, obj)
            return self.ctor_app(d, [], e)
        if isinstance(d, D.Formal):
            return self.destructor(e, d)
        if d is B.REAL_FLOOR:
            return I.FunApp("int", (self.tr(e.obj),))  # to_int is the floor
        if d is B.MAP_KEYS or d is B.MAP_VALUES:
            mt_d = e.obj.type
            if mt_d is None or T.family(mt_d) != "map":
                raise Unsupported(e.span, "imap members")
            m = self.tr(e.obj)
            mt = self.ity(mt_d, e.span)
            return E.map_fn("Domain" if d is B.MAP_KEYS else "Values", mt, m)
        if isinstance(d, B.BuiltinMember) and d.owner_kind == "tuple":
            from .datatypes import tuple_decl
            t = T.normalize(e.obj.type) if e.obj.type is not None else None
            if not isinstance(t, D.TupleType):
                raise Unsupported(e.span, "tuple member")
            td = tuple_decl(len(t.elems))
            info = self.dt_info(td.ctors[0])
            obj = self.tr(e.obj)
            raw = info.select(td.ctors[0], d.index, obj)
            return self.enc.unbox(raw, self.ity(e.type, e.span))
        raise Unsupported(e.span, f"member '{e.name}'")

    # ------------------------------------------------------------------ datatypes
    def dt_info(self, d: D.DatatypeCtor):  # type: ignore[no-untyped-def]
        from .datatypes import datatype_info
        return datatype_info(self.ctx, d.owner)

    def is_ctor(self, c: D.DatatypeCtor, v: I.Expr) -> I.Expr:
        info = self.dt_info(c)
        return info.is_ctor(c, v)

    def ctor_app(self, c: D.DatatypeCtor, args: list[I.Expr], e: D.Expr) -> I.Expr:
        info = self.dt_info(c)
        return info.construct(c, args)

    def destructor(self, e: D.MemberSelect, f: D.Formal) -> I.Expr:
        obj_t = e.obj.type
        b = T.normalize(obj_t) if obj_t is not None else None
        if not (isinstance(b, D.UserType) and isinstance(b.decl, D.DatatypeDecl)):
            raise Unsupported(e.span, "destructor of this type")
        return self.destructor_of(e, f, None, b.decl)

    def destructor_of(self, e: D.MemberSelect, f: D.Formal, obj: Optional[I.Expr],
                      dt: D.DatatypeDecl) -> I.Expr:
        owners = [c for c in dt.ctors if any(x is f or x.name == f.name for x in c.formals)]
        if not owners:
            raise Unsupported(e.span, f"destructor '{e.name}'")
        if obj is None:
            obj = self.tr(e.obj)
        info = self.dt_info(owners[0])
        if self.wf.active:
            cond = disj([info.is_ctor(c, obj) for c in owners])
            names = " or ".join(f"'{c.name}'" for c in owners)
            self.wf.check(cond, Obligation(
                Kind.DESTRUCTOR, e.span,
                f"destructor '{e.name}' can only be applied to datatype values constructed "
                f"by {names}"))
        want = self.ity(e.type, e.span)
        # a field name shared by several constructors: select by the value's constructor
        result: Optional[I.Expr] = None
        for c in reversed(owners):
            v = self.enc.coerce(info.select(c, f.name, obj), info.field_type(c, f.name), want,
                                e.span)
            result = v if result is None else I.IfThenElse(info.is_ctor(c, obj), v, result)
        assert result is not None
        # datatype values are well typed (constructor arguments are checked), so a field
        # satisfies its type's constraint; assumed only outside quantifiers
        if self.wf.active and e.type is not None and \
                not any(k == "bind" for k, _ in self.wf.frames):
            c = self.tc(e.type, result)
            if c != TRUE:
                self.wf.assume(c)
        return result

    # ------------------------------------------------------------------ application
    def tr_ApplyExpr(self, e: D.ApplyExpr) -> I.Expr:
        kind = e.kind
        if isinstance(e.callee, D.MemberSelect) and e.callee.decl is B.ARROW_REQUIRES:
            from .lambdas import requires_value
            return requires_value(self, e)
        if isinstance(e.callee, D.MemberSelect) and e.callee.decl is B.ARROW_READS:
            from .lambdas import reads_value
            return reads_value(self, e)
        if kind == "function":
            return self.function_call(e)
        if kind == "ctor":
            c = e.decl
            assert isinstance(c, D.DatatypeCtor)
            info = self.dt_info(c)
            args = []
            nt = T.normalize(e.type) if e.type is not None else None
            subst = T.subst_map(c.owner.type_params, nt.args) \
                if isinstance(nt, D.UserType) else {}
            for j, b in enumerate(e.args):
                v = self.tr(b.expr)
                if self.wf.active and j < len(c.formals):
                    ft = T.substitute(c.formals[j].type, subst)
                    cc = self.tc(ft, v)
                    if cc != TRUE:
                        self.wf.check(cc, Obligation(Kind.SUBSET, b.expr.span,
                                                     T.type_to_str(ft)))
                args.append(self.enc.coerce(v, self.ity(b.expr.type, b.span),
                                            info.field_type(c, j), b.span))
            if len(args) != len(c.formals):
                raise Unsupported(e.span, "default arguments")
            return info.construct(c, args)
        if kind == "lambda":
            from .lambdas import apply_value
            return apply_value(self, e)
        raise Unsupported(e.span, f"application ({kind})")

    def receiver(self, callee: D.Expr) -> Optional[I.Expr]:
        """The translated receiver of an instance call (None for static/module calls)."""
        if isinstance(callee, D.MemberSelect):
            if callee.obj.type is None:  # module or type prefix
                return None
            return self.tr(callee.obj)
        return self.env.this

    def function_call(self, e: D.ApplyExpr) -> I.Expr:
        f = e.decl
        assert isinstance(f, D.Function)
        if getattr(e.callee, "prefix_depth", None) is not None:
            from .extreme import prefix_function_call
            return prefix_function_call(self, e)
        info = self.ctx.funcs.get(id(f))
        if info is None:
            raise Unsupported(e.span, f"call of function '{f.name}'")
        recv: Optional[I.Expr] = None
        instance = not f.is_static and isinstance(f.owner, (D.ClassDecl, D.DatatypeDecl,
                                                             D.NewtypeDecl))
        if instance:
            recv = self.receiver(e.callee)
            if recv is None:
                raise Unsupported(e.span, "instance function without receiver")
            if isinstance(f.owner, D.ClassDecl):
                self.check_non_null(recv, e)
        if len(e.args) != len(f.formals):
            raise Unsupported(e.span, "default arguments")
        if not self.ctx.unified_arrays:
            E.check_generic_arrays(self.enc, f, e.inst, e.span)
        args: list[I.Expr] = []
        for formal, b, ft in zip(f.formals, e.args, info.formal_types):
            v = self.tr(b.expr)
            if self.wf.active and not f.type_params:
                c = self.tc(formal.type, v)
                if c != TRUE:
                    self.wf.check(c, Obligation(Kind.SUBSET, b.expr.span,
                                                T.type_to_str(formal.type)))
            args.append(self.enc.coerce(v, self.ity(b.expr.type, b.span), ft, b.span))
        return self.call_function(info, recv, args, e, e.type)

    def call_function(self, info: FuncInfo, recv: Optional[I.Expr], args: list[I.Expr],
                      e: D.Node, result_type: Optional[D.Type]) -> I.Expr:
        f = info.decl
        same_scc = self.env.cur_func is not None and self.env.cur_func.scc == info.scc
        full: list[I.Expr] = []
        if info.recursive:
            if same_scc and self.env.scc_layer is not None:
                full.append(self.env.scc_layer)
            else:
                full.append(self.env.fuel)
        if f.is_twostate:
            # the previous state of a twostate function's call: what `old` sees here
            old = self.env.old_heap
            if old is None or any(hv.name not in old for hv in self.ctx.heap_list()):
                raise Unsupported(e.span, "a twostate function call without a previous state")
            for hv in self.ctx.heap_list():
                full.append(old[hv.name])
        if info.reads_heap:
            for hv in self.ctx.heap_list():
                full.append(self.heap_expr(hv.name))
        if recv is not None:
            full.append(recv)
        from .literals import is_literal, lit_eligible, mark
        if lit_eligible(info) and all(is_literal(a) for a in args):
            # all arguments literal: marked, so the literal axiom evaluates the call
            full.extend(mark(a, t) for a, t in zip(args, info.formal_types))
        else:
            full.extend(args)
        call = I.FunApp(info.name, tuple(full))
        if self.wf.active:
            from .functions import precondition_of, postcondition_of
            pre = precondition_of(self.ctx, info, self.env, recv, args)
            if pre != TRUE:
                self.wf.check(pre, Obligation(Kind.FUNCTION_PRECONDITION, e.span))
            # co-recursive calls (codatatypes, extreme predicates) need no termination
            # proof, and assuming their postcondition would be circular
            cocall = id(e) in self.ctx.cocalls
            if same_scc and self.env.decreases_of_caller is not None and not cocall:
                from .termination import call_decreases
                cond = call_decreases(self, f, recv, args)
                self.wf.check(cond, Obligation(Kind.DECREASES, e.span,
                                               "cannot prove termination; try supplying a "
                                               "decreases clause"))
            if same_scc and self.env.assume_callee_post and not cocall:
                post = postcondition_of(self.ctx, info, self.env, recv, args, call)
                if post != TRUE:
                    self.wf.assume(post)
                if info.recursive:
                    from .functions import definition_at
                    d = definition_at(self.ctx, info, self.env, recv, args, call)
                    if d != TRUE:
                        self.wf.assume(d)
        if result_type is None:
            return call
        return self.enc.coerce(call, info.result_type, self.ity(result_type, e.span), e.span)

    def tr_PrefixEqExpr(self, e: D.PrefixEqExpr) -> I.Expr:
        from .codatatypes import prefix_eq
        return prefix_eq(self, e)

    # ------------------------------------------------------------------ indexing
    def tr_IndexExpr(self, e: D.IndexExpr) -> I.Expr:
        st = e.seq.type
        fam = T.family(st) if st is not None else "?"
        dims = is_array(st) if st is not None else None
        if dims == 1:
            a = self.tr(e.seq)
            i = self.tr(e.index)
            self.check_non_null(a, e)
            if self.wf.active:
                self.wf.check(conj([I.Binary("<=", I.IntLit(0), i),
                                    I.Binary("<", i, I.FunApp("$Len", (a,)))]),
                              Obligation(Kind.INDEX, e.index.span))
            self.check_reads(a, e)
            elem_t = self.ity(array_elem(st), e.span)
            hn = self.ctx.array_heap(elem_t, 1, array_elem(st))
            h = self.heap_expr(hn)
            return self.enc.coerce(I.MapSelect(I.MapSelect(h, (a,)), (i,)),
                                   self.ctx.array_elem_ivl(hn), elem_t, e.span)
        if fam == "seq":
            s = self.tr(e.seq)
            i = self.tr(e.index)
            sty = self.ity(st, e.span)
            if self.wf.active:
                self.wf.check(conj([I.Binary("<=", I.IntLit(0), i),
                                    I.Binary("<", i, seq_fn("Length", sty, s))]),
                              Obligation(Kind.INDEX, e.index.span))
            return seq_fn("Index", sty, s, i)
        if fam == "multiset":
            m = self.tr(e.seq)
            x = self.tr(e.index)
            return ms_fn("Count", self.ity(st, e.span), m, x)
        if fam == "map":
            m = self.tr(e.seq)
            k = self.tr(e.index)
            mt = self.ity(st, e.span)
            if self.wf.active:
                self.wf.check(self.map_has(st, m, k), Obligation(Kind.MAP_DOMAIN, e.index.span))
            return E.map_fn("Elements", mt, m, k)
        raise Unsupported(e.span, f"indexing a {fam}")

    def tr_MultiIndexExpr(self, e: D.MultiIndexExpr) -> I.Expr:
        st = e.array.type
        dims = is_array(st) if st is not None else None
        if dims is None or dims != len(e.indices) or dims > 3:
            raise Unsupported(e.span, "multi-dimensional indexing")
        a = self.tr(e.array)
        self.check_non_null(a, e)
        idx = []
        for k, ie in enumerate(e.indices):
            i = self.tr(ie)
            if self.wf.active:
                self.wf.check(conj([I.Binary("<=", I.IntLit(0), i),
                                    I.Binary("<", i, I.FunApp(f"$Len{k}", (a,)))]),
                              Obligation(Kind.INDEX, ie.span))
            idx.append(i)
        self.check_reads(a, e)
        elem_t = self.ity(array_elem(st), e.span)
        hn = self.ctx.array_heap(elem_t, dims, array_elem(st))
        h = self.heap_expr(hn)
        return self.enc.coerce(I.MapSelect(I.MapSelect(h, (a,)), tuple(idx)),
                               self.ctx.array_elem_ivl(hn), elem_t, e.span)

    def map_keys_type(self, mt_dafny: D.Type) -> I.Type:
        n = T.base_type(mt_dafny)
        assert isinstance(n, D.MapType)
        return self.enc.ivl_type(D.SetType(n.key))

    def map_has(self, mt_dafny: D.Type, m: I.Expr, k: I.Expr) -> I.Expr:
        mt = self.ity(mt_dafny)
        return set_fn("In", self.map_keys_type(mt_dafny), E.map_fn("Domain", mt, m), k)

    def array_as_seq(self, a: I.Expr, st: D.Type, e: D.Node) -> tuple[I.Expr, I.Type]:
        elem = array_elem(st)
        elem_t = self.ity(elem, e.span)
        seq_t = self.enc.ivl_type(D.SeqType(elem))
        self.check_non_null(a, e)
        self.check_reads(a, e)
        hn = self.ctx.array_heap(elem_t, 1, elem)
        h = self.heap_expr(hn)
        stored = self.ctx.array_elem_ivl(hn)
        if stored != elem_t:
            box_seq = I.CtorType("Seq." + self.enc.use("seq", stored))
            raw = seq_fn("FromArray", box_seq, I.MapSelect(h, (a,)), I.FunApp("$Len", (a,)))
            return self.enc.coerce(raw, box_seq, seq_t, e.span), seq_t
        return seq_fn("FromArray", seq_t, I.MapSelect(h, (a,)), I.FunApp("$Len", (a,))), seq_t

    def tr_SliceExpr(self, e: D.SliceExpr) -> I.Expr:
        st = e.seq.type
        dims = is_array(st) if st is not None else None
        if dims == 1:
            a = self.tr(e.seq)
            s, sty = self.array_as_seq(a, st, e)
        elif st is not None and T.family(st) == "seq":
            s = self.tr(e.seq)
            sty = self.ity(st, e.span)
        else:
            raise Unsupported(e.span, "slice of this type")
        n = seq_fn("Length", sty, s)
        lo = self.tr(e.lo) if e.lo is not None else None
        hi = self.tr(e.hi) if e.hi is not None else None
        if self.wf.active:
            conds = []
            if lo is not None:
                conds.append(I.Binary("<=", I.IntLit(0), lo))
                conds.append(I.Binary("<=", lo, hi if hi is not None else n))
            if hi is not None:
                if lo is None:
                    conds.append(I.Binary("<=", I.IntLit(0), hi))
                conds.append(I.Binary("<=", hi, n))
            if conds:
                self.wf.check(conj(conds), Obligation(Kind.SLICE, e.span))
        r = s
        if hi is not None:
            r = seq_fn("Take", sty, r, hi)
        if lo is not None:
            r = seq_fn("Drop", sty, r, lo)
        return r

    def tr_SeqUpdateExpr(self, e: D.SeqUpdateExpr) -> I.Expr:
        st = e.seq.type
        if st is not None and T.family(st) == "map":
            m, k, v = self.tr(e.seq), self.tr(e.index), self.tr(e.value)
            return E.map_fn("Build", self.ity(st, e.span), m, k, v)
        if st is not None and T.family(st) == "multiset":
            m, x, n = self.tr(e.seq), self.tr(e.index), self.tr(e.value)
            if self.wf.active:
                self.wf.check(I.Binary("<=", I.IntLit(0), n),
                              Obligation(Kind.SUBSET, e.value.span, "nat"))
            return ms_fn("Set", self.ity(st, e.span), m, x, n)
        if st is None or T.family(st) != "seq":
            raise Unsupported(e.span, "update of this type")
        s = self.tr(e.seq)
        i = self.tr(e.index)
        v = self.tr(e.value)
        sty = self.ity(st, e.span)
        if self.wf.active:
            self.wf.check(conj([I.Binary("<=", I.IntLit(0), i),
                                I.Binary("<", i, seq_fn("Length", sty, s))]),
                          Obligation(Kind.INDEX, e.index.span))
        return seq_fn("Update", sty, s, i, v)

    # ------------------------------------------------------------------ operators
    def tr_UnaryExpr(self, e: D.UnaryExpr) -> I.Expr:
        a = self.tr(e.operand)
        if e.op in ("!", "-") and isinstance(T.base_type(e.type), D.BitvectorType):  # type: ignore[arg-type]
            from .bitvectors import unary
            return unary(self, e.op, e.type, a, e)
        if e.op == "!":
            return not_(a)
        if e.op == "-":
            return I.Unary("-", a)
        if e.op == "|.|":
            t = e.operand.type
            fam = T.family(t) if t is not None else "?"
            ity = self.ity(t, e.span)
            if fam == "seq":
                return seq_fn("Length", ity, a)
            if fam == "set":
                return set_fn("Card", ity, a)
            if fam == "multiset":
                return ms_fn("Card", ity, a)
            if fam == "map":
                return E.map_fn("Card", ity, a)
            raise Unsupported(e.span, f"cardinality of a {fam}")
        raise Unsupported(e.span, f"operator {e.op}")

    def tr_BinaryExpr(self, e: D.BinaryExpr) -> I.Expr:
        op = e.op
        if op in ("&&", "||", "==>", "<=="):
            a = self.tr(e.left)
            if op == "&&":
                with self.wf.under(a):
                    b = self.tr(e.right)
                return I.Binary("&&", a, b)
            if op == "||":
                with self.wf.under(not_(a)):
                    b = self.tr(e.right)
                return I.Binary("||", a, b)
            if op == "==>":
                with self.wf.under(a):
                    b = self.tr(e.right)
                return I.Binary("==>", a, b)
            # a <== b  is  b ==> a, with b evaluated first
            b = self.tr(e.right)
            with self.wf.under(b):
                a = self.tr(e.left)
            return I.Binary("==>", b, a)
        a = self.tr(e.left)
        b = self.tr(e.right)
        return self.binop(op, e.resolved_op or "", e.left.type, e.right.type, a, b, e)

    def binop(self, op: str, rop: str, lt: Optional[D.Type], rt: Optional[D.Type],
              a: I.Expr, b: I.Expr, e: D.Node) -> I.Expr:
        fam = rop.split(":", 1)[1] if ":" in rop else (T.family(lt) if lt is not None else "?")
        if fam == "?" and lt is not None:
            fam = T.family(lt)
        if fam == "?" and rt is not None:
            fam = T.family(rt)
        if fam == "?" and lt is not None:
            it = self.ity(lt, e.span)
            fam = {"int": "int", "real": "real", "bool": "bool"}.get(str(it), "?")
        if op == "<==>":
            return I.Binary("<==>", a, b)
        if fam == "bv" and op not in ("==", "!="):
            from .bitvectors import binop as bv_binop
            return bv_binop(self, op, lt, rt, a, b, e)
        if op in ("==", "!="):
            t = self.ity(lt, e.span)
            r = equal(t, a, b)
            nt = T.normalize(lt) if lt is not None else None
            if isinstance(nt, D.UserType) and isinstance(nt.decl, D.DatatypeDecl):
                from .datatypes import datatype_info
                r = datatype_info(self.ctx, nt.decl).equal(a, b)
            return r if op == "==" else not_(r)
        if fam == "datatype" and op in ("<", ">"):
            from .datatypes import rank_less
            return rank_less(self.ctx, lt, rt, a, b, e.span) if op == "<" else \
                rank_less(self.ctx, rt, lt, b, a, e.span)
        if fam in ("int", "char", "real", "ordinal"):
            if fam == "ordinal":
                raise Unsupported(e.span, "ORDINAL")
            if op in ("<", "<=", ">", ">=", "+", "-", "*"):
                return I.Binary(op, a, b)
            if op in ("/", "%"):
                if self.wf.active:
                    zero: I.Expr = I.RealLit(Fraction(0)) if fam == "real" else I.IntLit(0)
                    self.wf.check(I.Binary("!=", b, zero), Obligation(Kind.DIVISION, e.span))
                if fam == "real":
                    if op == "%":
                        raise Unsupported(e.span, "real modulus")
                    return I.Binary("/", a, b)
                return I.Binary("div" if op == "/" else "mod", a, b)
            raise Unsupported(e.span, f"operator {op} on {fam}")
        if fam == "bool":
            if op == "==>":
                return I.Binary("==>", a, b)
            raise Unsupported(e.span, f"operator {op} on bool")
        if fam == "seq":
            if op in ("in", "!in"):
                st = self.ity(rt, e.span)
                r = seq_fn("Contains", st, b, a)
                return r if op == "in" else not_(r)
            st = self.ity(lt, e.span)
            if op == "+":
                return seq_fn("Append", st, a, b)
            if op in ("<=", "<"):
                la, lb = seq_fn("Length", st, a), seq_fn("Length", st, b)
                cmp = I.Binary("<=" if op == "<=" else "<", la, lb)
                return conj([cmp, seq_fn("Equal", st, a, seq_fn("Take", st, b, la))])
            raise Unsupported(e.span, f"operator {op} on seq")
        if fam in ("set", "iset"):  # isets: sort Set.~<tag>, the same operations
            if op in ("in", "!in"):
                st = self.ity(rt, e.span)
                r = set_fn("In", st, b, a)
                return r if op == "in" else not_(r)
            st = self.ity(lt, e.span)
            if op == "+":
                return set_fn("Union", st, a, b)
            if op == "-":
                return set_fn("Difference", st, a, b)
            if op == "*":
                return set_fn("Intersection", st, a, b)
            if op == "<=":
                return set_fn("Subset", st, a, b)
            if op == ">=":
                return set_fn("Subset", st, b, a)
            if op == "<":
                return conj([set_fn("Subset", st, a, b), not_(set_fn("Equal", st, a, b))])
            if op == ">":
                return conj([set_fn("Subset", st, b, a), not_(set_fn("Equal", st, a, b))])
            if op == "!!":
                return set_fn("Disjoint", st, a, b)
            raise Unsupported(e.span, f"operator {op} on set")
        if fam == "multiset":
            if op in ("in", "!in"):
                st = self.ity(rt, e.span)
                r = I.Binary("<", I.IntLit(0), ms_fn("Count", st, b, a))
                return r if op == "in" else not_(r)
            st = self.ity(lt, e.span)
            ops = {"+": "Union", "-": "Difference", "*": "Intersection", "!!": "Disjoint"}
            if op in ops:
                return ms_fn(ops[op], st, a, b)
            if op == "<=":
                return ms_fn("Subset", st, a, b)
            if op == ">=":
                return ms_fn("Subset", st, b, a)
            if op == "<":
                return conj([ms_fn("Subset", st, a, b), not_(ms_fn("Equal", st, a, b))])
            if op == ">":
                return conj([ms_fn("Subset", st, b, a), not_(ms_fn("Equal", st, a, b))])
        if fam == "map":
            if op in ("in", "!in") and rt is not None:
                r = self.map_has(rt, b, a)
                return r if op == "in" else not_(r)
            mt = self.ity(lt, e.span)
            if op == "+":
                return E.map_fn("Merge", mt, a, b)
            if op == "-":
                return E.map_fn("Subtract", mt, a, b)
        raise Unsupported(e.span, f"operator {op} on {fam}")

    def tr_MapDisplay(self, e: D.MapDisplay) -> I.Expr:
        if not e.finite:
            raise Unsupported(e.span, "imap")
        mt = self.ity(e.type, e.span)
        assert isinstance(mt, I.CtorType)
        m: I.Expr = I.Ident(f"Map#Empty.{mt.name[4:]}")
        for k, v in e.items:
            m = E.map_fn("Build", mt, m, self.tr(k), self.tr(v))
        return m

    def tr_MultisetConversion(self, e: D.MultisetConversion) -> I.Expr:
        t = e.operand.type
        if t is None or T.family(t) not in ("seq", "set"):
            raise Unsupported(e.span, "multiset of this type")
        v = self.tr(e.operand)
        op = "FromSeq" if T.family(t) == "seq" else "FromSet"
        return ms_fn(op, self.ity(e.type, e.span), v)

    def tr_MultisetDisplay(self, e: D.MultisetDisplay) -> I.Expr:
        st = self.ity(e.type, e.span)
        m: I.Expr = E.ms_empty(st)
        for x in e.elems:
            m = ms_fn("UnionOne", st, m, self.tr(x))
        return m

    def tr_ChainExpr(self, e: D.ChainExpr) -> I.Expr:
        vals = [self.tr(x) for x in e.operands]
        parts = []
        for k, op in enumerate(e.ops):
            lt = e.operands[k].type
            rop = ""
            if lt is not None:
                rop = f"{op}:{T.family(lt)}"
            parts.append(self.binop(op, rop, lt, e.operands[k + 1].type, vals[k], vals[k + 1], e))
        return conj(parts)

    def tr_ITEExpr(self, e: D.ITEExpr) -> I.Expr:
        c = self.tr(e.cond)
        with self.wf.under(c):
            a = self.tr(e.then)
        with self.wf.under(not_(c)):
            b = self.tr(e.else_)
        return I.IfThenElse(c, a, b)

    # ------------------------------------------------------------------ quantifiers
    def bind_vars(self, vars_: list[D.BoundVar]) -> tuple[tuple[I.Formal, ...], I.Expr, Env]:
        env = self.env.copy()
        formals = []
        tcs = []
        for v in vars_:
            if v.domain is not None:
                raise Unsupported(v.span, "quantifier domains '<-'")
            t = self.ity(v.type, v.span)
            name = fresh(v.name)
            formals.append(I.Formal(name, t))
            env.vars[id(v)] = I.Ident(name)
            tcs.append(self.tc(v.type, I.Ident(name)))
        return tuple(formals), conj(tcs), env

    def triggers(self, attrs: list[D.Attribute], sub: "ExprTranslator") -> tuple[I.Trigger, ...]:
        out = []
        for a in attrs:
            if a.name == "trigger":
                p = sub.pure()
                terms = tuple(p.tr(x) for x in a.args)
                # a trigger term must be an application; others (e.g. `x in s` translated to
                # a comparison) are left to the solver's own pattern choice
                if all(isinstance(t, (I.FunApp, I.MapSelect)) for t in terms):
                    out.append(I.Trigger(terms))
        return tuple(out)

    def tr_QuantifierExpr(self, e: D.QuantifierExpr) -> I.Expr:
        formals, tcs, env = self.bind_vars(e.vars)
        sub = self.sub(env)
        # well-formedness: bound datatype values have fields of their types (constructor
        # arguments are checked), as for lambda parameters
        from .constraints import datatype_field_facts
        facts = [datatype_field_facts(self.ctx, v.type, env.vars[id(v)]) for v in e.vars
                 if v.type is not None]
        with self.wf.binding(formals):
            with self.wf.under(conj([tcs] + facts)):
                rng = sub.tr(e.range) if e.range is not None else TRUE
                with self.wf.under(rng):
                    body = sub.tr(e.body)
        trig = self.triggers(e.attributes, sub)
        guard = conj([tcs, rng])
        if not trig and not any(a.name == "trigger" for a in e.attributes):
            from .arith_triggers import abstract_arithmetic
            from .triggers import select_triggers
            whole = implies(guard, body) if e.kind == "forall" else conj([guard, body])
            formals2, eqs, whole2 = abstract_arithmetic(formals, whole)
            from .triggers import has_looping_candidate
            if formals2 != formals and has_looping_candidate(formals, conj([guard, body])):
                # `s[n + 1]` as `s[t]` with `t == n + 1` (an equivalent quantifier)
                trig2 = select_triggers(formals2, conj([eqs, whole2]), smallest=True)
                if trig2:
                    if e.kind == "forall":
                        return I.Quantifier("forall", formals2, implies(eqs, whole2), trig2)
                    return I.Quantifier("exists", formals2, conj([eqs, whole2]), trig2)
            trig = select_triggers(formals, conj([guard, body]))
        if e.kind == "forall":
            return I.Quantifier("forall", formals, implies(guard, body), trig)
        return I.Quantifier("exists", formals, conj([guard, body]), trig)

    # ------------------------------------------------------------------ displays
    def tr_SeqDisplay(self, e: D.SeqDisplay) -> I.Expr:
        st = self.ity(e.type, e.span)
        s: I.Expr = E.seq_empty(st)
        for x in e.elems:
            s = seq_fn("Build", st, s, self.tr(x))
        return s

    def tr_SetDisplay(self, e: D.SetDisplay) -> I.Expr:
        st = self.ity(e.type, e.span)  # an iset's sort Set.~<tag> has the same operations
        s: I.Expr = E.set_empty(st)
        for x in e.elems:
            s = set_fn("UnionOne", st, s, self.tr(x))
        return s

    def tr_LambdaExpr(self, e: D.LambdaExpr) -> I.Expr:
        from .lambdas import lambda_value
        return lambda_value(self, e)

    def tr_SeqConstructor(self, e: D.SeqConstructor) -> I.Expr:
        from .lambdas import seq_constructor
        return seq_constructor(self, e)

    def tr_MapComprehension(self, e: D.MapComprehension) -> I.Expr:
        from .comprehensions import map_comprehension
        return map_comprehension(self, e)

    def tr_SetComprehension(self, e: D.SetComprehension) -> I.Expr:
        from .comprehensions import set_comprehension
        return set_comprehension(self, e)

    def tr_TupleExpr(self, e: D.TupleExpr) -> I.Expr:
        from .datatypes import tuple_decl
        td = tuple_decl(len(e.elems))
        info = self.dt_info(td.ctors[0])
        args = [self.enc.box(self.tr(x), self.ity(x.type, x.span)) for x in e.elems]
        return info.construct(td.ctors[0], args)

    # ------------------------------------------------------------------ state
    def tr_OldExpr(self, e: D.OldExpr) -> I.Expr:
        env = self.env.copy()
        if e.label is not None:
            snap = (self.env.labels or {}).get(e.label)
            if snap is None:
                raise Unsupported(e.span, "old@label here")
            env.heap = dict(snap)
            return self.sub(env).tr(e.operand)
        if self.env.old_heap is None:
            raise Unsupported(e.span, "old in this context")
        env.heap = dict(self.env.old_heap)
        return self.sub(env).tr(e.operand)

    def alloc_before(self) -> I.Expr:
        if self.env.old_heap is None or "$Alloc" not in self.env.old_heap:
            raise Unsupported(D.Node().span, "fresh in this context")
        return self.env.old_heap["$Alloc"]

    def tr_FreshExpr(self, e: D.FreshExpr) -> I.Expr:
        if e.label is not None:
            raise Unsupported(e.span, "fresh@label")
        v = self.tr(e.operand)
        t = e.operand.type
        old_alloc = self.alloc_before()
        if t is not None and T.is_ref_type(t):
            return conj([I.Binary("!=", v, I.Ident("null")),
                         not_(I.MapSelect(old_alloc, (v,)))])
        if t is not None and T.family(t) == "set":
            st = self.ity(t, e.span)
            o = fresh("o")
            oi = I.Ident(o)
            fresh_o = conj([I.Binary("!=", oi, I.Ident("null")),
                            not_(I.MapSelect(old_alloc, (oi,)))])
            if isinstance(v, I.FunApp) and v.name.startswith("Set#Difference.") \
                    and len(v.args) == 2:
                # fresh(A - B) (as in `fresh(Repr - old(Repr))`) is stated as
                # forall o {A[o]} :: A[o] && !B[o] ==> ..., equivalent by the set-difference
                # axiom; its trigger matches the membership terms a later check mentions,
                # which the term (A - B)[o] would not
                in_a = set_fn("In", st, v.args[0], oi)
                return I.Quantifier("forall", (I.Formal(o, E.REF),), implies(
                    conj([in_a, not_(set_fn("In", st, v.args[1], oi))]), fresh_o),
                    (I.Trigger((in_a,)),))
            return I.Quantifier("forall", (I.Formal(o, E.REF),), implies(
                set_fn("In", st, v, oi), fresh_o))
        raise Unsupported(e.span, "fresh of this type")

    def tr_UnchangedExpr(self, e: D.UnchangedExpr) -> I.Expr:
        if e.label is not None or self.env.old_heap is None:
            raise Unsupported(e.span, "unchanged here")
        parts = []
        for fr in e.frames:
            if fr.expr is None or fr.field_name is not None:
                raise Unsupported(fr.span, "unchanged of a field frame")
            t = fr.expr.type
            o = self.tr(fr.expr)
            if t is None or not T.is_ref_type(t):
                raise Unsupported(fr.span, "unchanged of this type")
            for hname in self.heaps_of_ref_type(t, fr):
                parts.append(I.Binary("==", I.MapSelect(self.heap_expr(hname), (o,)),
                                      I.MapSelect(self.env.old_heap[hname], (o,))))
        return conj(parts)

    def heaps_of_ref_type(self, t: D.Type, node: D.Node) -> list[str]:
        dims = is_array(t)
        if dims is not None:
            return [self.ctx.array_heap(self.ity(array_elem(t), node.span), dims,
                                        array_elem(t))]
        cd = T.class_decl(t)
        if cd is None or cd is B.OBJECT:
            raise Unsupported(node.span, "frames of type object")
        return [self.ctx.field_heap[id(m)] for m in cd.members
                if isinstance(m, D.Field) and id(m) in self.ctx.field_heap]

    # ------------------------------------------------------------------ conversions
    def tr_ConversionExpr(self, e: D.ConversionExpr) -> I.Expr:
        v = self.tr(e.operand)
        src = T.base_type(e.operand.type) if e.operand.type is not None else None
        dst = T.base_type(e.to)
        out: I.Expr
        if isinstance(src, D.BitvectorType) or isinstance(dst, D.BitvectorType):
            # (then the target's own constraint, e.g. of a subset type of int, below)
            from .bitvectors import convert
            out = convert(self, v, src, dst, e)
        elif isinstance(src, (D.IntType, D.CharType)) and isinstance(dst, D.RealType):
            out = I.FunApp("real", (v,))
        elif isinstance(src, D.RealType) and isinstance(dst, (D.IntType, D.CharType)):
            if self.wf.active:
                self.wf.check(I.Binary("==", I.FunApp("real", (I.FunApp("int", (v,)),)), v),
                              Obligation(Kind.CONVERSION, e.span))
            out = I.FunApp("int", (v,))
        elif isinstance(src, D.UserType) and isinstance(dst, D.UserType) and \
                isinstance(src.decl, D.ClassDecl) and not _upcast(src, dst):
            # a downcast needs the object's dynamic type, which is not modelled
            raise Unsupported(e.span, "downcasts of objects")
        elif type(src) is type(dst) or (isinstance(src, (D.IntType, D.CharType))
                                        and isinstance(dst, (D.IntType, D.CharType))):
            out = v
        else:
            raise Unsupported(e.span, "this conversion")
        if self.wf.active:
            c = self.tc(e.to, out)
            if isinstance(dst, D.CharType):
                c = conj([c, I.Binary("<=", I.IntLit(0), out),
                          I.Binary("<", out, I.IntLit(0x110000))])
            if c != TRUE:
                self.wf.check(c, Obligation(Kind.SUBSET, e.span, T.type_to_str(e.to)))
        return out

    # ------------------------------------------------------------------ let / stmt-expr
    def tr_LetExpr(self, e: D.LetExpr) -> I.Expr:
        if e.such_that:
            from .comprehensions import let_such_that
            return let_such_that(self, e)
        env = self.env.copy()
        if len(e.pats) != len(e.rhss):
            raise Unsupported(e.span, "let with this shape")
        conds = []
        for p, r in zip(e.pats, e.rhss):
            v = self.tr(r)
            if isinstance(p, D.VarPattern) and p.ctor is None:
                if p.decl is not None:
                    env.vars[id(p.decl)] = v
            else:
                from .patterns import _pattern
                if r.type is None:
                    raise Unsupported(p.span, "let patterns")
                conds.append(_pattern(self, r.type, v, p, env))
        c = conj(conds)
        if c != TRUE and self.wf.active:
            self.wf.check(c, Obligation(Kind.MATCH, e.span, "pattern"))
        return self.sub(env).tr(e.body)

    def tr_DatatypeUpdateExpr(self, e: D.DatatypeUpdateExpr) -> I.Expr:
        t = T.normalize(e.obj.type) if e.obj.type is not None else None
        if not (isinstance(t, D.UserType) and isinstance(t.decl, D.DatatypeDecl)):
            raise Unsupported(e.span, "update of this type")
        dt = t.decl
        names = [n for n, _ in e.updates]
        ctors = [c for c in dt.ctors if all(any(f.name == n for f in c.formals) for n in names)]
        if not ctors:
            raise Unsupported(e.span, "datatype update")
        obj = self.tr(e.obj)
        vals = {n: self.tr(x) for n, x in e.updates}
        info = self.dt_info(ctors[0])
        if self.wf.active:
            self.wf.check(disj([info.is_ctor(c, obj) for c in ctors]), Obligation(
                Kind.DESTRUCTOR, e.span, "datatype update might not be applicable: the value "
                "might not have the updated fields"))
        result: Optional[I.Expr] = None
        subst = T.subst_map(dt.type_params, t.args)
        for c in reversed(ctors):
            args = []
            for j, f in enumerate(c.formals):
                if f.name in vals:
                    ft = self.enc.ivl_type(T.substitute(f.type, subst))
                    args.append(self.enc.coerce(vals[f.name], ft, info.field_type(c, j), e.span))
                else:
                    args.append(info.select(c, j, obj))
            v = info.construct(c, args)
            result = v if result is None else I.IfThenElse(info.is_ctor(c, obj), v, result)
        assert result is not None
        return result

    def tr_StmtExpr(self, e: D.StmtExpr) -> I.Expr:
        s = e.stmt
        if isinstance(s, D.AssertStmt):
            if s.by is not None:
                raise Unsupported(s.span, "assert-by in an expression")
            p = self.tr(s.expr)
            if self.wf.active:
                self.wf.check(p, Obligation(Kind.ASSERTION, s.expr.span))
            with self.wf.under(p):
                return self.tr(e.body)
        if isinstance(s, D.AssumeStmt):
            p = self.tr(s.expr)
            # as in Dafny's well-formedness check of a function body, the assumed fact is
            # known from here on (under the conditions of this subexpression)
            self.wf.assume(p)
            with self.wf.under(p):
                return self.tr(e.body)
        if isinstance(s, D.RevealStmt):
            return self.tr(e.body)
        if isinstance(s, D.AssignStmt) and not s.lhss and len(s.rhss) == 1 \
                and isinstance(s.rhss[0], D.ExprRhs) \
                and isinstance(s.rhss[0].expr, D.ApplyExpr) \
                and s.rhss[0].expr.kind == "lemma":
            post = self.lemma_in_expr(s.rhss[0].expr)
            # the lemma's postcondition holds wherever the call is evaluated (its
            # precondition was just checked there): a fact for the rest of the check, e.g.
            # for the enclosing function's postcondition
            self.wf.assume(post)
            with self.wf.under(post):
                return self.tr(e.body)
        if isinstance(s, D.CalcStmt):
            raise Unsupported(s.span, "calc in an expression")
        raise Unsupported(s.span, f"statement {type(s).__name__} in an expression")

    def lemma_in_expr(self, call: D.ApplyExpr) -> I.Expr:
        """A lemma call inside an expression: check its precondition (when checking), and
        return its postcondition as a fact for the rest of the expression."""
        from .methods import call_spec
        pre, post = call_spec(self, call)
        if self.wf.active and pre != TRUE:
            self.wf.check(pre, Obligation(Kind.FUNCTION_PRECONDITION, call.span))
        return post

    # ------------------------------------------------------------------ match
    def tr_MatchExpr(self, e: D.MatchExpr) -> I.Expr:
        from .patterns import match_cases
        src = self.tr(e.source)
        facts: list[I.Expr] = []
        arms = match_cases(self, e.source.type, src, [(c.pattern, c.body) for c in e.cases],
                           e, facts)
        # arms: list of (condition, env); fold into nested if-then-else, last arm as default
        result: Optional[I.Expr] = None
        vals = []
        outside_quantifiers = not any(k == "bind" for k, _ in self.wf.frames)
        for (cond, env, body), fact in zip(arms, facts):
            with self.wf.under(cond):
                # the bound variables are fields of a datatype value: they satisfy their
                # types (see `destructor_of`); assumed only outside quantifiers
                if self.wf.active and outside_quantifiers and fact != TRUE:
                    self.wf.assume(fact)
                vals.append((cond, self.sub(env).tr(body)))
        for cond, v in reversed(vals):
            result = v if result is None else I.IfThenElse(cond, v, result)
        assert result is not None
        return result

    # ------------------------------------------------------------------ misc
    def tr_TypeTestExpr(self, e: D.TypeTestExpr) -> I.Expr:
        raise Unsupported(e.span, "type tests 'is'")


def _upcast(src: D.UserType, dst: D.UserType) -> bool:
    """dst's class or trait is src's or one of its ancestors (a conversion that always
    succeeds on non-null objects)."""
    from .traits import declared_ancestor
    return declared_ancestor(src.decl, dst.decl)
