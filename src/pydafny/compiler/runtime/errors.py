"""Exceptions generated code raises: `HaltError` for a failed `expect` (Dafny prints
`[Program halted] <message>` and exits with 1), `DafnyRuntimeError` for other run-time
failures Dafny defines."""

from __future__ import annotations

from .numeric import DafnyRuntimeError


class HaltError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


__all__ = ["DafnyRuntimeError", "HaltError"]
