"""Statement compilation: resolved Dafny statements -> Python statements on an `Emitter`.

Conventions of the generated code
* Every compiled statement is preceded by nothing but its own lines; a `# file.dfy:LINE`
  comment marks the source line of each simple statement.
* Method out-parameters are ordinary locals, initialized to their type's default; the
  method returns them (one value, or a tuple when there are several); `return e1, e2`
  assigns them first.
* Loops map one-to-one to Python loops, so `break`/`continue` aimed at the innermost loop
  are Python's own. A break or continue aimed further out (or out of a labelled block)
  raises an exception class made for that label, caught right outside the target (break)
  or inside its body (continue).
* Ghost statements (assert, assume, calc, reveal, ghost variables, lemma calls, forall
  proofs) are erased.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..syntax import ast
from .emitter import CompileError, strip_parens
from .gen_base import GenBase
from .names import member_ident


@dataclass(slots=True)
class LoopFrame:
    """An enclosing loop or labelled statement while its body is compiled."""
    labels: list[str]
    is_loop: bool
    break_exc: str | None = None        # set when a break must use an exception
    continue_exc: str | None = None
    uid: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class StmtMixin(GenBase):
    """`out` is the current emitter, `loops` the enclosing loops and labelled statements,
    `outs` the Python names of the current method's out-parameters."""

    # ------------------------------------------------------------------ helpers

    def mark(self, s: ast.Node) -> None:
        if s.span.file is not None:
            self.out.line(f"# {self.source_name}:{s.span.line}")

    def block(self, stmts: list[ast.Stmt]) -> None:
        start = len(self.out.lines)
        for s in stmts:
            self.stmt(s)
        self.out.ensure_body(start)

    def stmt(self, s: ast.Stmt) -> None:
        m = getattr(self, "s_" + type(s).__name__, None)
        if m is None:
            raise CompileError(s.span, f"unsupported: cannot compile a {type(s).__name__}")
        m(s)

    def return_outs(self) -> str:
        if not self.outs:
            return "return"
        if len(self.outs) == 1:
            return f"return {self.outs[0]}"
        return "return " + ", ".join(self.outs)

    # ------------------------------------------------------------------ ghost / erased

    def s_AssertStmt(self, s: ast.AssertStmt) -> None:
        pass

    s_AssumeStmt = s_AssertStmt
    s_CalcStmt = s_AssertStmt
    s_RevealStmt = s_AssertStmt
    s_SkeletonStmt = s_AssertStmt

    def s_ModifyStmt(self, s: ast.ModifyStmt) -> None:
        if s.body is not None:
            self.block(s.body.stmts)

    def s_BlockStmt(self, s: ast.BlockStmt) -> None:
        for x in s.stmts:
            self.stmt(x)

    # ------------------------------------------------------------------ print / expect

    def s_PrintStmt(self, s: ast.PrintStmt) -> None:
        self.mark(s)
        for a in s.args:
            if self.is_string_type(a.type):
                if isinstance(a, ast.StringLit):
                    self.out.line(f"_write({a.value!r})")
                else:
                    self.out.line(f"_rt.print_string({self.expr(a)})")
            else:
                self.out.line(f"_rt.print_value({self.expr(a)})")

    def s_ExpectStmt(self, s: ast.ExpectStmt) -> None:
        self.mark(s)
        self.out.line(f"if not {self.expr(s.expr)}:")
        with self.out.indent():
            if s.message is not None:
                if self.is_string_type(s.message.type):
                    msg = f"_rt.raw_string({self.expr(s.message)})"
                else:
                    msg = f"_rt.string_of({self.expr(s.message)})"
            else:
                loc = f"{self.source_name}({s.span.line},{s.span.col})"
                msg = repr(f"{loc}: expectation violation")
            self.out.line(f"raise _rt.HaltError({msg})")

    # ------------------------------------------------------------------ variables

    def is_ghost_lhs(self, e: ast.Expr) -> bool:
        d = getattr(e, "decl", None)
        return bool(getattr(d, "is_ghost", False)) and isinstance(
            d, (ast.LocalVar, ast.Formal, ast.Field))

    def s_VarDeclStmt(self, s: ast.VarDeclStmt) -> None:
        live = [v for v in s.vars if not v.is_ghost]
        if not live:
            return
        if s.rhs is None:
            self.mark(s)
            for v in live:
                self.out.line(f"{self.bind_local(v)} = {self.default_value(v.type)}")
            return
        for v in live:
            self.bind_local(v)
        self.stmt(s.rhs)

    def s_VarDeclPatternStmt(self, s: ast.VarDeclPatternStmt) -> None:
        if s.is_ghost:
            return
        self.mark(s)
        tmp = self.fresh("_pat")
        self.out.line(f"{tmp} = {self.expr(s.rhs)}")
        _, binds = self.pattern_test(s.pattern, tmp)
        for n, v in binds:
            self.out.line(f"{n} = {v}")

    def lhs(self, e: ast.Expr) -> str:
        """A Python assignment target for a Dafny lhs."""
        if isinstance(e, ast.NameExpr):
            d = e.decl
            if isinstance(d, ast.Field):
                if self.is_static_member(d):
                    return self.static_ref(d)
                return f"{self.this_name()}.{self.field_name(d)}"
            return self.local_name(d)
        if isinstance(e, ast.MemberSelect):
            d = e.decl
            if isinstance(d, ast.Field) and (self.is_static_member(d)
                                             or self.is_type_or_module(e.obj)):
                return self.static_ref(d)
            return f"{self.expr(e.obj)}.{self.field_name(d)}"
        if isinstance(e, ast.IndexExpr):
            return f"{self.expr(e.seq)}.arr[{self.expr(e.index)}]"
        if isinstance(e, ast.MultiIndexExpr):
            a = self.expr(e.array)
            ix = ", ".join(self.expr(i) for i in e.indices)
            return f"{a}.arr[{a}.index({ix})]"
        raise CompileError(e.span, "unsupported: this assignment target")

    def method_call(self, e: ast.ApplyExpr) -> str | None:
        """The Python call for a method call rhs; None for a lemma (erased)."""
        d = e.decl
        if e.kind == "lemma" or (isinstance(d, ast.Method) and ("lemma" in d.kind
                                                               or d.is_ghost)):
            return None
        fn, recv = self.callee_ref(e.callee, d)
        args = self.call_args(d, e.args) + self.type_default_args(d, e.inst)
        if recv is not None:
            args = recv + (", " + args if args else "")
        return f"{fn}({args.lstrip(', ')})"

    def rhs_value(self, r: ast.Rhs, lhs_type: ast.Type | None) -> str:
        """A Python expression for a non-call rhs (new objects use statements)."""
        if isinstance(r, ast.ExprRhs):
            return self.expr(r.expr)
        if isinstance(r, ast.HavocRhs):
            return self.default_value(lhs_type)
        if isinstance(r, ast.NewArrayRhs):
            dims = ", ".join(self.expr(d) for d in r.dims)
            tup = f"({dims},)"
            if r.init_elems is not None:
                return f"_rt.Array.of([{', '.join(self.expr(x) for x in r.init_elems)}])"
            if r.init_fn is not None:
                return f"_rt.Array.init({tup}, {self.expr(r.init_fn)})"
            return f"_rt.Array.new({tup}, {self.default_value(r.elem_type)})"
        if isinstance(r, ast.NewObjectRhs):
            return self.new_object(r)
        raise CompileError(r.span, "unsupported: this right-hand side")

    def new_object(self, r: ast.NewObjectRhs) -> str:
        from ..semantics import types as T
        nt = T.normalize(r.type)
        if isinstance(nt, ast.UserType) and isinstance(nt.decl, ast.IteratorDecl):
            return f"{self.decl_name(nt.decl)}({self.call_args_formals(nt.decl.ins, r.args or [])})"
        cd = T.class_decl(r.type)
        if cd is None:
            raise CompileError(r.span, "unsupported: `new` of this type")
        cls = self.decl_name(cd)
        tdefaults = self.type_default_args(cd, getattr(nt, "args", None)).lstrip(", ")
        if tdefaults:       # T(0) type parameters of the class: their defaults
            cls = f"{cls}({tdefaults})"
            if r.ctor_decl is None:
                return cls
        elif r.ctor_decl is None:
            return f"{cls}()"
        if attr_of(cd, "extern"):
            return f"{cls}({self.call_args(r.ctor_decl, r.args or [])})"
        if r.ctor_decl.kind != "constructor":
            # old style `new C.Init(x)` with Init a method: allocate, call, yield the object
            args = self.call_args(r.ctor_decl, r.args or [])
            return f"(lambda _o: (_o.{member_ident(r.ctor_decl.name)}({args}), _o)[1])" \
                f"({cls if tdefaults else cls + '()'})"
        args = self.call_args(r.ctor_decl, r.args or [])
        ctor = member_ident(r.ctor_decl.name) if r.ctor_decl.name not in ("", "_ctor") \
            else "_ctor"
        return f"{cls if tdefaults else cls + '()'}.{ctor}({args})"

    def s_AssignStmt(self, s: ast.AssignStmt) -> None:
        if id(s) in self.tail_call_stmts and self.tail_method is not None:
            rhs = s.rhss[0]
            assert isinstance(rhs, ast.ExprRhs) and isinstance(rhs.expr, ast.ApplyExpr)
            self.mark(s)
            self.emit_tail_jump(self.tail_method, rhs.expr)
            return
        # a call statement or `a, b := M(x)`
        if len(s.rhss) == 1 and isinstance(s.rhss[0], ast.ExprRhs) and isinstance(
                s.rhss[0].expr, ast.ApplyExpr) and s.rhss[0].expr.kind in ("method", "lemma"):
            call = s.rhss[0].expr
            py = self.method_call(call)
            if py is None:
                return
            self.mark(s)
            d = call.decl
            outs = [f for f in d.outs] if isinstance(d, ast.Method) else []
            live_lhss = [lh for lh, f in zip(s.lhss, outs) if not f.is_ghost]
            if not s.lhss:
                self.out.line(py)
                return
            if len(live_lhss) == 1:
                self.out.line(f"{self.lhs(live_lhss[0])} = {py}")
                return
            tmps = [self.fresh("_out") for _ in live_lhss]
            self.out.line(f"{', '.join(tmps)} = {py}")
            for lh, t in zip(live_lhss, tmps):
                if not self.is_ghost_lhs(lh):
                    self.out.line(f"{self.lhs(lh)} = {t}")
            return
        pairs = [(lh, r) for lh, r in zip(s.lhss, s.rhss) if not self.is_ghost_lhs(lh)]
        if not pairs:
            return
        self.mark(s)
        if len(pairs) == 1:
            lh, r = pairs[0]
            self.out.line(f"{self.lhs(lh)} = {strip_parens(self.rhs_value(r, lh.type))}")
            return
        vals = [self.rhs_value(r, lh.type) for lh, r in pairs]
        tmps = [self.fresh("_rhs") for _ in pairs]
        self.out.line(f"{', '.join(tmps)} = {', '.join(vals)}")
        for (lh, _), t in zip(pairs, tmps):
            self.out.line(f"{self.lhs(lh)} = {t}")

    def s_AssignSuchThatStmt(self, s: ast.AssignSuchThatStmt) -> None:
        live = [lh for lh in s.lhss if not self.is_ghost_lhs(lh)]
        if not live:
            return
        self.mark(s)
        vars_: list[Any] = []
        for lh in s.lhss:
            if not isinstance(lh, ast.NameExpr):
                raise CompileError(lh.span, "unsupported: ':|' assigning to a non-variable")
            vars_.append(lh.decl)
        # iterate over temporaries standing for the variables
        proxies = [ast.BoundVar(getattr(v, "name", "x"), getattr(v, "type", None)
                                or ast.IntType()) for v in vars_]
        mapping = {id(v): p for v, p in zip(vars_, proxies)}
        cond = _rename(s.cond, mapping)
        fors, names = self.bound_iteration(proxies, cond, s, search=True)
        filt = self.filter_clause()
        tup = names[0] if len(names) == 1 else "(" + ", ".join(names) + ")"
        targets = ", ".join(self.lhs(x) for x in s.lhss)
        # the first witness, searched lazily (the enumeration may be infinite)
        self.out.line(f"{targets} = _rt.first(({tup} {fors}{filt}))")

    def s_AssignOrReturnStmt(self, s: ast.AssignOrReturnStmt) -> None:
        self.mark(s)
        r = s.rhs
        if isinstance(r, ast.ExprRhs) and isinstance(r.expr, ast.ApplyExpr) \
                and r.expr.kind == "method":
            val = self.method_call(r.expr) or "None"
        else:
            val = self.rhs_value(r, None)
        tmp = self.fresh("_res")
        self.out.line(f"{tmp} = {val}")
        first = tmp
        if isinstance(r, ast.ExprRhs) and isinstance(r.expr, ast.ApplyExpr) \
                and isinstance(r.expr.decl, ast.Method) and len(
                    [o for o in r.expr.decl.outs if not o.is_ghost]) > 1:
            first = f"{tmp}[0]"
        self.out.line(f"if {first}.IsFailure():")
        with self.out.indent():
            if s.keyword == "expect" or s.keyword in ("assert", "assume"):
                self.out.line(f"raise _rt.HaltError(_rt.string_of({first}))")
            else:
                if self.outs:
                    self.out.line(f"{self.outs[0]} = {first}.PropagateFailure()")
                self.out.line(self.return_outs())
        if s.lhss:
            live = [lh for lh in s.lhss if not self.is_ghost_lhs(lh)]
            if live:
                self.out.line(f"{self.lhs(live[0])} = {first}.Extract()")
            if len(live) > 1 and first != tmp:
                for i, lh in enumerate(live[1:], start=1):
                    self.out.line(f"{self.lhs(lh)} = {tmp}[{i}]")

    # ------------------------------------------------------------------ control flow

    def s_IfStmt(self, s: ast.IfStmt, elif_: bool = False) -> None:
        if s.is_ghost:
            return    # the guard is specification-only: the statement is ghost
        if s.guard is None:
            raise CompileError(s.span, "unsupported: a nondeterministic `if *` cannot be "
                               "compiled")
        if s.bound_vars:
            self.binding_if(s, elif_)
            return
        if not elif_:
            self.mark(s)
        kw = "elif" if elif_ else "if"
        self.out.line(f"{kw} {strip_parens(self.expr(s.guard))}:")
        with self.out.indent():
            self.block(s.then.stmts)
        e = s.else_
        if isinstance(e, ast.IfStmt) and e.is_ghost:
            pass      # a ghost `else if`: nothing to compile
        elif isinstance(e, ast.IfStmt) and e.guard is not None:
            self.s_IfStmt(e, elif_=True)
        elif e is not None:
            self.out.line("else:")
            with self.out.indent():
                self.block(e.stmts if isinstance(e, ast.BlockStmt) else [e])

    def binding_if(self, s: ast.IfStmt, elif_: bool) -> None:
        """`if x :| P { A } else { B }`: pick the first x with P, if any."""
        assert s.guard is not None and s.bound_vars
        if elif_:      # a binding guard cannot be an elif: nest it in the else
            self.out.line("else:")
            self.out.depth += 1
        self.mark(s)
        fors, names = self.bound_iteration(s.bound_vars, s.guard, s)
        filt = self.filter_clause()
        tup = names[0] if len(names) == 1 else "(" + ", ".join(names) + ")"
        found = self.fresh("_found")
        self.out.line(f"{found} = next(({tup} {fors}{filt}), _rt.MISSING)")
        self.out.line(f"if {found} is not _rt.MISSING:")
        with self.out.indent():
            self.out.line(f"{', '.join(names)} = {found}")
            self.block(s.then.stmts)
        e = s.else_
        if e is not None:
            self.out.line("else:")
            with self.out.indent():
                self.block(e.stmts if isinstance(e, ast.BlockStmt) else [e])
        if elif_:
            self.out.depth -= 1

    def s_AlternativeIfStmt(self, s: ast.AlternativeIfStmt) -> None:
        self.mark(s)
        for i, c in enumerate(s.cases):
            self.out.line(f"{'if' if i == 0 else 'elif'} {strip_parens(self.expr(c.guard))}:")
            with self.out.indent():
                self.block(c.body)
        self.out.line("else:")
        with self.out.indent():
            self.out.line("raise _rt.DafnyRuntimeError('no case of an if-case statement "
                          "applies')")

    def loop(self, s: ast.Stmt, header: str, body: list[ast.Stmt], labels: list[str],
             cases: list[ast.GuardedAlternative] | None = None) -> None:
        """A loop with `header`; its body is `body`, or for a `while case` loop the chain
        `if g1: ... elif g2: ... else: break` over `cases`."""
        frame = LoopFrame(labels=labels, is_loop=True)
        self.loops.append(frame)
        inner = self.out.child()
        saved = self.out
        self.out = inner
        try:
            with self.out.indent():
                start = len(self.out.lines)
                for x in body:
                    self.stmt(x)
                for i, c in enumerate(cases or []):
                    guard = strip_parens(self.expr(c.guard))
                    self.out.line(f"{'if' if i == 0 else 'elif'} {guard}:")
                    with self.out.indent():
                        self.block(c.body)
                if cases:
                    self.out.line("else:")
                    with self.out.indent():
                        self.out.line("break")
                self.out.ensure_body(start)
        finally:
            self.out = saved
            self.loops.pop()
        if frame.break_exc:
            self.out.line("try:")
            self.out.depth += 1
        self.out.line(header)
        if frame.continue_exc:
            with self.out.indent():
                self.out.line("try:")
            self.out.extend(inner, extra_depth=1 + (1 if frame.break_exc else 0))
            with self.out.indent():
                self.out.line(f"except {frame.continue_exc}:")
                with self.out.indent():
                    self.out.line("pass")
        else:
            self.out.extend(inner, extra_depth=1 if frame.break_exc else 0)
        if frame.break_exc:
            self.out.depth -= 1
            self.out.line(f"except {frame.break_exc}:")
            with self.out.indent():
                self.out.line("pass")

    def s_WhileStmt(self, s: ast.WhileStmt, labels: list[str] | None = None) -> None:
        if s.guard is None:
            raise CompileError(s.span, "unsupported: a nondeterministic `while *` cannot "
                               "be compiled")
        if s.body is None:
            raise CompileError(s.span, "a loop without a body cannot be compiled")
        self.mark(s)
        self.loop(s, f"while {strip_parens(self.expr(s.guard))}:", s.body.stmts, labels or [])

    def s_AlternativeLoopStmt(self, s: ast.AlternativeLoopStmt,
                              labels: list[str] | None = None) -> None:
        self.mark(s)
        self.loop(s, "while True:", [], labels or [], cases=s.cases)

    def s_ForLoopStmt(self, s: ast.ForLoopStmt, labels: list[str] | None = None) -> None:
        if s.body is None:
            raise CompileError(s.span, "a loop without a body cannot be compiled")
        self.mark(s)
        start = self.expr(s.start)
        end = self.expr(s.end) if s.end is not None else None
        var = self.bind_local(s.var)
        if s.downto:
            if end is None:
                header = f"for {var} in _itertools.count({start} - 1, -1):"
            else:
                header = f"for {var} in range({start} - 1, {end} - 1, -1):"
        elif end is None:
            header = f"for {var} in _itertools.count({start}):"
        else:
            header = f"for {var} in range({start}, {end}):"
        self.loop(s, header, s.body.stmts, labels or [])

    def s_LabeledStmt(self, s: ast.LabeledStmt) -> None:
        labels = [s.label]
        inner = s.stmt
        while isinstance(inner, ast.LabeledStmt):
            labels.append(inner.label)
            inner = inner.stmt
        if isinstance(inner, (ast.WhileStmt, ast.ForLoopStmt, ast.AlternativeLoopStmt)):
            getattr(self, "s_" + type(inner).__name__)(inner, labels=labels)
            return
        # a labelled block: only `break L` can target it
        frame = LoopFrame(labels=labels, is_loop=False)
        self.loops.append(frame)
        body = self.out.child()
        saved = self.out
        self.out = body
        try:
            with self.out.indent():
                start = len(self.out.lines)
                self.stmt(inner)
                self.out.ensure_body(start)
        finally:
            self.out = saved
            self.loops.pop()
        if frame.break_exc:
            self.out.line("try:")
            self.out.extend(body)
            self.out.line(f"except {frame.break_exc}:")
            with self.out.indent():
                self.out.line("pass")
        else:
            self.out.line("if True:")
            self.out.extend(body)

    def s_BreakStmt(self, s: ast.BreakStmt) -> None:
        self.mark(s)
        # find the target frame
        target: LoopFrame | None = None
        if s.label is not None:
            for f in reversed(self.loops):
                if s.label in f.labels:
                    target = f
                    break
        else:
            count = s.count
            for f in reversed(self.loops):
                if f.is_loop:
                    count -= 1
                    if count == 0:
                        target = f
                        break
        if target is None:
            raise CompileError(s.span, "break/continue target not found")
        innermost_loop = next((f for f in reversed(self.loops) if f.is_loop), None)
        if s.is_continue:
            if target is innermost_loop:
                self.out.line("continue")
                return
            if target.continue_exc is None:
                target.continue_exc = self.new_label_exception("Continue", "_".join(target.labels) or "loop")
            self.out.line(f"raise {target.continue_exc}()")
            return
        if target is innermost_loop:
            self.out.line("break")
            return
        if target.break_exc is None:
            target.break_exc = self.new_label_exception("Break", "_".join(target.labels) or "loop")
        self.out.line(f"raise {target.break_exc}()")

    def s_ReturnStmt(self, s: ast.ReturnStmt) -> None:
        self.mark(s)
        if s.rhss:
            vals = [self.rhs_value(r, None) for r in s.rhss]
            if len(self.outs) == 1:
                self.out.line(f"{self.outs[0]} = {strip_parens(vals[0])}")
            elif self.outs:
                self.out.line(f"{', '.join(self.outs)} = {', '.join(vals[:len(self.outs)])}")
        self.out.line(self.return_outs())

    def s_MatchStmt(self, s: ast.MatchStmt) -> None:
        self.mark(s)
        subj = self.fresh("_src")
        self.out.line(f"{subj} = {self.expr(s.source)}")
        first = True
        for c in s.cases:
            conds, binds = self.pattern_test(c.pattern, subj)
            cond = " and ".join(conds) if conds else "True"
            self.out.line(f"{'if' if first else 'elif'} {cond}:")
            first = False
            with self.out.indent():
                start = len(self.out.lines)
                for n, v in binds:
                    self.out.line(f"{n} = {v}")
                for x in c.body:
                    self.stmt(x)
                self.out.ensure_body(start)
        if not first:
            self.out.line("else:")
            with self.out.indent():
                self.out.line("_rt.match_failure()")

    def s_ForallStmt(self, s: ast.ForallStmt) -> None:
        body = s.body.stmts if s.body is not None else []
        assigns = [x for x in body if isinstance(x, ast.AssignStmt)]
        if s.ensures or not _assigns_anything(body):
            return    # a proof (ensures clauses, lemma calls, asserts): ghost
        if len(assigns) != len(body) or len(assigns) != 1 or len(assigns[0].lhss) != 1 or any(
                isinstance(r, ast.ExprRhs) and isinstance(r.expr, ast.ApplyExpr)
                and r.expr.kind in ("lemma", "method") for r in assigns[0].rhss):
            raise CompileError(s.span, "unsupported: a forall statement in compiled code "
                               "must be one assignment `forall x | R { a[x] := e; }`")
        self.mark(s)
        a = assigns[0]
        fors, _ = self.bound_iteration(s.vars, s.range, s)
        filt = self.filter_clause()
        lh = a.lhss[0]
        # Dafny evaluates every right-hand side before assigning any
        target, value = self._forall_target(lh), self.rhs_value(a.rhss[0], lh.type)
        tmp = self.fresh("_updates")
        self.out.line(f"{tmp} = [({target[0]}, {value}) {fors}{filt}]")
        self.out.line(f"for _loc, _val in {tmp}:")
        with self.out.indent():
            self.out.line(target[1])

    def _forall_target(self, lh: ast.Expr) -> tuple[str, str]:
        """(location expression evaluated per iteration, statement storing _val at _loc)"""
        if isinstance(lh, ast.IndexExpr):
            return (f"({self.expr(lh.seq)}, {self.expr(lh.index)})",
                    "_loc[0].arr[_loc[1]] = _val")
        if isinstance(lh, ast.MultiIndexExpr):
            a = self.expr(lh.array)
            ix = ", ".join(self.expr(i) for i in lh.indices)
            return (f"({a}, {a}.index({ix}))", "_loc[0].arr[_loc[1]] = _val")
        if isinstance(lh, ast.MemberSelect):
            return (self.expr(lh.obj), f"_loc.{self.field_name(lh.decl)} = _val")
        raise CompileError(lh.span, "unsupported: this forall assignment target")

    def s_NewPhaseStmt(self, s: ast.Stmt) -> None:
        pass    # `new;` in a constructor: the object is already allocated

    def s_YieldStmt(self, s: ast.YieldStmt) -> None:
        """`yield;` or `yield e1, e2;` (which first assigns the yield parameters)."""
        self.mark(s)
        if s.rhss:
            targets = self.iterator_outs
            vals = [self.rhs_value(r, None) for r in s.rhss]
            if len(vals) != len(targets):
                raise CompileError(s.span, "yield: wrong number of values")
            if len(vals) == 1:
                self.out.line(f"{targets[0]} = {strip_parens(vals[0])}")
            else:
                self.out.line(f"{', '.join(targets)} = {', '.join(vals)}")
        self.out.line("yield")


def _assigns_anything(stmts: list[ast.Stmt]) -> bool:
    """Does any statement (at any depth) assign to a location or call a method?"""
    stack: list[Any] = list(stmts)
    while stack:
        n = stack.pop()
        if isinstance(n, ast.AssignStmt):
            for r in n.rhss:
                if isinstance(r, ast.ExprRhs) and isinstance(r.expr, ast.ApplyExpr) \
                        and r.expr.kind == "lemma":
                    break
            else:
                return True
        elif isinstance(n, (ast.AssertStmt, ast.CalcStmt)):
            continue
        elif isinstance(n, ast.AssignSuchThatStmt):
            return True
        stack.extend(x for x in ast.children(n)
                     if isinstance(x, (ast.Stmt, ast.MatchCaseStmt, ast.GuardedAlternative)))
    return False


def attr_of(decl: Any, name: str) -> bool:
    return any(a.name == name for a in getattr(decl, "attributes", []) or [])


def _rename(e: ast.Expr, mapping: dict[int, ast.BoundVar]) -> ast.Expr:
    """A copy of e in which NameExprs whose decl id is in mapping point to the new decl.
    (Only NameExpr decls are changed; the copy shares everything else.)"""
    import copy
    import dataclasses

    def walk(n: Any) -> Any:
        if isinstance(n, ast.NameExpr):
            if id(n.decl) in mapping:
                m = copy.copy(n)
                m.decl = mapping[id(n.decl)]
                return m
            return n
        if isinstance(n, ast.Node):
            changed = False
            new = copy.copy(n)
            for fdef in dataclasses.fields(n):
                if not fdef.compare:       # annotations (decl, type, ...) are shared
                    continue
                fname = fdef.name
                v = getattr(n, fname)
                if isinstance(v, ast.Node):
                    w = walk(v)
                    if w is not v:
                        setattr(new, fname, w)
                        changed = True
                elif isinstance(v, list) and v and fname not in ("type",):
                    w2 = [walk(x) if isinstance(x, ast.Node) else
                          (tuple(walk(y) for y in x) if isinstance(x, tuple) else x)
                          for x in v]
                    if any(a is not b for a, b in zip(w2, v)):
                        setattr(new, fname, w2)
                        changed = True
            return new if changed else n
        return n

    return walk(e)  # type: ignore[no-any-return]
