"""Python names for Dafny names.

Dafny identifiers are kept where they are legal Python and do not collide with a Python
keyword or a builtin the generated code uses; otherwise they are mangled: `'` becomes `_k`,
`?` becomes `_q`, a leading `_` or a reserved word gets a trailing `_`. Names the generator
invents itself start with `_` (Dafny identifiers cannot), so they never collide.
"""

from __future__ import annotations

import builtins
import keyword

RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins)) | {
    "self", "cls", "sys", "math", "Fraction",
}


def py_ident(name: str) -> str:
    out = name.replace("'", "_k").replace("?", "_q").replace("#", "_h").replace(".", "_")
    if not out.isidentifier():
        out = "".join(c if (c.isalnum() or c == "_") else f"_u{ord(c):x}" for c in out)
        if not out or out[0].isdigit():
            out = "n" + out
    if out in RESERVED or out.startswith("__"):
        out = out + "_"
    return out


def member_ident(name: str) -> str:
    """A field/method name (attributes may not start with `_` to avoid the runtime's)."""
    out = py_ident(name)
    if out.startswith("_"):
        out = "m" + out
    return out
