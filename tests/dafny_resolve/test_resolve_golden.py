"""Golden tests for `pydafny resolve`: each `X.dfy` here has an `X.expect` with the exact
output (errors and the summary line). Exit code must be 2 when errors are expected and 0
for a clean file. `PYDAFNY_UPDATE_GOLDEN=1 pytest tests/dafny_resolve` rewrites the
`.expect` files (read every diff before committing)."""

from __future__ import annotations

import contextlib
import io
import os
import pathlib

import pytest

from pydafny.commands import resolve as resolve_cmd

HERE = pathlib.Path(__file__).parent
CASES = sorted(p.name for p in HERE.glob("*.dfy"))


def run_resolve(name: str) -> tuple[int, str]:
    out = io.StringIO()
    old = os.getcwd()
    os.chdir(HERE)
    try:
        with contextlib.redirect_stdout(out):
            code = resolve_cmd.run([name])
    finally:
        os.chdir(old)
    return code, out.getvalue()


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    code, text = run_resolve(name)
    expect = HERE / (name[:-4] + ".expect")
    if os.environ.get("PYDAFNY_UPDATE_GOLDEN") == "1":
        expect.write_text(text)
    assert expect.exists(), f"missing {expect.name}; run with PYDAFNY_UPDATE_GOLDEN=1"
    assert text == expect.read_text()
    assert code == (2 if text.strip() else 0)


def test_command_line_errors() -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert resolve_cmd.run([]) == 1
        assert resolve_cmd.run(["no_such_file.dfy"]) == 1
    assert "not found" in err.getvalue()


def test_bad_inputs_never_give_a_traceback(tmp_path: pathlib.Path) -> None:
    cases = {
        "empty.dfy": b"",
        "garbage.dfy": bytes(range(256)) * 4,
        "truncated.dfy": b"method M() { var x := 1; x := x +",
        "deep.dfy": b"method M() { var x := " + b"(" * 2000 + b"1" + b")" * 2000 + b"; }",
        "undeclared.dfy": b"method M() { var x := y.z[1..](2); }",
    }
    for name, data in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = resolve_cmd.run([str(f)])
        text = out.getvalue()
        assert "Traceback" not in text and "internal error" not in text, text
        if name == "deep.dfy":   # in process the stack is small: an error is acceptable
            assert code in (0, 2), text
        else:
            assert code == (0 if name == "empty.dfy" else 2), (name, text)
