"""Soundness checks stated as verdicts: vacuity only after `assume false`, `assert false` on a
reachable path always fails, havoc forgets, a loop without invariant forgets what it modifies,
old is the pre-state, calls forget what the callee modifies; same verdicts with any --cores."""

from __future__ import annotations

import pytest

from pydafny.cli import main
from pydafny.ivl.parser import parse_program
from pydafny.ivl.verify import VerifyOptions, verify_program
from pydafny.syntax.source import SourceFile


def verdict(body: str, decls: str = "", spec: str = "") -> tuple[str, int]:
    text = f"{decls}\nprocedure P(n: int) returns (r: int) {spec} {{ {body} }}"
    results, diags = verify_program(parse_program(SourceFile("t.bpl", text)))
    assert not diags, [d.format() for d in diags]
    return results[0].verdict, len(results[0].failures)


@pytest.mark.parametrize("body, expected", [
    ("assume false; assert false;", "verified"),
    ("assert false;", "errors"),
    ("if (n > 0) { assume false; } assert false;", "errors"),
    ("if (*) { assert false; }", "errors"),
    ("goto A, B; A: assume false; return; B: assert false;", "errors"),
    ("r := 1; havoc r; assert r == 1;", "errors"),
    ("r := 1; goto A; A: havoc r; r := 2; assert r == 2;", "verified"),
    ("r := 0; while (r < n) { r := r + 1; } assert r == 0;", "errors"),
    ("r := 0; while (r < n) { r := r + 1; } assert r >= n;", "verified"),
    ("r := 0; while (*) invariant r >= 0; { r := r + 1; } assert r > 0;", "errors"),
    ("while (true) { } assert false;", "verified"),  # the loop never exits
    ("r := 0; while (r < n) invariant false; { r := r + 1; }", "errors"),
    ("L: assert false; goto L;", "errors"),
])
def test_verdicts(body: str, expected: str) -> None:
    assert verdict(body)[0] == expected


def test_old_is_the_pre_state() -> None:
    decls = "var g: int;"
    assert verdict("g := g + 1; assert old(g) + 1 == g;", decls, "modifies g;")[0] == "verified"
    assert verdict("g := g + 1; assert old(g) == g;", decls, "modifies g;")[0] == "errors"


def test_calls_forget_modified_globals() -> None:
    decls = "var g: int; var h: int; procedure Q(); modifies g;"
    assert verdict("g := 1; h := 1; call Q(); assert h == 1;", decls,
                   "modifies g, h;")[0] == "verified"
    assert verdict("g := 1; h := 1; call Q(); assert g == 1;", decls,
                   "modifies g, h;")[0] == "errors"


def test_contradictory_axioms_are_not_hidden() -> None:
    # a contradictory background proves anything: the verifier must not pretend otherwise
    assert verdict("assert false;", "axiom false;")[0] == "verified"
    assert verdict("assert false;", "axiom true;")[0] == "errors"


def test_same_output_with_any_number_of_cores(tmp_path, capsys) -> None:
    text = "\n".join(
        f"function f{i}(x: int): int; axiom (forall x: int :: {{ f{i}(x) }} f{i}(x) > x);\n"
        f"procedure P{i}(y: int) {{ assert f{i}(f{i}(y)) > y + 1; assert f{i}(y) > y + {i}; }}"
        for i in range(5))
    path = tmp_path / "c.bpl"
    path.write_text(text)
    outs = []
    for cores in (1, 3):
        main(["boogie", "--cores", str(cores), str(path)])
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1]
    assert outs[0].rstrip().endswith("finished with 1 verified, 4 errors")


def test_error_limit_one_still_fails() -> None:
    text = "procedure P(a: int, b: int) { assert a > 0; assert b > 0; }"
    results, _ = verify_program(parse_program(SourceFile("t.bpl", text)),
                                VerifyOptions(error_limit=1))
    assert results[0].verdict == "errors" and len(results[0].failures) == 1
