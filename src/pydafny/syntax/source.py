"""Source files and spans.

A `SourceFile` owns the text of one input. A `Span` is a half-open range of character
offsets `[start, end)` into one file; line and column (both 1-based, as Dafny prints them)
are computed on demand. Spans never take part in equality of AST or IVL nodes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


class SourceFile:
    """The text of one input file, with a lazily built index of line starts."""

    __slots__ = ("name", "text", "_line_starts")

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self._line_starts: list[int] | None = None

    @staticmethod
    def read(path: str) -> "SourceFile":
        """Read a file as UTF-8; undecodable bytes become U+FFFD so the lexer can report them."""
        with open(path, "rb") as f:
            data = f.read()
        return SourceFile(path, data.decode("utf-8", errors="replace"))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        if self._line_starts is None:
            starts = [0]
            text = self.text
            i = text.find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            self._line_starts = starts
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def __repr__(self) -> str:
        return f"SourceFile({self.name!r})"


@dataclass(frozen=True, slots=True)
class Span:
    """A range [start, end) of offsets in `file`. `file` is None for synthesized nodes."""

    file: SourceFile | None = field(default=None, compare=False)
    start: int = 0
    end: int = 0

    @property
    def line(self) -> int:
        return self.file.line_col(self.start)[0] if self.file else 0

    @property
    def col(self) -> int:
        return self.file.line_col(self.start)[1] if self.file else 0

    @property
    def filename(self) -> str:
        return self.file.name if self.file else "<none>"

    def to(self, other: "Span") -> "Span":
        """The span from the start of self to the end of other."""
        return Span(self.file, self.start, max(self.end, other.end))

    def text(self) -> str:
        return self.file.text[self.start:self.end] if self.file else ""

    def __str__(self) -> str:
        return f"{self.filename}({self.line},{self.col})"


NO_SPAN = Span()
