"""Golden tests for `pydafny boogie`: every `tests/ivl/*.bpl` is verified and its standard
output compared with the `.expect` file beside it. A first line `// ARGS: ...` gives extra
command-line options. `PYDAFNY_UPDATE_GOLDEN=1` rewrites the `.expect` files (read the diff
before committing)."""

from __future__ import annotations

import contextlib
import io
import os
import pathlib
import shlex

import pytest

from pydafny.cli import main

HERE = pathlib.Path(__file__).parent
CASES = sorted(HERE.glob("*.bpl"))


def run_case(path: pathlib.Path) -> tuple[int, str]:
    first = path.read_text(encoding="utf-8").splitlines()[:1]
    extra = shlex.split(first[0][len("// ARGS:"):]) if first and first[0].startswith(
        "// ARGS:") else []
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(HERE)
    try:
        with contextlib.redirect_stdout(out):
            code = main(["boogie", *extra, path.name])
    finally:
        os.chdir(cwd)
    return code, out.getvalue()


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden(path: pathlib.Path) -> None:
    code, got = run_case(path)
    expect = path.with_suffix(".expect")
    if os.environ.get("PYDAFNY_UPDATE_GOLDEN") == "1":
        expect.write_text(got, encoding="utf-8")
        return
    assert expect.exists(), f"missing {expect.name}; run with PYDAFNY_UPDATE_GOLDEN=1"
    assert got == expect.read_text(encoding="utf-8")
    want_code = 0 if got.rstrip().endswith(", 0 errors") else (
        2 if "detected in" in got else 4)
    assert code == want_code
