"""The Dafny lexer: source text to a list of `Token`s.

`tokenize(source, reporter)` takes a `SourceFile` and returns every token of it, ending
with one `EOF` token. It never raises: characters that start no token, unterminated
strings and comments, and bad escapes are reported as `Error` diagnostics and skipped
(consecutive bad characters give one error).

Design: one compiled master regular expression whose alternatives are named groups;
`match.lastgroup` says which one matched. Nested block comments `/* /* */ */` are
scanned by hand because a regular expression cannot count. `<` and `>` are always
single tokens (so `seq<seq<int>>` closes two type lists); the parser joins adjacent
`<` `<` / `>` `>` into shift operators. `!in` is one token only when no identifier
character follows (`!inside` is `!` `inside`).
"""

from __future__ import annotations

import re

from ..diagnostics import Reporter
from .source import SourceFile, Span
from .tokens import (
    BAD,
    CHAR,
    EOF,
    HEX,
    IDENT,
    INT,
    KEYWORDS,
    REAL,
    STRING,
    VSTRING,
    Token,
)

# Longest first: the alternation takes the first alternative that matches.
_PUNCT = [
    "<==>", "...", "==>", "<==", "-->", "!in", ":=", ":|", ":-", "::", "..", "==", "!=",
    "<=", ">=", "=>", "->", "~>", "&&", "||", "!!", "{:",
    "(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "<", ">", "=", "+", "-", "*", "/",
    "%", "!", "|", "&", "^", "#", "@", "`", "?",
]


# Unicode spellings Dafny accepts for some operators and keywords, with their kinds.
UNICODE_TOKENS = {
    "\u21d4": "<==>", "\u21d2": "==>", "\u21d0": "<==", "\u2227": "&&", "\u2228": "||",
    "\u00ac": "!", "\u2260": "!=", "\u2264": "<=", "\u2265": ">=", "\u2200": "forall",
    "\u2203": "exists", "\u2022": "::",
}


def _punct_alt() -> str:
    parts = []
    for p in _PUNCT:
        if p == "!in":
            parts.append(r"!in(?![A-Za-z0-9_'?])")
        else:
            parts.append(re.escape(p))
    return "|".join(parts) + "|[" + "".join(UNICODE_TOKENS) + "]"


_MASTER = re.compile(
    r"(?P<ws>[ \t\r\n\f\v\ufeff]+)"
    r"|(?P<lc>//[^\n]*)"
    r"|(?P<bc>/\*)"
    r"|(?P<hex>0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*)"
    r"|(?P<real>(?<![.])[0-9](?:_?[0-9])*\.[0-9](?:_?[0-9])*)"
    r"|(?P<int>[0-9](?:_?[0-9])*)"
    r"|(?P<id>[A-Za-z_][A-Za-z0-9_'?]*)"
    r'|(?P<vstr>@"(?:[^"]|"")*")'
    r'|(?P<str>"(?:[^"\\\n]|\\.)*")'
    r"|(?P<chr>'(?:[^'\\\n]|\\(?:u[0-9A-Fa-f]{4}|U\{[0-9A-Fa-f_]{1,8}\}|.))')"
    r"|(?P<op>" + _punct_alt() + ")"
)

_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"',
                   "'": "'"}


def unescape(body: str) -> tuple[str, str | None]:
    """Decode the escapes of a string or char literal body (without quotes).
    Returns (value, error message or None)."""
    if "\\" not in body:
        return body, None
    out: list[str] = []
    i, n = 0, len(body)
    err: str | None = None
    while i < n:
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = body[i + 1] if i + 1 < n else ""
        if e in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[e])
            i += 2
        elif e == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", body[i + 2:i + 6]):
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif e == "U" and i + 2 < n and body[i + 2] == "{":
            close = body.find("}", i + 3)
            digits = body[i + 3:close].replace("_", "") if close > 0 else ""
            if close > 0 and re.fullmatch(r"[0-9A-Fa-f]{1,6}", digits) and \
                    int(digits, 16) <= 0x10FFFF and not 0xD800 <= int(digits, 16) < 0xE000:
                out.append(chr(int(digits, 16)))
                i = close + 1
            else:
                err = err or "invalid \\U{...} escape"
                out.append("?")
                i += 2
        else:
            err = err or f"unrecognized escape sequence '\\{e}'"
            out.append(e)
            i += 2
    return "".join(out), err


def _skip_block_comment(text: str, pos: int) -> int:
    """`pos` is just after an opening `/*`; returns the offset after the matching `*/`,
    or -1 if the comment is not closed."""
    depth = 1
    n = len(text)
    while depth:
        close = text.find("*/", pos)
        if close < 0:
            return -1
        open_ = text.find("/*", pos, close)
        if open_ >= 0:
            depth += 1
            pos = open_ + 2
        else:
            depth -= 1
            pos = close + 2
    return min(pos, n)


def tokenize(source: SourceFile, reporter: Reporter) -> list[Token]:
    """All tokens of `source`, ending with an EOF token; errors go to `reporter`."""
    text = source.text
    n = len(text)
    toks: list[Token] = []
    append = toks.append
    match = _MASTER.match
    keywords = KEYWORDS
    pos = 0
    bad_start = -1

    def flush_bad(end: int) -> None:
        nonlocal bad_start
        if bad_start >= 0:
            ch = text[bad_start]
            if ch == "\ufffd":
                msg = "invalid character (the file is not valid UTF-8 here)"
            elif ch == '"':
                msg = "unterminated string literal"
            elif ch == "'":
                msg = "invalid character literal"
            elif ch.isprintable():
                msg = f"invalid character '{ch}'"
            else:
                msg = f"invalid character U+{ord(ch):04X}"
            reporter.error(Span(source, bad_start, end), msg)
            bad_start = -1

    while pos < n:
        m = match(text, pos)
        if m is None:
            if bad_start < 0:
                bad_start = pos
            elif text[pos] in "\"'" or text[bad_start] in "\"'":
                flush_bad(pos)
                bad_start = pos
            if text[pos] == '"':   # an unterminated string: skip to the end of line
                eol = text.find("\n", pos)
                pos = n if eol < 0 else eol
            else:
                pos += 1
            continue
        if bad_start >= 0:
            flush_bad(pos)
        kind = m.lastgroup
        end = m.end()
        if kind == "id":
            word = m.group()
            append(Token(word if word in keywords else IDENT, word, pos, end))
        elif kind == "ws" or kind == "lc":
            pass
        elif kind == "op":
            word = m.group()
            append(Token(UNICODE_TOKENS.get(word, word), word, pos, end))
        elif kind == "bc":
            after = _skip_block_comment(text, end)
            if after < 0:
                reporter.error(Span(source, pos, pos + 2), "unterminated comment")
                end = n
            else:
                end = after
        elif kind == "int":
            append(Token(INT, m.group(), pos, end))
        elif kind == "hex":
            append(Token(HEX, m.group(), pos, end))
        elif kind == "real":
            append(Token(REAL, m.group(), pos, end))
        elif kind == "str":
            append(Token(STRING, m.group(), pos, end))
        elif kind == "chr":
            append(Token(CHAR, m.group(), pos, end))
        elif kind == "vstr":
            append(Token(VSTRING, m.group(), pos, end))
        pos = end
    flush_bad(n)
    append(Token(EOF, "", n, n))
    return toks


__all__ = [
    "BAD",
    "CHAR",
    "EOF",
    "HEX",
    "IDENT",
    "INT",
    "REAL",
    "STRING",
    "VSTRING",
    "Token",
    "tokenize",
    "unescape",
]
