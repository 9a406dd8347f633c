"""The verification-result cache (`pydafny verify --cache DIR`, pydafny/verifier/cache.py):
hits on unchanged input, misses (and fresh verdicts) on any change the verdict depends on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pydafny.api import load_program
from pydafny.commands import verify as verify_cmd
from pydafny.commands.verify import DAFNY_Z3_PARAMS
from pydafny.diagnostics import Reporter
from pydafny.ivl.verify import VerifyOptions, verify_program
from pydafny.smt import terms as T
from pydafny.smt.fingerprint import fingerprint
from pydafny.verifier.cache import VerificationCache
from pydafny.verifier.translator import translate

CALLER = """
function F(x: int): int { x + 1 }
method M(x: int) returns (y: int)
  ensures y > x
{
  y := F(x);
}
method N(a: int) returns (b: int)
  ensures b == a
{
  b := a;
}
"""


def _verdicts(path: Path, cache: VerificationCache) -> dict[str, tuple[str, bool]]:
    """implementation name -> (verdict, whether it came from the cache)"""
    program = load_program([str(path)], Reporter())
    assert program is not None
    tr = translate(program)
    results, diags = verify_program(tr.program, VerifyOptions(
        time_limit=20, z3_params=dict(DAFNY_Z3_PARAMS), proof_cache=cache))
    assert not diags
    return {r.name: (r.verdict, r.reason == "cached") for r in results}


def _impl(verdicts: dict[str, tuple[str, bool]], name: str) -> tuple[str, bool]:
    [key] = [k for k in verdicts if k == name]
    return verdicts[key]


def test_unchanged_program_hits(tmp_path: Path) -> None:
    src = tmp_path / "a.dfy"
    src.write_text(CALLER)
    cache = VerificationCache(str(tmp_path / "cache"))
    first = _verdicts(src, cache)
    assert _impl(first, "M") == ("verified", False)
    second = _verdicts(src, cache)
    assert _impl(second, "M") == ("verified", True)
    assert _impl(second, "N") == ("verified", True)


def test_changed_postcondition_misses_with_new_verdict(tmp_path: Path) -> None:
    src = tmp_path / "a.dfy"
    src.write_text(CALLER)
    cache = VerificationCache(str(tmp_path / "cache"))
    _verdicts(src, cache)
    src.write_text(CALLER.replace("ensures y > x", "ensures y > x + 1"))
    assert _impl(_verdicts(src, cache), "M") == ("errors", False)


@pytest.mark.parametrize("edit", [
    ("{ x + 1 }", "{ x + 2 }"),                                    # the callee's body
    ("function F(x: int): int {", "function F(x: int): int\n  ensures F(x) > x\n{"),  # contract
])
def test_change_in_called_function_misses_for_caller(tmp_path: Path,
                                                      edit: tuple[str, str]) -> None:
    src = tmp_path / "a.dfy"
    src.write_text(CALLER)
    cache = VerificationCache(str(tmp_path / "cache"))
    _verdicts(src, cache)
    src.write_text(CALLER.replace(*edit))
    assert _impl(_verdicts(src, cache), "M") == ("verified", False)


def test_failures_are_not_stored_at_query_level(tmp_path: Path) -> None:
    src = tmp_path / "a.dfy"
    src.write_text(CALLER.replace("ensures b == a", "ensures b == a + 1"))
    cache = VerificationCache(str(tmp_path / "cache"))
    _verdicts(src, cache)
    assert _impl(_verdicts(src, cache), "N") == ("errors", False)


def test_cli_replays_unchanged_run_and_reruns_changed_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "a.dfy"
    src.write_text(CALLER)
    cdir = str(tmp_path / "cache")
    assert verify_cmd.run(["--cache", cdir, "--cores", "1", str(src)]) == 0
    out1 = capsys.readouterr().out
    assert "2 verified, 0 errors" in out1 or "verified, 0 errors" in out1

    def boom(*_a: object, **_k: object) -> object:
        raise AssertionError("verified again despite an unchanged file")
    with monkeypatch.context() as m:
        m.setattr(verify_cmd, "verify_paths", boom)
        assert verify_cmd.run(["--cache", cdir, "--cores", "1", str(src)]) == 0
    assert capsys.readouterr().out == out1
    # a changed postcondition: a fresh verdict, with the error reported
    src.write_text(CALLER.replace("ensures y > x", "ensures y > x + 1"))
    assert verify_cmd.run(["--cache", cdir, "--cores", "1", str(src)]) == 4
    out2 = capsys.readouterr().out
    assert "a postcondition could not be proved" in out2
    # ... which is itself replayed unchanged the next time
    assert verify_cmd.run(["--cache", cdir, "--cores", "1", str(src)]) == 4
    assert capsys.readouterr().out == out2
    # other options are other keys
    assert verify_cmd.run(["--cache", cdir, "--error-limit", "1", str(src)]) == 4
    assert capsys.readouterr().out == out2


def test_corrupt_entries_are_misses(tmp_path: Path) -> None:
    cache = VerificationCache(str(tmp_path))
    key = cache.query_key("f" * 64, "opts")
    cache.record_proved(key, "M")
    assert cache.is_proved(key)
    path = os.path.join(str(tmp_path), "vc", key[:2], key + ".json")
    with open(path, "w") as f:
        f.write("{not json")
    assert not cache.is_proved(key)


def test_fingerprint_is_structural() -> None:
    x, y = T.const("x", T.INT), T.const("y", T.INT)
    a = T.arith("+", x, y)
    shared = T.eq(a, a)
    unshared = T.eq(T.arith("+", x, y), T.arith("+", T.const("x", T.INT), y))
    assert fingerprint([shared]) == fingerprint([unshared])
    assert fingerprint([T.eq(a, x)]) != fingerprint([T.eq(a, y)])
    assert fingerprint([T.eq(a, x)]) != fingerprint([T.eq(a, x)], extra="timeout=1")
    assert fingerprint([T.eq(a, x), T.eq(x, y)]) != fingerprint([T.eq(x, y), T.eq(a, x)])
    v = T.bvar("v", T.INT)
    f = T.FunSym("f", (T.INT,), T.INT)
    fv = T.app(f, (v,))
    q1 = T.quant("forall", (v,), T.arith(">", fv, v), patterns=((fv,),))
    q2 = T.quant("forall", (v,), T.arith(">", fv, v))
    assert fingerprint([q1]) != fingerprint([q2])


def test_runs_with_time_outs_are_not_replayed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "a.dfy"
    src.write_text(CALLER)
    cdir = str(tmp_path / "cache")
    calls: list[int] = []

    def timed_out(paths: list[str], options: object = None) -> verify_cmd.VerifyOutcome:
        calls.append(1)
        return verify_cmd.VerifyOutcome(4, verified=1, timeouts=1)
    monkeypatch.setattr(verify_cmd, "verify_paths", timed_out)
    assert verify_cmd.run(["--cache", cdir, str(src)]) == 4
    assert verify_cmd.run(["--cache", cdir, str(src)]) == 4
    assert len(calls) == 2
    assert "1 time out" in capsys.readouterr().out


def test_a_changed_included_file_is_a_miss(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "lib").mkdir()
    lib = tmp_path / "lib" / "f.dfy"
    lib.write_text("function F(x: int): int { x + 1 }\n")
    main = tmp_path / "main.dfy"
    main.write_text('include "lib/f.dfy"\n'
                    "method M(x: int) returns (y: int) ensures y > x { y := F(x); }\n")
    cdir = str(tmp_path / "cache")
    assert verify_cmd.run(["--cache", cdir, str(main)]) == 0
    capsys.readouterr()
    lib.write_text("function F(x: int): int { x - 1 }\n")
    assert verify_cmd.run(["--cache", cdir, str(main)]) == 4
    assert "a postcondition could not be proved" in capsys.readouterr().out
