"""Diagnostics: the one thing every stage reports.

Printed in Dafny's form `file(line,col): Error: message`, followed by one
`file(line,col): Related location: message` line per related span.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from .syntax.source import Span


class Severity:
    ERROR = "Error"
    WARNING = "Warning"
    INFO = "Info"


@dataclass(frozen=True, slots=True)
class Related:
    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    span: Span
    message: str
    severity: str = Severity.ERROR
    code: str = ""
    related: tuple[Related, ...] = field(default=())

    def format(self) -> str:
        lines = [f"{self.span}: {self.severity}: {self.message}"]
        for r in self.related:
            lines.append(f"{r.span}: Related location: {r.message}")
        return "\n".join(lines)


class Reporter:
    """Collects diagnostics in the order they are reported."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    def error(self, span: Span, message: str, code: str = "",
              related: tuple[Related, ...] = ()) -> None:
        self.diagnostics.append(Diagnostic(span, message, Severity.ERROR, code, related))

    def warning(self, span: Span, message: str, code: str = "") -> None:
        self.diagnostics.append(Diagnostic(span, message, Severity.WARNING, code))

    def report(self, d: Diagnostic) -> None:
        self.diagnostics.append(d)

    @property
    def error_count(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == Severity.ERROR)

    def has_errors(self) -> bool:
        return any(d.severity == Severity.ERROR for d in self.diagnostics)

    def print_all(self, out: TextIO | None = None) -> None:
        out = out or sys.stdout
        for d in self.diagnostics:
            print(d.format(), file=out)
