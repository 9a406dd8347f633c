"""The verification-result cache behind `pydafny verify --cache DIR`.

Takes: a directory (created on first use) and, per lookup, either a whole run (the command's
options and the files' paths and contents) or one implementation's SMT query.
Guarantees: two levels, both keyed by SHA-256 digests, never returning a stale verdict:
  * run level: the exact output and exit code of a whole `pydafny verify` run, keyed by the
    digest of pydafny's own code (every .py/.bpl file of the package), the z3 version, every
    option that can change the output, and the path and contents of each file and of every
    file it includes. A run is stored only when its verdicts are definite (no time out or
    other inconclusive outcome, which a rerun might not repeat). Re-running on unchanged
    files prints the stored output without parsing.
  * query level: implementations proved "verified", keyed by the fingerprint of the exact
    query the solver was given (background axioms of every function, type and constant the
    VC mentions, the VC itself; see `pydafny.smt.fingerprint`), the solver options and the z3
    version. Only proofs are stored there: an unsat query stays unsat whatever else changes,
    and a verified result carries no source positions that an edit could make stale. Any
    change the solver could see (a postcondition, a called function's body or contract, an
    option) changes the key: a miss, and a fresh verdict.
Entries are written atomically (temporary file, then rename), so concurrent processes
(`--cores`) and interrupted runs never leave a partial entry; an unreadable entry is a miss.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

CACHE_FORMAT = "1"
_INCLUDE = re.compile(rb'include\s+"([^"]*)"')


@functools.cache
def code_digest() -> str:
    """Digest of pydafny's source files (path, size, modification time of every .py/.bpl file
    of the package), so that a changed pydafny never reuses old run verdicts."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".py", ".bpl")):
                path = os.path.join(dirpath, name)
                st = os.stat(path)
                h.update(f"{os.path.relpath(path, root)}|{st.st_size}|{st.st_mtime_ns}\n"
                         .encode("utf-8", "surrogateescape"))
    return h.hexdigest()


@functools.cache
def z3_version() -> str:
    """z3-solver's version, from its installed metadata's folder name (no z3 import)."""
    import glob
    import importlib.util
    try:
        spec = importlib.util.find_spec("z3")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        return "none"
    pkg = os.path.dirname(spec.origin)
    infos = sorted(glob.glob(os.path.join(os.path.dirname(pkg), "z3_solver-*.*-info")))
    return os.path.basename(infos[-1]) if infos else pkg


def _digest(parts: Sequence[str]) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogateescape"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass(slots=True)
class RunEntry:
    output: str
    exit_code: int


class VerificationCache:
    """A cache directory; see the module docstring. Methods never raise on I/O errors."""

    __slots__ = ("hits", "misses", "root")

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)
        self.hits = 0
        self.misses = 0

    # ------------------------------------------------------------------ storage
    def _path(self, kind: str, key: str) -> str:
        return os.path.join(self.root, kind, key[:2], key + ".json")

    def _read(self, kind: str, key: str) -> dict[str, object] | None:
        try:
            with open(self._path(kind, key), encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError):
            return None
        if not isinstance(doc, dict) or doc.get("format") != CACHE_FORMAT \
                or doc.get("key") != key:
            return None
        return doc

    def _write(self, kind: str, key: str, doc: dict[str, object]) -> None:
        path = self._path(kind, key)
        doc = dict(doc, format=CACHE_FORMAT, key=key)
        import tempfile
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(doc, f)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written is only slower

    # ------------------------------------------------------------------ run level
    def run_key(self, options: Sequence[str], paths: Sequence[str]) -> str | None:
        """The key of a run over `paths` with `options` (normalized option texts): it covers
        every file named and, transitively, every file an `include "..."` in them may name
        (found by a textual scan, so also in comments: more keys, never fewer). None when a
        named file cannot be read (then the run is not cached)."""
        parts = ["run", CACHE_FORMAT, code_digest(), z3_version(), *options]
        todo = [(p, True) for p in paths]
        seen: set[str] = set()
        while todo:
            p, named = todo.pop(0)
            real = os.path.realpath(p)
            if real in seen:
                continue
            seen.add(real)
            try:
                with open(p, "rb") as f:
                    data = f.read()
            except OSError:
                if named:
                    return None
                parts += [p, "missing"]
                continue
            parts += [p, hashlib.sha256(data).hexdigest()]
            base = os.path.dirname(p)
            for m in _INCLUDE.finditer(data):
                inc = m.group(1).decode("utf-8", "surrogateescape")
                todo.append((inc if os.path.isabs(inc) else os.path.join(base, inc), False))
        return _digest(parts)

    def get_run(self, key: str) -> RunEntry | None:
        doc = self._read("run", key)
        if doc is None or not isinstance(doc.get("output"), str) \
                or not isinstance(doc.get("exit_code"), int):
            self.misses += 1
            return None
        self.hits += 1
        return RunEntry(str(doc["output"]), int(doc["exit_code"]))  # type: ignore[call-overload]

    def put_run(self, key: str, entry: RunEntry) -> None:
        self._write("run", key, {"output": entry.output, "exit_code": entry.exit_code})

    # ------------------------------------------------------------------ query level
    def query_key(self, query_fingerprint: str, solver_options: str) -> str:
        return _digest(["query", CACHE_FORMAT, z3_version(), solver_options, query_fingerprint])

    def is_proved(self, key: str) -> bool:
        doc = self._read("vc", key)
        if doc is not None and doc.get("verdict") == "verified":
            self.hits += 1
            return True
        self.misses += 1
        return False

    def record_proved(self, key: str, name: str) -> None:
        self._write("vc", key, {"verdict": "verified", "name": name})


class _Tee(io.TextIOBase):
    """Writes through to `out` and records what was written."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.parts: list[str] = []

    def write(self, s: str) -> int:
        self.parts.append(s)
        return self.out.write(s)

    def flush(self) -> None:
        self.out.flush()


def run_cached(root: str, options: Sequence[str], paths: Sequence[str],
               run: Callable[[], tuple[int, bool]]) -> int:
    """Print the stored output of a run over `paths` with `options` and return its exit code;
    on a miss, call `run` (which prints and returns the exit code and whether its verdicts are
    definite), store what it printed when they are, and return its exit code."""
    cache = VerificationCache(root)
    key = cache.run_key(options, paths)
    if key is not None:
        hit = cache.get_run(key)
        if hit is not None:
            sys.stdout.write(hit.output)
            return hit.exit_code
    tee = _Tee(sys.stdout)
    with contextlib.redirect_stdout(tee):
        code, definite = run()
    if key is not None and definite:
        cache.put_run(key, RunEntry("".join(tee.parts), code))
    return code
