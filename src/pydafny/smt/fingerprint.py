"""Structural fingerprints of SMT queries, for caching verification results.

Takes: a sequence of `Term`s (a query's assertions, in order) and an extra string (solver
options, versions).
Guarantees: `fingerprint` returns a hex SHA-256 digest of an injective serialization of the
term DAG (each distinct node once, children by index; operator, sort, literal value or symbol
name with its signature, quantifier variables, patterns, no-patterns, qid and weight), the
assertion order and the extra string. Queries that differ in any way the solver can observe
get different digests (up to SHA-256 collisions); the same query built twice, even with a
different sharing of subterms, gets the same digest. Iterative: deep terms are safe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from .terms import Binder, FunSym, Term


def _data_text(t: Term) -> str:
    d = t.data
    if d is None:
        return ""
    if isinstance(d, FunSym):
        return f"{d.name!r}:{','.join(map(str, d.domain))}->{d.range}"
    if isinstance(d, Binder):
        return ""
    return f"{type(d).__name__}:{d!r}"


def fingerprint(terms: Sequence[Term], extra: str = "") -> str:
    """The digest of the query `terms` (in order) together with `extra`."""
    index: dict[int, int] = {}      # id(term) -> line number of its serialization
    keep: list[Term] = []           # keeps the ids above alive during the walk
    lines: list[str] = []
    by_text: dict[str, int] = {}    # structurally equal nodes share one line

    def visit(root: Term) -> int:
        stack: list[tuple[Term, bool]] = [(root, False)]
        while stack:
            t, ready = stack.pop()
            if id(t) in index:
                continue
            b = t.data if isinstance(t.data, Binder) else None
            kids: list[Term] = list(t.args)
            if b is not None:
                kids += list(b.vars)
                kids += [p for pat in b.patterns for p in pat]
                kids += list(b.no_patterns)
            if not ready:
                stack.append((t, True))
                stack.extend((k, False) for k in kids if id(k) not in index)
                continue
            args = ",".join(str(index[id(a)]) for a in t.args)
            text = f"{t.op}|{t.sort}|{_data_text(t)}|{args}"
            if b is not None:
                vs = ",".join(str(index[id(v)]) for v in b.vars)
                pats = ";".join(",".join(str(index[id(p)]) for p in pat) for pat in b.patterns)
                nps = ",".join(str(index[id(p)]) for p in b.no_patterns)
                text += f"|{vs}|{pats}|{nps}|{b.qid!r}|{b.weight}"
            n = by_text.get(text)
            if n is None:
                n = len(lines)
                lines.append(text)
                by_text[text] = n
            index[id(t)] = n
            keep.append(t)
        return index[id(root)]

    roots = [visit(t) for t in terms]
    h = hashlib.sha256()
    h.update(extra.encode())
    h.update(b"\x00")
    h.update("\n".join(lines).encode())
    h.update(b"\x00")
    h.update(",".join(map(str, roots)).encode())
    return h.hexdigest()
