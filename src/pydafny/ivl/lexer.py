"""Lexer for the IVL's Boogie-style text form.

Takes: a `SourceFile`.
Guarantees: a list of `Token`s ending with one of kind EOF; comments (`//`, nested `/* */`) and
white space are skipped; a malformed character or unterminated comment/string raises
`IvlSyntaxError` with its location.
Token kinds: IDENT, KEYWORD, INT, BV (text like `5bv32`), REAL, STRING, OP, EOF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..syntax.source import SourceFile, Span


class IvlSyntaxError(Exception):
    """A syntax error at a location; its message is printed as `file(l,c): Error: msg`."""

    def __init__(self, span: Span, message: str) -> None:
        super().__init__(message)
        self.span = span
        self.message = message


KEYWORDS = frozenset((
    "type", "const", "unique", "function", "returns", "axiom", "var", "procedure",
    "implementation", "requires", "ensures", "modifies", "free", "assert", "assume", "havoc",
    "call", "goto", "return", "break", "if", "then", "else", "while", "invariant", "old",
    "forall", "exists", "lambda", "true", "false", "int", "real", "bool", "div", "mod", "where",
    "extends", "complete", "finite", "uses"))

# longest operators first
OPERATORS = ("<==>", "==>", "<==", "{:", "::", ":=", "||", "&&", "==", "!=", "<=", ">=", "<:",
             "++", "**", "(", ")", "[", "]", "{", "}", "<", ">", ",", ";", ":", "+", "-", "*",
             "/", "%", "!", "|", "=")

_IDENT_START = r"[A-Za-z'~#$^_.?`\\]"
_IDENT_CHAR = r"[A-Za-z0-9'~#$^_.?`\\]"
_TOKEN_RE = re.compile(
    r"(?P<ws>\s+)"
    r"|(?P<lc>//[^\n]*)"
    r"|(?P<bc>/\*)"
    r"|(?P<bv>[0-9]+bv[0-9]+)(?!" + _IDENT_CHAR + r")"
    r"|(?P<real>[0-9]+\.[0-9]+(?:e-?[0-9]+)?|[0-9]+e-?[0-9]+)(?!" + _IDENT_CHAR + r")"
    r"|(?P<int>[0-9]+)(?!" + _IDENT_CHAR + r")"
    r"|(?P<ident>" + _IDENT_START + _IDENT_CHAR + r"*)"
    r"|(?P<str>\"[^\"\n]*\")"
    r"|(?P<op>" + "|".join(re.escape(o) for o in OPERATORS) + r")")


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    span: Span

    def describe(self) -> str:
        return "end of file" if self.kind == "EOF" else f"'{self.text}'"


def tokenize(src: SourceFile) -> list[Token]:
    text = src.text
    n = len(text)
    pos = 0
    out: list[Token] = []
    match = _TOKEN_RE.match
    while pos < n:
        m = match(text, pos)
        if m is None:
            raise IvlSyntaxError(Span(src, pos, pos + 1), f"unexpected character '{text[pos]}'")
        kind = m.lastgroup or ""
        end = m.end()
        if kind == "bc":
            depth, i = 1, end
            while depth and i < n:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
            if depth:
                raise IvlSyntaxError(Span(src, pos, pos + 2), "unterminated comment")
            pos = i
            continue
        if kind in ("ws", "lc"):
            pos = end
            continue
        s = m.group()
        span = Span(src, pos, end)
        if kind == "ident":
            out.append(Token("KEYWORD" if s in KEYWORDS else "IDENT", s, span))
        elif kind == "str":
            out.append(Token("STRING", s[1:-1], span))
        elif kind == "op":
            out.append(Token("OP", s, span))
        else:
            out.append(Token(kind.upper() if kind != "bv" else "BV", s, span))
        pos = end
    out.append(Token("EOF", "", Span(src, n, n)))
    return out
