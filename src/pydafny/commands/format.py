"""`pydafny format FILE...`: parse each file and print it in the printer's standard layout.

Takes: file paths (includes are printed as directives, not followed).
Guarantees: on success the formatted text of each file goes to stdout and the exit code
is 0; the printed program parses back to the same AST. A file with syntax errors is not
printed: its diagnostics `file(line,col): Error: message` and Dafny's summary line
`N parse errors detected in FILE` are printed instead and the exit code is 2. A missing
file or no file at all is a command-line error (exit code 1). Comments are not kept.
"""

from __future__ import annotations

import os
import sys

from ..diagnostics import Reporter
from ..syntax.parser import parse_error_summary, parse_source
from ..syntax.printer import print_program
from ..syntax.source import SourceFile

USAGE = "usage: pydafny format FILE.dfy..."


def run(argv: list[str]) -> int:
    if any(a in ("-h", "--help") for a in argv):
        print(USAGE)
        return 0
    files = [a for a in argv if not a.startswith("-")]
    unknown = [a for a in argv if a.startswith("-")]
    if unknown:
        print(f"pydafny format: unknown option {unknown[0]}\n{USAGE}", file=sys.stderr)
        return 1
    if not files:
        print(USAGE, file=sys.stderr)
        return 1
    status = 0
    for path in files:
        if not os.path.isfile(path):
            print(f"*** Error: file {path} not found", file=sys.stderr)
            return 1
        try:
            source = SourceFile.read(path)
        except OSError as e:
            print(f"*** Error: cannot read {path}: {e.strerror or e}", file=sys.stderr)
            return 1
        reporter = Reporter()
        program = parse_source(source, reporter)
        if reporter.has_errors():
            reporter.print_all()
            print(parse_error_summary(reporter.error_count, os.path.basename(path)))
            status = 2
            continue
        sys.stdout.write(print_program(program))
    return status
