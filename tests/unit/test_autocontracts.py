"""Unit tests of the {:autocontracts} rewrite (semantics.autocontracts): the resolved
program, printed back, shows the generated members, specifications and Repr updates."""

from __future__ import annotations

from pydafny.diagnostics import Reporter
from pydafny.semantics.resolver import resolve
from pydafny.syntax.parser import parse_source
from pydafny.syntax.printer import print_program
from pydafny.syntax.source import SourceFile

PROGRAM = """
class {:autocontracts} Sub {
  var v: int
  ghost predicate Valid() { v >= 0 }
  constructor () { v := 0; }
}
class {:autocontracts} C {
  var x: int
  var a: array<int>
  var s: Sub
  var m: Sub?
  var {:autocontracts false} skip: array<int>
  static const K: int := 3
  ghost predicate Valid() { x >= 0 }
  constructor () ensures x == 0 { x := 0; a := new int[1]; s := new Sub(); m := null;
    skip := a; }
  method Inc() ensures x == old(x) + 1 { x := x + 1; }
  method Get() returns (r: int) ensures r == x { var t := x; r := t; }
  method Call() returns (r: int) ensures r == x { r := x; Inc(); }
  method Set() returns (r: int) { x := 1; r := x; }
  method Mod() modifies this { x := 2; }
  function F(): int { x }
  function G(): int reads this { x }
  lemma L() ensures x >= 0 { }
  static method S() { }
  method {:autocontracts false} Off() { }
}
"""


def rewritten(text: str) -> str:
    r = Reporter()
    p = parse_source(SourceFile("t.dfy", text), r)
    assert resolve(p, r), [d.format() for d in r.diagnostics]
    return print_program(p)


def member(out: str, header: str) -> str:
    """The printed member starting with `header` (up to the next blank line)."""
    start = out.index(header)
    end = out.find("\n\n", start)
    return out[start:end if end >= 0 else len(out)]


def test_repr_and_valid() -> None:
    out = rewritten(PROGRAM)
    assert "ghost var Repr: set<object?>" in out
    valid = member(out, "ghost predicate Valid()\n    reads this, this.Repr\n"
                        "    ensures this.Valid() ==> this in this.Repr\n  {\n"
                        "    && this in this.Repr\n    && null !in this.Repr\n")
    # an array subobject, an autocontracts subobject, a nullable one; not `skip`, not K
    assert "\n    && this.a in this.Repr\n" in valid
    assert ("\n    && (this.s in this.Repr && this.s.Repr <= this.Repr && this !in "
            "this.s.Repr && this.s.Valid())\n") in valid
    assert "\n    && (this.m != null ==> this.m in this.Repr && this.m.Repr" in valid
    assert "skip" not in valid and "K" not in valid
    assert valid.rstrip().endswith("&& x >= 0\n  }")


def test_constructor() -> None:
    ctor = member(rewritten(PROGRAM), "constructor ()\n    ensures this.Valid()\n"
                                      "    ensures fresh(this.Repr)\n    ensures x == 0")
    assert "new;\n    this.Repr := {this};\n    if !(this.a in this.Repr) {" in ctor
    assert ("if !(this.s in this.Repr && this.s.Repr <= this.Repr) {\n"
            "      this.Repr := this.Repr + {this.s} + this.s.Repr;") in ctor
    assert "if this.m != null && !(this.m in this.Repr" in ctor


def test_methods() -> None:
    out = rewritten(PROGRAM)
    inc = member(out, "method Inc()")
    assert ("requires this.Valid()\n    modifies this.Repr\n    ensures this.Valid()\n"
            "    ensures fresh(this.Repr - old(this.Repr))\n    ensures x == old(x) + 1") in inc
    assert inc.count("this.Repr := ") == 3
    # simple queries (a call statement counts as one, as in Dafny): only requires Valid()
    for name in ("method Get()", "method Call()"):
        m = member(out, name)
        assert "requires this.Valid()" in m and "modifies" not in m and "ensures this.V" \
            not in m
    # assigning a field is not a query
    assert "modifies this.Repr" in member(out, "method Set()")
    # a user modifies clause: no `modifies Repr`, no Repr updates, still the ensures
    mod = member(out, "method Mod()")
    assert "modifies this\n    ensures this.Valid()" in mod and "Repr :=" not in mod
    assert member(out, "lemma L()").startswith("lemma L()\n    requires this.Valid()\n"
                                               "    ensures x >= 0")
    assert "requires" not in member(out, "static method S()")
    assert "requires" not in member(out, "method {:autocontracts false} Off()")


def test_functions() -> None:
    out = rewritten(PROGRAM)
    assert "requires this.Valid()\n    reads this.Repr\n" in member(out, "function F()")
    g = member(out, "function G()")
    assert "requires this.Valid()\n    reads this\n" in g and "this.Repr" not in g


def test_not_rewritten() -> None:
    out = rewritten("class {:autocontracts false} D { var x: int }\n"
                    "class E { var x: int }")
    assert "Repr" not in out and "Valid" not in out


def test_generated_valid_and_user_repr() -> None:
    # no Valid(): a body-less ghost one is generated, then filled in; a declared
    # `Repr: set<object>` (non-null elements) is kept and `null !in Repr` left out
    out = rewritten("class {:autocontracts} D {\n  ghost var Repr: set<object>\n"
                    "  var a: array<int>\n  constructor () { a := new int[0]; }\n}")
    assert "ghost var Repr: set<object>\n" in out
    assert "ghost predicate Valid()" in out
    assert "this in this.Repr && this.a in this.Repr && true\n" in out
    assert "null !in" not in out


def test_compiled_class_runs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the generated Repr field, its assignments and the ghost `if`s updating it are not
    # compiled (nor is a user-written `if` whose guard is specification-only)
    import io
    from contextlib import redirect_stdout

    from pydafny.api import load_program
    from pydafny.compiler.driver import execute
    from pydafny.compiler.python_gen import compile_program
    src = tmp_path / "prog.dfy"
    src.write_text("""
class {:autocontracts} Box {
  var a: array<int>
  ghost var g: int
  ghost predicate Valid() { a.Length == 1 }
  constructor () { a := new int[1]; }
  method Put(x: int) { a[0] := x; if g == 0 { g := 1; } else if g == 1 { g := 2; } }
  function Get(): int { a[0] }
}
method Main() { var b := new Box(); b.Put(5); print b.Get(), "\\n"; }
""")
    r = Reporter()
    program = load_program([str(src)], r)
    assert program is not None, [d.format() for d in r.diagnostics]
    gen = compile_program(program, "prog.dfy")
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = execute(gen, "prog", ["prog.dfy"])
    assert (code, buf.getvalue()) == (0, "5\n")
