"""Bad input never escapes the parser as an exception: empty files, deep nesting, random
bytes, non-UTF-8 text, truncated and mutated corpus files; and `parse_files` reports
unreadable files and includes instead of raising."""

from __future__ import annotations

import os
import random

import pytest

from pydafny.cli import main
from pydafny.diagnostics import Reporter
from pydafny.syntax import ast as A
from pydafny.syntax.lexer import tokenize
from pydafny.syntax.parser import parse_files, parse_source
from pydafny.syntax.source import SourceFile

from corpus_location import CORPUS_FILES


def parse_text(text: str) -> tuple[A.Program, Reporter]:
    rep = Reporter()
    prog = parse_source(SourceFile("f.dfy", text), rep)
    assert not any("internal" in d.message for d in rep.diagnostics), text[:200]
    return prog, rep


def test_empty_file_is_an_empty_program() -> None:
    p, rep = parse_text("")
    assert p.module.name == "_default" and p.module.decls == [] and not rep.diagnostics
    p, rep = parse_text("  // only a comment\n/* and /* nested */ */\n")
    assert p.module.decls == [] and not rep.diagnostics


DEEP = [
    "const c := " + "(" * 10_000 + "1" + ")" * 10_000,
    "const c := " + "-" * 10_000 + "x",
    "const c := " + "[" * 10_000 + "]" * 10_000,
    "method M() " + "{" * 10_000 + "}" * 10_000,
    "const c := " + "if a then " * 3_000 + "0" + " else 1" * 3_000,
]


@pytest.mark.parametrize("index", range(len(DEEP)))
def test_deep_nesting_is_accepted_by_the_cli(index: int, tmp_path: object,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = os.path.join(str(tmp_path), "deep.dfy")
    with open(path, "w") as f:
        f.write(DEEP[index])
    assert main(["format", path]) == 0
    out = capsys.readouterr()
    assert "Error" not in out.out and "internal error" not in out.err


def test_deep_nesting_on_a_small_stack_is_an_error_not_a_crash() -> None:
    _, rep = parse_text(DEEP[0])   # the test thread has Python's default recursion limit
    assert all("nested too deeply" in d.message for d in rep.diagnostics)


def test_random_bytes_never_raise() -> None:
    rng = random.Random(1234)
    alphabet = b"{}()[];:=<>|&!-+*/%.,'\"@`#abcxyz019 \n\t" + bytes(range(0, 256, 7))
    for _ in range(300):
        n = rng.randrange(0, 400)
        if rng.random() < 0.5:
            data = bytes(rng.randrange(256) for _ in range(n))
        else:
            data = bytes(rng.choice(alphabet) for _ in range(n))
        parse_text(data.decode("utf-8", errors="replace"))


@pytest.mark.skipif(not CORPUS_FILES, reason="corpus not present")
def test_truncated_and_mutated_corpus_files_never_raise() -> None:
    rng = random.Random(99)
    for path in CORPUS_FILES[::8]:
        text = SourceFile.read(path).text
        for _ in range(3):
            parse_text(text[:rng.randrange(len(text) + 1)])
        toks = tokenize(SourceFile(path, text), Reporter())[:-1]
        for _ in range(3):
            parts = [t.text for t in toks]
            for _ in range(3):
                j = rng.randrange(len(parts)) if parts else 0
                op = rng.random()
                if op < 0.4 and parts:
                    del parts[j]
                elif op < 0.7:
                    parts.insert(j, rng.choice(["{", "}", "(", ")", ";", ":=", "|", "var",
                                                "case", "=>", "if", "match", "<", ">"]))
                elif parts:
                    parts[j] = rng.choice(parts)
            parse_text(" ".join(parts))


def test_non_utf8_file_reports_errors(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "bad.dfy")
    with open(path, "wb") as f:
        f.write(b"method M() { var x := 1; }\n\xff\xfe\n")
    rep = Reporter()
    parse_files([path], rep)
    assert [d.span.line for d in rep.diagnostics] == [2]
    assert "UTF-8" in rep.diagnostics[0].message


def test_parse_files_follows_includes_once(tmp_path: object) -> None:
    root = str(tmp_path)
    os.makedirs(os.path.join(root, "lib"))
    with open(os.path.join(root, "main.dfy"), "w") as f:
        f.write('include "lib/a.dfy"\ninclude "lib/b.dfy"\nmethod Main() { }\n')
    with open(os.path.join(root, "lib", "a.dfy"), "w") as f:
        f.write('include "b.dfy"\nfunction A(): int { 1 }\n')
    with open(os.path.join(root, "lib", "b.dfy"), "w") as f:
        f.write('include "a.dfy"\nfunction B(): int { 2 }\n')
    rep = Reporter()
    p = parse_files([os.path.join(root, "main.dfy")], rep)
    assert not rep.diagnostics
    names = sorted(d.name for d in p.module.decls if isinstance(d, A.Function | A.Method))
    assert names == ["A", "B", "Main"]
    assert len(p.files) == 3 and p.module.name == "_default"


def test_parse_files_reports_missing_files(tmp_path: object) -> None:
    root = str(tmp_path)
    with open(os.path.join(root, "m.dfy"), "w") as f:
        f.write('include "nowhere.dfy"\nmethod M() { }\n')
    rep = Reporter()
    p = parse_files([os.path.join(root, "m.dfy"), os.path.join(root, "absent.dfy")], rep)
    msgs = [d.format() for d in rep.diagnostics]
    assert len(msgs) == 2
    assert "m.dfy(1,1): Error: unable to open included file" in msgs[0]
    assert "unable to open file" in msgs[1]
    assert len(p.module.decls) == 1


def test_garbage_reports_a_bounded_number_of_errors() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(100_000))
    _, rep = parse_text(data.decode("utf-8", errors="replace"))
    assert 1 <= len(rep.diagnostics) <= 101
    assert "too many errors" in rep.diagnostics[-1].message


def test_too_many_errors_stop_the_file() -> None:
    _, rep = parse_text("method M() { " + "x = 1; " * 500 + "}")
    assert 100 <= len(rep.diagnostics) <= 102
    assert "too many errors" in rep.diagnostics[-1].message
