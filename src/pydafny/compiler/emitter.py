"""A line buffer with indentation for generated Python code, and the compile error type.

`Emitter.line(text)` appends one line at the current depth; `indent()` is a context manager.
`child()` gives an empty emitter at the same depth whose lines can be spliced in later with
`extend` (used where a wrapper depends on what the body turned out to need, e.g. a labelled
break handled by an exception).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..syntax.source import NO_SPAN, Span


class CompileError(Exception):
    """A construct the compiler cannot translate; reported as `file(line,col): Error: ...`."""

    def __init__(self, span: Span | None, message: str) -> None:
        super().__init__(message)
        self.span = span or NO_SPAN
        self.message = message


class Emitter:
    __slots__ = ("depth", "lines")

    def __init__(self, depth: int = 0) -> None:
        self.lines: list[str] = []
        self.depth = depth

    def line(self, text: str = "") -> None:
        self.lines.append(("    " * self.depth + text) if text else "")

    @contextmanager
    def indent(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1

    def child(self) -> Emitter:
        return Emitter(self.depth)

    def extend(self, other: Emitter, extra_depth: int = 0) -> None:
        pad = "    " * extra_depth
        self.lines.extend((pad + ln) if ln else ln for ln in other.lines)

    def ensure_body(self, start: int) -> None:
        """Add `pass` if nothing was emitted since line index `start`."""
        if len(self.lines) == start:
            self.line("pass")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def strip_parens(code: str) -> str:
    """`(a + b)` -> `a + b` when the outer parentheses enclose the whole expression (for
    readability where an expression stands alone: conditions, right-hand sides)."""
    while len(code) >= 2 and code[0] == "(" and code[-1] == ")":
        depth = 0
        quote = ""
        i = 0
        closes_early = False
        while i < len(code):
            c = code[i]
            if quote:
                if c == "\\":
                    i += 2
                    continue
                if c == quote:
                    quote = ""
            elif c in "'\"":
                quote = c
            elif c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
                if depth == 0 and i != len(code) - 1:
                    closes_early = True
                    break
            i += 1
        if closes_early:
            return code
        inner = code[1:-1]
        if not inner.strip() or inner.endswith(",") or " for " in inner:
            return code      # (), one-element tuples and generator expressions keep them
        code = inner
    return code
