"""Parsing of case patterns, literal patterns and frame expressions.

Patterns (`C(x, _)`, `(a, b)`, `x: T`, `-1`, `"s"`, `A | B`) appear in `match` cases, in
`var` declarations and in let expressions; frames (`e`, `` e`f ``, `` `f ``, `*`) in
`reads`, `modifies` and `unchanged`. Both take tokens from `ParserBase` and produce
`ast.Pattern` / `ast.FrameExpr` nodes; expressions inside frames come from the
expression parser through `parse_expression`.
"""

from __future__ import annotations

from . import ast
from .lexer import unescape
from .parse_types import TypeParser
from .tokens import CHAR, HEX, IDENT, INT, REAL, STRING, VSTRING


class PatternParser(TypeParser):
    """Patterns and frame expressions."""

    # ------------------------------------------------------------------ patterns
    def parse_pattern(self) -> ast.Pattern:
        """A case pattern, possibly disjunctive `A | B`."""
        start = self.tok
        self.accept("|")     # a leading bar is allowed: `case | A | B =>`
        p = self.parse_single_pattern()
        if self.tok.kind != "|":
            return p
        alts = [p]
        while self.accept("|"):
            alts.append(self.parse_single_pattern())
        return ast.DisjunctivePattern(alts, span=self.span(start))

    def parse_single_pattern(self) -> ast.Pattern:
        t = self.tok
        k = t.kind
        if k == "(":
            self.next()
            args: list[ast.Pattern] = []
            if self.tok.kind != ")":
                args.append(self.parse_pattern())
                while self.accept(","):
                    args.append(self.parse_pattern())
            self.expect(")")
            if len(args) == 1:
                return args[0]
            return ast.CtorPattern("", args, span=self.span(t))
        if k == IDENT:
            self.next()
            name = t.text
            while self.tok.kind == "." and self.peek().kind == IDENT:
                self.next()
                name += "." + self.next().text
            if self.tok.kind == "(":
                self.next()
                args = []
                if self.tok.kind != ")":
                    args.append(self.parse_pattern())
                    while self.accept(","):
                        args.append(self.parse_pattern())
                self.expect(")")
                return ast.CtorPattern(name, args, span=self.span(t))
            ty = self.parse_type() if self.accept(":") else None
            return ast.VarPattern(name, ty, span=self.span(t))
        if k == "ghost" and self.peek().kind == IDENT:
            self.next()
            n = self.next()
            ty = self.parse_type() if self.accept(":") else None
            return ast.VarPattern(n.text, ty, True, span=self.span(t))
        if k == "-" and self.peek().kind in (INT, HEX, REAL):
            self.next()
            lt = self.next()
            lit: ast.Expr
            if lt.kind == REAL:
                lit = ast.RealLit("-" + lt.text, span=self.span(t))
            else:
                v = int(lt.text[2:].replace("_", ""), 16) if lt.kind == HEX \
                    else int(lt.text.replace("_", ""))
                lit = ast.IntLit(-v, "-" + lt.text, span=self.span(t))
            return ast.LitPattern(lit, span=self.span(t))
        if k in (INT, HEX, REAL, CHAR, STRING, VSTRING, "true", "false", "null"):
            saved = self.tok
            lit = self.parse_literal_only()
            return ast.LitPattern(lit, span=self.span(saved))
        self.fail("invalid pattern")

    def parse_literal_only(self) -> ast.Expr:
        t = self.next()
        sp = self.tok_span(t)
        k = t.kind
        if k == INT:
            return ast.IntLit(int(t.text.replace("_", "")), t.text, span=sp)
        if k == HEX:
            return ast.IntLit(int(t.text[2:].replace("_", ""), 16), t.text, span=sp)
        if k == REAL:
            return ast.RealLit(t.text, span=sp)
        if k == CHAR:
            return ast.CharLit(unescape(t.text[1:-1])[0], span=sp)
        if k == STRING:
            return ast.StringLit(unescape(t.text[1:-1])[0], span=sp)
        if k == VSTRING:
            return ast.StringLit(t.text[2:-1].replace('""', '"'), True, span=sp)
        if k == "null":
            return ast.NullLit(span=sp)
        return ast.BoolLit(k == "true", span=sp)

    def parse_frame_expr(self) -> ast.FrameExpr:
        """`e`, `e`f`, `` `f`` or `*`."""
        start = self.tok
        if self.accept("`"):
            name = self.expect_ident().text
            return ast.FrameExpr(None, name, span=self.span(start))
        if self.tok.kind == "*":
            self.next()
            return ast.FrameExpr(ast.WildcardExpr(span=self.span(start)), span=self.span(start))
        e = self.parse_expression()
        field_name: str | None = None
        if self.accept("`"):
            field_name = self.expect_ident().text
        return ast.FrameExpr(e, field_name, span=self.span(start))

    def parse_frame_list(self) -> list[ast.FrameExpr]:
        frames = [self.parse_frame_expr()]
        while self.accept(","):
            frames.append(self.parse_frame_expr())
        return frames
