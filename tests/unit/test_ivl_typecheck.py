"""IVL type checker: names resolve, types agree, mutability and modifies are enforced."""

from __future__ import annotations

from pydafny.ivl.parser import parse_program
from pydafny.ivl.typecheck import check_program
from pydafny.syntax.source import SourceFile


def errors(text: str) -> list[str]:
    _, diags = check_program(parse_program(SourceFile("t.bpl", text)))
    return [f"{d.span.line}:{d.span.col} {d.message}" for d in diags]


def test_well_typed_program_has_no_errors() -> None:
    assert errors("""
        type Ref; type Field _; const unique f: Field int;
        var H: <a>[Ref, Field a]a;
        function g<T>(x: T): int;
        procedure P(r: Ref) returns (y: int) modifies H; ensures y == old(H)[r, f];
        { y := H[r, f]; H[r, f] := g(y) + g(true); }
    """) == []


def test_undeclared_identifier() -> None:
    assert errors("procedure P() { assert x > 0; }") == ["1:24 undeclared identifier: x"]


def test_assignment_to_in_parameter() -> None:
    assert errors("procedure P(x: int) { x := 1; }") == [
        "1:23 command assigns to an immutable variable: x"]


def test_global_outside_modifies() -> None:
    msgs = errors("var g: int; procedure P() { g := 1; }")
    assert msgs and "not in the enclosing procedure's modifies clause: g" in msgs[0]


def test_old_only_in_two_state_contexts() -> None:
    assert errors("var g: int; procedure P() requires old(g) > 0; { }") == [
        "1:36 old expressions allowed only in two-state contexts"]
    assert errors("var g: int; axiom old(g) > 0;") == [
        "1:19 old expressions allowed only in two-state contexts"]


def test_operator_types() -> None:
    msgs = errors("procedure P(b: bool, i: int, r: real) { assert i + r > 0; assert b < b; }")
    assert len(msgs) == 2
    assert "invalid argument types (int and real) to binary operator +" in msgs[0]


def test_map_and_bitvector_errors() -> None:
    msgs = errors("procedure P(m: [int]bool, x: bv8) { assert m[true]; assert x[9:0] == x; }")
    assert len(msgs) == 2
    assert "mismatched type of map index" in msgs[0]
    assert "out of range" in msgs[1]


def test_goto_and_break() -> None:
    msgs = errors("procedure P() { goto L; } procedure Q() { break; }")
    assert msgs == ["1:17 undeclared label: L", "1:43 break statement is not inside a loop"]


def test_duplicate_declarations() -> None:
    msgs = errors("var x: int; const x: int; procedure P(a: int, a: int) { }")
    assert "more than one declaration of variable name: x" in msgs[0]


def test_implementation_signature_must_match() -> None:
    msgs = errors("procedure P(x: int); implementation P(y: bool) { }")
    assert msgs and "mismatched type of parameter y" in msgs[0]


def test_polymorphic_function_needs_inferable_result() -> None:
    msgs = errors("function f<T>(x: int): T; axiom f(1) == f(2);")
    assert msgs and "cannot infer the type parameters of f" in msgs[0]


def test_reserved_characters_in_names_built_in_memory() -> None:
    from pydafny.ivl import ast as A
    from pydafny.ivl.typecheck import check_program as check
    _, diags = check(A.Program((A.ConstDecl("x@1", A.INT),)))
    assert diags and "reserved for the verifier" in diags[0].message
