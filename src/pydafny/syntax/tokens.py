"""Tokens of the Dafny surface syntax.

A `Token` is a light record (kind, text, start, end): `kind` is
  * the token text itself for keywords and punctuation (`'method'`, `':='`, `'{'`),
  * one of the class names `IDENT`, `INT`, `HEX`, `REAL`, `CHAR`, `STRING`, `VSTRING`,
    `EOF`, `BAD` otherwise.
`start`/`end` are character offsets into the `SourceFile`. Tokens carry no line numbers:
spans compute them on demand.

Only *reserved* words become keyword tokens. Contextual words (`least`, `greatest`,
`opaque`, `to`, `downto`, `older`, `replaceable`, ...) are identifiers the parser
recognises by their text, so they remain usable as names.
"""

from __future__ import annotations

IDENT = "ident"
INT = "int-literal"
HEX = "hex-literal"
REAL = "real-literal"
CHAR = "char-literal"
STRING = "string-literal"
VSTRING = "verbatim-string"
EOF = "EOF"
BAD = "bad-character"

# Dafny 4 reserved words (reference manual, "Reserved Words").
KEYWORDS: frozenset[str] = frozenset([
    "abstract", "allocated", "as", "assert", "assume", "bool", "break", "by", "calc", "case",
    "char", "class", "codatatype", "const", "constructor", "continue", "datatype",
    "decreases", "else", "ensures", "exists", "expect", "export", "extends", "false", "for",
    "forall", "fresh", "function", "ghost", "if", "imap", "import", "in", "include", "int",
    "invariant", "is", "iset", "iterator", "label", "lemma", "map", "match", "method",
    "modifies", "modify", "module", "multiset", "nameonly", "new", "newtype", "null",
    "object", "old", "opened", "ORDINAL", "predicate", "print", "provides",
    "reads", "real", "refines", "requires", "return", "returns", "reveal", "reveals", "seq",
    "set", "static", "then", "this", "trait", "true", "twostate", "type", "unchanged", "var",
    "while", "witness", "yield", "yields",
])


class Token:
    """One token; `kind` as described in the module docstring."""

    __slots__ = ("end", "kind", "start", "text")

    def __init__(self, kind: str, text: str, start: int, end: int) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Token({self.kind!r}, {self.text!r}, {self.start})"


def describe(tok: Token) -> str:
    """How an error message names a token: `'x'`, or `end of file`."""
    if tok.kind == EOF:
        return "end of file"
    text = tok.text if len(tok.text) <= 20 else tok.text[:17] + "..."
    return f"'{text}'"
