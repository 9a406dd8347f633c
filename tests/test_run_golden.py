"""Golden run tests: each tests/run/NAME.dfy is compiled and run with
`pydafny run --no-verify`; stdout, stderr (if any) and the exit code must equal
tests/run/NAME.expect. `PYDAFNY_UPDATE_GOLDEN=1 pytest tests/test_run_golden.py` rewrites
the .expect files (read every diff before committing).

Programs run in a subprocess (so one cannot disturb another) with a timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

RUN_DIR = Path(__file__).parent / "run"
CASES = sorted(RUN_DIR.glob("*.dfy"))
TIMEOUT = 60


def run_case(path: Path) -> str:
    extra: list[str] = []
    ext = path.with_suffix(".py")
    if ext.exists():
        extra = ["--extern-module", str(ext)]
    args_file = path.with_suffix(".args")
    prog_args = args_file.read_text().split() if args_file.exists() else []
    proc = subprocess.run(
        [sys.executable, "-m", "pydafny.cli", "run", "--no-verify", *extra, path.name,
         *prog_args],
        cwd=RUN_DIR, check=False, capture_output=True, text=True, timeout=TIMEOUT)
    out = proc.stdout
    if proc.stderr:
        out += "--- stderr\n" + proc.stderr
    out += f"--- exit {proc.returncode}\n"
    return out


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_run_golden(path: Path) -> None:
    actual = run_case(path)
    expect = path.with_suffix(".expect")
    if os.environ.get("PYDAFNY_UPDATE_GOLDEN") == "1":
        expect.write_text(actual)
        return
    assert expect.exists(), f"missing {expect.name}; run with PYDAFNY_UPDATE_GOLDEN=1"
    assert actual == expect.read_text()
