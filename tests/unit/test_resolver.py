"""Unit tests of the resolver's annotation contract (see semantics.resolver), on small
programs parsed from text."""

from __future__ import annotations

from typing import Any

import pytest

from pydafny.diagnostics import Reporter
from pydafny.semantics import builtins as B
from pydafny.semantics.resolver import resolve
from pydafny.semantics.types import type_to_str
from pydafny.syntax import ast
from pydafny.syntax.parser import parse_source
from pydafny.syntax.source import SourceFile


def resolved(text: str) -> ast.Program:
    r = Reporter()
    p = parse_source(SourceFile("t.dfy", text), r)
    assert not r.has_errors(), [d.format() for d in r.diagnostics]
    ok = resolve(p, r)
    assert ok, [d.format() for d in r.diagnostics]
    return p


def errors(text: str) -> list[str]:
    r = Reporter()
    p = parse_source(SourceFile("t.dfy", text), r)
    assert not r.has_errors(), [d.format() for d in r.diagnostics]
    resolve(p, r)
    return [d.message for d in r.diagnostics]


def nodes(root: ast.Node, cls: type) -> list[Any]:
    out: list[Any] = []
    stack: list[ast.Node] = [root]
    while stack:
        n = stack.pop()
        if isinstance(n, cls):
            out.append(n)
        stack.extend(reversed(list(ast.children(n))))
    return out


def local(p: ast.Program, name: str) -> ast.LocalVar:
    return next(v for v in nodes(p, ast.LocalVar) if v.name == name)


def test_local_types_are_inferred() -> None:
    p = resolved("""
method M(n: nat, s: seq<int>) {
  var i := 0;
  var j := n;
  var k: nat := n;
  var t := s[1..];
  var m := map[1 := true];
  var e := {};
  var r := 1.5;
  var c := "ab";
  e := e + {i};
}""")
    assert type_to_str(local(p, "i").type) == "int"
    assert type_to_str(local(p, "j").type) == "nat"       # like Dafny: subset type kept
    assert type_to_str(local(p, "k").type) == "nat"       # declared type kept
    assert type_to_str(local(p, "t").type) == "seq<int>"
    assert type_to_str(local(p, "m").type) == "map<int, bool>"
    assert type_to_str(local(p, "e").type) == "set<int>"
    assert type_to_str(local(p, "r").type) == "real"
    assert type_to_str(local(p, "c").type) == "seq<char>"


def test_calls_kinds_and_instantiation() -> None:
    p = resolved("""
function Id<T>(x: T): T { x }
method Twice(x: int) returns (r: int) { r := 2 * x; }
lemma L(x: int) ensures x == x { }
method Main() {
  var a := Id(3);
  var b := Twice(a);
  L(b);
  var f := (x: int) => x + 1;
  var c := f(2);
}""")
    applies = {a.callee.name: a for a in nodes(p, ast.ApplyExpr)
               if isinstance(a.callee, ast.NameExpr)}
    assert applies["Id"].kind == "function"
    assert [type_to_str(t) for t in applies["Id"].inst] == ["int"]
    assert applies["Twice"].kind == "method"
    assert applies["L"].kind == "lemma"
    assert applies["f"].kind == "lambda"
    assert type_to_str(applies["f"].type) == "int"


def test_members_fields_and_implicit_this() -> None:
    p = resolved("""
class C {
  var f: int
  const k := 3
  method Inc() modifies this { f := f + k; }
}
method M(c: C, a: array<int>, d: seq<int>) modifies c {
  c.f := a.Length + |d|;
  var x := new C;
  var y := new int[3];
}""")
    names = {n.name: n for n in nodes(p, ast.NameExpr)}
    assert isinstance(names["f"].decl, ast.Field) and names["f"].decl.owner.name == "C"
    assert isinstance(names["k"].decl, ast.Field) and type_to_str(names["k"].type) == "int"
    sels = {s.name: s for s in nodes(p, ast.MemberSelect)}
    assert sels["Length"].decl is B.array_length_field(B.ARRAY(1), 0)
    assert type_to_str(local(p, "y").type) == "array<int>"
    assert type_to_str(local(p, "x").type) == "C"


def test_datatypes_ctors_discriminators_destructors() -> None:
    p = resolved("""
datatype Option<T> = None | Some(value: T)
function Get(o: Option<int>): int {
  if o.Some? then o.value else match o { case None => 0 case Some(v) => v }
}
method M() { var n := None; var s: Option<int> := Some(3); n := s; }""")
    sels = {s.name: s for s in nodes(p, ast.MemberSelect)}
    assert isinstance(sels["Some?"].decl, ast.DatatypeCtor)
    assert type_to_str(sels["Some?"].type) == "bool"
    assert isinstance(sels["value"].decl, ast.Formal)
    assert type_to_str(sels["value"].type) == "int"
    none = [n for n in nodes(p, ast.NameExpr) if n.name == "None"][0]
    assert isinstance(none.decl, ast.DatatypeCtor)
    assert type_to_str(local(p, "n").type) == "Option<int>"
    pats = nodes(p, ast.VarPattern)
    assert any(isinstance(v.ctor, ast.DatatypeCtor) for v in pats)   # `None`
    assert any(isinstance(v.decl, ast.BoundVar) and v.name == "v" for v in pats)


def test_resolved_ops() -> None:
    p = resolved("""
method M(s: seq<int>, t: set<int>, m: map<int, int>, x: int) {
  var a := s + s;
  var b := t + t;
  var c := x in m;
  var d := t <= t;
  var e := m - t;
  var f := x + 1;
}""")
    ops = sorted(b.resolved_op for b in nodes(p, ast.BinaryExpr))
    assert ops == ["+:int", "+:seq", "+:set", "-:map", "<=:set", "in:map"]


def test_modules_and_imports() -> None:
    p = resolved("""
module A { function F(x: int): int { x } datatype T = T1 | T2 }
module B {
  import opened A
  import Q = A
  method M() { var a := A.F(1) + Q.F(2) + F(3); var t: A.T := T1; }
}""")
    imps = nodes(p, ast.ImportDecl)
    assert all(isinstance(i.decl, ast.ModuleDecl) and i.decl.name == "A" for i in imps)
    fs = [a for a in nodes(p, ast.ApplyExpr)]
    assert all(a.kind == "function" and a.decl.name == "F" for a in fs)


def test_quantifiers_lambdas_lets() -> None:
    p = resolved("""
function F(s: seq<int>, t: set<nat>): bool {
  (forall i :: 0 <= i < |s| ==> s[i] > 0) &&
  (var x := |s|; x >= 0) &&
  (exists j | j in s :: j == 2) &&
  (forall k :: k in t ==> k >= 0)
}""")
    bvs = {b.name: b for b in nodes(p, ast.BoundVar)}
    assert type_to_str(bvs["i"].type) == "int"
    assert type_to_str(bvs["j"].type) == "int"
    assert type_to_str(bvs["k"].type) == "nat"


@pytest.mark.parametrize("text,msg", [
    ("method M() { x := 1; }", "unresolved identifier: x"),
    ("method M(n: int) { n := 1; }", "LHS of assignment must denote a mutable variable"),
    ("method M() { var x: int := true; }",
     "RHS (of type bool) not assignable to LHS (of type int)"),
    ("method M() { assert 1 == true; }",
     "arguments must have comparable types (got int and bool)"),
    ("function F(x: int): int { x }\nmethod M() { var y := F(1, 2); }",
     "wrong number of arguments (got 2, but function 'F' expects 1: (x: int))"),
    ("class C { }\nmethod M(c: C) { var y := c.f; }", "member 'f' does not exist in class 'C'"),
    ("method M() { var x := 1; var x := 2; }", "Duplicate local-variable name: x"),
    ("method M(ghost g: int) returns (r: int) { r := g; }",
     "ghost variables such as g are allowed only in specification contexts"),
])
def test_error_messages(text: str, msg: str) -> None:
    assert msg in errors(text)


def test_bad_programs_never_crash() -> None:
    for text in ["method M() { var x := x.y.z(1)[2..].w; }",
                 "datatype D = A | B\nmethod M(d: D) { match d { case C(x) => } }",
                 "method M() { var f := (x) => x.f; }",
                 "class C extends C { }",
                 "module A { import B } module B { import A }",
                 "type T = T\nmethod M(t: T) { }"]:
        msgs = errors(text)
        assert not any("internal error" in m for m in msgs), msgs


def test_loop_index_and_late_receiver_types() -> None:
    p = resolved("""
class C { var f: int }
method M(n: nat, c: C) {
  for i := 0 to n { }
  var x;
  var g := y => y.f;
  x := c;
  var z := x.f + g(c);
}""")
    loop = nodes(p, ast.ForLoopStmt)[0]
    assert type_to_str(loop.var.type) == "int"
    sels = [s for s in nodes(p, ast.MemberSelect) if s.name == "f"]
    assert all(isinstance(s.decl, ast.Field) for s in sels)
    assert type_to_str(local(p, "g").type) == "C -> int"


def test_load_program_api(tmp_path: Any) -> None:
    from pydafny.api import load_program
    good = tmp_path / "good.dfy"
    good.write_text("method M() { var x := 1; }\n")
    bad = tmp_path / "bad.dfy"
    bad.write_text("method M() { x := 1; }\n")
    r = Reporter()
    assert load_program([str(good)], r) is not None and not r.has_errors()
    r = Reporter()
    assert load_program([str(bad)], r) is None
    assert [d.message for d in r.diagnostics] == ["unresolved identifier: x"]


def test_formal_args_matches_named_and_default_arguments() -> None:
    from pydafny.semantics.calls import formal_args
    p = resolved("""
function D(x: int, y: int := 3, z: int := 4): int { x + y + z }
method M() { var a := D(1, z := 5); }""")
    call = next(a for a in nodes(p, ast.ApplyExpr))
    got = formal_args(call.args, call.decl.formals)
    assert [e.value for e in got] == [1, 3, 5]


@pytest.mark.parametrize("body,name,want", [
    # what Dafny's own inference gives (checked with the reference Dafny)
    ("var y := n - 1;", "y", "int"),
    ("var y := n; y := y - 1;", "y", "nat"),
    ("var i := 0; i := i - 1;", "i", "int"),
    ("var x := 0; x := n;", "x", "nat"),
    ("var p := (n, n);", "p", "(nat, nat)"),
    ("var a := [n, 0];", "a", "seq<nat>"),
    ("var i := 0; while i < 10 { i := i + 1; } r := i;", "i", "nat"),
    ("var k := 0; while k < n { k := k + 1; }", "k", "int"),
    ("var q := 0; var b := q in {n};", "q", "int"),
    ("var x := n; x := x + y;", "x", "int"),
    ("var x := n; var z := x - 1;", "z", "nat"),
    ("var x := F(n); x := x - 1;", "x", "nat"),
    # (an if-then-else gives int: `var x := if n > 0 then n else 0; x := -1;` and
    # `var x := if c then F(n) else F(n); x := x - 1;` both verify in Dafny)
    ("var x := if n > 0 then n else 0;", "x", "int"),
    ("var x := if n > 0 then F(n) else F(n + 1);", "x", "int"),
    ("var x := match n case 0 => n case _ => n;", "x", "int"),
    ("var x := var z := n; z;", "x", "nat"),
    ("var m := s[0];", "m", "nat"),
    ("var x := n; x := -1;", "x", "nat"),
    # a local that is a nat only because it is used as one is widened by `- 1` / `-1`
    # (both verify in Dafny), but not by `+ 1`
    ("var i := 0; r := i; i := i - 1;", "i", "int"),
    ("var i := 0; r := i; i := -1;", "i", "int"),
    ("var i := 0; r := i; i := i + 1;", "i", "nat"),
])
def test_inferred_local_types_follow_dafny(body: str, name: str, want: str) -> None:
    p = resolved("function F(n: nat): nat { n }\n"
                 "method M(n: nat, y: int, s: seq<nat>) returns (r: nat) { " + body + " }")
    assert type_to_str(local(p, name).type) == want
