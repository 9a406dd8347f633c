"""The programmatic verification API: programs built in memory, info payloads handed back,
verdicts (never success on a give-up), parallel results in source order, JSON output."""

from __future__ import annotations

import json

from pydafny.cli import main
from pydafny.ivl import ast as A
from pydafny.ivl.parser import parse_program
from pydafny.ivl.results import FailureKind, Verdict
from pydafny.ivl.verify import VerifyOptions, verify_program
from pydafny.smt.solver import FakeSolver
from pydafny.syntax.source import SourceFile

x, y, r = A.Ident("x"), A.Ident("y"), A.Ident("r")


def le(a: A.Expr, b: A.Expr) -> A.Expr:
    return A.Binary("<=", a, b)


def build() -> A.Program:
    """P(x) returns (r) requires 0 <= x (info "pre") ensures x <= r (info "post");
    Q() calls P(-1) (call info "site") and asserts false (info "assert");
    L loops with an invariant that is not maintained (info "inv")."""
    p = A.ProcedureDecl(
        "P", (A.Formal("x", A.INT),), (A.Formal("r", A.INT),),
        (A.Requires(le(A.IntLit(0), x), info="pre"),),
        (A.Ensures(le(x, r), info="post"),),
        body=A.Body((), (A.Block("", (A.Assign((r,), (A.Binary("-", x, A.IntLit(1)),)),)),)))
    q = A.ProcedureDecl(
        "Q", (), (),
        body=A.Body((A.Formal("y", A.INT),), (A.Block("", (
            A.Call("P", (A.Unary("-", A.IntLit(1)),), ("y",), info="site"),
            A.Assert(A.BoolLit(False), info="assert"),
        )),)))
    loop = A.While(None, (A.Invariant(A.Binary("==", y, A.IntLit(0)), info="inv"),),
                   (A.Assign((y,), (A.Binary("+", y, A.IntLit(1)),)),))
    l_ = A.ProcedureDecl("L", (), (), body=A.Body((A.Formal("y", A.INT),), (A.Block("", (
        A.Assign((y,), (A.IntLit(0),)), loop)),)))
    return A.Program((p, q, l_))


def test_in_memory_program_and_info_payloads() -> None:
    results, diags = verify_program(build())
    assert diags == []
    assert [res.name for res in results] == ["P", "Q", "L"]
    p, q, l_ = results
    assert p.verdict == Verdict.ERRORS
    assert [(f.kind, f.info) for f in p.failures] == [(FailureKind.POSTCONDITION, "post")]
    assert p.failures[0].counterexample.keys() == {"x", "r"}
    assert q.verdict == Verdict.ERRORS
    pre = q.failures[0]
    assert (pre.kind, pre.info, pre.site_info) == (FailureKind.PRECONDITION, "pre", "site")
    assert pre.counterexample == {"x": "-1"}
    assert [(f.kind, f.info) for f in l_.failures] == [
        (FailureKind.INVARIANT_MAINTAINED, "inv")]


def test_all_failures_with_assume_after_failure() -> None:
    q = A.ProcedureDecl("Q", (A.Formal("x", A.INT),), (), body=A.Body((), (A.Block("", (
        A.Assert(le(A.IntLit(0), x), info=1),
        A.Assert(le(A.IntLit(1), x), info=2),
        A.Assert(le(x, A.IntLit(-1)), info=3),   # fails: 1 <= x is assumed after check 2
    )),)))
    results, _ = verify_program(A.Program((q,)))
    assert [f.info for f in results[0].failures] == [1, 2, 3]


def test_type_errors_come_back_as_diagnostics() -> None:
    bad = A.ProcedureDecl("P", (), (), body=A.Body((), (A.Block("", (
        A.Assert(A.Ident("nope")),)),)))
    results, diags = verify_program(A.Program((bad,)))
    assert results == []
    assert [d.message for d in diags] == ["undeclared identifier: nope"]


def test_timeout_is_never_success() -> None:
    prog = parse_program(SourceFile("t.bpl", "procedure P() { assert true; }"))
    opts = VerifyOptions(solver_factory=lambda: FakeSolver(["unknown"], reason="timeout"))
    results, _ = verify_program(prog, opts)
    assert results[0].verdict == Verdict.TIMEOUT
    opts = VerifyOptions(solver_factory=lambda: FakeSolver(["unknown"], reason="canceled"),
                         resource_limit=10)
    assert verify_program(prog, opts)[0][0].verdict == Verdict.OUT_OF_RESOURCE


def test_unknown_without_a_failing_assertion_is_inconclusive() -> None:
    prog = parse_program(SourceFile("t.bpl", "procedure P() { assert true; }"))
    opts = VerifyOptions(solver_factory=lambda: FakeSolver(["sat"], model={}))
    results, _ = verify_program(prog, opts)
    assert results[0].verdict == Verdict.UNKNOWN


def test_model_walk_with_fake_solver() -> None:
    # entry block %ok@0 fails at its successor; the second assertion's label is false
    prog = parse_program(SourceFile("t.bpl", "procedure P(x: int) { assert x > 0; "
                                             "assert x > 1; }"))
    model = {"%ok@0": False, "%ok@1": False, "%assert@0": True, "%assert@1": False,
             "%off@0": False, "%off@1": False, "x@0": 1}
    opts = VerifyOptions(solver_factory=lambda: FakeSolver(["sat", "unsat"], model=model))
    results, _ = verify_program(prog, opts)
    assert [(f.span.col, f.counterexample) for f in results[0].failures] == [(37, {"x": "1"})]


def test_parallel_results_in_source_order(tmp_path, capsys) -> None:
    text = "".join(f"procedure P{i}(x: int) {{ assert x != {i}; }}\n" for i in range(6))
    path = tmp_path / "many.bpl"
    path.write_text(text)
    assert main(["boogie", "--cores", "3", str(path)]) == 4
    out = capsys.readouterr().out
    lines = [ln for ln in out.splitlines() if ": Error:" in ln]
    assert [int(ln.split("(")[1].split(",")[0]) for ln in lines] == [1, 2, 3, 4, 5, 6]
    assert out.rstrip().endswith("finished with 0 verified, 6 errors")


def test_json_output(tmp_path, capsys) -> None:
    path = tmp_path / "j.bpl"
    path.write_text("procedure Ok() { }\nprocedure Bad(x: int) { assert x > 0; }\n")
    assert main(["boogie", "--json", str(path)]) == 4
    doc = json.loads(capsys.readouterr().out)
    impls = doc["implementations"]
    assert [(i["name"], i["verdict"]) for i in impls] == [("Ok", "verified"), ("Bad", "errors")]
    f = impls[1]["failures"][0]
    assert (f["kind"], f["line"], f["col"]) == ("assertion", 2, 25)
    assert f["counterexample"] == {"x": "0"}


def test_print_smt(tmp_path, capsys) -> None:
    path = tmp_path / "s.bpl"
    path.write_text("procedure P(x: int) { assert x == x; }\n")
    assert main(["boogie", "--print-smt", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(check-sat)" in out and "declare-fun" in out


def test_bad_input_exit_codes(tmp_path, capsys) -> None:
    path = tmp_path / "bad.bpl"
    path.write_text("procedure P( {")
    assert main(["boogie", str(path)]) == 2
    assert "bad.bpl(1,14): Error:" in capsys.readouterr().out
    assert main(["boogie", str(tmp_path / "missing.bpl")]) == 1
    assert main(["boogie", "--cores", "x", str(path)]) == 1


def test_same_verdict_every_time() -> None:
    text = """function f(x: int): int; axiom (forall x: int :: { f(x) } f(x) > x);
              procedure P(y: int) { assert f(f(y)) > y + 1; assert f(y) > y; }"""
    prog = parse_program(SourceFile("t.bpl", text))
    runs = [verify_program(prog)[0][0] for _ in range(3)]
    assert len({(r.verdict, tuple(f.span.start for f in r.failures)) for r in runs}) == 1


def test_json_errors(tmp_path, capsys) -> None:
    path = tmp_path / "e.bpl"
    path.write_text("procedure P() { assert nope; }\n")
    assert main(["boogie", "--json", str(path)]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert doc["errors"][0]["message"] == "undeclared identifier: nope"
    assert (doc["errors"][0]["line"], doc["errors"][0]["col"]) == (1, 24)
