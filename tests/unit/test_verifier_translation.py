"""Unit tests of the Dafny-to-IVL translator (no solver involved unless stated)."""

from __future__ import annotations

import json
import pathlib

import pytest

from pydafny.api import load_program
from pydafny.diagnostics import Reporter
from pydafny.ivl import ast as I
from pydafny.ivl.results import Failure, FailureKind
from pydafny.syntax.source import SourceFile, Span
from pydafny.verifier.messages import failure_diagnostic, summary
from pydafny.verifier.obligations import Kind, Obligation
from pydafny.verifier.translator import translate


def _translate(tmp_path: pathlib.Path, text: str):  # type: ignore[no-untyped-def]
    p = tmp_path / "t.dfy"
    p.write_text(text)
    r = Reporter()
    prog = load_program([str(p)], r)
    assert prog is not None, [d.format() for d in r.diagnostics]
    return translate(prog)


def _names(tr) -> set[str]:  # type: ignore[no-untyped-def]
    out = set()
    for d in tr.program.decls:
        n = getattr(d, "name", None)
        if n:
            out.add(n)
    return out


def test_units_and_theories_are_only_what_is_used(tmp_path: pathlib.Path) -> None:
    tr = _translate(tmp_path, """
        function F(n: nat): nat { if n == 0 then 0 else F(n - 1) }
        method M(s: seq<int>) returns (x: int) requires |s| > 0 { x := s[0]; }
    """)
    assert [u.name for u in tr.units] == ["F", "M"]
    names = _names(tr)
    assert "Seq.int" in names and "Seq#Length.int" in names
    assert not any(n.startswith("Set.") for n in names)       # no set used: no set theory
    assert not tr.errors


def test_recursive_function_gets_fuel_and_height_guards(tmp_path: pathlib.Path) -> None:
    tr = _translate(tmp_path, "function F(n: nat): nat { if n == 0 then 0 else F(n - 1) }")
    f = next(d for d in tr.program.decls if isinstance(d, I.FunctionDecl) and d.name == "F")
    assert f.params[0].type == I.CtorType("LayerType")
    axioms = [d for d in tr.program.decls if isinstance(d, I.AxiomDecl)
              and "F(" in str(d.expr) or (isinstance(d, I.AxiomDecl) and "FunApp(name='F'"
                                            in repr(d.expr))]
    # fuel irrelevance (unguarded) + definition (guarded by $Height)
    assert any("$Height" in repr(a.expr) for a in axioms)
    assert any("$Height" not in repr(a.expr) for a in axioms)


def test_unsupported_construct_is_an_error_and_no_unit(tmp_path: pathlib.Path) -> None:
    tr = _translate(tmp_path, """
        method Good() { assert 1 + 1 == 2; }
        method Bad(x: bv8) returns (y: bv8) { y := x.RotateLeft(1); }
    """)
    assert [u.name for u in tr.units] == ["Good"]
    assert len(tr.errors) == 1 and tr.errors[0].message.startswith("unsupported:")


def test_every_assert_carries_an_obligation(tmp_path: pathlib.Path) -> None:
    tr = _translate(tmp_path, """
        method M(a: array<int>, i: int) returns (x: int)
          requires 0 <= i < a.Length
        { x := a[i] / (i + 1); assert x == x; }
    """)
    asserts: list[I.Assert] = []

    def walk(stmts: tuple[I.Stmt, ...]) -> None:
        for s in stmts:
            if isinstance(s, I.Assert):
                asserts.append(s)
            for sub in ("then", "else_", "body"):
                v = getattr(s, sub, None)
                if isinstance(v, tuple):
                    walk(v)

    for d in tr.program.decls:
        if isinstance(d, I.ImplementationDecl):
            for b in d.body.blocks:
                walk(b.stmts)
    assert asserts and all(isinstance(a.info, Obligation) for a in asserts)
    kinds = {a.info.kind for a in asserts}  # type: ignore[union-attr]
    assert {Kind.INDEX, Kind.DIVISION, Kind.ASSERTION} <= kinds


def test_failure_messages_use_dafny_wording() -> None:
    text = "method M()\n  ensures false\n{\n}\n"
    src = SourceFile("f.dfy", text)
    ret = Span(src, text.index("}"), text.index("}") + 1)
    clause = Span(src, text.index("false"), text.index("false") + 5)
    d = failure_diagnostic(Failure(FailureKind.POSTCONDITION, ret,
                                   info=Obligation(Kind.POSTCONDITION, clause)))
    assert d.format() == ("f.dfy(4,1): Error: a postcondition could not be proved on this "
                          "return path\nf.dfy(2,11): Related location: this is the "
                          "postcondition that could not be proved")
    d2 = failure_diagnostic(Failure(FailureKind.ASSERTION, ret,
                                    info=Obligation(Kind.INDEX, clause)))
    assert d2.message == "index out of range"
    assert summary(1, 0) == "Dafny program verifier finished with 1 verified, 0 errors"
    assert summary(0, 1, 2) == ("Dafny program verifier finished with 0 verified, 1 error, "
                                "2 time outs")


@pytest.mark.parametrize("claim,code", [("true", 0), ("false", 4)])
def test_json_output_and_exit_codes(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str],
                                    claim: str, code: int) -> None:
    from pydafny.commands import verify
    p = tmp_path / "j.dfy"
    p.write_text(f"method M() {{ assert {claim}; }}\n")
    rc = verify.run(["--json", "--cores", "1", str(p)])
    doc = json.loads(capsys.readouterr().out)
    assert rc == code and doc["exit_code"] == code
    assert doc["units"][0]["name"] == "M"


def test_resolution_errors_exit_2(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pydafny.commands import verify
    p = tmp_path / "r.dfy"
    p.write_text("method M() { x := 1; }\n")
    assert verify.run(["--cores", "1", str(p)]) == 2
