"""IVL parser and printer: round trips, spans, equality without spans, error locations."""

from __future__ import annotations

import pathlib

import pytest

from pydafny.ivl import ast as A
from pydafny.ivl.lexer import IvlSyntaxError
from pydafny.ivl.parser import parse_program
from pydafny.ivl.printer import print_expr, print_program, print_type
from pydafny.syntax.source import SourceFile

GOLDEN = pathlib.Path(__file__).parent.parent / "ivl"


def parse(text: str) -> A.Program:
    return parse_program(SourceFile("t.bpl", text))


def parse_expr(text: str) -> A.Expr:
    p = parse(f"axiom {text};")
    d = p.decls[0]
    assert isinstance(d, A.AxiomDecl)
    return d.expr


@pytest.mark.parametrize("path", sorted(p for p in GOLDEN.glob("*.bpl")
                                        if not p.name.startswith("err_")),
                         ids=lambda p: p.stem)
def test_print_then_parse_gives_an_equal_program(path: pathlib.Path) -> None:
    p = parse_program(SourceFile.read(str(path)))
    again = parse(print_program(p))
    assert again == p


def test_precedence() -> None:
    e = parse_expr("a ==> b ==> c")
    assert e == A.Binary("==>", A.Ident("a"), A.Binary("==>", A.Ident("b"), A.Ident("c")))
    e = parse_expr("1 + 2 * 3 == 7 && true")
    assert isinstance(e, A.Binary) and e.op == "&&"
    assert print_expr(parse_expr("x - (y - z)")) == "x - (y - z)"
    assert print_expr(parse_expr("(x - y) - z")) == "(x - y) - z"
    assert parse_expr("-x[1]") == A.Unary("-", A.MapSelect(A.Ident("x"), (A.IntLit(1),)))


def test_mixing_and_or_needs_parentheses() -> None:
    with pytest.raises(IvlSyntaxError) as e:
        parse("axiom a && b || c;")
    assert "cannot be mixed" in e.value.message


def test_spans_and_info_do_not_count_in_equality() -> None:
    a = parse_expr("x + 1")
    b = parse_expr("x   +   1")
    assert a == b and hash(a) == hash(b)
    assert A.Assert(a, info="one") == A.Assert(b, info="two")


def test_spans_point_into_the_file() -> None:
    p = parse("procedure P()\n{\n  assert   false;\n}\n")
    proc = p.decls[0]
    assert isinstance(proc, A.ProcedureDecl) and proc.body is not None
    stmt = proc.body.blocks[0].stmts[0]
    assert (stmt.span.line, stmt.span.col) == (3, 3)


def test_error_location_and_message() -> None:
    with pytest.raises(IvlSyntaxError) as e:
        parse("procedure P()\n{\n  x := ;\n}\n")
    assert (e.value.span.line, e.value.span.col) == (3, 8)
    assert e.value.message == "expected an expression but found ';'"


def test_unterminated_comment() -> None:
    with pytest.raises(IvlSyntaxError) as e:
        parse("/* /* nested */ still open")
    assert e.value.message == "unterminated comment"


def test_types() -> None:
    p = parse("type Field _; var H: <a>[Ref, Field a]a; var m: [int, bool][int]bv8;")
    h = p.decls[1]
    assert isinstance(h, A.GlobalVarDecl)
    assert print_type(h.type) == "<a>[Ref, Field a]a"
    m = p.decls[2]
    assert isinstance(m, A.GlobalVarDecl)
    assert m.type == A.MapType((), (A.INT, A.BOOL), A.MapType((), (A.INT,), A.BvType(8)))


def test_quantifier_triggers_and_attributes() -> None:
    e = parse_expr("(forall x: int, y: int :: {:weight 3} { f(x), g(y) } { h(x) } f(x) > 0)")
    assert isinstance(e, A.Quantifier)
    assert [len(t.exprs) for t in e.triggers] == [2, 1]
    assert e.attrs[0].name == "weight"


def test_bitvector_syntax() -> None:
    e = parse_expr("x[8:0] ++ 5bv24 == y")
    assert isinstance(e, A.Binary) and e.op == "=="
    left = e.left
    assert isinstance(left, A.Binary) and left.op == "++"
    assert left.left == A.BvExtract(A.Ident("x"), 8, 0)
    assert left.right == A.BvLit(5, 24)
