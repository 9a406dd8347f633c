"""`--cores N` (ivl/verify.py): a worker pool only where it pays off, and with a pool the
results are the same as without one, in source order."""

from __future__ import annotations

from pathlib import Path

import pytest

from pydafny.ivl import verify as V
from pydafny.ivl.parser import parse_program
from pydafny.ivl.typecheck import check_program
from pydafny.syntax.source import SourceFile

MANY = "".join(f"procedure P{i}(x: int) {{ assert x != {i}; assert x + 1 > x; }}\n"
               for i in range(6))


def _impls(text: str) -> list[V.ImplInfo]:
    info, diags = check_program(parse_program(SourceFile("t.bpl", text)))
    assert not diags
    return list(info.impls)


def test_small_programs_get_no_pool() -> None:
    assert not V._worth_a_pool(_impls(MANY))
    big = "".join(f"procedure P{i}(x: int) {{ {'assert x + 1 > x; ' * 60} }}\n"
                  for i in range(V.POOL_MIN_IMPLS))
    assert V._worth_a_pool(_impls(big))
    assert not V._worth_a_pool(_impls(big)[: V.POOL_MIN_IMPLS - 1])


@pytest.mark.parametrize("cores", [1, 3])
def test_pool_gives_sequential_results_in_order(monkeypatch: pytest.MonkeyPatch,
                                                cores: int) -> None:
    monkeypatch.setattr(V, "POOL_MIN_IMPLS", 2)
    monkeypatch.setattr(V, "POOL_MIN_SOURCE_CHARS", 0)
    seen: list[str] = []
    program = parse_program(SourceFile("t.bpl", MANY))
    results, diags = V.verify_program(program, V.VerifyOptions(cores=cores, time_limit=20),
                                      on_result=lambda r: seen.append(r.name))
    assert not diags
    assert [r.name for r in results] == [f"P{i}" for i in range(6)] == seen
    assert [(r.verdict, [f.span.col for f in r.failures]) for r in results] == \
        [("errors", [24])] * 6


def test_cli_cores_on_small_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pydafny.cli import main
    path = tmp_path / "many.bpl"
    path.write_text(MANY)
    assert main(["boogie", "--cores", "2", str(path)]) == 4
    assert capsys.readouterr().out.rstrip().endswith("finished with 0 verified, 6 errors")
