"""The error the translator raises for a Dafny construct it does not translate yet.

Takes: a span and a short description of the construct.
Guarantees: callers catch `Unsupported` per declaration and report
`file(line,col): Error: unsupported: <what>`; a declaration that raised it is never counted as
verified, so a missing feature can only cost completeness, never soundness.
"""

from __future__ import annotations

from ..syntax.source import Span


class Unsupported(Exception):
    def __init__(self, span: Span, what: str) -> None:
        super().__init__(what)
        self.span = span
        self.what = what
