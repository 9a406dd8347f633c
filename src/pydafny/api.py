"""The front-end API: read Dafny files, parse and resolve them.

`load_program(paths, reporter)` parses every file (following `include`s; all top-level
declarations land in one default module `_default`) and resolves the result. It returns the
resolved `ast.Program` (see `semantics.resolver` for what the annotations guarantee), or
None if any syntax or resolution error was reported; the diagnostics are in `reporter`.
It never raises on bad input: an unexpected internal failure is reported as an
`internal error` diagnostic.
"""

from __future__ import annotations

from .diagnostics import Reporter
from .syntax import ast
from .syntax.source import NO_SPAN


def parse_program(paths: list[str], reporter: Reporter) -> ast.Program | None:
    """Parse only; None on any syntax error."""
    from .syntax.parser import parse_files
    before = reporter.error_count
    try:
        program = parse_files(paths, reporter)
    except RecursionError:
        reporter.error(NO_SPAN, "internal error: input nested too deeply")
        return None
    if reporter.error_count > before or program is None:
        return None
    return program


def load_program(paths: list[str], reporter: Reporter) -> ast.Program | None:
    """Parse and resolve `paths`; None if any syntax or resolution error was reported."""
    program = parse_program(paths, reporter)
    if program is None:
        return None
    from .semantics.resolver import resolve
    if not resolve(program, reporter):
        return None
    return program
