"""Statement resolution: locals and their scopes, assignments and calls, loops, match,
calc, forall, and the mutability rules for left-hand sides.

A method call is resolved only where Dafny allows one: as the whole right-hand side of an
assignment or variable declaration, as a call statement, or in `:-`. Each `var` declares
its variables after its right-hand sides are resolved (so `var x := x + 1` reads an outer
`x`), except `var x :| P`, whose constraint sees the new variables.
"""

from __future__ import annotations

from typing import Any

from ..syntax import ast
from . import builtins as B
from .exprs import BOOL, INT, ExprResolver
from .types import (
    TypeVar,
    normalize,
    prune,
    strip_subset,
    strip_subsets_deep,
    subst_map,
    type_to_str,
    types_equal,
)

Type = ast.Type


class StmtResolver(ExprResolver):
    extra_frames = 0

    def block(self, b: ast.BlockStmt) -> None:
        self.locals.push()
        saved = self.extra_frames
        self.extra_frames = 0
        self.block_stmts(b.stmts)
        for _ in range(self.extra_frames):
            self.locals.pop()
        self.extra_frames = saved
        self.locals.pop()

    def block_stmts(self, stmts: list[ast.Stmt]) -> None:
        for s in stmts:
            self.stmt(s)

    def stmt(self, s: ast.Stmt) -> None:
        self.last_span = s.span
        fn = getattr(self, "s_" + type(s).__name__, None)
        if fn is None:
            self.error(s.span, f"unsupported: statement {type(s).__name__}")
            return
        fn(s)

    def stmt_in_expr(self, s: ast.Stmt) -> None:
        self.locals.push()
        self.stmt(s)
        self.locals.pop()

    # ------------------------------------------------------------------ simple statements
    def s_BlockStmt(self, s: ast.BlockStmt) -> None:
        self.block(s)

    def s_SkeletonStmt(self, s: ast.SkeletonStmt) -> None:
        """`...;` stands for the refined method's statements: their top-level locals
        are in scope afterwards."""
        base = getattr(self, "cur_refined", None)
        body = getattr(base, "body", None)
        if isinstance(body, ast.BlockStmt):
            self.locals.push()
            for st in body.stmts:
                if isinstance(st, ast.VarDeclStmt):
                    for v in st.vars:
                        self.declare_var(v.name, v, v.span, dup_check=False)
            self.locals.push()   # later declarations may shadow the skeleton's locals
            self.extra_frames += 2

    def s_AssertStmt(self, s: ast.AssertStmt) -> None:
        for a in s.attributes:
            self.attribute(a)
        self.expect_bool(s.expr, "assertion")
        if s.by is not None:
            self.block(s.by)

    def s_AssumeStmt(self, s: ast.AssumeStmt) -> None:
        self.expect_bool(s.expr, "assumption")

    def s_ExpectStmt(self, s: ast.ExpectStmt) -> None:
        self.expect_bool(s.expr, "expectation")
        if s.message is not None:
            self.expr(s.message)

    def s_PrintStmt(self, s: ast.PrintStmt) -> None:
        for a in s.args:
            self.expr(a)

    loop_depth = 0
    labels: tuple[str, ...] = ()

    def s_BreakStmt(self, s: ast.BreakStmt) -> None:
        if s.label is not None:
            if s.label not in self.labels:
                self.error(s.span, f"{'continue' if s.is_continue else 'break'} label is "
                                   f"undefined or not in scope: {s.label}")
        elif s.is_continue and self.loop_depth == 0:
            self.error(s.span, "continue statement must be inside a loop")
        elif s.is_continue and s.count > self.loop_depth:
            self.error(s.span, "trying to continue more loop levels than there are "
                               "enclosing loops")
        elif s.count > self.loop_depth:
            self.error(s.span, "trying to break out of more loop levels than there are "
                               "enclosing loops")

    def s_LabeledStmt(self, s: ast.LabeledStmt) -> None:
        saved = self.labels
        self.labels = saved + (s.label,)
        self.stmt(s.stmt)
        self.labels = saved

    def loop_body(self, body: ast.BlockStmt | None) -> None:
        if body is None:
            return
        self.loop_depth += 1
        self.block(body)
        self.loop_depth -= 1

    def s_RevealStmt(self, s: ast.RevealStmt) -> None:
        for e in s.exprs:
            callee = e.callee if isinstance(e, ast.ApplyExpr) else e
            if isinstance(callee, ast.NameExpr):
                d = self.lookup_value_name(callee.name)
                if d is not None:
                    callee.decl = d
                    if isinstance(e, ast.ApplyExpr):
                        e.decl = d
                        e.kind = "function" if isinstance(d, ast.Function) else "lemma"
            elif isinstance(callee, ast.MemberSelect):
                self.expr_lenient(callee)

    def s_ModifyStmt(self, s: ast.ModifyStmt) -> None:
        for fr in s.frames:
            self.frame(fr, "modifies")
        if s.body is not None:
            self.block(s.body)

    def s_CalcStmt(self, s: ast.CalcStmt) -> None:
        t: Type | None = None
        ops = [s.op] + [st.op for st in s.steps]
        boolish = any(o in ("<==>", "==>", "<==", "&&", "||") for o in ops if o)
        for st in s.steps:
            et = self.expr(st.expr, BOOL if boolish else t)
            if t is None:
                t = et
            elif not self.unify(t, et):
                self.error(st.expr.span, f"all lines in a calculation must have the same type "
                                         f"(got {type_to_str(et)} after {type_to_str(t)})")
            if st.hint is not None:
                self.block(st.hint)

    # ------------------------------------------------------------------ declarations
    def s_VarDeclStmt(self, s: ast.VarDeclStmt) -> None:
        types: list[Type] = []
        for v in s.vars:
            if isinstance(v.type, ast.InferredType):
                tv = self.fresh()
                v.type.resolved = tv
                v.type = tv
                self.inferred_locals[id(tv)] = v
            else:
                v.type = self.resolve_type(v.type)
            self.pending_vars.append(v)
            types.append(v.type)
        rhs = s.rhs
        if isinstance(rhs, ast.AssignSuchThatStmt):
            for v in s.vars:
                self.declare_var(v.name, v, v.span)
            for lhs, v in zip(rhs.lhss, s.vars):
                self.bind_new_lhs(lhs, v)
            self.expect_bool(rhs.cond, "such-that constraint")
            return
        if isinstance(rhs, ast.AssignStmt):
            rtypes = self.rhs_types(rhs.rhss, types, len(s.vars), rhs.span)
            for v, rt in zip(s.vars, rtypes):
                if rt is None:
                    continue
                self.init_local(v, rt, rhs)
        elif isinstance(rhs, ast.AssignOrReturnStmt):
            self.assign_or_return(rhs, [v.type for v in s.vars])
        for v in s.vars:
            self.declare_var(v.name, v, v.span)
        if rhs is not None and hasattr(rhs, "lhss"):
            for lhs, v in zip(rhs.lhss, s.vars):
                self.bind_new_lhs(lhs, v)

    def init_local(self, v: ast.LocalVar, rt: Type, where: ast.Node) -> None:
        vt = prune(v.type)
        if isinstance(vt, TypeVar):
            # like Dafny, an inferred local keeps subset types: `var i := n` (n: nat) is a nat
            self.unify(vt, rt)
            return
        self.check_assignable(v.type, rt, where.span,
                              "RHS (of type {src}) not assignable to LHS (of type {dst})")

    def bind_new_lhs(self, lhs: ast.Expr, v: ast.LocalVar) -> None:
        if isinstance(lhs, ast.NameExpr):
            lhs.decl = v
            lhs.type = v.type
            self.pending_exprs.append(lhs)

    def s_VarDeclPatternStmt(self, s: ast.VarDeclPatternStmt) -> None:
        t = self.expr(s.rhs, self.pattern_hint(s.pattern))
        self.pattern(s.pattern, t, s.span, make_local=True, ghost=s.is_ghost)

    # ------------------------------------------------------------------ right-hand sides
    def rhs_types(self, rhss: list[ast.Rhs], want: list[Type], n_lhs: int,
                  span: Any) -> list[Type | None]:
        """Resolve right-hand sides; one type per left-hand side (None: don't check)."""
        if len(rhss) == 1 and isinstance(rhss[0], ast.ExprRhs) and isinstance(
                rhss[0].expr, ast.ApplyExpr):
            e = rhss[0].expr
            self.allow_method_call = True
            t = self.expr(e, want[0] if len(want) == 1 else None)
            self.allow_method_call = False
            if e.kind in ("method", "lemma") and isinstance(e.decl, ast.Method):
                outs = e.decl.outs
                if n_lhs == 0:
                    return []
                if len(outs) != n_lhs:
                    self.error(span, f"wrong number of method result arguments (got {n_lhs}, "
                                     f"expected {len(outs)})")
                    return [None] * n_lhs
                if n_lhs == 1:
                    return [t]
                pt = prune(t)
                if isinstance(pt, ast.TupleType):
                    return list(pt.elems)
                return [None] * n_lhs
            if n_lhs == 0:
                return []
            if n_lhs != 1:
                self.error(span, f"the number of left-hand sides ({n_lhs}) and right-hand "
                                 f"sides (1) must match for a multi-assignment")
                return [None] * n_lhs
            return [t]
        if n_lhs == 0 and rhss:
            for r in rhss:
                self.rhs(r, None)
                if isinstance(r, ast.ExprRhs):
                    self.error(r.span, "expression has no effect; only a method or lemma "
                                       "call can be used as a statement")
            return []
        if len(rhss) != n_lhs:
            for r in rhss:
                self.rhs(r, None)
            self.error(span, f"the number of left-hand sides ({n_lhs}) and right-hand sides "
                             f"({len(rhss)}) must match for a multi-assignment")
            return [None] * n_lhs
        out: list[Type | None] = []
        for r, w in zip(rhss, want):
            out.append(self.rhs(r, w))
        return out

    def rhs(self, r: ast.Rhs, want: Type | None) -> Type | None:
        for a in r.attributes:
            self.attribute(a)
        if isinstance(r, ast.ExprRhs):
            e = r.expr
            if isinstance(e, ast.ApplyExpr):
                self.allow_method_call = True
            t = self.expr(e, want)
            self.allow_method_call = False
            if isinstance(e, ast.ApplyExpr) and e.kind in ("method", "lemma") and isinstance(
                    e.decl, ast.Method) and len(e.decl.outs) != 1:
                self.error(r.span, f"method '{e.decl.name}' has {len(e.decl.outs)} out-"
                                   f"parameters and cannot be used in a multi-assignment")
                return None
            return t
        if isinstance(r, ast.HavocRhs):
            return None
        if isinstance(r, ast.NewArrayRhs):
            return self.new_array(r, want)
        if isinstance(r, ast.NewObjectRhs):
            return self.new_object(r)
        return None

    def new_array(self, r: ast.NewArrayRhs, want: Type | None) -> Type:
        el: Type
        if r.elem_type is not None:
            el = self.resolve_type(r.elem_type)
        else:
            w = strip_subset(want) if want is not None else None
            el = (w.args[0] if isinstance(w, ast.UserType) and B.array_dims(w.decl) and w.args
                  else self.fresh())
            # `new [n]`, `new [] [a, b]`: the inferred element type is recorded on the node
            r.elem_type = el
        for d in r.dims:
            self.expect_int(d, "array dimension")
        n = len(r.dims) or 1
        if r.init_fn is not None:
            ft = self.expr(r.init_fn, ast.ArrowType([INT] * n, el, "->"))
            fn = strip_subset(ft)
            if isinstance(fn, ast.ArrowType):
                self.unify(el, fn.result)
        if r.init_elems is not None:
            for x in r.init_elems:
                self.check_assignable(el, self.expr(x, el), x.span,
                                      "array element (of type {src}) not assignable to "
                                      "element type {dst}")
        decl = B.ARRAY(n)
        return ast.UserType([decl.name], [el], decl=decl)

    def new_object(self, r: ast.NewObjectRhs) -> Type:
        rt = r.type
        if (isinstance(rt, ast.UserType) and r.ctor_name is not None and rt.decl is None
                and not rt.args and not isinstance(self.find_type_decl(rt.path, rt.span),
                                                   ast.ClassDecl)
                and isinstance(self.find_type_decl(rt.path + [r.ctor_name], rt.span),
                               ast.ClassDecl)):
            # `new M.C()`: module M, class C, anonymous constructor
            rt.path = rt.path + [r.ctor_name]
            r.ctor_name = None
        t = self.resolve_type(r.type)
        n = strip_subset(t)
        cls = n.decl if isinstance(n, ast.UserType) else None
        if isinstance(cls, ast.IteratorDecl):
            # `new Iter(args)`: the iterator's in-parameters are the constructor's
            sub = subst_map(cls.type_params, n.args) if isinstance(n, ast.UserType) else {}
            fake = ast.ApplyExpr(ast.NameExpr(cls.name), r.args or [], span=r.span)
            self.bind_args(fake, "iterator", cls.name, cls.ins,
                           [self.subst(f.type, sub) for f in cls.ins])
            return t
        if not isinstance(cls, ast.ClassDecl) or cls.is_trait:
            self.error(r.span, f"new can be applied only to class types (got "
                               f"{type_to_str(t)})")
            for b in r.args or []:
                self.expr(b.expr)
            return t
        tab = self.tables.get(id(cls))
        ctors = [m for m in cls.members if isinstance(m, ast.Method) and m.kind == "constructor"]
        if tab is not None:
            for p in tab.parents:
                if p.decl is cls:
                    continue
                if isinstance(p.decl, ast.ClassDecl) and not p.decl.is_trait:
                    ctors += [m for m in p.decl.members if isinstance(m, ast.Method)
                              and m.kind == "constructor"]
        ctor: ast.Method | None = None
        if r.ctor_name is not None:
            ctor = next((c for c in ctors if c.name == r.ctor_name), None)
            if ctor is None and tab is not None:
                m = tab.lookup(r.ctor_name)   # an initialization method `new C.Init(x)`
                if isinstance(m, ast.Method):
                    ctor = m
            if ctor is None:
                self.error(r.span, f"member '{r.ctor_name}' does not exist in class "
                                   f"'{cls.name}'")
        elif ctors:
            ctor = next((c for c in ctors if c.name in ("", "_ctor", "constructor")), None)
            if ctor is None:
                ctor = ctors[0] if len(ctors) == 1 else None
            if (ctor is None or ctor.ins) and r.args is None:
                self.error(r.span, f"when allocating an object of type '{cls.name}', one "
                                   f"of its constructor methods must be called")
        elif r.args:
            self.error(r.span, f"class '{cls.name}' does not have an anonymous constructor")
        r.ctor_decl = ctor
        if ctor is not None and r.args is not None:
            sub = subst_map(cls.type_params, n.args) if isinstance(n, ast.UserType) else {}
            fake = ast.ApplyExpr(ast.NameExpr(ctor.name), r.args, span=r.span)
            ftypes = [self.subst(f.type, sub) for f in ctor.ins]
            self.bind_args(fake, "constructor", ctor.name or cls.name, ctor.ins, ftypes)
        return t

    # ------------------------------------------------------------------ assignment
    def s_AssignStmt(self, s: ast.AssignStmt) -> None:
        ltypes = [self.lvalue(l) for l in s.lhss]
        rtypes = self.rhs_types(s.rhss, ltypes, len(s.lhss), s.span)
        rexprs = [r.expr if isinstance(r, ast.ExprRhs) else None for r in s.rhss]
        if len(rexprs) != len(s.lhss):
            rexprs = [None] * len(s.lhss)
        for l, lt, rt, rx in zip(s.lhss, ltypes, rtypes, rexprs):
            if rt is None:
                continue
            if self.check_assignable(lt, rt, s.span,
                                     "RHS (of type {src}) not assignable to LHS (of type {dst})"):
                self.widen_local(l, rt, rx)

    def widen_local(self, lhs: ast.Expr, rt: Type, rhs: ast.Expr | None = None) -> None:
        """Dafny infers a local's type from *all* values assigned to it: `var x := n;`
        (n: nat) makes x a nat, but a later `x := x + y` (y: int) makes it an int. The
        local's own inference variable is rebound to the base type when a value of a
        wider concrete type is assigned, or a negative literal to a local that is a nat
        only by use (`var i := 0; var r: nat := i; i := -1;` makes i an int)."""
        if not isinstance(lhs, ast.NameExpr) or not isinstance(lhs.decl, ast.LocalVar):
            return
        tv = lhs.decl.type
        if not isinstance(tv, TypeVar) or id(tv) not in self.inferred_locals:
            return
        cur = prune(tv)
        if isinstance(rhs, ast.UnaryExpr) and rhs.op == "-" and isinstance(
                rhs.operand, (ast.IntLit, ast.RealLit)) and self.is_subset(cur) and \
                self.softly_narrowed(tv):
            tv.resolved = strip_subsets_deep(cur)
            return
        r = prune(rt)
        if isinstance(r, ast.InferredType) or not self.is_subset(cur):
            return
        if self.is_subset(r) and types_equal(cur, r):
            return
        tv.resolved = strip_subsets_deep(cur)

    def is_subset(self, t: Type) -> bool:
        n = normalize(t)
        return isinstance(n, ast.UserType) and isinstance(n.decl, ast.SubsetTypeDecl)

    def lvalue(self, l: ast.Expr) -> Type:
        t = self.expr(l)
        self.check_mutable(l)
        return t

    def check_mutable(self, l: ast.Expr) -> None:
        if isinstance(l, ast.NameExpr):
            d = l.decl
            if d is None or isinstance(d, ast.LocalVar):
                return
            if isinstance(d, ast.Formal):
                m = self.cur_member
                if isinstance(m, (ast.Method, ast.IteratorDecl)) and any(
                        o is d for o in m.outs):
                    return
                if isinstance(m, ast.Function) and m.result is d:
                    return
                self.error(l.span, "LHS of assignment must denote a mutable variable")
                return
            if isinstance(d, ast.BoundVar):
                self.error(l.span, "LHS of assignment must denote a mutable variable")
                return
            if isinstance(d, ast.Field):
                if d.is_const and not self.may_init_const(d):
                    self.error(l.span, "LHS of assignment must denote a mutable field")
                return
            self.error(l.span, "LHS of assignment must denote a mutable variable")
            return
        if isinstance(l, ast.MemberSelect):
            d = l.decl
            if isinstance(d, ast.Field):
                if d.is_const and not (isinstance(l.obj, ast.ThisExpr)
                                       and self.may_init_const(d)):
                    self.error(l.span, "LHS of assignment must denote a mutable field")
                return
            if d is not None:
                self.error(l.span, "LHS of assignment must denote a mutable field")
            return
        if isinstance(l, ast.IndexExpr):
            st = strip_subset(l.seq.type) if l.seq.type is not None else None
            if isinstance(st, ast.UserType) and B.array_dims(st.decl):
                return
            if st is not None and not isinstance(st, ast.InferredType):
                self.error(l.span, f"LHS of array assignment must denote an array element "
                                   f"(found {type_to_str(l.seq.type)})")  # type: ignore
            return
        if isinstance(l, ast.MultiIndexExpr):
            return
        self.error(l.span, "LHS of assignment must denote a mutable variable or field")

    def may_init_const(self, f: ast.Field) -> bool:
        """A constructor may assign its class's consts that have no initializer."""
        m = self.cur_member
        return (isinstance(m, ast.Method) and m.kind == "constructor" and f.init is None
                and not f.is_static)

    def s_NewPhaseStmt(self, s: ast.Stmt) -> None:
        pass

    def s_AssignSuchThatStmt(self, s: ast.AssignSuchThatStmt) -> None:
        for l in s.lhss:
            self.lvalue(l)
        self.expect_bool(s.cond, "such-that constraint")

    def s_AssignOrReturnStmt(self, s: ast.AssignOrReturnStmt) -> None:
        ltypes = [self.lvalue(l) for l in s.lhss]
        self.assign_or_return(s, ltypes)

    def assign_or_return(self, s: ast.AssignOrReturnStmt, ltypes: list[Type]) -> None:
        rt = self.rhs(s.rhs, None)
        for r in s.extra_rhss:
            self.rhs(r, None)
        if rt is None or not ltypes:
            return
        pt = prune(rt)
        if isinstance(pt, ast.TupleType) and pt.elems:
            pt = prune(pt.elems[0])
        n = strip_subset(pt)
        ext = self.lookup_member_of_type(n, "Extract")
        if isinstance(ext, ast.Function) and isinstance(n, ast.UserType):
            sub = subst_map(getattr(n.decl, "type_params", []), n.args)
            self.unify(ltypes[0], self.subst(ext.result_type, sub))

    # ------------------------------------------------------------------ control
    def s_IfStmt(self, s: ast.IfStmt) -> None:
        for a in s.attributes:
            self.attribute(a)
        if s.bound_vars is not None:
            self.locals.push()
            self.bound_vars(s.bound_vars)
            if s.guard is not None:
                self.expect_bool(s.guard, "guard")
            self.block(s.then)
            self.locals.pop()
        else:
            if s.guard is not None:
                self.expect_bool(s.guard, "guard")
            self.block(s.then)
        if s.else_ is not None:
            self.stmt(s.else_)

    def alternatives(self, cases: list[ast.GuardedAlternative]) -> None:
        for c in cases:
            self.locals.push()
            if c.bound_vars is not None:
                self.bound_vars(c.bound_vars)
            self.expect_bool(c.guard, "guard")
            self.block_stmts(c.body)
            self.locals.pop()

    def s_AlternativeIfStmt(self, s: ast.AlternativeIfStmt) -> None:
        self.alternatives(s.cases)

    def loop_spec(self, sp: ast.LoopSpec) -> None:
        for i in sp.invariants:
            self.expect_bool(i.expr, "invariant")
        if sp.decreases is not None:
            self.decreases(sp.decreases)
        for fr in sp.modifies:
            self.frame(fr, "modifies")

    def s_WhileStmt(self, s: ast.WhileStmt) -> None:
        if s.guard is not None:
            self.expect_bool(s.guard, "loop guard")
        self.loop_spec(s.spec)
        self.loop_body(s.body)

    def s_AlternativeLoopStmt(self, s: ast.AlternativeLoopStmt) -> None:
        self.loop_spec(s.spec)
        self.loop_depth += 1
        self.alternatives(s.cases)
        self.loop_depth -= 1

    def s_ForLoopStmt(self, s: ast.ForLoopStmt) -> None:
        v = s.var
        inferred = isinstance(v.type, ast.InferredType)
        vt = self.resolve_type(v.type)
        v.type = vt
        self.pending_vars.append(v)
        if inferred:
            # an inferred loop index gets the base type of its bounds (int, not nat)
            st = self.expr(s.start)
            self.unify(vt, strip_subsets_deep(st))
            if s.end is not None:
                self.unify(vt, strip_subsets_deep(self.expr(s.end, vt)))
            vt = v.type
        st = (s.start.type or vt) if inferred else self.expr(s.start, vt)
        self.check_assignable(vt, st, s.start.span,
                              "lower bound (of type {src}) not assignable to loop index "
                              "(of type {dst})")
        if s.end is not None:
            et = (s.end.type or vt) if inferred else self.expr(s.end, vt)
            self.check_assignable(vt, et, s.end.span,
                                  "upper bound (of type {src}) not assignable to loop index "
                                  "(of type {dst})")
        self.locals.push()
        self.declare_var(v.name, v, v.span)
        self.loop_spec(s.spec)
        self.loop_body(s.body)
        self.locals.pop()

    def s_ForallStmt(self, s: ast.ForallStmt) -> None:
        self.locals.push()
        self.bound_vars(s.vars)
        if s.range is not None:
            self.expect_bool(s.range, "range of forall statement")
        for e in s.ensures:
            self.spec(e)
        if s.body is not None:
            self.block(s.body)
        self.locals.pop()

    def s_MatchStmt(self, s: ast.MatchStmt) -> None:
        st = self.expr(s.source)
        for c in s.cases:
            self.locals.push()
            self.pattern(c.pattern, st, c.span, in_match=True, make_local=True)
            self.block_stmts(c.body)
            self.locals.pop()

    def s_ReturnStmt(self, s: ast.ReturnStmt) -> None:
        if s.rhss is None:
            return
        m = self.cur_member
        outs = m.outs if isinstance(m, ast.Method) else []
        types = [o.type for o in outs]
        if isinstance(m, ast.Function) and self.in_by_method:
            types = [m.result_type]
        rts = self.rhs_types(s.rhss, types, len(types), s.span)
        for w, rt in zip(types, rts):
            if rt is not None:
                self.check_assignable(w, rt, s.span,
                                      "RHS (of type {src}) not assignable to LHS (of type "
                                      "{dst})")

    def s_YieldStmt(self, s: ast.YieldStmt) -> None:
        if s.rhss is None:
            return
        m = self.cur_member
        outs = m.outs if isinstance(m, ast.IteratorDecl) else []
        types = [o.type for o in outs]
        self.rhs_types(s.rhss, types, len(types), s.span)


__all__ = ["StmtResolver"]
