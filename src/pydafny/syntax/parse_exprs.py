"""Parsing of Dafny expressions and attributes (patterns and frames: `parse_patterns`).

Precedence, lowest first (Dafny reference manual, "Expressions"):
  `<==>` (left) < `==>` (right) / `<==` (left; mixing them needs parentheses)
  < `&&` / `||` (mixing needs parentheses) < relational (`== != < <= > >= in !in !!`;
  two or more make a `ChainExpr`) < shifts `<< >>` < `+ -` < `* / %`
  < bitwise `& | ^` (mixing needs parentheses) < `as`/`is` < unary `- !` < suffixes.
The levels from shift to bitwise are parsed by precedence climbing (`parse_arith`).
Quantifiers, lambdas, lets, `if`, `match` and statement-expressions extend as far right
as possible.

Context flags (as in Dafny's grammar): `allow_lambda` (off in `case` guards, so
`case x => ...` is not a lambda), `allow_bitwise` (off inside `|...|` and before a
quantifier range, so `|` closes), `allow_semi` (on in function bodies and parentheses:
`L(x); e` is a lemma call followed by `e`). Entering brackets resets them
(`parse_expr_in`).
"""

from __future__ import annotations

from collections.abc import Callable

from . import ast
from .lexer import unescape
from .parse_base import ParseError
from .parse_patterns import PatternParser
from .tokens import CHAR, EOF, HEX, IDENT, INT, REAL, STRING, VSTRING, Token

REL_OPS = frozenset(["==", "!=", "<", "<=", ">", ">=", "in", "!in", "!!"])
_ARITH_PREC = {"+": 2, "-": 2, "*": 3, "/": 3, "%": 3, "&": 4, "|": 4, "^": 4}
_AMBIGUOUS_BITWISE = "Ambiguous use of &, |, ^. Use parentheses to disambiguate."
_AMBIGUOUS_LOGICAL = "Ambiguous use of && and ||. Use parentheses to disambiguate."
_AMBIGUOUS_IMPLIES = "Ambiguous use of ==> and <==. Use parentheses to disambiguate."


def _is_word(tok: Token) -> bool:
    return tok.kind == IDENT or (tok.kind == tok.text and tok.text[:1].isalpha())


def _chain_problem(ops: list[str], new: str) -> str | None:
    """Why `new` cannot continue the comparison chain `ops`, or None. Chains are all
    `==` with at most one `!=`, optionally all ascending (`<`, `<=`) or all descending
    (`>`, `>=`); or `!!` only; `in` and `!in` never chain."""
    if new in ("in", "!in") or any(o in ("in", "!in") for o in ops):
        return "this operator cannot be part of a chain"
    if new == "!!" or "!!" in ops:
        if new == "!!" and all(o == "!!" for o in ops):
            return None
        return "can only chain disjoint (!!) with itself"
    if new == "!=" and "!=" in ops:
        return "a chain cannot have more than one != operator"
    if new in ("<", "<=") and any(o in (">", ">=") for o in ops):
        return "this operator chain cannot continue with an ascending operator"
    if new in (">", ">=") and any(o in ("<", "<=") for o in ops):
        return "this operator chain cannot continue with a descending operator"
    return None


class ExprParser(PatternParser):
    """Expressions and the small productions they use."""

    # ------------------------------------------------------------------ entry points
    def parse_expression(self) -> ast.Expr:
        """Expression: EquivExpression, and in `allow_semi` contexts a lemma call
        `L(x); e` becomes a `StmtExpr`."""
        start = self.tok
        e = self.parse_equiv()
        if self.allow_semi and self.tok.kind == ";" and isinstance(e, ast.ApplyExpr) \
                and self.peek().kind not in ("}", ")", EOF):
            self.next()
            stmt = ast.AssignStmt([], [ast.ExprRhs(e, span=e.span)], span=e.span)
            body = self.parse_expression()
            return ast.StmtExpr(stmt, body, span=self.span(start))
        return e

    def parse_expr_in(self, semi: bool = False) -> ast.Expr:
        """An expression inside brackets: the context flags start afresh."""
        saved = (self.allow_lambda, self.allow_bitwise, self.allow_semi)
        self.allow_lambda = True
        self.allow_bitwise = True
        self.allow_semi = semi
        try:
            return self.parse_expression()
        finally:
            self.allow_lambda, self.allow_bitwise, self.allow_semi = saved

    def parse_expr_no_lambda(self) -> ast.Expr:
        saved = self.allow_lambda
        self.allow_lambda = False
        try:
            return self.parse_expression()
        finally:
            self.allow_lambda = saved

    def parse_expr_list_in(self) -> list[ast.Expr]:
        es = [self.parse_expr_in()]
        while self.accept(","):
            es.append(self.parse_expr_in())
        return es

    # ------------------------------------------------------------------ logical levels
    def parse_equiv(self) -> ast.Expr:
        start = self.tok
        e = self.parse_implies_explies()
        while self.tok.kind == "<==>":
            self.next()
            r = self.parse_implies_explies()
            e = ast.BinaryExpr("<==>", e, r, span=self.span(start))
        return e

    def parse_implies_explies(self) -> ast.Expr:
        start = self.tok
        e = self.parse_logical()
        k = self.tok.kind
        if k == "==>":
            self.next()
            r = self.parse_implies()
            e = ast.BinaryExpr("==>", e, r, span=self.span(start))
            if self.tok.kind == "<==":
                self.report(_AMBIGUOUS_IMPLIES)
                return self.parse_explies_tail(e, start)
        elif k == "<==":
            e = self.parse_explies_tail(e, start)
            if self.tok.kind == "==>":
                self.report(_AMBIGUOUS_IMPLIES)
                self.next()
                r = self.parse_implies()
                e = ast.BinaryExpr("==>", e, r, span=self.span(start))
        return e

    def parse_explies_tail(self, e: ast.Expr, start: Token) -> ast.Expr:
        """{`<==` LogicalExpression} (left associative)."""
        while self.tok.kind == "<==":
            self.next()
            r = self.parse_logical()
            e = ast.BinaryExpr("<==", e, r, span=self.span(start))
        return e

    def parse_implies(self) -> ast.Expr:
        start = self.tok
        e = self.parse_logical()
        if self.tok.kind == "==>":
            self.next()
            r = self.parse_implies()
            return ast.BinaryExpr("==>", e, r, span=self.span(start))
        return e

    def parse_logical(self) -> ast.Expr:
        start = self.tok
        lead: str | None = None
        if start.kind in ("&&", "||"):
            lead = self.next().kind
        e = self.parse_relational()
        first = lead
        while self.tok.kind in ("&&", "||"):
            op = self.tok.kind
            if first is None:
                first = op
            elif op != first:
                self.report(_AMBIGUOUS_LOGICAL)
                first = op
            self.next()
            r = self.parse_relational()
            e = ast.BinaryExpr(op, e, r, span=self.span(start))
        return e

    def parse_relational(self) -> ast.Expr:
        start = self.tok
        e = self.parse_arith(1)
        k = self.tok.kind
        if k not in REL_OPS:
            return e
        if (k == "==" or k == "!=") and self.peek().kind == "#" and \
                self.peek().start == self.tok.end:
            self.next()
            self.next()
            self.expect("[")
            depth = self.parse_expr_in()
            self.expect("]")
            right = self.parse_arith(1)
            return ast.PrefixEqExpr(e, right, depth, k == "!=", span=self.span(start))
        operands = [e]
        ops: list[str] = []
        while k in REL_OPS:
            op_tok = self.next()
            if ops:
                problem = _chain_problem(ops, k)
                if problem is not None:
                    self.report(problem, op_tok)
            ops.append(k)
            operands.append(self.parse_arith(1))
            k = self.tok.kind
        if len(ops) == 1:
            return ast.BinaryExpr(ops[0], operands[0], operands[1], span=self.span(start))
        return ast.ChainExpr(operands, ops, span=self.span(start))


    # ------------------------------------------------------------------ arithmetic levels
    def parse_arith(self, min_prec: int) -> ast.Expr:
        """Precedence climbing over shift (1) < `+ -` (2) < `* / %` (3) < `& | ^` (4)."""
        start = self.tok
        left = self.parse_as()
        last_bitwise: str | None = None
        while True:
            t = self.tok
            k = t.kind
            width = 1
            if k == "<" or k == ">":
                n = self.peek()
                if n.kind != k or n.start != t.end:
                    break
                op = k + k
                prec = 1
                width = 2
            else:
                p = _ARITH_PREC.get(k)
                if p is None or (k == "|" and not self.allow_bitwise):
                    break
                op = k
                prec = p
            if prec < min_prec:
                break
            if prec == 4:
                if last_bitwise is not None and last_bitwise != op:
                    self.report(_AMBIGUOUS_BITWISE)
                last_bitwise = op
            self.next()
            if width == 2:
                self.next()
            right = self.parse_arith(prec + 1)
            left = ast.BinaryExpr(op, left, right, span=self.span(start))
        return left

    def parse_as(self) -> ast.Expr:
        start = self.tok
        e = self.parse_unary()
        while self.tok.kind in ("as", "is"):
            k = self.next().kind
            if self.tok.kind == "(":
                t = self.parse_type()
            else:
                t = self.parse_primary_type(lookahead_args=True)
            if k == "as":
                e = ast.ConversionExpr(e, t, span=self.span(start))
            else:
                e = ast.TypeTestExpr(e, t, span=self.span(start))
        return e

    def parse_unary(self) -> ast.Expr:
        t = self.tok
        if t.kind == "-" or t.kind == "!":
            self.next()
            operand = self.parse_unary()
            return ast.UnaryExpr(t.kind, operand, span=self.span(t))
        if t.kind == "!!":     # `!!p` is a double negation, not the disjointness operator
            self.next()
            operand = self.parse_unary()
            inner = ast.UnaryExpr("!", operand, span=self.span(t))
            return ast.UnaryExpr("!", inner, span=self.span(t))
        return self.parse_primary()

    # ------------------------------------------------------------------ primaries
    def parse_primary(self) -> ast.Expr:
        t = self.tok
        k = t.kind
        if k == IDENT:
            if self.allow_lambda and self.peek().kind in ("=>", "requires", "reads") and \
                    self.is_lambda_ahead(self.i + 1):
                return self.parse_lambda()
            self.next()
            targs = self.parse_opt_generic_instantiation() if self.tok.kind == "<" else None
            depth: ast.Expr | None = None
            if self.tok.kind == "#" and self.peek().kind == "[":
                self.next()
                self.next()
                depth = self.parse_expr_in()
                self.expect("]")
            name = ast.NameExpr(t.text, targs, prefix_depth=depth, span=self.span(t))
            return self.parse_suffixes(name, t)
        handler = _PRIMARY.get(k)
        if handler is None:
            if k == "new":
                self.fail("side-effecting calls such as constructors (new) are not allowed "
                          "in expressions")
            self.fail("invalid Expression")
        return handler(self)

    def parse_ellipsis(self) -> ast.Expr:
        t = self.next()
        return ast.EllipsisExpr(span=self.tok_span(t))

    def parse_int_lit(self) -> ast.Expr:
        t = self.next()
        return self.parse_suffixes(
            ast.IntLit(int(t.text.replace("_", "")), t.text, span=self.tok_span(t)), t)

    def parse_hex_lit(self) -> ast.Expr:
        t = self.next()
        return self.parse_suffixes(
            ast.IntLit(int(t.text[2:].replace("_", ""), 16), t.text, span=self.tok_span(t)), t)

    def parse_real_lit(self) -> ast.Expr:
        t = self.next()
        return self.parse_suffixes(ast.RealLit(t.text, span=self.tok_span(t)), t)

    def parse_char_lit(self) -> ast.Expr:
        t = self.next()
        value, err = unescape(t.text[1:-1])
        if err:
            self.report(err, t)
        return self.parse_suffixes(ast.CharLit(value, span=self.tok_span(t)), t)

    def parse_string_lit(self) -> ast.Expr:
        t = self.next()
        if t.kind == VSTRING:
            lit = ast.StringLit(t.text[2:-1].replace('""', '"'), True, span=self.tok_span(t))
        else:
            value, err = unescape(t.text[1:-1])
            if err:
                self.report(err, t)
            lit = ast.StringLit(value, False, span=self.tok_span(t))
        return self.parse_suffixes(lit, t)

    def parse_keyword_lit(self) -> ast.Expr:
        t = self.next()
        sp = self.tok_span(t)
        e: ast.Expr
        if t.kind == "true":
            e = ast.BoolLit(True, span=sp)
        elif t.kind == "false":
            e = ast.BoolLit(False, span=sp)
        elif t.kind == "null":
            e = ast.NullLit(span=sp)
        else:
            e = ast.ThisExpr(span=sp)
        return self.parse_suffixes(e, t)

    def parse_cardinality(self) -> ast.Expr:
        start = self.next()
        saved = (self.allow_lambda, self.allow_bitwise, self.allow_semi)
        self.allow_lambda, self.allow_bitwise, self.allow_semi = True, False, False
        try:
            e = self.parse_expression()
        finally:
            self.allow_lambda, self.allow_bitwise, self.allow_semi = saved
        self.expect("|")
        return self.parse_suffixes(ast.UnaryExpr("|.|", e, span=self.span(start)), start)

    def parse_parens(self) -> ast.Expr:
        """`( )`, `(e)`, `(a, b)`, or a lambda `(x, y) => e`."""
        start = self.tok
        if self.allow_lambda:
            close = self.matching_paren(self.i)
            if close >= 0 and self.toks[close + 1].kind in ("=>", "reads", "requires") \
                    and self.scan_lambda_formals(self.i + 1) == close \
                    and self.is_lambda_ahead(close + 1):
                return self.parse_lambda()
        self.next()
        if self.accept(")"):
            return self.parse_suffixes(ast.TupleExpr([], span=self.span(start)), start)
        ghosts = [bool(self.accept("ghost"))]
        e = self.parse_expr_in(semi=True)
        if self.tok.kind == "," or ghosts[0]:
            elems = [e]
            while self.accept(","):
                ghosts.append(bool(self.accept("ghost")))
                elems.append(self.parse_expr_in())
            if len(elems) == 1:
                raise self.error("a ghost component is allowed only in a tuple of at least "
                                 "two components", start)
            self.expect(")")
            tup = ast.TupleExpr(elems, ghosts if any(ghosts) else [], span=self.span(start))
            return self.parse_suffixes(tup, start)
        self.expect(")")
        return self.parse_suffixes(e, start)

    def scan_lambda_formals(self, j: int) -> int:
        """Index of the `)` closing `x [: T] {, y [: T]}` starting at `j`, or -1."""
        toks = self.toks
        if toks[j].kind == ")":
            return j
        while True:
            if toks[j].kind != IDENT:
                return -1
            j += 1
            if toks[j].kind == ":":
                j = self.scan_type(j + 1)
                if j < 0:
                    return -1
            if toks[j].kind == ",":
                j += 1
                continue
            return j if toks[j].kind == ")" else -1

    def is_lambda_ahead(self, j: int) -> bool:
        """At index `j` is `=>`, or `requires`/`reads` clauses followed by `=>`."""
        toks = self.toks
        if toks[j].kind == "=>":
            return True
        depth = 0
        n = len(toks)
        while j < n:
            k = toks[j].kind
            if k in ("(", "[", "{", "{:"):
                depth += 1
            elif k in (")", "]", "}"):
                if depth == 0:
                    return False
                depth -= 1
            elif depth == 0:
                if k == "=>":
                    return True
                if k in _NOT_IN_LAMBDA_SPEC:
                    return False
            j += 1
        return False

    def parse_lambda(self) -> ast.Expr:
        """`x => e` or `(x, y: T) requires P reads R => e`."""
        start = self.tok
        vars_: list[ast.BoundVar] = []
        if self.tok.kind == IDENT:
            t = self.next()
            vars_.append(ast.BoundVar(t.text, ast.InferredType(span=self.tok_span(t)),
                                      span=self.tok_span(t)))
        else:
            self.expect("(")
            if self.tok.kind != ")":
                vars_.append(self.parse_bound_var_decl())
                while self.accept(","):
                    vars_.append(self.parse_bound_var_decl())
            self.expect(")")
        requires: list[ast.Expr] = []
        reads: list[ast.FrameExpr] = []
        saved = self.allow_lambda
        self.allow_lambda = False
        try:
            while self.tok.kind in ("requires", "reads"):
                if self.next().kind == "requires":
                    requires.append(self.parse_expression())
                else:
                    reads.extend(self.parse_frame_list())
        finally:
            self.allow_lambda = saved
        self.expect("=>")
        body = self.parse_expression()
        return ast.LambdaExpr(vars_, requires, reads, body, span=self.span(start))

    def parse_bound_var_decl(self) -> ast.BoundVar:
        """IdentTypeOptional: `x` or `x: T`."""
        t = self.decl_ident(wildcard=True)
        ty: ast.Type
        if self.accept(":"):
            ty = self.parse_type()
        else:
            ty = ast.InferredType(span=self.tok_span(t))
        return ast.BoundVar(t.text, ty, span=self.span(t))

    def parse_seq_display(self) -> ast.Expr:
        start = self.next()
        elems: list[ast.Expr] = []
        if self.tok.kind != "]":
            elems = self.parse_expr_list_in()
        self.expect("]")
        return self.parse_suffixes(ast.SeqDisplay(elems, span=self.span(start)), start)

    def parse_brace_elems(self) -> list[ast.Expr]:
        self.expect("{")
        elems: list[ast.Expr] = []
        if self.tok.kind != "}":
            elems = self.parse_expr_list_in()
        self.expect("}")
        return elems

    def parse_set_display(self) -> ast.Expr:
        start = self.tok
        elems = self.parse_brace_elems()
        return self.parse_suffixes(ast.SetDisplay(elems, True, span=self.span(start)), start)

    def parse_multiset(self) -> ast.Expr:
        start = self.next()
        if self.tok.kind == "(":
            self.next()
            e = self.parse_expr_in()
            self.expect(")")
            return self.parse_suffixes(ast.MultisetConversion(e, span=self.span(start)), start)
        elems = self.parse_brace_elems()
        return self.parse_suffixes(ast.MultisetDisplay(elems, span=self.span(start)), start)

    def parse_set_or_comprehension(self) -> ast.Expr:
        start = self.tok
        if start.kind == "iset" and self.peek().kind == "{":
            self.next()
            elems = self.parse_brace_elems()
            return self.parse_suffixes(ast.SetDisplay(elems, False, span=self.span(start)),
                                       start)
        self.next()
        vars_, range_, attrs = self.parse_quantifier_domain()
        term: ast.Expr | None = None
        if self.accept("::"):
            term = self.parse_expression()
        if range_ is None:
            range_ = ast.BoolLit(True, span=self.span(start))
        return ast.SetComprehension(vars_, range_, term, start.kind == "set", attrs,
                                    span=self.span(start))

    def parse_map_or_comprehension(self) -> ast.Expr:
        start = self.next()
        finite = start.kind == "map"
        if self.tok.kind == "[":
            self.next()
            items: list[tuple[ast.Expr, ast.Expr]] = []
            if self.tok.kind != "]":
                while True:
                    k = self.parse_expr_in()
                    self.expect(":=")
                    v = self.parse_expr_in()
                    items.append((k, v))
                    if not self.accept(","):
                        break
            self.expect("]")
            return self.parse_suffixes(ast.MapDisplay(items, finite, span=self.span(start)),
                                       start)
        vars_, range_, attrs = self.parse_quantifier_domain()
        self.expect("::")
        e1 = self.parse_expression()
        key: ast.Expr | None = None
        if self.accept(":="):
            key = e1
            e1 = self.parse_expression()
        return ast.MapComprehension(vars_, range_, key, e1, finite, attrs,
                                    span=self.span(start))

    def parse_seq_constructor(self) -> ast.Expr:
        start = self.next()
        elem_type: ast.Type | None = None
        if self.tok.kind == "<":
            args = self.parse_type_args()
            elem_type = args[0]
        self.expect("(")
        n = self.parse_expr_in()
        self.expect(",")
        f = self.parse_expr_in()
        self.expect(")")
        return self.parse_suffixes(ast.SeqConstructor(n, f, elem_type, span=self.span(start)),
                                   start)

    def parse_quantifier(self) -> ast.Expr:
        start = self.next()
        vars_, range_, attrs = self.parse_quantifier_domain()
        self.expect("::")
        body = self.parse_expression()
        return ast.QuantifierExpr(start.kind, vars_, range_, body, attrs, span=self.span(start))

    def parse_quantifier_domain(self) -> tuple[list[ast.BoundVar], ast.Expr | None,
                                               list[ast.Attribute]]:
        """QuantifierVarDecl {`,` QuantifierVarDecl}: `x: T <- C {:attr} | range`.
        Ranges given on several variables are conjoined; attributes after the last
        variable belong to the quantifier, others to their variable."""
        vars_: list[ast.BoundVar] = []
        ranges: list[ast.Expr] = []
        attrs: list[ast.Attribute] = []
        while True:
            bv = self.parse_bound_var_decl()
            if self.tok.kind == "<" and self.peek().kind == "-" and \
                    self.peek().start == self.tok.end:
                self.next()
                self.next()
                saved = self.allow_bitwise
                self.allow_bitwise = False
                try:
                    bv.domain = self.parse_expression()
                finally:
                    self.allow_bitwise = saved
            a = self.parse_attributes() if self.tok.kind == "{:" else []
            vars_.append(bv)
            if self.accept("|"):
                ranges.append(self.parse_expression())
            if self.tok.kind == "," and self.peek().kind == IDENT:
                self.next()
                bv.attributes = a
                continue
            attrs = a
            break
        range_: ast.Expr | None = None
        for r in ranges:
            range_ = r if range_ is None else ast.BinaryExpr("&&", range_, r, span=r.span)
        return vars_, range_, attrs

    def parse_ite(self) -> ast.Expr:
        start = self.next()
        cond = self.parse_expr_in()
        self.expect("then")
        then = self.parse_expression()
        self.expect("else")
        else_ = self.parse_expression()
        return ast.ITEExpr(cond, then, else_, span=self.span(start))

    def parse_match_expr(self) -> ast.Expr:
        start = self.next()
        source = self.parse_expr_in()
        cases: list[ast.MatchCaseExpr] = []
        braced = bool(self.accept("{"))
        while self.tok.kind == "case":
            cstart = self.next()
            attrs = self.parse_attributes() if self.tok.kind == "{:" else []
            pat = self.parse_pattern()
            self.expect("=>")
            body = self.parse_expression()
            cases.append(ast.MatchCaseExpr(pat, body, attrs, span=self.span(cstart)))
        if braced:
            self.expect("}")
        return ast.MatchExpr(source, cases, braced, span=self.span(start))

    def parse_let(self) -> ast.Expr:
        start = self.tok
        ghost = bool(self.accept("ghost"))
        self.expect("var")
        attrs = self.parse_attributes() if self.tok.kind == "{:" else []
        pats = [self.parse_let_pattern(ghost)]
        while self.accept(","):
            pats.append(self.parse_let_pattern(ghost))
        such_that = False
        if self.accept(":|"):
            such_that = True
            rhss = [self.parse_expr_in()]
        elif self.tok.kind == ":-":
            return self.parse_let_or_fail(start, ghost, pats, attrs)
        elif self.tok.kind == "=":
            self.fail("a variable in a let expression should be initialized using ':=', "
                      "':-', or ':|', not '='")
        else:
            self.expect(":=")
            rhss = self.parse_expr_list_in()
        self.expect(";")
        body = self.parse_expression()
        return ast.LetExpr(pats, rhss, body, such_that, attrs, span=self.span(start))

    def parse_let_or_fail(self, start: Token, ghost: bool, pats: list[ast.Pattern],
                          attrs: list[ast.Attribute]) -> ast.Expr:
        """`var x :- e; body`, desugared into existing nodes as Dafny defines it:
        `var t := e; if t.IsFailure() then t.PropagateFailure() else var x := t.Extract();
        body` (t a fresh `valueOrError<n>`, as Dafny names it)."""
        op = self.next()
        if len(pats) != 1:
            raise self.error("':-' in a let expression takes exactly one variable", op)
        tmp = f"valueOrError{self.fresh_names}"
        self.fresh_names += 1
        rhs = self.parse_expr_in()
        self.expect(";")
        body = self.parse_expression()
        sp = self.span(start)

        def call(name: str) -> ast.Expr:
            return ast.ApplyExpr(ast.MemberSelect(ast.NameExpr(tmp, span=sp), name, span=sp),
                                 [], span=sp)
        inner = ast.LetExpr(pats, [call("Extract")], body, span=sp)
        ite = ast.ITEExpr(call("IsFailure"), call("PropagateFailure"), inner, span=sp)
        return ast.LetExpr([ast.VarPattern(tmp, None, ghost, span=sp)], [rhs], ite, False,
                           attrs, span=sp)

    def parse_let_pattern(self, ghost: bool) -> ast.Pattern:
        t = self.tok
        if t.kind == IDENT and self.peek().kind != "(":
            self.next()
            ty = self.parse_type() if self.accept(":") else None
            return ast.VarPattern(t.text, ty, ghost, span=self.span(t))
        return self.parse_single_pattern()

    def parse_stmt_expr(self) -> ast.Expr:
        """StmtInExpr Expression: `assert P; e`, `calc {...} e`, `reveal f(); e`, ..."""
        start = self.tok
        saved = (self.allow_lambda, self.allow_bitwise, self.allow_semi)
        self.allow_lambda, self.allow_bitwise, self.allow_semi = True, True, False
        try:
            stmt = self.parse_statement()
        finally:
            self.allow_lambda, self.allow_bitwise, self.allow_semi = saved
        body = self.parse_expression()
        return ast.StmtExpr(stmt, body, span=self.span(start))

    def parse_old_like(self) -> ast.Expr:
        """`old(e)`, `old@L(e)`, `fresh(e)`, `fresh@L(e)`, `allocated(e)`,
        `unchanged(frames)`, `unchanged@L(frames)`."""
        start = self.next()
        label: str | None = None
        if self.tok.kind == "@" and start.kind != "allocated":
            self.next()
            label = self.expect_ident().text
        self.expect("(")
        e: ast.Expr
        if start.kind == "unchanged":
            frames = self.parse_frame_list()
            self.expect(")")
            e = ast.UnchangedExpr(frames, label, span=self.span(start))
        else:
            operand = self.parse_expr_in()
            self.expect(")")
            if start.kind == "old":
                e = ast.OldExpr(operand, label, span=self.span(start))
            elif start.kind == "fresh":
                e = ast.FreshExpr(operand, label, span=self.span(start))
            else:
                e = ast.AllocatedExpr(operand, span=self.span(start))
        return self.parse_suffixes(e, start)

    # ------------------------------------------------------------------ suffixes
    def parse_suffixes(self, e: ast.Expr, start: Token) -> ast.Expr:
        """{Suffix}: `.name`, `.(f := v)`, `[...]`, `(args)`."""
        while True:
            k = self.tok.kind
            if k == ".":
                self.next()
                t = self.tok
                if t.kind == "(":
                    self.next()
                    updates: list[tuple[str, ast.Expr]] = []
                    while True:
                        nt = self.tok
                        if nt.kind != INT and not _is_word(nt):
                            self.fail("ident expected")
                        self.next()
                        self.expect(":=")
                        updates.append((nt.text, self.parse_expr_in()))
                        if not self.accept(","):
                            break
                    self.expect(")")
                    e = ast.DatatypeUpdateExpr(e, updates, span=self.span(start))
                elif t.kind == INT or _is_word(t):
                    self.next()
                    targs = self.parse_opt_generic_instantiation() \
                        if self.tok.kind == "<" else None
                    depth: ast.Expr | None = None
                    if self.tok.kind == "#" and self.peek().kind == "[":
                        self.next()    # `x.P#[k](y)`: a prefix predicate/lemma of a member
                        self.next()
                        depth = self.parse_expr_in()
                        self.expect("]")
                    e = ast.MemberSelect(e, t.text, targs, prefix_depth=depth,
                                         span=self.span(start))
                else:
                    self.fail("ident expected")
            elif k == "[":
                e = self.parse_index_suffix(e, start)
            elif k == "(":
                args = self.parse_bindings()
                e = ast.ApplyExpr(e, args, span=self.span(start))
            elif k == "@" and isinstance(e, (ast.NameExpr, ast.MemberSelect)) and \
                    self.peek().kind == IDENT and self.peek(2).kind == "(":
                self.fail("unsupported: a two-state function call at a label (f@L(args))")
            else:
                return e

    def parse_index_suffix(self, e: ast.Expr, start: Token) -> ast.Expr:
        self.next()
        if self.accept(".."):
            hi = None if self.tok.kind == "]" else self.parse_expr_in()
            self.expect("]")
            return ast.SliceExpr(e, None, hi, span=self.span(start))
        i0 = self.parse_expr_in()
        k = self.tok.kind
        if k == ":=":
            self.next()
            v = self.parse_expr_in()
            self.expect("]")
            return ast.SeqUpdateExpr(e, i0, v, span=self.span(start))
        if k == "..":
            self.next()
            hi = None if self.tok.kind == "]" else self.parse_expr_in()
            self.expect("]")
            return ast.SliceExpr(e, i0, hi, span=self.span(start))
        if k == ":":
            lengths = [i0]
            trailing = False
            while self.accept(":"):
                if self.tok.kind == "]":
                    trailing = True
                    break
                lengths.append(self.parse_expr_in())
            self.expect("]")
            return ast.SeqSplitExpr(e, lengths, trailing, span=self.span(start))
        if k == ",":
            indices = [i0]
            while self.accept(","):
                indices.append(self.parse_expr_in())
            self.expect("]")
            return ast.MultiIndexExpr(e, indices, span=self.span(start))
        self.expect("]")
        return ast.IndexExpr(e, i0, span=self.span(start))

    def parse_bindings(self) -> list[ast.Binding]:
        """`(` [Binding {`,` Binding}] `)` where Binding is `e` or `name := e`."""
        self.expect("(")
        args: list[ast.Binding] = []
        if self.tok.kind != ")":
            while True:
                t = self.tok
                if t.kind == IDENT and self.peek().kind == ":=":
                    self.next()
                    self.next()
                    args.append(ast.Binding(self.parse_expr_in(), t.text, span=self.span(t)))
                else:
                    ex = self.parse_expr_in()
                    args.append(ast.Binding(ex, None, span=ex.span))
                if not self.accept(","):
                    break
        self.expect(")")
        return args

    # ------------------------------------------------------------------ attributes
    def parse_attributes(self) -> list[ast.Attribute]:
        """{ `{:` name [args] `}` }"""
        attrs: list[ast.Attribute] = []
        while self.tok.kind == "{:":
            start = self.next()
            t = self.tok
            if not _is_word(t):
                self.fail("ident expected")
            self.next()
            args: list[ast.Expr] = []
            if self.tok.kind != "}":
                args = self.parse_expr_list_in()
            self.expect("}")
            attrs.append(ast.Attribute(t.text, args, span=self.span(start)))
        return attrs


_NOT_IN_LAMBDA_SPEC = frozenset([
    ";", EOF, "ensures", "modifies", "decreases", "invariant", ":=", "method", "function",
    "lemma", "predicate", "class", "trait", "datatype", "codatatype", "module", "import",
    "export", "type", "newtype", "const", "var", "iterator", "constructor", "ghost", "static",
    "case",
])

_PRIMARY: dict[str, Callable[[ExprParser], ast.Expr]] = {
    INT: ExprParser.parse_int_lit,
    "...": ExprParser.parse_ellipsis,
    HEX: ExprParser.parse_hex_lit,
    REAL: ExprParser.parse_real_lit,
    CHAR: ExprParser.parse_char_lit,
    STRING: ExprParser.parse_string_lit,
    VSTRING: ExprParser.parse_string_lit,
    "true": ExprParser.parse_keyword_lit,
    "false": ExprParser.parse_keyword_lit,
    "null": ExprParser.parse_keyword_lit,
    "this": ExprParser.parse_keyword_lit,
    "|": ExprParser.parse_cardinality,
    "(": ExprParser.parse_parens,
    "[": ExprParser.parse_seq_display,
    "{": ExprParser.parse_set_display,
    "multiset": ExprParser.parse_multiset,
    "set": ExprParser.parse_set_or_comprehension,
    "iset": ExprParser.parse_set_or_comprehension,
    "map": ExprParser.parse_map_or_comprehension,
    "imap": ExprParser.parse_map_or_comprehension,
    "seq": ExprParser.parse_seq_constructor,
    "forall": ExprParser.parse_quantifier,
    "exists": ExprParser.parse_quantifier,
    "if": ExprParser.parse_ite,
    "match": ExprParser.parse_match_expr,
    "var": ExprParser.parse_let,
    "ghost": ExprParser.parse_let,
    "assert": ExprParser.parse_stmt_expr,
    "assume": ExprParser.parse_stmt_expr,
    "expect": ExprParser.parse_stmt_expr,
    "reveal": ExprParser.parse_stmt_expr,
    "calc": ExprParser.parse_stmt_expr,
    "old": ExprParser.parse_old_like,
    "fresh": ExprParser.parse_old_like,
    "unchanged": ExprParser.parse_old_like,
    "allocated": ExprParser.parse_old_like,
}

__all__ = ["REL_OPS", "ExprParser", "ParseError"]
