"""`pydafny format`: prints a parsed file, reports syntax errors Dafny-style with exit
code 2, and treats missing files and bad options as command-line errors (exit code 1)."""

from __future__ import annotations

import os

import pytest

from pydafny.cli import main


def write(tmp_path: object, name: str, text: str) -> str:
    path = os.path.join(str(tmp_path), name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def test_formats_a_valid_file(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "ok.dfy", "method   M( x:int )returns(y:int){y:=x+1;}")
    assert main(["format", path]) == 0
    assert capsys.readouterr().out == (
        "method M(x: int) returns (y: int)\n{\n  y := x + 1;\n}\n")


def test_syntax_errors_exit_2(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "bad.dfy", "method M() { x := ; }\n")
    assert main(["format", path]) == 2
    out = capsys.readouterr().out
    assert out == f"{path}(1,19): Error: invalid Expression\n1 parse error detected in bad.dfy\n"


def test_missing_file_and_usage(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["format", os.path.join(str(tmp_path), "none.dfy")]) == 1
    assert "not found" in capsys.readouterr().err
    assert main(["format"]) == 1
    assert main(["format", "--frobnicate", "x.dfy"]) == 1
    assert main(["format", "--help"]) == 0
