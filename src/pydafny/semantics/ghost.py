"""Ghost/compiled checks (placeholder: filled in below)."""

from __future__ import annotations

from typing import Any

from ..syntax import ast


def check_program(resolver: Any, program: ast.Program) -> None:
    return None
