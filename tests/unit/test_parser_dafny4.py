"""Parser tests for Dafny 4 constructs added after the first parser (issue 2's gaps):
`break continue;`, `[nat]`/`[ORDINAL]` on extreme declarations, member prefix calls
`x.P#[k](y)`, attributes on `else` and `match`, and the clear `unsupported:` error for
`f@L(args)`. Each is also printed back and re-parsed to the same AST, and resolved."""

from __future__ import annotations

from pydafny.diagnostics import Reporter
from pydafny.semantics.resolver import resolve
from pydafny.syntax import ast as A
from pydafny.syntax.printer import print_program
from pydafny.syntax.source import SourceFile
from pydafny.syntax.parser import parse_source

from test_parser import errors, prog, stmts
from test_resolver import nodes


def roundtrip_and_resolve(text: str) -> A.Program:
    p = prog(text)
    again = prog(print_program(p))
    assert again.module.decls == p.module.decls
    r = Reporter()
    p2 = parse_source(SourceFile("t.dfy", text), r)
    assert resolve(p2, r), [d.format() for d in r.diagnostics]
    return p2


def test_break_continue() -> None:
    s = stmts("break continue; break break continue; continue;")
    assert s == [A.BreakStmt(None, 2, True), A.BreakStmt(None, 3, True),
                 A.BreakStmt(None, 1, True)]
    roundtrip_and_resolve("method M() { var i := 0; while i < 3 { var j := 0;\n"
                          "  while j < 3 { if j == 1 { break continue; } j := j + 1; }\n"
                          "  i := i + 1; } }")


def test_break_continue_needs_two_loops() -> None:
    r = Reporter()
    p = parse_source(SourceFile("t.dfy", "method M() { while true { break continue; } }"), r)
    assert not resolve(p, r)
    assert any("continue more loop levels" in d.message for d in r.diagnostics)


def test_k_type_of_extreme_declarations() -> None:
    p = roundtrip_and_resolve(
        "least predicate P[nat](x: int) { x == 0 || P(x - 1) }\n"
        "greatest predicate Q[ORDINAL](x: int) { Q(x + 1) }\n"
        "least lemma L[nat](x: int) requires P(x) { }\n"
        "least predicate R(x: int) { x == 0 || R(x - 1) }")
    ks = {d.name: d.k_type for d in nodes(p, (A.Function, A.Method))}
    assert ks == {"P": "nat", "Q": "ORDINAL", "L": "nat", "R": ""}


def test_k_type_only_on_extreme_declarations() -> None:
    assert any("only on least and greatest" in m
               for m in errors("predicate P[nat](x: int) { true }"))


def test_member_prefix_call() -> None:
    p = roundtrip_and_resolve(
        "class D { least predicate R(x: int) { x == 0 || R(x - 1) } }\n"
        "lemma T(k: nat, d: D) requires d.R#[k](3) { }")
    sel = [m for m in nodes(p, A.MemberSelect) if m.name == "R"]
    assert sel and isinstance(sel[0].prefix_depth, A.NameExpr)
    assert sel[0].prefix_depth.decl is not None


def test_attributes_on_else_and_match_are_kept() -> None:
    p = roundtrip_and_resolve(
        "method M(b: bool) returns (x: int) {\n"
        "  if b { x := 1; } else {:baz} { x := 2; }\n"
        "  if b { x := 1; } else {:baz 1} if !b { x := 2; }\n"
        "  match {:split false} b { case true => x := 3; case false => } }")
    ifs = nodes(p, A.IfStmt)
    assert [a.name for a in ifs[0].else_attributes] == ["baz"]
    m = nodes(p, A.MatchStmt)[0]
    assert [a.name for a in m.attributes] == ["split"]


def test_two_state_call_at_label_is_unsupported() -> None:
    msgs = errors("class C { var x: int\n"
                  "  twostate function Old(): int reads this { old(x) }\n"
                  "  method M() modifies this { label L: x := x + 1;\n"
                  "    assert Old@L() == x - 1; } }")
    assert any("(4,15): Error: unsupported: a two-state function call at a label" in m
               for m in msgs), msgs


RESULT = """datatype Result<T> = Success(value: T) | Failure(error: string) {
  predicate IsFailure() { Failure? }
  function PropagateFailure<U>(): Result<U> requires Failure? { Failure(error) }
  function Extract(): T requires Success? { value }
}
function F(x: int): Result<int> { if x > 0 then Success(x) else Failure("neg") }
"""


def test_let_or_fail_is_desugared() -> None:
    p = roundtrip_and_resolve(RESULT + "function G(x: int): Result<int> {\n"
                              "  var y :- F(x); var z: int :- F(y - 1); Success(y + z) }")
    g = next(d for d in nodes(p, A.Function) if d.name == "G")
    assert isinstance(g.body, A.LetExpr) and g.body.pats[0].name == "valueOrError0"
    ite = g.body.body
    assert isinstance(ite, A.ITEExpr)
    assert [m.name for m in nodes(ite, A.MemberSelect)][:3] == [
        "IsFailure", "PropagateFailure", "Extract"]
    lets = [x for x in nodes(ite, A.LetExpr)]
    assert [x.pats[0].name for x in lets] == ["y", "valueOrError1", "z"]


def test_let_or_fail_takes_one_variable() -> None:
    msgs = errors(RESULT + "function G(x: int): Result<int> { var a, b :- F(x); F(a) }")
    assert any("exactly one variable" in m for m in msgs), msgs


def test_ghost_tuple_components() -> None:
    p = roundtrip_and_resolve("method M(ghost g: int) returns (r: int) {\n"
                              "  ghost var t: (ghost int, int) := (ghost g, 2);\n"
                              "  ghost var u := (1, ghost 3, 4); assert t.1 + u.2 == 6; }")
    tups = nodes(p, A.TupleExpr)
    assert [t.ghost for t in tups] == [[True, False], [False, True, False]]
    r = Reporter()
    q = parse_source(SourceFile("t.dfy", "method N(ghost g: int) returns (r: (int, int)) {"
                                         " r := (g, 2); var t := (ghost g, 2); }"), r)
    assert not resolve(q, r)
    assert [d.message for d in r.diagnostics] == [
        "ghost variables such as g are allowed only in specification contexts"]
    assert any("at least two components" in m for m in errors("method P() { var x := (ghost 1); }"))


def test_attributes_on_frame_clauses_are_kept() -> None:
    p = roundtrip_and_resolve(
        "class C { var x: int\n"
        "  function F(): int reads {:foo} this { x }\n"
        "  method M() modifies {:bar} this reads {:baz 1} this { x := 1; modify {:m} this; } }\n"
        "iterator It() yields (y: int) reads {:r} {} modifies {:q} {} { }")
    f = next(d for d in nodes(p, A.Function) if d.name == "F")
    m = next(d for d in nodes(p, A.Method) if d.name == "M")
    it = nodes(p, A.IteratorDecl)[0]
    assert [a.name for a in f.reads_attributes] == ["foo"]
    assert [a.name for a in m.modifies_attributes] == ["bar"]
    assert [a.name for a in m.reads_attributes] == ["baz"]
    assert [a.name for a in nodes(p, A.ModifyStmt)[0].attributes] == ["m"]
    assert [a.name for a in it.reads_attributes + it.modifies_attributes] == ["r", "q"]


def test_newer_reveal_and_hide_are_unsupported_with_location() -> None:
    msgs = errors("lemma L() { reveal *; }")
    assert any("(1,20): Error: unsupported: 'reveal *'" in m for m in msgs), msgs
    msgs = errors("lemma L() { hide *; }")
    assert any("(1,13): Error: unsupported: hide statements" in m for m in msgs), msgs
    stmts("hide(x); hide := 3; var y := hide * 2;")    # an ordinary identifier elsewhere


def test_selecting_a_ghost_tuple_component_in_compiled_code_is_rejected() -> None:
    r = Reporter()
    q = parse_source(SourceFile("t.dfy", "method M() {\n"
                                         "  var t := (ghost 5, 6); print t.1;\n"
                                         "  ghost var w := t.0; print t.0;\n"
                                         "  var u: (ghost int, int) := (ghost 1, 2); var x := u.0; }"), r)
    assert not resolve(q, r)
    assert [d.format() for d in r.diagnostics] == [
        "t.dfy(3,29): Error: ghost tuple components are allowed only in specification contexts",
        "t.dfy(4,53): Error: ghost tuple components are allowed only in specification contexts"]
    p = prog("method M() { var u: (ghost int, int) := (ghost 1, 2); }")
    again = prog(print_program(p))
    ty = nodes(again, A.LocalVar)[0].type
    assert isinstance(ty, A.TupleType) and ty.ghost == [True, False]
