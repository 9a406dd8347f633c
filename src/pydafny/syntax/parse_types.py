"""Parsing of types, type parameters and the token-level type lookahead.

Takes the token stream of `ParserBase`; produces `ast.Type` nodes:
`bool int real char ORDINAL` -> the builtin classes, `bvN` -> `BitvectorType(N)`,
`object`/`object?` -> `ObjectType`, collection types, tuples `(A, B)`, arrows
`A -> B` / `(A, B) --> C` / `~>` (right associative), and every other name (also
`nat`, `string`, `array<T>`, `C?`, `M.T<A>`) -> `UserType`. A parenthesised single type
`(T)` is just `T`.

`scan_type(j)` recognises a type on the raw tokens without building anything; it is the
basis of Dafny's generic-instantiation rule (`f<int>(x)` versus `a < b`).
"""

from __future__ import annotations

import re

from . import ast
from .parse_base import ParserBase
from .tokens import IDENT, INT, Token

_BV = re.compile(r"bv(0|[1-9][0-9]*)")
_ARROWS = ("->", "-->", "~>")
_COLLECTIONS = ("set", "iset", "multiset", "seq", "map", "imap")
_BUILTIN_SIMPLE = ("bool", "int", "real", "char", "ORDINAL", "object")

# Tokens that may follow a generic instantiation `f<T>` in an expression: ones that cannot
# continue `a < b > c` as a comparison (Dafny's rule; `f(a < b, c > (d))` stays a call of
# a generic function `a`, which the user can disambiguate with parentheses).
_AFTER_GENERIC = frozenset([
    ".", "(", "[", "{", "@", ")", "]", "}", ",", ";", "then", "else", "case", "==", "!=",
    "as", "is", "=>", "by", "in", "<", ">", "EOF", "::", ":=", "|", "<==>", "==>", "<==",
    "&&", "||", "decreases", "modifies", "reads", "requires", "ensures", "invariant",
    "witness", "function", "predicate", "twostate", "lemma", "ghost", "static", "import",
    "export", "class", "trait", "datatype", "codatatype", "var", "const", "newtype",
    "type", "iterator", "method", "constructor",
])


class TypeParser(ParserBase):
    """Types, type arguments and type parameters."""

    def parse_type(self) -> ast.Type:
        start = self.tok
        if start.kind == "(":
            self.next()
            elems: list[ast.Type] = []
            ghosts: list[bool] = []
            if self.tok.kind != ")":
                ghosts.append(bool(self.accept("ghost")))
                elems.append(self.parse_type())
                while self.accept(","):
                    ghosts.append(bool(self.accept("ghost")))
                    elems.append(self.parse_type())
            self.expect(")")
            if self.tok.kind in _ARROWS:
                arrow = self.next().kind
                result = self.parse_type()
                return ast.ArrowType(elems, result, arrow, span=self.span(start))
            if len(elems) == 1:
                return elems[0]
            return ast.TupleType(elems, ghosts if any(ghosts) else [], span=self.span(start))
        t = self.parse_primary_type()
        if self.tok.kind in _ARROWS:
            arrow = self.next().kind
            result = self.parse_type()
            return ast.ArrowType([t], result, arrow, span=self.span(start))
        return t

    def parse_primary_type(self, lookahead_args: bool = False) -> ast.Type:
        """A type other than a tuple or arrow. With `lookahead_args`, `<` starts type
        arguments only if they scan as such (used after `as`/`is`)."""
        start = self.tok
        k = start.kind
        if k == "bool":
            self.next()
            return ast.BoolType(span=self.span(start))
        if k == "int":
            self.next()
            return ast.IntType(span=self.span(start))
        if k == "real":
            self.next()
            return ast.RealType(span=self.span(start))
        if k == "char":
            self.next()
            return ast.CharType(span=self.span(start))
        if k == "ORDINAL":
            self.next()
            return ast.OrdinalType(span=self.span(start))
        if k == "object":
            self.next()
            return ast.ObjectType(False, span=self.span(start))
        if k in _COLLECTIONS:
            self.next()
            args = self.parse_opt_type_args(lookahead_args)
            sp = self.span(start)
            want = 2 if k in ("map", "imap") else 1
            if len(args) != want:
                if args:
                    self.report(f"{k} type expects {want} type argument"
                                f"{'s' if want > 1 else ''}", start)
                args = (args + [ast.InferredType(span=sp), ast.InferredType(span=sp)])[:want]
            if k == "set":
                return ast.SetType(args[0], True, span=sp)
            if k == "iset":
                return ast.SetType(args[0], False, span=sp)
            if k == "multiset":
                return ast.MultisetType(args[0], span=sp)
            if k == "seq":
                return ast.SeqType(args[0], span=sp)
            return ast.MapType(args[0], args[1], k == "map", span=sp)
        if k == IDENT:
            text = start.text
            if text == "object?":
                self.next()
                return ast.ObjectType(True, span=self.span(start))
            if _BV.fullmatch(text):
                self.next()
                return ast.BitvectorType(int(text[2:]), span=self.span(start))
            path = [self.next().text]
            while self.tok.kind == "." and self.peek().kind == IDENT:
                self.next()
                path.append(self.next().text)
            args = self.parse_opt_type_args(lookahead_args)
            return ast.UserType(path, args, span=self.span(start))
        self.fail("invalid Type")

    def parse_opt_type_args(self, lookahead: bool = False) -> list[ast.Type]:
        if self.tok.kind != "<":
            return []
        nxt = self.peek()
        if nxt.kind == "-" and nxt.start == self.tok.end:   # `x: T <- C`
            return []
        if lookahead and self.scan_type_args(self.i) < 0:
            return []
        return self.parse_type_args()

    def parse_type_args(self) -> list[ast.Type]:
        """`<` Type {`,` Type} `>`"""
        self.expect("<")
        args = [self.parse_type()]
        while self.accept(","):
            args.append(self.parse_type())
        self.expect(">")
        return args

    # ------------------------------------------------------------------ type parameters
    def parse_type_params(self) -> list[ast.TypeParam]:
        """`<` [variance] T [characteristics] {, ...} `>`; empty if no `<`."""
        if self.tok.kind != "<":
            return []
        self.next()
        params = [self.parse_type_param()]
        while self.accept(","):
            params.append(self.parse_type_param())
        self.expect(">")
        return params

    def parse_type_param(self) -> ast.TypeParam:
        start = self.tok
        variance = ""
        if self.tok.kind in ("+", "-", "*", "!"):
            variance = self.next().kind
        name = self.expect_ident().text
        chars = self.parse_characteristics()
        return ast.TypeParam(name, chars, variance, span=self.span(start))

    def parse_characteristics(self) -> list[str]:
        """`(==)`, `(0)`, `(00)`, `(!new)`, comma-separated inside one pair of parens."""
        chars: list[str] = []
        while self.tok.kind == "(":
            self.next()
            while True:
                t = self.tok
                if t.kind == "==":
                    self.next()
                    chars.append("==")
                elif t.kind == "!" and self.peek().kind == "new":
                    self.next()
                    self.next()
                    chars.append("!new")
                elif t.kind == INT:
                    self.next()
                    if t.text not in ("0", "00"):
                        self.report("invalid type characteristic", t)
                    chars.append(t.text)
                else:
                    self.fail("invalid type characteristic (expected ==, 0, 00 or !new)")
                if not self.accept(","):
                    break
            self.expect(")")
        return chars

    # ------------------------------------------------------------------ lookahead
    def scan_type(self, j: int) -> int:
        """If a type starts at token index `j`, the index just after it, else -1."""
        toks = self.toks
        n = len(toks)
        if j >= n:
            return -1
        t = toks[j]
        if t.kind == "(":
            j += 1
            if toks[j].kind != ")":
                while True:
                    if toks[j].kind == "ghost":
                        j += 1
                    j = self.scan_type(j)
                    if j < 0:
                        return -1
                    if toks[j].kind == ",":
                        j += 1
                        continue
                    break
            if toks[j].kind != ")":
                return -1
            j += 1
        elif t.kind == IDENT or t.kind in _BUILTIN_SIMPLE or t.kind in _COLLECTIONS:
            j += 1
            if t.kind == IDENT:
                while toks[j].kind == "." and toks[j + 1].kind == IDENT:
                    j += 2
            if toks[j].kind == "<":
                j = self.scan_type_args(j)
                if j < 0:
                    return -1
        else:
            return -1
        if toks[j].kind in _ARROWS:
            return self.scan_type(j + 1)
        return j

    def scan_type_args(self, j: int) -> int:
        """`j` indexes a `<`; the index after the matching `>` of a type list, or -1."""
        toks = self.toks
        j += 1
        while True:
            j = self.scan_type(j)
            if j < 0:
                return -1
            if toks[j].kind == ",":
                j += 1
                continue
            if toks[j].kind == ">":
                return j + 1
            return -1

    def is_generic_instantiation(self) -> bool:
        """At `<` after a name in an expression: Dafny's rule - the tokens scan as a type
        list and the token after the closing `>` is one that cannot continue `a < b > c`
        as a comparison (`(`, `.`, `)`, ...)."""
        j = self.scan_type_args(self.i)
        if j < 0:
            return False
        nxt: Token = self.toks[j]
        return nxt.kind in _AFTER_GENERIC

    def parse_opt_generic_instantiation(self) -> list[ast.Type] | None:
        if self.tok.kind == "<" and self.is_generic_instantiation():
            return self.parse_type_args()
        return None
