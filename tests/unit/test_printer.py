"""The printer: parenthesization keeps the structure, and parse(print(parse(x))) == parse(x)
for tricky expressions and for every construct."""

from __future__ import annotations

import glob
import os

import pytest

from pydafny.diagnostics import Reporter
from pydafny.syntax import ast as A
from pydafny.syntax.parser import parse_source
from pydafny.syntax.printer import print_expr, print_program, print_type
from pydafny.syntax.source import SourceFile

SYNTAX_DIR = os.path.join(os.path.dirname(__file__), "..", "syntax")


def parse(text: str) -> A.Program:
    rep = Reporter()
    p = parse_source(SourceFile("t.dfy", text), rep)
    assert not rep.diagnostics, [d.format() for d in rep.diagnostics]
    return p


def expr(text: str) -> A.Expr:
    d = parse(f"const c := {text}").module.decls[0]
    assert isinstance(d, A.Field) and d.init is not None
    return d.init


EXPRS = [
    "a + b * c", "(a + b) * c", "a - (b - c)", "(a - b) - c", "-(-x)", "- -x", "!(!p)",
    "(a ==> b) ==> c", "a ==> b ==> c", "(a <== b) <== c", "a <== (b <== c)",
    "(a && b) || c", "a && (b || c)", "(a < b) == c", "a < b <= c", "(a < b) < c",
    "a & (b | c)", "(a & b) & c", "a & (b & c)", "a << (b << c)", "(x as int) as real",
    "-x as int", "-(x as int)", "(forall x :: P(x)) && Q", "(x => x) == f",
    "(if a then b else c) + 1", "f((x, y) => x, 2)", "|a + b|", "|(a | b)|",
    "(var x := 1; x) + 1", "s[i := v][j]", "(a + b).f", "(1).f", "d.(f := 1).g",
    "(match x case A => 1 case B => 2) + 1", "multiset(s)[x]", "map[1 := 2][1]",
    "set x | x in s :: x", "(set x | x in s) + {}", "old(x).f", "a !! b", "x !in s",
    "t.0.1", "f<int>(x)", "F(a < b, c > d)", "a ==#[k] b", "(assert P; x) + 1",
    "forall x <- (a | b) :: x", "(a ==> b) <==> c", "a <==> (b <==> c)", "!a in s",
    "x is int && y", "[1, 2][0]", "\"s\"[0]", "'\\n'", "\"\\u0041\\U{1F600}\\0\"",
    "@\"v\"\"q\"", "0x1_F + 1_000", "seq(3, i => i)", "(x: int) requires x > 0 => x",
]


@pytest.mark.parametrize("text", EXPRS)
def test_expression_round_trip(text: str) -> None:
    e = expr(text)
    printed = print_expr(e)
    assert expr(printed) == e, printed


def test_minimal_parentheses_for_common_shapes() -> None:
    assert print_expr(expr("(a + b) * c")) == "(a + b) * c"
    assert print_expr(expr("a + (b * c)")) == "a + b * c"
    assert print_expr(expr("a ==> (b ==> c)")) == "a ==> b ==> c"
    assert print_expr(expr("a && (forall x :: P)")) == "a && (forall x :: P)"


def test_types_print() -> None:
    d = parse("type T = map<int, seq<(bool, char)>> -> set<bv8>").module.decls[0]
    assert isinstance(d, A.TypeSynonymDecl) and d.rhs is not None
    assert print_type(d.rhs) == "map<int, seq<(bool, char)>> -> set<bv8>"
    d = parse("type U = ((int, int)) -> (int -> int) -> object?").module.decls[0]
    assert isinstance(d, A.TypeSynonymDecl) and d.rhs is not None
    again = parse(f"type U = {print_type(d.rhs)}").module.decls[0]
    assert again == d


@pytest.mark.parametrize("path", sorted(glob.glob(os.path.join(SYNTAX_DIR, "valid_*.dfy"))))
def test_program_round_trip(path: str) -> None:
    rep = Reporter()
    p = parse_source(SourceFile.read(path), rep)
    assert not rep.has_errors()
    text = print_program(p)
    again = parse(text)
    assert again.module == p.module and again.includes == p.includes
    assert print_program(again) == text      # printing is idempotent


@pytest.mark.parametrize("body", [
    "(assert P; s) := x;", "(var q := 1; f(q));", "assert forall i :: ((x) => x) == f;",
    "if case ((x) => x) == f => { }", "x := (y) => y;", "x := seq(3, i => i);",
    "(if a then b else c)[0] := 1;",
    "(match x case A => a case B => b).f := 2;", "L(x);", "x := (L(y); 3);",
])
def test_statement_round_trip(body: str) -> None:
    p = parse(f"method M() {{ {body} }}")
    again = parse(print_program(p))
    assert again.module == p.module, print_program(p)


def test_lambda_in_specification_round_trips() -> None:
    p = parse("method M() ensures forall i :: ((x) => x) == f { }")
    again = parse(print_program(p))
    assert again.module == p.module, print_program(p)


def test_empty_program_prints_nothing() -> None:
    assert print_program(parse("")) == ""
