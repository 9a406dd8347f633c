"""Token-stream machinery shared by the parser mixins.

`ParserBase` holds the token list, the current position, the context flags of Dafny's
grammar (`allow_lambda`, `allow_bitwise`, `allow_semi`) and error reporting. Parse
errors are reported once (a second error at the same token is suppressed) and raised as
`ParseError`, which the statement and declaration loops catch to resynchronise.
"""

from __future__ import annotations

from typing import NoReturn

from ..diagnostics import Reporter
from . import ast
from .source import SourceFile, Span
from .tokens import EOF, IDENT, Token, describe

MAX_ERRORS = 100

# Names Dafny's parser uses for tokens in "X expected" messages.
TOKEN_NAMES = {
    ";": "semicolon", "}": "rbrace", "{": "lbrace", ")": "closeparen", "(": "openparen",
    "]": "closebracket", "[": "openbracket", ",": "comma", ":": "colon", ":=": "gets",
    "=>": "doublearrow", "::": "doublecolon", ".": "dot", "=": "'='", ">": "'>'",
    "<": "'<'", "|": "verticalbar", IDENT: "ident",
}

# Tokens that can start a declaration (used to resynchronise after an error).
DECL_START = frozenset([
    "module", "import", "export", "class", "trait", "datatype", "codatatype", "newtype",
    "type", "iterator", "method", "lemma", "constructor", "function", "predicate", "var",
    "const", "ghost", "static", "abstract", "opaque", "twostate", "include",
]) | {"{:"}

STMT_START = frozenset([
    "var", "if", "while", "for", "match", "forall", "calc", "assert", "assume", "expect",
    "print", "return", "yield", "break", "continue", "reveal", "modify", "label", "ghost",
])


class ParseError(Exception):
    """Raised after a syntax error has been reported; caught where parsing resumes."""


class TooManyErrors(Exception):
    """Raised when MAX_ERRORS errors have been reported; ends the parse of a file."""


class ParserBase:
    """The token stream and the helpers every production uses."""

    def __init__(self, source: SourceFile, reporter: Reporter, toks: list[Token]) -> None:
        self.src = source
        self.rep = reporter
        self.toks = toks
        self.i = 0
        self.tok = toks[0]
        self.last_end = 0
        self.allow_lambda = True
        self.allow_bitwise = True
        self.allow_semi = False
        self.errors = 0
        self._last_error_index = -1
        self.fresh_names = 0     # temporaries of desugared `var x :- e; body` lets
        # Start offsets of tokens that directly follow a skipped bad character.
        self.after_lexical_error: set[int] = set()
        lex_errors = sorted(d.span.start for d in reporter.diagnostics
                            if d.span.file is source)
        if lex_errors:
            prev_end, j = 0, 0
            for t in toks:
                while j < len(lex_errors) and lex_errors[j] < prev_end:
                    j += 1
                if j < len(lex_errors) and lex_errors[j] < t.start:
                    self.after_lexical_error.add(t.start)
                prev_end = t.end
        self._match_paren: dict[int, int] | None = None
        self._depth: list[int] | None = None

    # ------------------------------------------------------------------ tokens
    def next(self) -> Token:
        """Consume and return the current token (EOF is never consumed)."""
        t = self.tok
        if t.kind != EOF:
            self.i += 1
            self.tok = self.toks[self.i]
            self.last_end = t.end
        return t

    def peek(self, k: int = 1) -> Token:
        j = self.i + k
        toks = self.toks
        return toks[j] if j < len(toks) else toks[-1]

    def at(self, kind: str) -> bool:
        return self.tok.kind == kind

    def at_word(self, word: str) -> bool:
        """The current token is the identifier/keyword `word` (contextual keywords)."""
        return self.tok.text == word and self.tok.kind in (IDENT, word)

    def accept(self, kind: str) -> Token | None:
        if self.tok.kind == kind:
            return self.next()
        return None

    def expect(self, kind: str) -> Token:
        if self.tok.kind == kind:
            return self.next()
        raise self.error(f"{TOKEN_NAMES.get(kind, repr(kind))} expected")

    def expect_ident(self) -> Token:
        if self.tok.kind == IDENT:
            return self.next()
        raise self.error("ident expected")

    def decl_ident(self, wildcard: bool = False) -> Token:
        """The identifier a declaration introduces. As in Dafny, it may not begin with
        an underscore, except the wildcard `_` itself where `wildcard` allows it."""
        t = self.expect_ident()
        if t.text.startswith("_") and not (wildcard and t.text == "_"):
            self.report("cannot declare identifier beginning with underscore", t)
        return t

    def expect_semi(self) -> None:
        """`;` is reported when missing but parsing goes on as if it were there."""
        if self.tok.kind == ";":
            self.next()
        else:
            self.report("semicolon expected")

    def span(self, start: Token) -> Span:
        """The span from the start of `start` to the end of the last consumed token."""
        return Span(self.src, start.start, max(self.last_end, start.start))

    def tok_span(self, tok: Token) -> Span:
        return Span(self.src, tok.start, tok.end)

    # ------------------------------------------------------------------ errors
    def report(self, message: str, tok: Token | None = None) -> None:
        """Report an error at `tok` (default: the current token) unless one was already
        reported at that token."""
        tok = tok or self.tok
        index = self.i if tok is self.tok else -2
        if index == self._last_error_index and index >= 0:
            return
        if tok.start in self.after_lexical_error:
            return        # the lexical error just before this token explains it
        self._last_error_index = index
        self.errors += 1
        self.rep.error(Span(self.src, tok.start, tok.end), message)
        if self.errors >= MAX_ERRORS:
            raise TooManyErrors()

    def error(self, message: str, tok: Token | None = None) -> ParseError:
        self.report(message, tok)
        return ParseError(message)

    def fail(self, message: str) -> NoReturn:
        raise self.error(message)

    def found(self) -> str:
        return describe(self.tok)

    # ------------------------------------------------------------------ recovery
    def brace_depth(self, index: int) -> int:
        """Number of `{` (or `{:`) opened and not yet closed before token `index`; the
        `}` closing a block has the depth of the block's contents. Computed once."""
        if self._depth is None:
            depth = 0
            ds: list[int] = []
            for t in self.toks:
                ds.append(depth)
                if t.kind == "{" or t.kind == "{:":
                    depth += 1
                elif t.kind == "}" and depth > 0:
                    depth -= 1
            self._depth = ds
        return self._depth[index]

    def sync_to(self, stops: frozenset[str], start_index: int, semi: bool = True,
                level: int = -1) -> None:
        """Skip tokens to a token in `stops`, a `;` (consumed; only if `semi`), or a `}`
        at brace depth `level` (default: the depth at `start_index`); tokens nested
        deeper are skipped. Always makes progress if no token was consumed since
        `start_index`."""
        if level < 0:
            level = self.brace_depth(start_index)
        if self.i == start_index and self.tok.kind not in ("}", EOF):
            self.next()
        while True:
            k = self.tok.kind
            if k == EOF:
                return
            d = self.brace_depth(self.i)
            if d < level:
                return
            if d == level:
                if k == "}":
                    return
                if k == ";" and semi:
                    self.next()
                    return
                if k in stops:
                    return
            self.next()

    # ------------------------------------------------------------------ lookahead
    def matching_paren(self, index: int) -> int:
        """Index of the `)` matching the `(` at `index`, or -1. Computed once per file,
        so lookahead over parentheses is O(1)."""
        if self._match_paren is None:
            m: dict[int, int] = {}
            stack: list[int] = []
            for j, t in enumerate(self.toks):
                if t.kind == "(":
                    stack.append(j)
                elif t.kind == ")" and stack:
                    m[stack.pop()] = j
            self._match_paren = m
        return self._match_paren.get(index, -1)

    # ------------------------------------------------------------------ cross-mixin API
    def parse_expression(self) -> ast.Expr:
        raise NotImplementedError

    def parse_type(self) -> ast.Type:
        raise NotImplementedError

    def parse_block(self) -> ast.BlockStmt:
        raise NotImplementedError

    def parse_statement(self) -> ast.Stmt:
        raise NotImplementedError

    def parse_attributes(self) -> list[ast.Attribute]:
        raise NotImplementedError
