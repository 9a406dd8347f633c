"""Golden tests for syntax errors: each `tests/syntax/NAME.dfy` is run through
`pydafny format NAME.dfy` (on the CLI's large-stack thread) and its standard output must
equal `NAME.expect`; the exit code must be 2 when errors are expected, 0 otherwise.
`PYDAFNY_UPDATE_GOLDEN=1 pytest tests/syntax` rewrites the `.expect` files (read the diff
before committing)."""

from __future__ import annotations

import glob
import os

import pytest

from pydafny.cli import main

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(HERE, "*.dfy")))


@pytest.mark.parametrize("name", CASES)
def test_syntax_golden(name: str, capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    code = main(["format", name + ".dfy"])
    out = capsys.readouterr().out
    expect_path = os.path.join(HERE, name + ".expect")
    if os.environ.get("PYDAFNY_UPDATE_GOLDEN") == "1":
        with open(expect_path, "w", encoding="utf-8") as f:
            f.write(out)
    with open(expect_path, encoding="utf-8") as f:
        expected = f.read()
    assert out == expected
    assert code == (2 if ": Error: " in expected else 0)
