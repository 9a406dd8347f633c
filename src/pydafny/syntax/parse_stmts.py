"""Parsing of Dafny statements.

One method per statement production. Guards of `if`/`while` end where a `{` starts the
body (a `{` can never continue a complete expression). After a syntax error inside a
block, `parse_stmt_list` reports it and resumes at the next statement (after a `;`, at a
statement keyword, or at the closing `}`), so one run reports several errors.
"""

from __future__ import annotations

from collections.abc import Callable

from . import ast
from .parse_base import STMT_START, ParseError
from .parse_exprs import ExprParser
from .tokens import EOF, IDENT, INT, Token

CALC_OPS = frozenset(["==", "!=", "<", "<=", ">", ">=", "==>", "<==", "<==>"])

# Keywords that start a declaration and never a statement.
DECL_ONLY = frozenset([
    "method", "function", "predicate", "lemma", "constructor", "class", "trait",
    "datatype", "codatatype", "module", "import", "export", "newtype", "iterator", "type",
    "const", "include", "static", "twostate",
])
_STMT_SYNC = STMT_START | {"case"}


class StmtParser(ExprParser):
    """Statements, blocks and loop specifications."""

    def parse_block(self) -> ast.BlockStmt:
        start = self.expect("{")
        stmts = self.parse_stmt_list()
        if self.tok.kind in DECL_ONLY:
            # a missing `}`: report it here and let the declaration that follows parse
            self.report("rbrace expected")
        else:
            self.expect("}")
        return ast.BlockStmt(stmts, span=self.span(start))

    def parse_stmt_list(self) -> list[ast.Stmt]:
        """Statements up to (not including) `}`, `case`, end of file, or a keyword that
        only starts a declaration (the block's `}` is missing)."""
        stmts: list[ast.Stmt] = []
        level = self.brace_depth(self.i)
        while True:
            k = self.tok.kind
            if k == "}" or k == "case" or k == EOF or k in DECL_ONLY:
                return stmts
            index = self.i
            try:
                stmts.append(self.parse_statement())
            except ParseError:
                self.sync_to(_STMT_SYNC, index, level=level)

    def parse_statement(self) -> ast.Stmt:
        self.allow_lambda = True
        self.allow_bitwise = True
        self.allow_semi = False
        handler = _STMT.get(self.tok.kind)
        if handler is not None:
            return handler(self)
        if self.tok.kind == IDENT and self.tok.text == "hide" and \
                self.peek().kind in ("*", IDENT) and self.peek(2).kind in (";", ",", "*"):
            self.fail("unsupported: hide statements (Dafny 4.7)")
        return self.parse_update_stmt()

    # ------------------------------------------------------------------ simple statements
    def parse_block_stmt(self) -> ast.Stmt:
        return self.parse_block()

    def parse_new_phase_stmt(self) -> ast.Stmt:
        start = self.next()
        if self.tok.kind != ";":
            self.fail("invalid UpdateStmt")
        self.next()
        return ast.NewPhaseStmt(span=self.span(start))

    def parse_label_stmt(self) -> ast.Stmt:
        start = self.next()
        name = self.next().text if self.tok.kind == INT else self.expect_ident().text
        self.expect(":")
        stmt = self.parse_statement()
        return ast.LabeledStmt(name, stmt, span=self.span(start))

    def parse_skeleton_stmt(self) -> ast.Stmt:
        if self.peek().kind != ";":
            return self.parse_update_stmt()
        start = self.next()
        self.expect_semi()
        return ast.SkeletonStmt(span=self.span(start))

    def parse_opt_label(self) -> str | None:
        """`L:` before an assertion or specification expression (labels may be digits)."""
        if self.tok.kind in (IDENT, INT) and self.peek().kind == ":":
            name = self.next().text
            self.next()
            return name
        return None

    def parse_assert_stmt(self) -> ast.Stmt:
        start = self.next()
        attrs = self.parse_attributes()
        label = self.parse_opt_label()
        e = self.parse_expression()
        if self.accept("by"):
            by = self.parse_block()
            return ast.AssertStmt(e, label, by, attrs, span=self.span(start))
        if self.tok.kind != ";":
            self.report("expected either 'by' or a semicolon following the assert expression")
            return ast.AssertStmt(e, label, None, attrs, span=self.span(start))
        self.next()
        return ast.AssertStmt(e, label, None, attrs, span=self.span(start))

    def parse_assume_stmt(self) -> ast.Stmt:
        start = self.next()
        attrs = self.parse_attributes()
        e = self.parse_expression()
        self.expect_semi()
        return ast.AssumeStmt(e, attrs, span=self.span(start))

    def parse_expect_stmt(self) -> ast.Stmt:
        start = self.next()
        attrs = self.parse_attributes()
        e = self.parse_expression()
        msg = self.parse_expression() if self.accept(",") else None
        self.expect_semi()
        return ast.ExpectStmt(e, msg, attrs, span=self.span(start))

    def parse_print_stmt(self) -> ast.Stmt:
        start = self.next()
        args = [self.parse_expression()]
        while self.accept(","):
            args.append(self.parse_expression())
        self.expect_semi()
        return ast.PrintStmt(args, span=self.span(start))

    def parse_return_stmt(self) -> ast.Stmt:
        start = self.next()
        rhss: list[ast.Rhs] | None = None
        if self.tok.kind != ";":
            rhss = self.parse_rhs_list()
        self.expect_semi()
        if start.kind == "yield":
            return ast.YieldStmt(rhss, span=self.span(start))
        return ast.ReturnStmt(rhss, span=self.span(start))

    def parse_break_stmt(self) -> ast.Stmt:
        start = self.next()
        is_continue = start.kind == "continue"
        count = 1
        label: str | None = None
        if not is_continue:
            while self.accept("break"):
                count += 1
            if self.accept("continue"):
                # `break continue;` / `break break continue;`: leave count-1 loops, then
                # continue the next enclosing one
                count += 1
                is_continue = True
        if self.tok.kind == IDENT:
            label = self.next().text
        self.expect_semi()
        return ast.BreakStmt(label, count, is_continue, span=self.span(start))

    def parse_reveal_stmt(self) -> ast.Stmt:
        start = self.next()
        if self.tok.kind == "*":
            self.fail("unsupported: 'reveal *' (Dafny 4.7)")
        exprs = [self.parse_expression()]
        while self.accept(","):
            exprs.append(self.parse_expression())
        self.expect_semi()
        return ast.RevealStmt(exprs, span=self.span(start))

    def parse_modify_stmt(self) -> ast.Stmt:
        start = self.next()
        mattrs = self.parse_attributes()
        frames = self.parse_frame_list()
        body: ast.BlockStmt | None = None
        if self.tok.kind == "{":
            body = self.parse_block()
        else:
            self.expect_semi()
        return ast.ModifyStmt(frames, body, mattrs, span=self.span(start))

    # ------------------------------------------------------------------ variables, updates
    def parse_var_decl_stmt(self) -> ast.Stmt:
        start = self.tok
        ghost = bool(self.accept("ghost"))
        self.expect("var")
        if self.tok.kind == "(" or (self.tok.kind == IDENT and self.peek().kind == "("):
            pat = self.parse_single_pattern()
            self.expect(":=")
            rhs_e = self.parse_expression()
            self.expect_semi()
            return ast.VarDeclPatternStmt(pat, rhs_e, ghost, span=self.span(start))
        vars_: list[ast.LocalVar] = []
        while True:
            vstart = self.tok
            attrs = self.parse_attributes()
            name = self.decl_ident(wildcard=True)
            attrs += self.parse_attributes()
            ty: ast.Type
            if self.accept(":"):
                ty = self.parse_type()
            else:
                ty = ast.InferredType(span=self.tok_span(name))
            vars_.append(ast.LocalVar(name.text, ty, ghost, attrs, span=self.span(vstart)))
            if not self.accept(","):
                break
        if self.tok.kind == "=":
            self.fail("a local variable should be initialized using ':=', ':-', or ':|', "
                      "not '='")
        lhss: list[ast.Expr] = [ast.NameExpr(v.name, span=v.span) for v in vars_]
        rhs: ast.Stmt | None = None
        if self.tok.kind in (":=", ":|", ":-"):
            rhs = self.parse_assignment_tail(lhss, start)
        self.expect_semi()
        return ast.VarDeclStmt(vars_, rhs, span=self.span(start))

    def parse_assignment_tail(self, lhss: list[ast.Expr], start: Token) -> ast.Stmt:
        """`:= rhs, ...` / `:| [assume] P` / `:- [expect|assert|assume] rhs, ...`."""
        k = self.next().kind
        if k == ":=":
            return ast.AssignStmt(lhss, self.parse_rhs_list(), span=self.span(start))
        if k == ":|":
            assume_ = bool(self.accept("assume"))
            cond = self.parse_expression()
            return ast.AssignSuchThatStmt(lhss, cond, assume_, span=self.span(start))
        keyword: str | None = None
        if self.tok.kind in ("expect", "assert", "assume"):
            keyword = self.next().kind
        rhs = self.parse_rhs()
        extra: list[ast.Rhs] = []
        while self.accept(","):
            extra.append(self.parse_rhs())
        return ast.AssignOrReturnStmt(lhss, rhs, keyword, extra, span=self.span(start))

    def parse_update_stmt(self) -> ast.Stmt:
        start = self.tok
        if self.tok.kind == ":-":
            s = self.parse_assignment_tail([], start)
            self.expect_semi()
            return s
        if self.tok.kind == "{:":
            self.fail("attributes are not allowed here")
        if self.tok.kind == IDENT and self.peek().kind == ":":
            self.next()
            self.fail("invalid statement beginning here (is a 'label' keyword missing? "
                      "or a 'const' or 'var' keyword?)")
        lhss = [self.parse_expression()]
        while self.accept(","):
            lhss.append(self.parse_expression())
        k = self.tok.kind
        if k in (":=", ":|", ":-"):
            s = self.parse_assignment_tail(lhss, start)
            self.expect_semi()
            return s
        if len(lhss) == 1 and (k == ";" or k == "}"):
            self.expect_semi()
            e = lhss[0]
            return ast.AssignStmt([], [ast.ExprRhs(e, span=e.span)], span=self.span(start))
        self.fail("invalid UpdateStmt")

    def parse_rhs_list(self) -> list[ast.Rhs]:
        rhss = [self.parse_rhs()]
        while self.accept(","):
            rhss.append(self.parse_rhs())
        return rhss

    def parse_rhs(self) -> ast.Rhs:
        start = self.tok
        rhs: ast.Rhs
        if start.kind == "new":
            rhs = self.parse_new_rhs()
        elif start.kind == "*":
            self.next()
            rhs = ast.HavocRhs(span=self.span(start))
        else:
            e = self.parse_expression()
            rhs = ast.ExprRhs(e, span=e.span)
        if self.tok.kind == "{:":
            rhs.attributes = self.parse_attributes()
        return rhs

    def parse_new_rhs(self) -> ast.Rhs:
        """`new T[dims]`, `new T[dims](f)`, `new T[dims] [elems]`, `new C`, `new C(args)`,
        `new C.Init(args)`. A dotted name followed by arguments is split: its last part
        becomes `ctor_name` (`new M.C(x)` therefore yields type `M`, ctor `C`; the
        resolver re-joins it when `M.C` names a class)."""
        start = self.next()
        ty: ast.Type | None = None
        if self.tok.kind != "[":
            ty = self.parse_primary_type() if self.tok.kind != "(" else self.parse_type()
        if self.tok.kind == "[" or ty is None:
            self.expect("[")
            dims: list[ast.Expr] = []
            if self.tok.kind != "]":
                dims = self.parse_expr_list_in()
            self.expect("]")
            init_fn: ast.Expr | None = None
            init_elems: list[ast.Expr] | None = None
            if self.tok.kind == "(":
                self.next()
                init_fn = self.parse_expr_in()
                self.expect(")")
            elif self.tok.kind == "[":
                self.next()
                init_elems = [] if self.tok.kind == "]" else self.parse_expr_list_in()
                self.expect("]")
            return ast.NewArrayRhs(ty, dims, init_fn, init_elems, span=self.span(start))
        ctor_name: str | None = None
        if self.tok.kind == "." and self.peek().kind == IDENT:
            self.next()
            ctor_name = self.next().text
        args: list[ast.Binding] | None = None
        if self.tok.kind == "(":
            args = self.parse_bindings()
            if ctor_name is None and isinstance(ty, ast.UserType) and len(ty.path) >= 2 \
                    and not ty.args:
                ctor_name = ty.path[-1]
                ty = ast.UserType(ty.path[:-1], [], span=ty.span)
        return ast.NewObjectRhs(ty, ctor_name, args, span=self.span(start))

    # ------------------------------------------------------------------ conditionals, loops
    def is_binding_guard(self) -> bool:
        """`x, y: T :| P` follows (lookahead only)."""
        toks = self.toks
        j = self.i
        while True:
            if toks[j].kind != IDENT:
                return False
            j += 1
            if toks[j].kind == ":":
                j = self.scan_type(j + 1)
                if j < 0:
                    return False
            if toks[j].kind == ",":
                j += 1
                continue
            return toks[j].kind == ":|"

    def parse_binding_guard(self) -> tuple[list[ast.BoundVar], ast.Expr]:
        vars_ = [self.parse_bound_var_decl()]
        while self.accept(","):
            vars_.append(self.parse_bound_var_decl())
        self.expect(":|")
        return vars_, self.parse_expression()

    def parse_guard(self) -> ast.Expr | None:
        """`*`, `(*)` or an expression."""
        if self.accept("*"):
            return None
        if self.tok.kind == "(" and self.peek().kind == "*" and self.peek(2).kind == ")":
            self.next()
            self.next()
            self.next()
            return None
        return self.parse_expression()

    def parse_if_stmt(self) -> ast.Stmt:
        start = self.next()
        attrs = self.parse_attributes()
        if self.is_alternative():
            cases = self.parse_alternatives()
            return ast.AlternativeIfStmt(cases, attrs, span=self.span(start))
        bound: list[ast.BoundVar] | None = None
        guard: ast.Expr | None
        if self.is_binding_guard():
            bound, guard = self.parse_binding_guard()
        else:
            guard = self.parse_guard()
        then = self.parse_block()
        else_: ast.Stmt | None = None
        eattrs: list[ast.Attribute] = []
        if self.accept("else"):
            eattrs = self.parse_attributes()
            else_ = self.parse_if_stmt() if self.tok.kind == "if" else self.parse_block()
        return ast.IfStmt(guard, then, else_, bound, attrs, eattrs, span=self.span(start))

    def is_alternative(self) -> bool:
        """`case`, or `{` followed by `case`, starts guarded alternatives."""
        return self.tok.kind == "case" or (self.tok.kind == "{" and self.peek().kind == "case")

    def parse_alternatives(self) -> list[ast.GuardedAlternative]:
        """[`{`] {`case` Guard `=>` stmts} [`}`]"""
        braced = bool(self.accept("{"))
        cases: list[ast.GuardedAlternative] = []
        while self.tok.kind == "case":
            cstart = self.next()
            attrs = self.parse_attributes()
            bound: list[ast.BoundVar] | None = None
            if self.is_binding_guard():
                bound, guard = self.parse_binding_guard()
            else:
                guard = self.parse_expr_no_lambda()
            self.expect("=>")
            body = self.parse_stmt_list()
            cases.append(ast.GuardedAlternative(guard, body, bound, attrs,
                                                span=self.span(cstart)))
        if braced:
            self.expect("}")
        elif not cases:
            self.fail("case expected")
        return cases

    def parse_loop_spec(self) -> ast.LoopSpec:
        spec = ast.LoopSpec(span=self.tok_span(self.tok))
        while True:
            k = self.tok.kind
            if k == "invariant":
                self.next()
                spec.invariants.append(self.parse_spec_expr())
            elif k == "decreases":
                self.next()
                d = self.parse_decreases()
                if spec.decreases is None:
                    spec.decreases = d
                else:
                    spec.decreases.exprs.extend(d.exprs)
            elif k == "modifies":
                self.next()
                spec.modifies_attributes += self.parse_attributes()
                spec.modifies.extend(self.parse_frame_list())
            else:
                return spec
            self.accept(";")

    def parse_spec_expr(self) -> ast.SpecExpr:
        """`{:attrs} [L:] e` of requires/ensures/invariant; as in Dafny, no lambda may
        start the expression (`requires b reads r` is not a lambda)."""
        start = self.tok
        attrs = self.parse_attributes()
        label = self.parse_opt_label()
        e = self.parse_expr_no_lambda()
        return ast.SpecExpr(e, attrs, label, span=self.span(start))

    def parse_decreases(self) -> ast.Decreases:
        start = self.tok
        attrs = self.parse_attributes()
        if self.tok.kind == "*":
            t = self.next()
            return ast.Decreases([ast.WildcardExpr(span=self.tok_span(t))], attrs,
                                 span=self.span(start))
        exprs = [self.parse_expression()]
        while self.accept(","):
            exprs.append(self.parse_expression())
        return ast.Decreases(exprs, attrs, span=self.span(start))

    def parse_while_stmt(self) -> ast.Stmt:
        start = self.next()
        attrs = self.parse_attributes()
        if self.is_alternative() or self.tok.kind in ("invariant", "decreases", "modifies"):
            spec = self.parse_loop_spec()
            cases = self.parse_alternatives()
            return ast.AlternativeLoopStmt(spec, cases, attrs, span=self.span(start))
        guard = self.parse_guard()
        spec = self.parse_loop_spec()
        body = self.parse_block() if self.tok.kind == "{" else None
        return ast.WhileStmt(guard, spec, body, attrs, span=self.span(start))

    def parse_for_stmt(self) -> ast.Stmt:
        start = self.next()
        attrs = self.parse_attributes()
        var = self.parse_bound_var_decl()
        self.expect(":=")
        lo = self.parse_expression()
        if self.at_word("to"):
            downto = False
        elif self.at_word("downto"):
            downto = True
        else:
            self.fail("'to' or 'downto' expected")
        self.next()
        end = None if self.accept("*") else self.parse_expression()
        spec = self.parse_loop_spec()
        body = self.parse_block() if self.tok.kind == "{" else None
        return ast.ForLoopStmt(var, lo, end, downto, spec, body, attrs, span=self.span(start))

    def parse_forall_stmt(self) -> ast.Stmt:
        start = self.next()
        attrs = self.parse_attributes()
        vars_: list[ast.BoundVar] = []
        range_: ast.Expr | None = None
        if self.tok.kind == "(":
            self.next()
            vars_, range_, more = self.parse_quantifier_domain()
            attrs += more
            self.expect(")")
        elif self.tok.kind == IDENT:
            vars_, range_, more = self.parse_quantifier_domain()
            attrs += more
        ensures: list[ast.SpecExpr] = []
        while self.accept("ensures"):
            ensures.append(self.parse_spec_expr())
            self.accept(";")
        body = self.parse_block() if self.tok.kind == "{" else None
        return ast.ForallStmt(vars_, range_, ensures, body, attrs, span=self.span(start))

    def parse_match_stmt(self) -> ast.Stmt:
        start = self.next()
        mattrs = self.parse_attributes()
        source = self.parse_expression()
        braced = bool(self.accept("{"))
        cases: list[ast.MatchCaseStmt] = []
        while self.tok.kind == "case":
            cstart = self.next()
            attrs = self.parse_attributes()
            pat = self.parse_pattern()
            self.expect("=>")
            body = self.parse_stmt_list()
            cases.append(ast.MatchCaseStmt(pat, body, attrs, span=self.span(cstart)))
        if braced:
            self.expect("}")
        return ast.MatchStmt(source, cases, braced, mattrs, span=self.span(start))

    def parse_calc_stmt(self) -> ast.Stmt:
        start = self.next()
        attrs = self.parse_attributes()
        op = self.next().kind if self.tok.kind in CALC_OPS else None
        self.expect("{")
        steps: list[ast.CalcStep] = []
        while self.tok.kind != "}" and self.tok.kind != EOF:
            if steps:
                step_op = self.next().kind if self.tok.kind in CALC_OPS else None
                hints: list[ast.Stmt] = []
                hstart = self.tok
                while self.tok.kind in ("{", "calc"):
                    hints.append(self.parse_block() if self.tok.kind == "{"
                                 else self.parse_calc_stmt())
                hint: ast.BlockStmt | None = None
                if len(hints) == 1 and isinstance(hints[0], ast.BlockStmt):
                    hint = hints[0]
                elif hints:
                    hint = ast.BlockStmt(hints, span=self.span(hstart))
                steps[-1].op = step_op
                steps[-1].hint = hint
                if self.tok.kind == "}":
                    break
            e = self.parse_expression()
            steps.append(ast.CalcStep(e, span=e.span))
            if self.tok.kind != "}":
                self.expect_semi()
            else:
                self.accept(";")
        self.expect("}")
        return ast.CalcStmt(op, steps, attrs, span=self.span(start))


_STMT: dict[str, Callable[[StmtParser], ast.Stmt]] = {
    "{": StmtParser.parse_block_stmt,
    "var": StmtParser.parse_var_decl_stmt,
    "ghost": StmtParser.parse_var_decl_stmt,
    "label": StmtParser.parse_label_stmt,
    "new": StmtParser.parse_new_phase_stmt,
    "...": StmtParser.parse_skeleton_stmt,
    "assert": StmtParser.parse_assert_stmt,
    "assume": StmtParser.parse_assume_stmt,
    "expect": StmtParser.parse_expect_stmt,
    "print": StmtParser.parse_print_stmt,
    "return": StmtParser.parse_return_stmt,
    "yield": StmtParser.parse_return_stmt,
    "break": StmtParser.parse_break_stmt,
    "continue": StmtParser.parse_break_stmt,
    "reveal": StmtParser.parse_reveal_stmt,
    "modify": StmtParser.parse_modify_stmt,
    "if": StmtParser.parse_if_stmt,
    "while": StmtParser.parse_while_stmt,
    "for": StmtParser.parse_for_stmt,
    "forall": StmtParser.parse_forall_stmt,
    "match": StmtParser.parse_match_stmt,
    "calc": StmtParser.parse_calc_stmt,
}
