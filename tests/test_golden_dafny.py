"""Golden verifier tests: each tests/dafny/X.dfy is verified and the output compared with
tests/dafny/X.expect (exact text, then the exit code on the last line).

Set PYDAFNY_UPDATE_GOLDEN=1 to rewrite the .expect files (read every diff before committing).
"""

from __future__ import annotations

import contextlib
import io
import os
import pathlib

import pytest

from pydafny.commands import verify

ROOT = pathlib.Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "tests" / "dafny").glob("*.dfy"))


def run_case(path: pathlib.Path) -> str:
    rel = os.path.relpath(path, ROOT)
    buf = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(buf):
            rc = verify.run(["--cores", "1", "--verification-time-limit", "20", rel])
    finally:
        os.chdir(cwd)
    return buf.getvalue() + f"exit code {rc}\n"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case: pathlib.Path) -> None:
    actual = run_case(case)
    expect = case.with_suffix(".expect")
    if os.environ.get("PYDAFNY_UPDATE_GOLDEN") == "1":
        expect.write_text(actual)
        return
    assert expect.exists(), f"missing {expect}; run with PYDAFNY_UPDATE_GOLDEN=1"
    assert actual == expect.read_text()
