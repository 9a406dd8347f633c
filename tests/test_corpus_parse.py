"""Every program of the DafnyBench corpus parses without errors, and the printer round-trips
it: parse(print(parse(x))) == parse(x) (AST equality ignores spans), and printing the
reparsed program gives the same text."""

from __future__ import annotations


import pytest

from pydafny.diagnostics import Reporter
from pydafny.syntax.parser import parse_source
from pydafny.syntax.source import SourceFile

from corpus_location import CORPUS_FILES as FILES


def _parse(path: str) -> tuple[object, list[str]]:
    rep = Reporter()
    prog = parse_source(SourceFile.read(path), rep)
    return prog, [d.format() for d in rep.diagnostics]


@pytest.mark.skipif(not FILES, reason="corpus not present")
def test_whole_corpus_parses() -> None:
    failures: list[str] = []
    for path in FILES:
        _, errors = _parse(path)
        if errors:
            failures.append(errors[0])
    assert not failures, "\n".join(failures[:20])
    assert len(FILES) >= 400


@pytest.mark.skipif(not FILES, reason="corpus not present")
def test_whole_corpus_round_trips_through_the_printer() -> None:
    from pydafny.syntax.printer import print_program
    failures: list[str] = []
    for path in FILES:
        prog, _ = _parse(path)
        text = print_program(prog)  # type: ignore[arg-type]
        rep = Reporter()
        again = parse_source(SourceFile(path + " (printed)", text), rep)
        if rep.has_errors():
            failures.append(rep.diagnostics[0].format())
        elif again.module != prog.module:  # type: ignore[attr-defined]
            failures.append(f"{path}: printed program parses to a different AST")
        elif print_program(again) != text:
            failures.append(f"{path}: printing is not idempotent")
    assert not failures, "\n".join(failures[:20])
