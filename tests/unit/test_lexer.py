"""The lexer: token kinds and texts for the tricky corners of Dafny's lexical syntax."""

from __future__ import annotations

from pydafny.diagnostics import Reporter
from pydafny.syntax.lexer import tokenize, unescape
from pydafny.syntax.source import SourceFile
from pydafny.syntax.tokens import CHAR, EOF, HEX, IDENT, INT, REAL, STRING, VSTRING


def lex(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    rep = Reporter()
    toks = tokenize(SourceFile("t.dfy", text), rep)
    assert toks[-1].kind == EOF
    return [(t.kind, t.text) for t in toks[:-1]], [d.message for d in rep.diagnostics]


def test_keywords_identifiers_and_primes() -> None:
    toks, errs = lex("method x' _y C? array?<int> bv8 nat")
    assert not errs
    assert toks == [("method", "method"), (IDENT, "x'"), (IDENT, "_y"), (IDENT, "C?"),
                    (IDENT, "array?"), ("<", "<"), ("int", "int"), (">", ">"),
                    (IDENT, "bv8"), (IDENT, "nat")]


def test_numbers() -> None:
    toks, errs = lex("1_000 0x1_F 1.5 s[1..2] t.0.1")
    assert not errs
    assert toks[:3] == [(INT, "1_000"), (HEX, "0x1_F"), (REAL, "1.5")]
    assert [k for k, _ in toks[3:9]] == [IDENT, "[", INT, "..", INT, "]"]
    assert [t for _, t in toks[9:]] == ["t", ".", "0", ".", "1"]


def test_operators_longest_match() -> None:
    toks, _ = lex("<==> ==> <== := :| :- :: -> --> ~> !! !in !inside ... `")
    assert [t for _, t in toks] == ["<==>", "==>", "<==", ":=", ":|", ":-", "::", "->",
                                    "-->", "~>", "!!", "!in", "!", "inside", "...", "`"]


def test_angle_brackets_are_single_tokens() -> None:
    toks, _ = lex("seq<seq<int>> a >> b")
    assert [t for _, t in toks].count(">") == 4


def test_comments_nest() -> None:
    toks, errs = lex("a /* x /* y */ z */ b // c\n d")
    assert not errs
    assert [t for _, t in toks] == ["a", "b", "d"]


def test_strings_chars_and_escapes() -> None:
    toks, errs = lex(r"""'\'' 'a' '\U{1F600}' "a\"b\\c\n" @"x""y" '\u0041'""")
    assert not errs
    assert [k for k, _ in toks] == [CHAR, CHAR, CHAR, STRING, VSTRING, CHAR]
    assert unescape(r"a\"b\\c\n\t\r\0\'")[0] == "a\"b\\c\n\t\r\0'"
    assert unescape(r"\U{1F600}")[0] == "\U0001F600"
    assert unescape(r"\u0041")[0] == "A"
    assert unescape(r"\q")[1] is not None


def test_verbatim_string_spans_lines() -> None:
    toks, errs = lex('@"line1\nline2" x')
    assert not errs and toks[0][0] == VSTRING and toks[1] == (IDENT, "x")


def test_lexical_errors_are_reported_not_raised() -> None:
    _, errs = lex('"unterminated\n$ /* open')
    assert errs == ["unterminated string literal", "invalid character '$'",
                    "unterminated comment"]


def test_byte_order_mark_and_crlf_are_whitespace() -> None:
    toks, errs = lex("\ufeffmethod\r\nM")
    assert not errs and toks == [("method", "method"), (IDENT, "M")]


def test_bad_utf8_is_reported() -> None:
    rep = Reporter()
    src = SourceFile("b.dfy", b"x \xff\xfe y".decode("utf-8", errors="replace"))
    toks = tokenize(src, rep)
    assert [t.text for t in toks[:-1]] == ["x", "y"]
    assert len(rep.diagnostics) == 1 and "UTF-8" in rep.diagnostics[0].message
