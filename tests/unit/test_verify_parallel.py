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


def _with_other_thread(f):  # type: ignore[no-untyped-def]
    """Call f() while a second thread of this process is alive."""
    import threading
    stop = threading.Event()
    t = threading.Thread(target=stop.wait, daemon=True)
    t.start()
    try:
        return f()
    finally:
        stop.set()
        t.join()


def test_fork_only_without_other_threads() -> None:
    import multiprocessing
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    assert V._start_method() == "fork"
    assert _with_other_thread(V._start_method) == "spawn"


def test_spawn_pool_with_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """A library caller with a thread running gets a spawned pool, with the same results."""
    monkeypatch.setattr(V, "POOL_MIN_IMPLS", 2)
    monkeypatch.setattr(V, "POOL_MIN_SOURCE_CHARS", 0)
    used: list[str] = []
    real = V._start_method
    monkeypatch.setattr(V, "_start_method", lambda: used.append(real()) or used[-1])
    real_pickle = V._picklable
    monkeypatch.setattr(V, "_picklable", lambda x: used.append("pickled") or real_pickle(x))
    program = parse_program(SourceFile("t.bpl", MANY))
    results, diags = _with_other_thread(
        lambda: V.verify_program(program, V.VerifyOptions(cores=2, time_limit=20)))
    assert used == ["spawn", "pickled"]     # the job pickles: the pool was used
    assert not diags
    assert [(r.name, r.verdict) for r in results] == [(f"P{i}", "errors") for i in range(6)]
