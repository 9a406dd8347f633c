"""Ghost/compiled checks on a resolved program (run only when typing found no error).

Takes the resolved AST; reports where specification-only things flow into compiled code:
* a ghost variable, ghost field, ghost parameter or ghost destructor read in a compiled
  expression: `ghost variables such as x are allowed only in specification contexts`;
* a ghost function/predicate called in a compiled expression;
* `old`, `fresh`, `unchanged`, `allocated` in a compiled expression;
* a ghost method or lemma called for a non-ghost result, and a non-ghost method called in
  a ghost context: `only ghost methods can be called from this context`;
* an assignment to a non-ghost variable or field inside a ghost context (a statement
  guarded by a ghost condition, a ghost loop, ...), and `print` in a ghost context.

Compiled expressions are: bodies of non-ghost functions (without `by method`), right-hand
sides assigned to non-ghost locals, out-parameters and fields, arguments passed to
non-ghost parameters of compiled calls, `print` and `expect` arguments, and the guards
of statements in compiled code whose branches assign non-ghost state. A statement whose
guard is ghost becomes a ghost statement; its body is then a ghost context. Specifications
(requires, ensures, invariants, decreases, reads, modifies, asserts, calc) are ghost.
"""

from __future__ import annotations

from typing import Any

from ..syntax import ast
from .types import prune


def is_ghost_function(f: ast.Function) -> bool:
    return f.is_ghost or f.is_twostate or bool(f.extreme)


def is_ghost_method(m: ast.Method) -> bool:
    return m.is_ghost or "lemma" in m.kind


class GhostChecker:
    def __init__(self, resolver: Any) -> None:
        self.r = resolver
        self.member: ast.Decl | None = None
        self.ghost_vars: set[int] = set()
        self.ghost_ctx_locals: set[int] = set()
        self.in_ghost_member = False

    def error(self, span: Any, msg: str) -> None:
        self.r.error(span, msg)

    # ------------------------------------------------------------------ members
    def program(self, p: ast.Program) -> None:
        self.mark_ghost_pattern_vars(p)
        self.module(p.module)

    def mark_ghost_pattern_vars(self, root: ast.Node) -> None:
        """Variables bound to a ghost destructor by a pattern (`case C(g) =>` where C's
        parameter is ghost) are ghost, and so are `ghost` let-pattern variables."""
        stack: list[ast.Node] = [root]
        while stack:
            n = stack.pop()
            if isinstance(n, ast.CtorPattern) and isinstance(n.ctor, ast.DatatypeCtor):
                for a, f in zip(n.args, n.ctor.formals):
                    if f.is_ghost or n.ctor.is_ghost:
                        self.mark_all(a)
            elif isinstance(n, ast.VarPattern) and n.is_ghost and n.decl is not None:
                self.ghost_vars.add(id(n.decl))
            stack.extend(ast.children(n))

    def mark_all(self, p: ast.Node) -> None:
        stack: list[ast.Node] = [p]
        while stack:
            n = stack.pop()
            if isinstance(n, ast.VarPattern) and n.decl is not None:
                self.ghost_vars.add(id(n.decl))
            stack.extend(ast.children(n))

    def module(self, m: ast.ModuleDecl) -> None:
        for d in m.decls:
            if isinstance(d, ast.ModuleDecl):
                self.module(d)
            else:
                self.decl(d)

    def decl(self, d: ast.Decl) -> None:
        if isinstance(d, ast.Function):
            self.member = d
            if d.body is not None and not is_ghost_function(d) and d.by_method is None:
                self.compiled_expr(d.body)
            if d.by_method is not None:
                self.stmts(d.by_method.stmts, ghost=False)
        elif isinstance(d, ast.Method):
            self.member = d
            if d.body is not None:
                self.in_ghost_member = is_ghost_method(d)
                self.stmts(d.body.stmts, ghost=is_ghost_method(d))
                self.in_ghost_member = False
        elif isinstance(d, ast.Field) and d.init is not None and not d.is_ghost:
            self.member = d
            self.compiled_expr(d.init)
        for m in getattr(d, "members", []) or []:
            if isinstance(m, (ast.Function, ast.Method, ast.Field)):
                self.decl(m)

    # ------------------------------------------------------------------ ghost-ness
    def var_is_ghost(self, d: Any) -> bool:
        if isinstance(d, (ast.LocalVar, ast.Formal, ast.Field)) and d.is_ghost:
            return True
        return id(d) in self.ghost_vars

    def lhs_is_ghost(self, l: ast.Expr) -> bool:
        if isinstance(l, (ast.NameExpr, ast.MemberSelect)):
            return self.var_is_ghost(l.decl)
        return False

    def compiled_expr(self, e: ast.Expr | None) -> None:
        """Report ghost things in an expression whose value is compiled."""
        if e is None:
            return
        stack: list[ast.Node] = [e]
        while stack:
            n = stack.pop()
            if isinstance(n, ast.NameExpr):
                d = n.decl
                if isinstance(d, (ast.LocalVar, ast.Formal, ast.Field, ast.BoundVar)) and \
                        self.var_is_ghost(d):
                    self.error(n.span, f"ghost variables such as {n.name} are allowed only in "
                                       f"specification contexts")
                elif isinstance(d, ast.Function) and is_ghost_function(d):
                    self.ghost_call_error(n.span, d)
                continue
            if isinstance(n, ast.MemberSelect):
                d = n.decl
                if isinstance(d, (ast.Field, ast.Formal)) and d.is_ghost:
                    self.error(n.span, "ghost fields are allowed only in specification "
                                       "contexts" if isinstance(d, ast.Field) else
                               f"ghost destructor '{n.name}' is allowed only in "
                               f"specification contexts")
                    continue
                if isinstance(d, ast.Function) and is_ghost_function(d):
                    self.ghost_call_error(n.span, d)
                ot = prune(n.obj.type) if n.obj.type is not None else None
                if isinstance(ot, ast.TupleType) and ot.ghost and n.name.isdigit() and \
                        int(n.name) < len(ot.ghost) and ot.ghost[int(n.name)]:
                    self.error(n.span, "ghost tuple components are allowed only in "
                                       "specification contexts")
                    continue
                if n.obj.type is not None:
                    stack.append(n.obj)
                continue
            if isinstance(n, ast.ApplyExpr):
                d = n.decl
                if n.kind == "function" and isinstance(d, ast.Function):
                    if is_ghost_function(d):
                        self.ghost_call_error(n.span, d)
                        continue
                    if isinstance(n.callee, ast.MemberSelect) and n.callee.obj.type is not None:
                        stack.append(n.callee.obj)
                    formals = d.formals
                    for i, b in enumerate(n.args):
                        f = self.formal_for(formals, b, i)
                        if f is None or not f.is_ghost:
                            stack.append(b.expr)
                    continue
                if n.kind == "ctor" and isinstance(d, ast.DatatypeCtor):
                    if d.is_ghost:
                        self.error(n.span, f"ghost constructor '{d.name}' is allowed only in "
                                           f"specification contexts")
                        continue
                    for i, b in enumerate(n.args):
                        f = self.formal_for(d.formals, b, i)
                        if f is None or not f.is_ghost:
                            stack.append(b.expr)
                    continue
                stack.extend(ast.children(n))
                continue
            if isinstance(n, (ast.OldExpr, ast.FreshExpr, ast.UnchangedExpr,
                              ast.AllocatedExpr)):
                kw = {ast.OldExpr: "old", ast.FreshExpr: "fresh",
                      ast.UnchangedExpr: "unchanged", ast.AllocatedExpr: "allocated"}[type(n)]
                self.error(n.span, f"{kw} expressions are allowed only in specification and "
                                   f"ghost contexts")
                continue
            if isinstance(n, ast.StmtExpr):
                stack.append(n.body)
                continue
            if isinstance(n, ast.LetExpr):
                for p in n.pats:
                    if isinstance(p, ast.VarPattern) and p.is_ghost and p.decl is not None:
                        self.ghost_vars.add(id(p.decl))
                        continue
                if n.such_that:
                    stack.append(n.body)
                    continue
                for p, r in zip(n.pats, n.rhss):
                    if not (isinstance(p, ast.VarPattern) and p.is_ghost):
                        stack.append(r)
                stack.append(n.body)
                continue
            if isinstance(n, ast.LambdaExpr):
                stack.append(n.body)
                continue
            if isinstance(n, ast.TupleExpr) and n.ghost:
                # `(ghost a, b)`: a ghost component is not compiled (the compiler erases it;
                # selecting one, `t.0`, is rejected above via `TupleType.ghost`)
                stack.extend(x for g, x in zip(n.ghost, n.elems) if not g)
                continue
            if isinstance(n, (ast.QuantifierExpr, ast.SetComprehension,
                              ast.MapComprehension)):
                for c in ast.children(n):
                    if isinstance(c, ast.Expr):
                        stack.append(c)
                continue
            if isinstance(n, (ast.FrameExpr, ast.Type)):
                continue
            if isinstance(n, ast.Attribute):
                continue
            for c in ast.children(n):
                if isinstance(c, (ast.Expr, ast.Binding, ast.MatchCaseExpr)):
                    stack.append(c)

    def ghost_call_error(self, span: Any, d: ast.Function) -> None:
        self.error(span, f"a call to a ghost {d.kind} is allowed only in specification "
                         f"contexts (consider declaring the {d.kind} without the 'ghost' "
                         f"keyword)")

    def formal_for(self, formals: list[ast.Formal], b: ast.Binding, i: int) -> ast.Formal | None:
        if b.name is not None:
            return next((f for f in formals if f.name == b.name), None)
        return formals[i] if i < len(formals) else None

    def expr_is_ghost(self, e: ast.Expr | None) -> bool:
        """Does e mention anything ghost (used to classify guards)?"""
        if e is None:
            return False
        saved = self.r.errors
        mark = len(self.r.reporter.diagnostics)
        seen = set(self.r._seen_errors)
        self.compiled_expr(e)
        ghost = self.r.errors > saved
        del self.r.reporter.diagnostics[mark:]
        self.r.errors = saved
        self.r._seen_errors = seen
        return bool(ghost)

    # ------------------------------------------------------------------ statements
    def stmts(self, ss: list[ast.Stmt], ghost: bool) -> None:
        for s in ss:
            self.stmt(s, ghost)

    def block(self, b: ast.Stmt | None, ghost: bool) -> None:
        if isinstance(b, ast.BlockStmt):
            self.stmts(b.stmts, ghost)
        elif b is not None:
            self.stmt(b, ghost)

    def assign_target(self, l: ast.Expr, ghost_ctx: bool) -> bool:
        """True if assigning to l is compiled; reports non-ghost targets in ghost contexts."""
        g = self.lhs_is_ghost(l)
        if self.in_ghost_member:
            return False
        if ghost_ctx and not g:
            if isinstance(l, ast.NameExpr) and isinstance(l.decl, ast.LocalVar) and \
                    id(l.decl) in self.ghost_ctx_locals:
                return False
            self.error(l.span, "assignment to non-ghost variable is not allowed in this "
                               "context, because the statement is in a ghost context; e.g., "
                               "it may be guarded by a specification-only expression")
            return False
        return not g



    def call_stmt(self, e: ast.ApplyExpr, lhss: list[ast.Expr], ghost: bool) -> None:
        d = e.decl
        if not isinstance(d, ast.Method):
            return
        if is_ghost_method(d):
            if not ghost:
                for l in lhss:
                    if not self.lhs_is_ghost(l) and not (
                            isinstance(l, ast.NameExpr) and isinstance(l.decl, ast.LocalVar)
                            and id(l.decl) in self.ghost_ctx_locals):
                        self.error(l.span, "actual out-parameter is required to be a ghost "
                                           "variable")
            return
        if ghost:
            self.error(e.span, "only ghost methods can be called from this context")
            return
        if isinstance(e.callee, ast.MemberSelect) and e.callee.obj.type is not None:
            self.compiled_expr(e.callee.obj)
        for i, b in enumerate(e.args):
            f = self.formal_for(d.ins, b, i)
            if f is None or not f.is_ghost:
                self.compiled_expr(b.expr)
        for l, f in zip(lhss, d.outs):
            if f.is_ghost and not self.lhs_is_ghost(l):
                self.error(l.span, "actual out-parameter is required to be a ghost variable")

    def rhss(self, lhss: list[ast.Expr], rhss: list[ast.Rhs], ghost: bool) -> None:
        if len(rhss) == 1 and isinstance(rhss[0], ast.ExprRhs) and isinstance(
                rhss[0].expr, ast.ApplyExpr) and rhss[0].expr.kind in ("method", "lemma"):
            for l in lhss:
                if ghost:
                    self.assign_target(l, True)
            self.call_stmt(rhss[0].expr, lhss, ghost)
            return
        for l, r in zip(lhss, rhss):
            compiled = self.assign_target(l, ghost) if ghost else not self.lhs_is_ghost(l)
            if not compiled:
                continue
            self.compiled_rhs(r)

    def compiled_rhs(self, r: ast.Rhs) -> None:
        if isinstance(r, ast.ExprRhs):
            self.compiled_expr(r.expr)
        elif isinstance(r, ast.NewArrayRhs):
            for x in r.dims:
                self.compiled_expr(x)
            self.compiled_expr(r.init_fn)
            for x in r.init_elems or []:
                self.compiled_expr(x)
        elif isinstance(r, ast.NewObjectRhs):
            ctor = r.ctor_decl
            for i, b in enumerate(r.args or []):
                f = self.formal_for(ctor.ins, b, i) if isinstance(ctor, ast.Method) else None
                if f is None or not f.is_ghost:
                    self.compiled_expr(b.expr)

    def stmt(self, s: ast.Stmt, ghost: bool) -> None:
        if isinstance(s, ast.BlockStmt):
            self.stmts(s.stmts, ghost)
        elif isinstance(s, ast.VarDeclStmt):
            rhs0 = s.rhs.rhss[0] if isinstance(s.rhs, ast.AssignStmt) and \
                len(s.rhs.rhss) == 1 else None
            if isinstance(rhs0, ast.NewObjectRhs) and isinstance(rhs0.ctor_decl, ast.Method) \
                    and rhs0.ctor_decl.is_ghost and len(s.vars) == 1:
                # `var a := new C(g);` with a ghost constructor: a is ghost (as Dafny infers)
                s.vars[0].is_ghost = True
            all_ghost = all(v.is_ghost for v in s.vars)
            if ghost:
                for v in s.vars:
                    self.ghost_ctx_locals.add(id(v))
            rhs = s.rhs
            if isinstance(rhs, ast.AssignStmt):
                if all_ghost:
                    return
                if ghost:
                    return
                self.rhss(rhs.lhss, rhs.rhss, False)
            elif isinstance(rhs, ast.AssignOrReturnStmt) and not (ghost or all_ghost):
                self.compiled_rhs(rhs.rhs)
        elif isinstance(s, ast.VarDeclPatternStmt):
            if not (ghost or s.is_ghost):
                self.compiled_expr(s.rhs)
        elif isinstance(s, ast.AssignStmt):
            if not s.lhss:
                if len(s.rhss) == 1 and isinstance(s.rhss[0], ast.ExprRhs) and isinstance(
                        s.rhss[0].expr, ast.ApplyExpr):
                    self.call_stmt(s.rhss[0].expr, [], ghost)
                return
            self.rhss(s.lhss, s.rhss, ghost)
        elif isinstance(s, ast.AssignSuchThatStmt):
            if ghost:
                for l in s.lhss:
                    self.assign_target(l, True)
        elif isinstance(s, ast.AssignOrReturnStmt):
            if not ghost:
                self.compiled_rhs(s.rhs)
        elif isinstance(s, ast.IfStmt):
            g = ghost or s.guard is None and False or self.expr_is_ghost(s.guard)
            if g and not ghost:
                s.is_ghost = True    # a ghost statement in compiled code: not compiled
            self.block(s.then, g)
            self.block(s.else_, g)
        elif isinstance(s, ast.AlternativeIfStmt):
            g = ghost or any(self.expr_is_ghost(c.guard) for c in s.cases)
            for alt in s.cases:
                self.stmts(alt.body, g)
        elif isinstance(s, ast.WhileStmt):
            g = ghost or self.expr_is_ghost(s.guard)
            self.block(s.body, g)
        elif isinstance(s, ast.AlternativeLoopStmt):
            g = ghost or any(self.expr_is_ghost(c.guard) for c in s.cases)
            for c in s.cases:
                self.stmts(c.body, g)
        elif isinstance(s, ast.ForLoopStmt):
            g = ghost or self.expr_is_ghost(s.start) or self.expr_is_ghost(s.end)
            self.block(s.body, g)
        elif isinstance(s, ast.MatchStmt):
            g = ghost or self.expr_is_ghost(s.source)
            for mc in s.cases:
                self.stmts(mc.body, g)
        elif isinstance(s, ast.PrintStmt):
            if ghost:
                self.error(s.span, "print statement is not allowed in this context (because "
                                   "this is a ghost method or because the statement is "
                                   "guarded by a specification-only expression)")
            else:
                for a in s.args:
                    self.compiled_expr(a)
        elif isinstance(s, ast.ExpectStmt):
            if not ghost:
                self.compiled_expr(s.expr)
        elif isinstance(s, ast.ReturnStmt):
            m = self.member
            if s.rhss and isinstance(m, ast.Method) and not ghost:
                self.rhss([ast.NameExpr(o.name, decl=o) for o in m.outs], s.rhss, False)
        elif isinstance(s, ast.LabeledStmt):
            self.stmt(s.stmt, ghost)
        elif isinstance(s, ast.ModifyStmt):
            self.block(s.body, ghost)
        elif isinstance(s, ast.ForallStmt):
            pass
        # assert, assume, calc, reveal, break, skeleton, yield: nothing compiled to check


def check_program(resolver: Any, program: ast.Program) -> None:
    GhostChecker(resolver).program(program)
