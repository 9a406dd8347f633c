"""`pydafny translate py FILE.dfy [-o OUT.py] [--extern-module PATH]...`

Writes the Python module compiled from FILE.dfy (default: FILE.py next to it); the module
runs Main when executed (`python OUT.py args...`). Exit codes: 0 written, 1 usage, 2 syntax
or resolution errors, 3 constructs that cannot be compiled.
"""

from __future__ import annotations

import os
import sys

USAGE = "usage: pydafny translate py FILE.dfy [-o OUT.py] [--extern-module PATH]..."


def run(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE, file=sys.stderr)
        return 1
    if argv[0] != "py":
        print(f"pydafny translate: unsupported target '{argv[0]}' (only 'py')\n{USAGE}",
              file=sys.stderr)
        return 1
    out: str | None = None
    externs: list[str] = []
    files: list[str] = []
    it = iter(argv[1:])
    for a in it:
        if a in ("-o", "--output"):
            out = next(it, None)
            if out is None:
                print(USAGE, file=sys.stderr)
                return 1
        elif a == "--extern-module":
            p = next(it, None)
            if p is None:
                print(USAGE, file=sys.stderr)
                return 1
            externs.append(p)
        elif a.startswith("-"):
            print(f"pydafny translate: unknown option {a}\n{USAGE}", file=sys.stderr)
            return 1
        else:
            files.append(a)
    if not files:
        print(USAGE, file=sys.stderr)
        return 1
    for f in files + externs:
        if not os.path.isfile(f):
            print(f"*** Error: file {f} not found", file=sys.stderr)
            return 1
    from ..compiler.driver import load_and_compile
    gen, code = load_and_compile(files, externs)
    if gen is None:
        return code
    target = out or os.path.splitext(files[0])[0] + ".py"
    try:
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(gen.text)
    except OSError as e:
        print(f"*** Error: cannot write {target}: {e.strerror}", file=sys.stderr)
        return 1
    print(f"Wrote {target}")
    return 0
