"""`pydafny resolve FILE...`: parse and resolve, print errors Dafny-style.

Prints each diagnostic as `file(line,col): Error: message`, then Dafny's summary line
`N resolution/type errors detected in FILE` (or `... parse errors detected in FILE` when
parsing failed). A clean program prints nothing. Exit codes: 0 clean, 1 command-line
error (no files, unreadable file), 2 syntax or resolution errors.
"""

from __future__ import annotations

import os
import sys

from ..diagnostics import Reporter


def run(argv: list[str]) -> int:
    files = [a for a in argv if not a.startswith("-")]
    if not files or any(a in ("-h", "--help") for a in argv):
        print("usage: pydafny resolve FILE.dfy...", file=sys.stderr)
        return 1
    for f in files:
        if not os.path.isfile(f):
            print(f"*** Error: file {f} not found", file=sys.stderr)
            return 1
    from ..api import parse_program
    from ..semantics.resolver import resolve
    reporter = Reporter()
    program = parse_program(files, reporter)
    stage = "parse"
    if program is not None:
        stage = "resolution/type"
        resolve(program, reporter)
    reporter.print_all()
    n = reporter.error_count
    if n:
        print(f"{n} {stage} errors detected in {os.path.basename(files[0])}")
        return 2
    return 0
